package org.opendicomweb.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.security.audit.AuditFile;
import org.opendicomweb.security.audit.AuditTrail;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Keycloak;
import org.opendicomweb.testing.OidcProfile;
import org.opendicomweb.testing.StowBody;

/**
 * What the audit file holds after a known sequence of requests in mode oidc: exactly one event per audited request,
 * of the expected type, naming the user, the client, the study with its Patient ID, and no secret.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class AuditTrailEndToEndTest {
    private static final String AS_STORED = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditTrail trail;

    @Inject
    DicomwebConfig config;

    private Keycloak keycloak;

    @BeforeEach
    void keycloak() {
        keycloak = Keycloak.shared();
    }

    @Test
    void eachAuditedRequestIsOneEventOfItsTypeAndNoSecretIsWritten() throws Exception {
        String writer = keycloak.token("writer");
        String reader = keycloak.token("reader");
        String patientId = "AUDIT-" + System.nanoTime();
        DicomFiles.Builder image = DicomFiles.ctImage().size(8, 8).patient("Audit^Test", patientId);
        long before = auditFileSize();

        given().auth()
                .oauth2(writer)
                .contentType(StowBody.contentType("audit"))
                .body(StowBody.of("audit", image))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(reader)
                .queryParam("PatientID", patientId)
                .when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(reader)
                .when()
                .get("/dicom-web/studies/" + image.studyInstanceUid() + "/series")
                .then()
                .statusCode(200);
        String instance = "/dicom-web/studies/" + image.studyInstanceUid() + "/series/" + image.seriesInstanceUid()
                + "/instances/" + image.sopInstanceUid();
        given().auth()
                .oauth2(reader)
                .accept(AS_STORED)
                .when()
                .get(instance)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(reader)
                .accept(AS_STORED)
                .when()
                .get(instance)
                .then()
                .statusCode(200); // event loop
        given().auth().oauth2(reader).when().get(instance + "/metadata").then().statusCode(200);
        given().when().get("/dicom-web/studies").then().statusCode(401);
        given().auth()
                .oauth2(Keycloak.withBadSignature(reader))
                .when()
                .get(instance)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(reader)
                .contentType(StowBody.contentType("audit"))
                .body(StowBody.of("audit", image))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(403);
        given().auth().oauth2(reader).when().get("/dicom-web").then().statusCode(200); // public: not audited
        given().when().get("/q/health/ready").then().statusCode(200); // not audited

        assertTrue(trail.flush(Duration.ofSeconds(10)), "the audit trail wrote what it was given");
        String written = Files.readString(auditFile(), StandardCharsets.UTF_8).substring((int) before);
        List<JsonNode> events = new ArrayList<>();
        for (String line : written.split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode e : events) {
            counts.merge(
                    e.path("eventId").path("code").asText() + " "
                            + e.path("eventActionCode").asText(),
                    1,
                    Integer::sum);
        }
        assertEquals(
                Map.of(
                        "110104 C", 1, // STOW-RS
                        "110112 E", 2, // two QIDO-RS searches
                        "110104 R", 3, // instance twice, metadata once
                        "110114 E", 2, // no token, bad signature
                        "110113 E", 1), // a reader storing
                counts,
                written);

        for (JsonNode e : events) {
            String code = e.path("eventId").path("code").asText();
            if (code.equals("110104")) {
                assertEquals(
                        patientId,
                        e.path("participants").path(0).path("patientId").asText(),
                        e.toString());
                assertEquals(
                        image.studyInstanceUid(),
                        e.path("participants").path(0).path("studyInstanceUid").asText());
            }
            if (code.equals("110114")) {
                assertEquals("110122", e.path("eventTypeCode").path("code").asText(), e.toString());
                assertEquals(4, e.path("outcome").asInt(), e.toString());
            }
            if (code.equals("110113")) {
                assertEquals("110132", e.path("eventTypeCode").path("code").asText(), e.toString());
                assertEquals("reader", e.path("user").path("name").asText(), e.toString());
            }
        }
        for (String secret : List.of(writer, reader, "Bearer", "password")) {
            assertFalse(written.contains(secret), "the audit file holds no secret: " + secret.substring(0, 6));
        }
        for (String part : reader.split("\\.")) {
            assertFalse(written.contains(part), "no part of a token is written");
        }
    }

    @Test
    void aDeletionIsAuditedWithThePatientIdOfWhatItDeleted() throws Exception {
        String writer = keycloak.token("writer");
        String deleter = keycloak.token("deleter");
        String patientId = "AUDIT-DEL-" + System.nanoTime();
        DicomFiles.Builder first = DicomFiles.ctImage().size(8, 8).patient("Audit^Delete", patientId);
        DicomFiles.Builder second = DicomFiles.ctImage()
                .size(8, 8)
                .patient("Audit^Delete", patientId)
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid());
        given().auth()
                .oauth2(writer)
                .contentType(StowBody.contentType("audit"))
                .body(StowBody.of("audit", first, second))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        long before = auditFileSize();
        String study = "/dicom-web/studies/" + first.studyInstanceUid();

        given().auth()
                .oauth2(deleter)
                .when()
                .delete(study + "/series/" + second.seriesInstanceUid() + "/instances/" + second.sopInstanceUid())
                .then()
                .statusCode(204);
        given().auth().oauth2(deleter).when().delete(study).then().statusCode(204);

        // A request's events are recorded once its response has ended, which can be after the client has read it:
        // wait for both deletions' lines, and leave out the store's, which may also land after `before`.
        Map<String, JsonNode> byEvent = new TreeMap<>();
        String written = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (byEvent.size() < 2 && System.nanoTime() < deadline) {
            assertTrue(trail.flush(Duration.ofSeconds(10)), "the audit trail wrote what it was given");
            written = Files.readString(auditFile(), StandardCharsets.UTF_8).substring((int) before);
            byEvent.clear();
            for (String line : written.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = JSON.readTree(line);
                if ("DELETE".equals(e.path("request").path("method").asText())) {
                    byEvent.put(
                            e.path("eventId").path("code").asText() + " "
                                    + e.path("eventActionCode").asText(),
                            e);
                }
            }
            if (byEvent.size() < 2) {
                Thread.sleep(50);
            }
        }
        assertEquals(List.of("110103 D", "110105 D"), List.copyOf(byEvent.keySet()), written);
        for (JsonNode e : byEvent.values()) {
            JsonNode participant = e.path("participants").path(0);
            assertEquals(patientId, participant.path("patientId").asText(), e.toString());
            assertEquals(
                    first.studyInstanceUid(),
                    participant.path("studyInstanceUid").asText(),
                    e.toString());
            assertEquals("deleter", e.path("user").path("name").asText(), e.toString());
        }
        assertEquals(
                second.sopInstanceUid(),
                byEvent.get("110103 D")
                        .path("participants")
                        .path(0)
                        .path("sopInstanceUid")
                        .asText());
    }

    private Path auditFile() {
        return AuditFile.of(config);
    }

    private long auditFileSize() throws Exception {
        trail.flush(Duration.ofSeconds(10));
        return Files.exists(auditFile()) ? Files.size(auditFile()) : 0;
    }
}
