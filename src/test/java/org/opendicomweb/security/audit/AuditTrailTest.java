package org.opendicomweb.security.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.security.audit.AuditEvent.Participant;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.support.TestDatabase;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/** Events recorded through the bean come out of the audit file, one JSON line each, with the Patient ID filled in. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class AuditTrailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "audit-test-boundary";

    @Inject
    AuditTrail trail;

    @Inject
    DicomwebConfig config;

    @Test
    void theAuditFileIsBelowTheStoragePathOnePerNodeWhereNodesCanShareIt() {
        assertEquals(
                config.storage()
                        .path()
                        .resolve(
                                TestDatabase.isPostgreSQL()
                                        ? "audit/audit-" + AuditTrail.hostName() + ".log"
                                        : "audit/audit.log"),
                AuditFile.of(config));
    }

    @Test
    void aRetrieveOfAStoredInstanceIsAuditedWithThePatientIdOfItsStudy() throws Exception {
        String patientId = "AUDIT-" + UUID.randomUUID();
        DicomFiles.Builder ct = DicomFiles.ctImage().patientId(patientId);
        given().contentType(StowBody.contentType(BOUNDARY))
                .body(StowBody.of(BOUNDARY, ct))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String path = "/dicom-web/studies/" + ct.studyInstanceUid() + "/series/" + ct.seriesInstanceUid()
                + "/instances/" + ct.sopInstanceUid();

        trail.record(new AuditEvent(
                Instant.now(),
                AuditEventType.INSTANCES_RETRIEVED,
                0,
                "subject-1",
                "alice",
                "127.0.0.1",
                "GET",
                path,
                null,
                200,
                List.of(new Participant(ct.studyInstanceUid(), ct.seriesInstanceUid(), ct.sopInstanceUid(), null))));

        JsonNode line = lineWithPath(path);
        assertEquals("110104", line.at("/eventId/code").asText());
        assertEquals("R", line.get("eventActionCode").asText());
        assertEquals("alice", line.at("/user/name").asText());
        assertEquals(
                ct.studyInstanceUid(),
                line.at("/participants/0/studyInstanceUid").asText());
        assertEquals(
                ct.sopInstanceUid(), line.at("/participants/0/sopInstanceUid").asText());
        assertEquals(patientId, line.at("/participants/0/patientId").asText());
    }

    @Test
    void anAccessToAStudyThatIsNotStoredIsAuditedWithoutPatientId() throws Exception {
        String study = Uids.generate();
        String path = "/dicom-web/studies/" + study;

        trail.record(new AuditEvent(
                Instant.now(),
                AuditEventType.ACCESS_DENIED,
                4,
                "subject-2",
                "bob",
                "127.0.0.1",
                "GET",
                path,
                null,
                403,
                List.of(new Participant(study, null, null, null))));

        JsonNode line = lineWithPath(path);
        assertEquals("110113", line.at("/eventId/code").asText());
        assertEquals(study, line.at("/participants/0/studyInstanceUid").asText());
        assertFalse(line.at("/participants/0").has("patientId"), line.toString());
    }

    @Test
    void theAuditFileHoldsAuditLinesOnly() throws Exception {
        trail.record(new AuditEvent(
                Instant.now(),
                AuditEventType.QUERY,
                0,
                null,
                null,
                "127.0.0.1",
                "GET",
                "/dicom-web/studies",
                "PatientID=" + UUID.randomUUID(),
                200,
                List.of()));

        List<JsonNode> lines = lines();
        assertFalse(lines.isEmpty());
        for (JsonNode n : lines) {
            assertEquals("DCM", n.at("/eventId/codeSystem").asText(), "not an audit line: " + n);
        }
    }

    /** The one line whose request path is {@code path}, once everything recorded so far is written. */
    private JsonNode lineWithPath(String path) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode n : lines()) {
            if (path.equals(n.at("/request/path").asText())) {
                found.add(n);
            }
        }
        assertEquals(1, found.size(), "lines with path " + path + ": " + found);
        return found.get(0);
    }

    private List<JsonNode> lines() throws Exception {
        assertTrue(trail.flush(Duration.ofSeconds(30)), "the audit writer did not catch up");
        Path file = AuditFile.of(config);
        List<JsonNode> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file)) {
            lines.add(JSON.readTree(text));
        }
        return lines;
    }
}
