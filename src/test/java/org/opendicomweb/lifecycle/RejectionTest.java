package org.opendicomweb.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.security.audit.AuditFile;
import org.opendicomweb.security.audit.AuditTrail;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * Rejection of stored instances by Key Object Selection notes (IHE IOCM): what each of the four CID 7010 rejection
 * titles does to QIDO-RS, WADO-RS, WADO-URI, the files and the change feed; a note that arrives before what it
 * rejects; notes refused with their failure reason. Mode none: every local caller is an administrator.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class RejectionTest {
    private static final String BOUNDARY = "rejection";
    private static final String DICOM = "multipart/related; type=\"application/dicom\"";

    @Inject
    IndexDatabase index;

    @Inject
    RejectionSweep sweep;

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    @Inject
    AuditTrail trail;

    @Inject
    DicomwebConfig config;

    private static boolean deletionAudited(String audited, String sopInstanceUid) {
        return audited.lines()
                .anyMatch(line -> line.contains("\"110103\"")
                        && line.contains("\"eventActionCode\":\"D\"")
                        && line.contains(sopInstanceUid));
    }

    private long auditFileSize() throws Exception {
        trail.flush(Duration.ofSeconds(10));
        Path file = AuditFile.of(config);
        return Files.exists(file) ? Files.size(file) : 0;
    }

    // ---- fixtures ----

    private static DicomFiles.Builder image(String patientId, String study, String series) {
        return DicomFiles.ctImage()
                .patient("DOE^JANE", patientId)
                .studyUid(study)
                .seriesUid(series);
    }

    /** A rejection note in its own series of {@code study}, titled ({@code code}, DCM), rejecting {@code rejected}. */
    private static DicomFiles.Builder note(
            String patientId, String study, String code, DicomFiles.Builder... rejected) {
        List<DicomFiles.Reference> references = new ArrayList<>();
        for (DicomFiles.Builder r : rejected) {
            references.add(new DicomFiles.Reference(
                    r.studyInstanceUid(), r.seriesInstanceUid(), UID.CTImageStorage, r.sopInstanceUid()));
        }
        return DicomFiles.keyObjectSelection(code, references)
                .patient("DOE^JANE", patientId)
                .studyUid(study);
    }

    private static ValidatableResponse store(DicomFiles.Builder... files) {
        return given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post("/dicom-web/studies")
                .then();
    }

    private static String instanceUrl(DicomFiles.Builder b) {
        return "/dicom-web/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
    }

    private static ValidatableResponse qido(String path, String... query) {
        var request = given().accept("application/dicom+json");
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.when().get("/dicom-web" + path).then();
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> changes(String sop) throws Exception {
        List<String> entries = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select action, state from change_feed where sop_iuid = ? order by sequence")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
        }
        return entries;
    }

    private Path fileOf(String sop) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select blob_key from instance where sop_iuid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "indexed: " + sop);
                return storage.resolve(rs.getString(1));
            }
        }
    }

    /** Every way an instance is retrieved answers 404. */
    private static void notRetrievable(DicomFiles.Builder b) {
        String url = instanceUrl(b);
        given().accept(DICOM).when().get(url).then().statusCode(404);
        given().accept("application/dicom+json")
                .when()
                .get(url + "/metadata")
                .then()
                .statusCode(404);
        given().accept("multipart/related; type=\"application/octet-stream\"")
                .when()
                .get(url + "/frames/1")
                .then()
                .statusCode(404);
        given().accept("image/png").when().get(url + "/rendered").then().statusCode(404);
        given().when()
                .get("/dicom-web/wado?requestType=WADO&studyUID=" + b.studyInstanceUid() + "&seriesUID="
                        + b.seriesInstanceUid() + "&objectUID=" + b.sopInstanceUid() + "&contentType=application/dicom")
                .then()
                .statusCode(404);
    }

    private static void retrievable(DicomFiles.Builder b) {
        given().accept(DICOM).when().get(instanceUrl(b)).then().statusCode(200);
    }

    // ---- the four titles ----

    @Test
    void qualityRejectionHidesTheInstancesKeepsTheirFilesForTheGracePeriodThenDeletesThem() throws Exception {
        String patient = "IOCM-Q";
        DicomFiles.Builder a1 = image(patient, null, null);
        String study = a1.studyInstanceUid();
        DicomFiles.Builder a2 = image(patient, study, a1.seriesInstanceUid());
        DicomFiles.Builder b1 = image(patient, study, null);
        store(a1, a2, b1).statusCode(200);
        Path a2File = fileOf(a2.sopInstanceUid());
        DicomFiles.Builder kos = note(patient, study, "113001", a2, b1);

        store(kos).statusCode(200).body("'00081198'", nullValue());

        // The study shows what remains: a1 and the note, in two series (b1's series holds nothing else).
        qido("/studies", "StudyInstanceUID", study)
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].'00201206'.Value[0]", equalTo(2))
                .body("[0].'00201208'.Value[0]", equalTo(2));
        qido("/studies/" + study + "/series").statusCode(200).body("", hasSize(2));
        qido("/studies/" + study + "/series", "SeriesInstanceUID", a1.seriesInstanceUid())
                .statusCode(200)
                .body("[0].'00201209'.Value[0]", equalTo(1));
        qido("/studies/" + study + "/series/" + b1.seriesInstanceUid() + "/instances")
                .statusCode(404);
        qido("/studies/" + study + "/instances").statusCode(200).body("", hasSize(2));
        qido("/instances", "SOPInstanceUID", a2.sopInstanceUid())
                .statusCode(200)
                .body("", hasSize(0));
        qido("/series", "SeriesInstanceUID", b1.seriesInstanceUid())
                .statusCode(200)
                .body("", hasSize(0));
        notRetrievable(a2);
        notRetrievable(b1);
        given().accept(DICOM)
                .when()
                .get("/dicom-web/studies/" + study + "/series/" + b1.seriesInstanceUid())
                .then()
                .statusCode(404);
        retrievable(a1);
        given().accept("application/dicom+json")
                .when()
                .get("/dicom-web/studies/" + study + "/metadata")
                .then()
                .statusCode(200)
                .body("", hasSize(2));

        // Administrators still find them, with the counts of everything stored.
        qido("/instances", "SOPInstanceUID", a2.sopInstanceUid(), "includerejected", "true")
                .statusCode(200)
                .body("", hasSize(1));
        qido("/studies", "StudyInstanceUID", study, "includerejected", "true")
                .statusCode(200)
                .body("[0].'00201206'.Value[0]", equalTo(3))
                .body("[0].'00201208'.Value[0]", equalTo(4));

        // The change feed tells readers once: a rejection is a delete entry.
        assertEquals(List.of("create/deleted", "delete/deleted"), changes(a2.sopInstanceUid()));
        assertEquals(List.of("create/current"), changes(a1.sopInstanceUid()));

        // Kept during the grace period, deleted after it, with no second delete entry. (The sweep deletes what
        // other tests rejected too: only this test's instances are looked at.)
        sweep.sweep(Instant.now());
        assertTrue(Files.exists(a2File), a2File.toString());
        assertTrue(sweep.sweep(Instant.now().plus(Duration.ofDays(31))) >= 2);
        assertFalse(Files.exists(a2File), a2File.toString());
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", a2.sopInstanceUid()));
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", b1.sopInstanceUid()));
        assertEquals(List.of("create/deleted", "delete/deleted"), changes(a2.sopInstanceUid()));

        // Sent again after its deletion, it is still rejected.
        store(a2).statusCode(200);
        notRetrievable(a2);
        assertEquals(List.of("create/deleted", "delete/deleted"), changes(a2.sopInstanceUid()));
        sweep.sweep(Instant.now().plus(Duration.ofDays(31)));
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", a2.sopInstanceUid()));
        qido("/studies", "StudyInstanceUID", study)
                .statusCode(200)
                .body("[0].'00201206'.Value[0]", equalTo(2))
                .body("[0].'00201208'.Value[0]", equalTo(2));
        qido("/studies", "StudyInstanceUID", study, "includerejected", "true")
                .statusCode(200)
                .body("[0].'00201208'.Value[0]", equalTo(2));
        retrievable(a1);
    }

    @Test
    void retentionExpiryDeletesTheInstancesAtOnce() throws Exception {
        String patient = "IOCM-R";
        DicomFiles.Builder a = image(patient, null, null);
        store(a).statusCode(200);
        Path file = fileOf(a.sopInstanceUid());
        long auditedBefore = auditFileSize();

        store(note(patient, a.studyInstanceUid(), "113039", a)).statusCode(200);

        // The rejection is audited as a deletion of the instance (PS3.15 A.5.3, 110103 with action D).
        // Request events are recorded as their response completes, which may be just after the client has it.
        String audited = "";
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!deletionAudited(audited, a.sopInstanceUid()) && System.nanoTime() < until) {
            assertTrue(trail.flush(Duration.ofSeconds(10)));
            audited = Files.readString(AuditFile.of(config), StandardCharsets.UTF_8)
                    .substring((int) auditedBefore);
            if (!deletionAudited(audited, a.sopInstanceUid())) {
                Thread.sleep(50);
            }
        }
        assertTrue(deletionAudited(audited, a.sopInstanceUid()), audited);

        assertFalse(Files.exists(file), file.toString());
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", a.sopInstanceUid()));
        notRetrievable(a);
        qido("/instances", "SOPInstanceUID", a.sopInstanceUid(), "includerejected", "true")
                .statusCode(200)
                .body("", hasSize(0));
        assertEquals(List.of("create/deleted", "delete/deleted"), changes(a.sopInstanceUid()));
    }

    @Test
    void patientSafetyRejectionHidesTheInstancesForGoodAndKeepsThem() throws Exception {
        hiddenForGoodAndKept("113037", "IOCM-S");
    }

    @Test
    void incorrectWorklistEntryHidesTheInstancesForGoodAndKeepsThem() throws Exception {
        hiddenForGoodAndKept("113038", "IOCM-W");
    }

    private void hiddenForGoodAndKept(String code, String patient) throws Exception {
        DicomFiles.Builder a = image(patient, null, null);
        store(a).statusCode(200);
        Path file = fileOf(a.sopInstanceUid());
        // The note in a study of its own: the rejected study has nothing else and disappears.
        store(note(patient, null, code, a)).statusCode(200);

        notRetrievable(a);
        qido("/studies", "StudyInstanceUID", a.studyInstanceUid())
                .statusCode(200)
                .body("", hasSize(0));
        qido("/studies/" + a.studyInstanceUid() + "/series").statusCode(404);
        given().accept(DICOM)
                .when()
                .get("/dicom-web/studies/" + a.studyInstanceUid())
                .then()
                .statusCode(404);
        given().accept("application/dicom+json")
                .when()
                .get("/dicom-web/studies/" + a.studyInstanceUid() + "/metadata")
                .then()
                .statusCode(404);
        sweep.sweep(Instant.now().plus(Duration.ofDays(3650)));
        assertTrue(Files.exists(file), file.toString());
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", a.sopInstanceUid()));
        qido("/studies", "StudyInstanceUID", a.studyInstanceUid(), "includerejected", "true")
                .statusCode(200)
                .body("[0].'00201208'.Value[0]", equalTo(1));
    }

    // ---- order of arrival ----

    @Test
    void aNoteThatArrivesFirstHidesTheInstancesWhenTheyArrive() throws Exception {
        String patient = "IOCM-EARLY";
        DicomFiles.Builder early = image(patient, null, null);
        DicomFiles.Builder kept = image(patient, early.studyInstanceUid(), early.seriesInstanceUid());
        store(note(patient, early.studyInstanceUid(), "113001", early)).statusCode(200);

        store(early, kept).statusCode(200).body("'00081199'.Value", hasSize(2));

        notRetrievable(early);
        retrievable(kept);
        qido("/studies/" + early.studyInstanceUid() + "/series/" + early.seriesInstanceUid() + "/instances")
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].'00080018'.Value[0]", equalTo(kept.sopInstanceUid()));
        qido("/studies", "StudyInstanceUID", early.studyInstanceUid())
                .statusCode(200)
                .body("[0].'00201208'.Value[0]", equalTo(2));
        // Nobody ever saw it: the feed has no entry for it at all.
        assertEquals(List.of(), changes(early.sopInstanceUid()));
        assertTrue(Files.exists(fileOf(early.sopInstanceUid())));
    }

    @Test
    void aNoteAndWhatItRejectsInOneRequest() throws Exception {
        String patient = "IOCM-TOGETHER";
        DicomFiles.Builder a = image(patient, null, null);
        store(a, note(patient, a.studyInstanceUid(), "113037", a)).statusCode(200);

        notRetrievable(a);
        assertEquals(List.of(), changes(a.sopInstanceUid()));
        qido("/studies", "StudyInstanceUID", a.studyInstanceUid())
                .statusCode(200)
                .body("[0].'00201208'.Value[0]", equalTo(1));
    }

    // ---- refused notes ----

    @Test
    void aNoteTitledOutsideCid7010IsRefused() throws Exception {
        DicomFiles.Builder a = image("IOCM-T", null, null);
        store(a).statusCode(200);
        DicomFiles.Builder miscoded = note("IOCM-T", a.studyInstanceUid(), "113099", a);

        store(miscoded)
                .statusCode(409)
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(miscoded.sopInstanceUid()))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC40B));

        retrievable(a);
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", miscoded.sopInstanceUid()));
    }

    @Test
    void aKeyObjectSelectionWithAnotherTitleIsAnOrdinaryDocument() throws Exception {
        DicomFiles.Builder a = image("IOCM-OF-INTEREST", null, null);
        store(a).statusCode(200);

        store(note("IOCM-OF-INTEREST", a.studyInstanceUid(), "113000", a)).statusCode(200);

        retrievable(a);
        assertEquals(0, count("select count(*) from rejected_instance where sop_iuid = ?", a.sopInstanceUid()));
    }

    @Test
    void aNoteThatRejectsInstancesOfAnotherPatientIsRefused() throws Exception {
        DicomFiles.Builder other = image("IOCM-OTHER", null, null);
        store(other).statusCode(200);
        DicomFiles.Builder wrong = note("IOCM-MINE", null, "113039", other);

        store(wrong)
                .statusCode(409)
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(wrong.sopInstanceUid()))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC40C));

        retrievable(other);
        assertEquals(0, count("select count(*) from rejected_instance where sop_iuid = ?", other.sopInstanceUid()));
    }
}
