package org.opendicomweb.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendicomweb.security.audit.AuditEvent.Participant;

class PatientIdsTest {
    /** What the index holds: study -> Patient ID (empty: stored without one). */
    private final Map<String, Optional<String>> index = new HashMap<>();

    private final List<Set<String>> queries = new ArrayList<>();
    private final PatientIds patientIds = patientIds(studies -> {
        queries.add(Set.copyOf(studies));
        Map<String, Optional<String>> found = new HashMap<>();
        studies.stream().filter(index::containsKey).forEach(s -> found.put(s, index.get(s)));
        return found;
    });

    @Test
    void fillsThePatientIdOfEveryStudyOfABatchWithOneQuery() {
        index.put("1.1", Optional.of("PAT-1"));
        index.put("2.2", Optional.of("PAT-2"));

        List<AuditEvent> out = patientIds.complete(List.of(
                event(AuditEventType.INSTANCES_RETRIEVED, participant("1.1", "1.1.1", "1.1.1.1")),
                event(
                        AuditEventType.INSTANCES_STORED,
                        participant("2.2", "2.2.1", "2.2.1.1"),
                        participant("1.1", null, null))));

        assertEquals(List.of(Set.of("1.1", "2.2")), queries);
        assertEquals(
                new Participant("1.1", "1.1.1", "1.1.1.1", "PAT-1"),
                out.get(0).participants().get(0));
        assertEquals(
                new Participant("2.2", "2.2.1", "2.2.1.1", "PAT-2"),
                out.get(1).participants().get(0));
        assertEquals(
                new Participant("1.1", null, null, "PAT-1"),
                out.get(1).participants().get(1));
    }

    @Test
    void studiesKnownFromAnEarlierBatchAreNotQueriedAgain() {
        index.put("1.1", Optional.of("PAT-1"));
        index.put("3.3", Optional.empty());
        patientIds.complete(
                List.of(event(AuditEventType.QUERY, participant("1.1", null, null), participant("3.3", null, null))));

        List<AuditEvent> out = patientIds.complete(List.of(event(
                AuditEventType.INSTANCES_RETRIEVED, participant("1.1", null, null), participant("3.3", null, null))));

        assertEquals(1, queries.size(), "queries: " + queries);
        assertEquals("PAT-1", out.get(0).participants().get(0).patientId());
        assertNull(out.get(0).participants().get(1).patientId(), "a study stored without Patient ID has none");
    }

    @Test
    void aStudyNotStoredStaysWithoutPatientIdAndIsAskedForAgainLater() {
        AuditEvent first = event(AuditEventType.INSTANCES_RETRIEVED, participant("9.9", null, null));
        assertNull(
                patientIds.complete(List.of(first)).get(0).participants().get(0).patientId());

        index.put("9.9", Optional.of("PAT-9"));
        assertEquals(
                "PAT-9",
                patientIds.complete(List.of(first)).get(0).participants().get(0).patientId());
        assertEquals(2, queries.size());
    }

    @Test
    void aPatientIdTheEventCarriesIsKeptAndNotLookedUp() {
        AuditEvent e = event(AuditEventType.STUDY_DELETED, new Participant("1.1", null, null, "GIVEN"));

        assertSame(e, patientIds.complete(List.of(e)).get(0));
        assertEquals(List.of(), queries);
    }

    @Test
    void anEventWithoutParticipantsNeedsNoQuery() {
        AuditEvent e = event(AuditEventType.AUTHENTICATION_FAILED);

        assertSame(e, patientIds.complete(List.of(e)).get(0));
        assertEquals(List.of(), queries);
    }

    @Test
    void eventsGoOutWithoutPatientIdWhileTheIndexCannotBeRead() {
        PatientIds failing = patientIds(studies -> {
            throw new SQLException("connection refused", "08001");
        });
        AuditEvent e = event(AuditEventType.INSTANCES_RETRIEVED, participant("1.1", null, null));

        assertSame(e, failing.complete(List.of(e)).get(0));
    }

    @Test
    void aDeletedStudyIsLookedUpAgainAtItsNextAccess() {
        index.put("1.1", Optional.of("PAT-1"));
        patientIds.complete(List.of(event(AuditEventType.INSTANCES_RETRIEVED, participant("1.1", null, null))));

        List<AuditEvent> deleted =
                patientIds.complete(List.of(event(AuditEventType.STUDY_DELETED, participant("1.1", null, null))));
        index.put("1.1", Optional.of("PAT-OTHER"));
        List<AuditEvent> storedAgain =
                patientIds.complete(List.of(event(AuditEventType.INSTANCES_STORED, participant("1.1", null, null))));

        assertEquals("PAT-1", deleted.get(0).participants().get(0).patientId(), "known from before the delete");
        assertEquals("PAT-OTHER", storedAgain.get(0).participants().get(0).patientId());
        assertEquals(2, queries.size());
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedStudies() {
        PatientIds small = new PatientIds(
                studies -> {
                    queries.add(Set.copyOf(studies));
                    Map<String, Optional<String>> found = new HashMap<>();
                    studies.forEach(s -> found.put(s, Optional.of("P" + s)));
                    return found;
                },
                2,
                new OncePerInterval(Duration.ofMinutes(1), System::nanoTime));
        small.complete(List.of(event(AuditEventType.QUERY, participant("1", null, null))));
        small.complete(List.of(event(AuditEventType.QUERY, participant("2", null, null))));
        small.complete(List.of(event(AuditEventType.QUERY, participant("1", null, null))));
        small.complete(List.of(event(AuditEventType.QUERY, participant("3", null, null))));

        small.complete(
                List.of(event(AuditEventType.QUERY, participant("1", null, null), participant("2", null, null))));

        assertEquals(List.of(Set.of("1"), Set.of("2"), Set.of("3"), Set.of("2")), queries);
    }

    private static PatientIds patientIds(PatientIds.Lookup lookup) {
        return new PatientIds(lookup, 100, new OncePerInterval(Duration.ofMinutes(1), System::nanoTime));
    }

    private static Participant participant(String study, String series, String instance) {
        return new Participant(study, series, instance, null);
    }

    static AuditEvent event(AuditEventType type, Participant... participants) {
        return new AuditEvent(
                Instant.parse("2026-12-07T10:00:00Z"),
                type,
                0,
                "sub",
                "user",
                "127.0.0.1",
                "GET",
                "/dicom-web/studies",
                null,
                200,
                Arrays.asList(participants));
    }
}
