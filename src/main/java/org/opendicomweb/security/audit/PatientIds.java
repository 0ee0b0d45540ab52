package org.opendicomweb.security.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.opendicomweb.security.audit.AuditEvent.Participant;

/**
 * Fills in the Patient ID of the participants that lack one, from the index (a request names studies, series and
 * instances, not patients): one query for the studies of a whole batch that are not known yet, and the answers kept
 * for the next batches. Used by the audit writer's thread only.
 *
 * <p>An event is never held back for its Patient ID: while the index cannot be read, events go out without one.
 */
final class PatientIds {
    private static final Logger LOG = Logger.getLogger(PatientIds.class);

    /** Reads the Patient ID of stored studies (empty for a study stored without one; a study not stored is absent). */
    @FunctionalInterface
    interface Lookup {
        Map<String, Optional<String>> patientIds(Set<String> studyInstanceUids) throws SQLException;
    }

    private final Lookup lookup;
    private final Map<String, Optional<String>> known;
    private final OncePerInterval failureWarning;

    PatientIds(Lookup lookup, int capacity, OncePerInterval failureWarning) {
        this.lookup = lookup;
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                return size() > capacity;
            }
        };
        this.failureWarning = failureWarning;
    }

    /** The events of a batch, in order, with every Patient ID filled in that the index knows. */
    List<AuditEvent> complete(List<AuditEvent> batch) {
        Set<String> unknown = new LinkedHashSet<>();
        for (AuditEvent e : batch) {
            for (Participant p : participantsOf(e)) {
                if (p.patientId() == null && p.studyUid() != null && known.get(p.studyUid()) == null) {
                    unknown.add(p.studyUid());
                }
            }
        }
        if (!unknown.isEmpty()) {
            readFromIndex(unknown);
        }
        List<AuditEvent> completed = new ArrayList<>(batch.size());
        for (AuditEvent e : batch) {
            completed.add(withPatientIds(e));
            if (e.type() == AuditEventType.STUDY_DELETED) {
                // Its UID may be stored again, under another patient: the next access reads the index again.
                participantsOf(e).forEach(p -> known.remove(p.studyUid()));
            }
        }
        return completed;
    }

    private void readFromIndex(Set<String> studies) {
        try {
            known.putAll(lookup.patientIds(studies));
        } catch (SQLException | RuntimeException e) {
            // The index is down or not yet migrated (IndexUnavailableException): the accesses are audited all the same.
            if (failureWarning.due()) {
                LOG.warnf(
                        "Audit events are written without the Patient ID of their studies:"
                                + " the index cannot be read (%s)",
                        e.toString());
            }
        }
    }

    private AuditEvent withPatientIds(AuditEvent e) {
        List<Participant> participants = participantsOf(e);
        List<Participant> filled = new ArrayList<>(participants.size());
        boolean changed = false;
        for (Participant p : participants) {
            Optional<String> patientId = p.patientId() == null && p.studyUid() != null ? known.get(p.studyUid()) : null;
            if (patientId != null && patientId.isPresent()) {
                filled.add(new Participant(p.studyUid(), p.seriesUid(), p.sopInstanceUid(), patientId.get()));
                changed = true;
            } else {
                filled.add(p);
            }
        }
        return !changed
                ? e
                : new AuditEvent(
                        e.time(),
                        e.type(),
                        e.outcome(),
                        e.userId(),
                        e.userName(),
                        e.clientAddress(),
                        e.method(),
                        e.path(),
                        e.query(),
                        e.status(),
                        filled);
    }

    private static List<Participant> participantsOf(AuditEvent e) {
        return e.participants() == null ? List.of() : e.participants();
    }
}
