package org.opendicomweb.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.stow.StowReplacePolicyTest;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * DELETE of a study, series or instance: afterwards no search, retrieval or index table knows what went, its files
 * are gone, and what remains of its study and patient counts exactly what is left. Runs with the duplicate policy
 * "replace", so that a replaced instance can be deleted too.
 */
@QuarkusTest
@TestProfile(StowReplacePolicyTest.Replace.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class DeleteTest {
    private static final String AS_STORED = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final String FRAMES = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
    /** The tables of the index schema this test knows the rows of; a new table must be added to the checks. */
    private static final Set<String> KNOWN_TABLES = Set.of(
            "patient",
            "study",
            "series",
            "instance",
            "series_conflict",
            "study_demographics",
            "request_attributes_item",
            "referenced_study_item",
            "extended_key",
            "instance_reference",
            "sequence_item",
            "sequence_item_key",
            "reindex_task",
            "change_sequence",
            "change_feed",
            // Rejections outlive the instances they reject, deleted or not, so that an instance sent again stays
            // hidden (see RejectionTest); instances that no note rejects have no rows in it.
            "rejected_instance",
            // The scrub's findings go with their instance (ScrubTest.findingsOfADeletedInstanceGoWithIt).
            "blob_finding",
            // Which node runs which background job, and how far the scrub's pass got: no stored data.
            "cluster_lease",
            "scrub_progress",
            "flyway_schema_history");

    @Inject
    IndexDatabase index;

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    /** A study of two series, with every kind of row the index keeps for a study: sequence items, extended keys. */
    private record Fixture(String patientId, List<DicomFiles.Builder> ct, DicomFiles.Builder mr) {
        String study() {
            return mr.studyInstanceUid();
        }

        List<DicomFiles.Builder> all() {
            List<DicomFiles.Builder> all = new ArrayList<>(ct);
            all.add(mr);
            return all;
        }
    }

    private static Fixture storeFixture() {
        String patientId = "DEL-" + Uids.generate().substring(5, 20);
        String study = Uids.generate();
        String ctSeries = Uids.generate();
        List<DicomFiles.Builder> ct = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            ct.add(DicomFiles.multiFrame(2)
                    .patient("Delete^Test", patientId)
                    .studyUid(study)
                    .seriesUid(ctSeries)
                    .modality("CT")
                    .instance(Uids.generate(), i)
                    .with(Tag.InstitutionName, VR.LO, "Delete Hospital")
                    .with(Tag.StationName, VR.SH, "DELSTATION")
                    .with(Tag.ContentDate, VR.DA, "20260101")
                    .withSequence(Tag.RequestAttributesSequence, item -> {
                        item.setString(Tag.RequestedProcedureID, VR.SH, "RP-DEL");
                        item.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS-DEL");
                    })
                    .withSequence(Tag.ReferencedStudySequence, item -> {
                        item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.DetachedStudyManagement);
                        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4.5.6");
                    }));
        }
        DicomFiles.Builder mr = DicomFiles.ctImage()
                .patient("Delete^Test", patientId)
                .studyUid(study)
                .seriesUid(Uids.generate())
                .modality("MR")
                .sopClassUid(UID.MRImageStorage)
                .with(Tag.StationName, VR.SH, "MRSTATION");
        Fixture f = new Fixture(patientId, ct, mr);
        store(f.all().toArray(DicomFiles.Builder[]::new)).statusCode(200);
        return f;
    }

    @Test
    void deletingAStudyLeavesNoTraceInSearchRetrievalIndexOrStorage() throws Exception {
        Fixture f = storeFixture();
        DicomFiles.Builder ct = f.ct().get(0);
        // The series reused by another study: a refusal recorded for the integrity report.
        store(DicomFiles.ctImage().seriesUid(ct.seriesInstanceUid())).statusCode(409);
        assertEquals(1, count("select count(*) from series_conflict where stored_study_iuid = ?", f.study()));
        warmCaches(ct);
        Traces traces = traces(f.study());
        List<Path> files = files(f.all());

        delete("/studies/" + f.study()).statusCode(204);

        assertGone(f.all());
        assertEquals(0, qido("/studies?StudyInstanceUID=" + f.study()));
        assertEquals(0, qido("/studies/" + f.study() + "/series"));
        assertEquals(0, qido("/series?SeriesInstanceUID=" + ct.seriesInstanceUid()));
        given().when()
                .get("/dicom-web/studies/" + f.study() + "/metadata")
                .then()
                .statusCode(404);
        assertEquals(Map.of(), traces.left(), "rows left of the deleted study");
        assertEquals(0, count("select count(*) from patient where patient_id = ?", f.patientId()), "patient");
        for (Path file : files) {
            assertFalse(Files.exists(file), "deleted: " + file);
        }
        assertEquals(
                f.all().size(),
                count("select count(*) from change_feed where study_iuid = ? and action = 'delete'", f.study()));
        delete("/studies/" + f.study()).statusCode(404);
    }

    @Test
    void deletingASeriesRecomputesItsStudy() throws Exception {
        Fixture f = storeFixture();
        DicomFiles.Builder ct = f.ct().get(0);
        warmCaches(ct);
        String etagBefore = studyMetadataTag(f.study());
        long seriesPk = count("select pk from series where series_iuid = ?", ct.seriesInstanceUid());
        List<Path> files = files(f.ct());

        delete("/studies/" + f.study() + "/series/" + ct.seriesInstanceUid()).statusCode(204);

        assertGone(f.ct());
        Response study = search("/studies?StudyInstanceUID=" + f.study());
        assertEquals(List.of("MR"), study.jsonPath().getList("[0].'00080061'.Value"), "ModalitiesInStudy");
        assertEquals(List.of(1), study.jsonPath().getList("[0].'00201206'.Value"), "NumberOfStudyRelatedSeries");
        assertEquals(List.of(1), study.jsonPath().getList("[0].'00201208'.Value"), "NumberOfStudyRelatedInstances");
        assertEquals(1, qido("/studies/" + f.study() + "/series"));
        assertEquals(1, qido("/studies/" + f.study() + "/instances"));
        assertEquals(
                0,
                qido("/studies/" + f.study() + "/series?StationName=DELSTATION"),
                "the deleted series' extended key");
        assertEquals(
                0,
                qido("/studies/" + f.study() + "/series?RequestAttributesSequence.RequestedProcedureID=RP-DEL"),
                "the deleted series' sequence item");
        assertEquals(
                0,
                qido("/studies?StudyInstanceUID=" + f.study() + "&InstitutionName=Delete%20Hospital"),
                "only the CT series carried it");
        assertEquals(
                0,
                qido("/studies?StudyInstanceUID=" + f.study()
                        + "&ReferencedStudySequence.ReferencedSOPInstanceUID=1.2.3.4.5.6"),
                "only the CT series carried it");
        assertEquals(1, qido("/studies?StudyInstanceUID=" + f.study() + "&ModalitiesInStudy=MR"));
        assertEquals(0, qido("/studies?StudyInstanceUID=" + f.study() + "&ModalitiesInStudy=CT"));
        assertNotEquals(etagBefore, studyMetadataTag(f.study()), "the study's metadata changed");
        assertEquals(0, count("select count(*) from request_attributes_item where series_fk = " + seriesPk, null));
        assertEquals(
                0,
                count(
                        "select count(*) from extended_key where owner_level = 'SERIES' and owner_pk = " + seriesPk,
                        null));
        assertEquals(
                1,
                qido("/studies/" + f.study() + "/series?StationName=MRSTATION"),
                "the remaining series keeps its extended key");
        for (Path file : files) {
            assertFalse(Files.exists(file), "deleted: " + file);
        }
        assertEquals(1, count("select count(*) from patient where patient_id = ?", f.patientId()), "patient stays");
        retrieve(f.mr()).statusCode(200);
    }

    @Test
    void deletingAnInstanceRecomputesSeriesModalitiesSopClassesAndDemographics() throws Exception {
        String study = Uids.generate();
        String series = Uids.generate();
        String patientId = "DEL-" + Uids.generate().substring(5, 20);
        DicomFiles.Builder ct = DicomFiles.ctImage()
                .patient("Same^Name", patientId)
                .studyUid(study)
                .seriesUid(series)
                .modality("CT");
        DicomFiles.Builder pt = DicomFiles.ctImage()
                .patient("Other^Name", patientId)
                .studyUid(study)
                .seriesUid(series)
                .modality("PT")
                .sopClassUid(UID.PositronEmissionTomographyImageStorage);
        store(ct, pt).statusCode(200);
        Response before = search("/studies?StudyInstanceUID=" + study);
        assertEquals(List.of("CT", "PT"), before.jsonPath().getList("[0].'00080061'.Value"));
        assertEquals(2, count("select num_demographic_variants from study where study_iuid = ?", study));

        delete("/studies/" + study + "/series/" + series + "/instances/" + pt.sopInstanceUid())
                .statusCode(204);

        assertGone(List.of(pt));
        Response after = search("/studies?StudyInstanceUID=" + study);
        assertEquals(List.of("CT"), after.jsonPath().getList("[0].'00080061'.Value"), "ModalitiesInStudy");
        assertEquals(List.of(1), after.jsonPath().getList("[0].'00201208'.Value"), "NumberOfStudyRelatedInstances");
        assertEquals(0, qido("/series?SeriesInstanceUID=" + series + "&Modality=PT"));
        assertEquals(1, count("select num_modalities from series where series_iuid = ?", series));
        assertEquals(1, count("select num_instances from series where series_iuid = ?", series));
        assertEquals(
                0,
                count(
                        "select count(*) from study where study_iuid = ? and sop_classes_in_study like '%"
                                + UID.PositronEmissionTomographyImageStorage + "%'",
                        study));
        assertEquals(1, count("select num_demographic_variants from study where study_iuid = ?", study));
        assertEquals(
                1,
                count(
                        "select count(*) from study_demographics d join study s on s.pk = d.study_fk"
                                + " where s.study_iuid = ?",
                        study));
        retrieve(ct).statusCode(200);
    }

    @Test
    void thePatientGoesWithItsLastStudyOnly() throws Exception {
        String patientId = "DEL-" + Uids.generate().substring(5, 20);
        DicomFiles.Builder first = DicomFiles.ctImage().patient("Two^Studies", patientId);
        DicomFiles.Builder second = DicomFiles.ctImage().patient("Two^Studies", patientId);
        store(first).statusCode(200);
        store(second).statusCode(200);

        delete("/studies/" + first.studyInstanceUid()).statusCode(204);
        assertEquals(1, count("select count(*) from patient where patient_id = ?", patientId));
        assertEquals(1, qido("/studies?PatientID=" + patientId));

        delete("/studies/" + second.studyInstanceUid() + "/series/" + second.seriesInstanceUid() + "/instances/"
                        + second.sopInstanceUid())
                .statusCode(204);
        assertEquals(0, count("select count(*) from patient where patient_id = ?", patientId));
        assertEquals(0, qido("/studies?PatientID=" + patientId));
        assertEquals(0, count("select count(*) from study where study_iuid = ?", second.studyInstanceUid()));
    }

    @Test
    void aStudyDeletedCanBeStoredAgain() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        store(ct).statusCode(200);
        warmCaches(ct);
        delete("/studies/" + ct.studyInstanceUid()).statusCode(204);
        retrieve(ct).statusCode(404);

        store(ct).statusCode(200);

        retrieve(ct).statusCode(200);
        assertEquals(1, qido("/studies?StudyInstanceUID=" + ct.studyInstanceUid()));
    }

    @Test
    void aReplacedInstanceCanBeDeletedWithBothItsFiles() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        DicomFiles.Builder other =
                DicomFiles.ctImage().studyUid(ct.studyInstanceUid()).seriesUid(ct.seriesInstanceUid());
        store(ct, other).statusCode(200);
        Path original = storage.resolve(blobKey(ct.sopInstanceUid()));
        store(ct.studyDescription("replaced")).statusCode(202);
        Path replacement = storage.resolve(blobKey(ct.sopInstanceUid()));
        assertNotEquals(original, replacement);

        delete("/studies/" + ct.studyInstanceUid() + "/series/" + ct.seriesInstanceUid() + "/instances/"
                        + ct.sopInstanceUid())
                .statusCode(204);

        assertGone(List.of(ct));
        assertFalse(Files.exists(original), original.toString());
        assertFalse(Files.exists(replacement), replacement.toString());
        assertEquals(
                0,
                count(
                        "select count(*) from change_feed where sop_iuid = ? and state <> 'deleted'",
                        ct.sopInstanceUid()));
        assertEquals(1, qido("/studies/" + ct.studyInstanceUid() + "/instances"));
    }

    @Test
    void nothingMatchingIsA404() {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        store(ct).statusCode(200);
        String study = "/studies/" + ct.studyInstanceUid();
        delete("/studies/" + Uids.generate()).statusCode(404).body("message", containsString("No study"));
        delete(study + "/series/" + Uids.generate()).statusCode(404);
        delete(study + "/series/" + ct.seriesInstanceUid() + "/instances/" + Uids.generate())
                .statusCode(404);
        // The instance exists, but not under the series named.
        delete(study + "/series/" + Uids.generate() + "/instances/" + ct.sopInstanceUid())
                .statusCode(404);
        delete("/studies/" + Uids.generate() + "/series/" + ct.seriesInstanceUid())
                .statusCode(404);
        retrieve(ct).statusCode(200);
    }

    @Test
    void aMalformedUidIsA400NamingIt() {
        delete("/studies/1.2.abc").statusCode(400).body("message", containsString("study"));
        delete("/studies/1.2.3/series/1..2").statusCode(400).body("message", containsString("series"));
        delete("/studies/1.2.3/series/1.2/instances/x").statusCode(400).body("message", containsString("instance"));
    }

    @Test
    void theIndexHasNoTableTheseChecksDoNotKnow() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables"
                        + " where table_schema = current_schema and table_type = 'BASE TABLE'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertEquals(new TreeSet<>(KNOWN_TABLES), tables, "a new table needs its rows removed by a deletion");
    }

    // ---- what was deleted is gone ----

    /** Every retrieval and search of each instance answers that it does not exist. */
    private static void assertGone(List<DicomFiles.Builder> instances) {
        for (DicomFiles.Builder i : instances) {
            String path = instancePath(i);
            retrieve(i).statusCode(404);
            given().when().get(path + "/metadata").then().statusCode(404);
            given().accept(FRAMES).when().get(path + "/frames/1").then().statusCode(404);
            given().accept("image/jpeg").when().get(path + "/rendered").then().statusCode(404);
            assertEquals(0, qido("/instances?SOPInstanceUID=" + i.sopInstanceUid()), i.sopInstanceUid());
            assertEquals(
                    0,
                    qido("/studies/" + i.studyInstanceUid() + "/series/" + i.seriesInstanceUid()
                            + "/instances?SOPInstanceUID=" + i.sopInstanceUid()));
        }
    }

    /** Fills what a node keeps about an instance: its location, its frame table, its gzip'd metadata. */
    private static void warmCaches(DicomFiles.Builder i) {
        String path = instancePath(i);
        retrieve(i).statusCode(200);
        retrieve(i).statusCode(200);
        given().accept(FRAMES).when().get(path + "/frames/1").then().statusCode(200);
        given().header("Accept-Encoding", "gzip")
                .when()
                .get("/dicom-web/studies/" + i.studyInstanceUid() + "/metadata")
                .then()
                .statusCode(200);
    }

    /** The rows that speak of a study, its series and instances, by table, found by their keys before it goes. */
    private final class Traces {
        private final Map<String, String> queries = new LinkedHashMap<>();

        Map<String, Long> left() throws Exception {
            Map<String, Long> left = new LinkedHashMap<>();
            for (Map.Entry<String, String> q : queries.entrySet()) {
                long n = count(q.getValue(), null);
                if (n > 0) {
                    left.put(q.getKey(), n);
                }
            }
            return left;
        }
    }

    private Traces traces(String studyUid) throws Exception {
        long study = count("select pk from study where study_iuid = ?", studyUid);
        long patient = count("select patient_fk from study where study_iuid = ?", studyUid);
        String series = pks("select pk from series where study_fk = " + study);
        String instances =
                pks("select i.pk from instance i join series se on se.pk = i.series_fk where se.study_fk = " + study);
        String seriesUids = "select series_iuid from series where study_fk = " + study;
        Traces t = new Traces();
        t.queries.put("patient", "select count(*) from patient where pk = " + patient);
        t.queries.put("study", "select count(*) from study where pk = " + study);
        t.queries.put("series", "select count(*) from series where pk in (" + series + ")");
        t.queries.put("instance", "select count(*) from instance where pk in (" + instances + ")");
        t.queries.put(
                "series_conflict",
                "select count(*) from series_conflict where stored_study_iuid = '" + studyUid
                        + "' or refused_study_iuid = '" + studyUid + "' or series_iuid in ("
                        + uids(seriesUids) + ")");
        t.queries.put("study_demographics", "select count(*) from study_demographics where study_fk = " + study);
        t.queries.put(
                "request_attributes_item",
                "select count(*) from request_attributes_item where series_fk in (" + series + ")");
        t.queries.put("referenced_study_item", "select count(*) from referenced_study_item where study_fk = " + study);
        t.queries.put(
                "extended_key",
                "select count(*) from extended_key where (owner_level = 'STUDY' and owner_pk = " + study
                        + ") or (owner_level = 'SERIES' and owner_pk in (" + series
                        + ")) or (owner_level = 'INSTANCE' and owner_pk in (" + instances + "))");
        // The fixture's CT images name a study in Referenced Study Sequence: a reference of the references graph.
        t.queries.put(
                "instance_reference",
                "select count(*) from instance_reference where instance_fk in (" + instances + ")");
        t.queries.put(
                "change_feed",
                "select count(*) from change_feed where study_iuid = '" + studyUid + "' and state <> 'deleted'");
        // The fixture has rows in every table that can hold some, so the checks above are not vacuous.
        for (Map.Entry<String, String> q : t.queries.entrySet()) {
            assertTrue(count(q.getValue(), null) > 0, "the fixture has rows in " + q.getKey());
        }
        return t;
    }

    private String pks(String select) throws Exception {
        List<String> pks = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(select);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pks.add(Long.toString(rs.getLong(1)));
            }
        }
        assertFalse(pks.isEmpty(), select);
        return String.join(", ", pks);
    }

    private String uids(String select) throws Exception {
        List<String> uids = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(select);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                uids.add("'" + rs.getString(1) + "'");
            }
        }
        return String.join(", ", uids);
    }

    private List<Path> files(List<DicomFiles.Builder> instances) throws Exception {
        List<Path> files = new ArrayList<>();
        for (DicomFiles.Builder i : instances) {
            Path file = storage.resolve(blobKey(i.sopInstanceUid()));
            assertTrue(Files.exists(file), file.toString());
            files.add(file);
        }
        return files;
    }

    private String blobKey(String sop) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select blob_key from instance where sop_iuid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "indexed: " + sop);
                return rs.getString(1);
            }
        }
    }

    /** The single number {@code sql} selects, with one string parameter unless it is null. */
    private long count(String sql, String param) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    // ---- HTTP ----

    static io.restassured.response.ValidatableResponse store(DicomFiles.Builder... instances) {
        return given().contentType(StowBody.contentType("del"))
                .accept("application/dicom+json")
                .body(StowBody.of("del", instances))
                .when()
                .post("/dicom-web/studies")
                .then();
    }

    static io.restassured.response.ValidatableResponse delete(String path) {
        return given().urlEncodingEnabled(false)
                .when()
                .delete("/dicom-web" + path)
                .then();
    }

    static io.restassured.response.ValidatableResponse retrieve(DicomFiles.Builder i) {
        return given().accept(AS_STORED).when().get(instancePath(i)).then();
    }

    static String instancePath(DicomFiles.Builder i) {
        return "/dicom-web/studies/" + i.studyInstanceUid() + "/series/" + i.seriesInstanceUid() + "/instances/"
                + i.sopInstanceUid();
    }

    private static Response search(String path) {
        return given().urlEncodingEnabled(false)
                .accept("application/dicom+json")
                .when()
                .get("/dicom-web" + path);
    }

    /**
     * How many results a search has: none is a 204 or an empty array, or a 404 for a search within a study or
     * series that is not stored.
     */
    static int qido(String path) {
        Response r = search(path);
        if (r.statusCode() == 204 || (r.statusCode() == 404 && path.startsWith("/studies/"))) {
            return 0;
        }
        assertEquals(200, r.statusCode(), path + ": " + r.asString());
        return r.jsonPath().getList("$").size();
    }

    private static String studyMetadataTag(String study) {
        return given().when()
                .get("/dicom-web/studies/" + study + "/metadata")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
