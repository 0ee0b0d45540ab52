package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * The references graph over instances built here: an RT Plan (in a study of its own) names a Structure Set, which
 * names the CT images it was drawn on; a Key Object Selection, a presentation state, a segmentation and an SR name
 * those images too. Each is answered both ways, across studies, with what is not stored flagged; deletion,
 * rejection and reindexing change the graph as they change the index.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ReferencesTest {
    private static final String BOUNDARY = "references-boundary";
    private static final String DETACHED_STUDY = "1.2.840.10008.3.1.2.3.1";
    static final String CONTOURS =
            "ReferencedFrameOfReferenceSequence/RTReferencedStudySequence/RTReferencedSeriesSequence/ContourImageSequence";
    static final String ROI_CONTOURS = "ROIContourSequence/ContourSequence/ContourImageSequence";
    static final String EVIDENCE =
            "CurrentRequestedProcedureEvidenceSequence/ReferencedSeriesSequence/ReferencedSOPSequence";

    @Inject
    IndexDatabase index;

    /** What one result says: its availability, class, paths (sorted), Retrieve URL, study and series. */
    record Result(
            String availability,
            String sopClass,
            List<String> paths,
            String retrieveUrl,
            String study,
            String series) {}

    /** The instances of one test, every UID new. */
    record Chain(
            DicomFiles.Builder ct1,
            DicomFiles.Builder ct2,
            DicomFiles.Builder struct,
            DicomFiles.Builder plan,
            DicomFiles.Builder ko,
            DicomFiles.Builder gsps,
            DicomFiles.Builder seg,
            DicomFiles.Builder sr,
            String doseUid) {

        List<DicomFiles.Builder> all() {
            return List.of(ct1, ct2, struct, plan, ko, gsps, seg, sr);
        }
    }

    // ---- both directions ----

    @Test
    void aPlanReferencesItsStructureSetInAnotherStudyAndItsDoseThatIsNotStored() throws Exception {
        Chain c = chain();
        Map<String, Result> refs = references(c.plan());
        assertEquals(Set.of(c.struct().sopInstanceUid(), c.doseUid()), refs.keySet());
        Result struct = refs.get(c.struct().sopInstanceUid());
        assertEquals("ONLINE", struct.availability());
        assertEquals(UID.RTStructureSetStorage, struct.sopClass());
        assertEquals(List.of("ReferencedStructureSetSequence"), struct.paths());
        assertEquals(url(c.struct()), struct.retrieveUrl());
        assertEquals(c.struct().studyInstanceUid(), struct.study());
        Result dose = refs.get(c.doseUid());
        assertEquals(
                new Result("UNAVAILABLE", UID.RTDoseStorage, List.of("ReferencedDoseSequence"), null, null, null),
                dose);
    }

    @Test
    void aStructureSetReferencesTheImagesItWasDrawnOnUnderEveryPath() throws Exception {
        Chain c = chain();
        Map<String, Result> refs = references(c.struct());
        assertEquals(
                Set.of(
                        c.ct1().sopInstanceUid(),
                        c.ct2().sopInstanceUid(),
                        c.ct1().studyInstanceUid()),
                refs.keySet());
        assertEquals(
                List.of(ROI_CONTOURS, CONTOURS),
                refs.get(c.ct1().sopInstanceUid()).paths());
        assertEquals(List.of(CONTOURS), refs.get(c.ct2().sopInstanceUid()).paths());
        assertEquals(url(c.ct2()), refs.get(c.ct2().sopInstanceUid()).retrieveUrl());
        // RT Referenced Study Sequence names the study as an instance of the (retired) Detached Study Management class
        assertEquals(
                new Result(
                        "UNAVAILABLE",
                        DETACHED_STUDY,
                        List.of("ReferencedFrameOfReferenceSequence/RTReferencedStudySequence"),
                        null,
                        null,
                        null),
                refs.get(c.ct1().studyInstanceUid()));
    }

    @Test
    void anImageIsReferencedByEveryObjectThatNamesIt() throws Exception {
        Chain c = chain();
        Map<String, Result> ct1 = referencedBy(c.ct1());
        assertEquals(
                Set.of(
                        c.struct().sopInstanceUid(),
                        c.ko().sopInstanceUid(),
                        c.seg().sopInstanceUid(),
                        c.sr().sopInstanceUid()),
                ct1.keySet());
        assertEquals(
                List.of(ROI_CONTOURS, CONTOURS),
                ct1.get(c.struct().sopInstanceUid()).paths());
        assertEquals(List.of(EVIDENCE), ct1.get(c.ko().sopInstanceUid()).paths());
        assertEquals(
                List.of(
                        "ReferencedSeriesSequence/ReferencedInstanceSequence",
                        "SharedFunctionalGroupsSequence/DerivationImageSequence/SourceImageSequence"),
                ct1.get(c.seg().sopInstanceUid()).paths());
        assertEquals(
                List.of("ContentSequence/ContentSequence/ReferencedSOPSequence"),
                ct1.get(c.sr().sopInstanceUid()).paths());
        assertEquals(UID.SegmentationStorage, ct1.get(c.seg().sopInstanceUid()).sopClass());
        assertEquals(url(c.sr()), ct1.get(c.sr().sopInstanceUid()).retrieveUrl());
        ct1.values().forEach(r -> assertEquals("ONLINE", r.availability()));

        Map<String, Result> ct2 = referencedBy(c.ct2());
        assertEquals(Set.of(c.struct().sopInstanceUid(), c.gsps().sopInstanceUid()), ct2.keySet());
        assertEquals(
                List.of("ReferencedSeriesSequence/ReferencedImageSequence"),
                ct2.get(c.gsps().sopInstanceUid()).paths());
    }

    @Test
    void referencedByCrossesStudies() throws Exception {
        Chain c = chain();
        Map<String, Result> byStruct = referencedBy(c.struct());
        assertEquals(Set.of(c.plan().sopInstanceUid()), byStruct.keySet());
        assertEquals(
                c.plan().studyInstanceUid(),
                byStruct.get(c.plan().sopInstanceUid()).study());
        assertEquals(
                List.of("ReferencedStructureSetSequence"),
                byStruct.get(c.plan().sopInstanceUid()).paths());
        Map<String, Result> byPlan = referencedBy(c.plan());
        assertEquals(Set.of(c.ko().sopInstanceUid()), byPlan.keySet());
        assertEquals(Map.of(), referencedBy(c.ko()));
        assertEquals(Map.of(), references(c.ct1()));
    }

    @Test
    void resultsAreQidoInstanceResultsWithThePrivateBlockAndIncludefield() throws Exception {
        Chain c = chain();
        JsonNode results = json(path(c.plan()) + "/references?includefield=StudyDescription", "application/dicom+json");
        JsonNode struct = null;
        for (JsonNode r : results) {
            if (c.struct().sopInstanceUid().equals(r.at("/00080018/Value/0").asText())) {
                struct = r;
            }
        }
        assertTrue(struct != null, results.toString());
        // what Search for All Instances returns: the study's and series' attributes too
        assertEquals("Test^Patient", struct.at("/00100010/Value/0/Alphabetic").asText());
        assertEquals("RTSTRUCT", struct.at("/00080060/Value/0").asText());
        assertEquals("Codec test study", struct.at("/00081030/Value/0").asText());
        assertEquals("OPENDICOMWEB", struct.at("/00090010/Value/0").asText());
        assertEquals("LO", struct.at("/00090010/vr").asText());
        assertEquals("UC", struct.at("/00091010/vr").asText());
        List<String> tags = new ArrayList<>();
        struct.fieldNames().forEachRemaining(tags::add);
        List<String> sorted = new ArrayList<>(tags);
        sorted.sort(null);
        assertEquals(sorted, tags, "attributes in tag order");
    }

    @Test
    void xmlIsAnsweredAsQidoAnswersIt() {
        Chain c = chain();
        given().accept("multipart/related; type=\"application/dicom+xml\"")
                .when()
                .get(path(c.plan()) + "/references")
                .then()
                .statusCode(200)
                .contentType(containsString("multipart/related"))
                .body(containsString("privateCreator=\"OPENDICOMWEB\""))
                .body(containsString("ReferencedDoseSequence"));
    }

    @Test
    void unknownInstancesUnacceptableTypesAndUnsupportedParametersAreRefused() {
        Chain c = chain();
        String other = "/dicom-web/studies/" + c.ct1().studyInstanceUid() + "/series/"
                + c.plan().seriesInstanceUid() + "/instances/" + c.ct1().sopInstanceUid();
        given().accept("application/dicom+json")
                .get(other + "/references")
                .then()
                .statusCode(404);
        given().accept("application/dicom+json")
                .get(path(c.ct1()).replace(c.ct1().sopInstanceUid(), "2.25.7") + "/referenced-by")
                .then()
                .statusCode(404);
        given().accept("image/jpeg")
                .get(path(c.ct1()) + "/referenced-by")
                .then()
                .statusCode(406);
        given().accept("application/dicom+json")
                .get(path(c.ct1()) + "/referenced-by?Modality=KO")
                .then()
                .statusCode(400)
                .body(containsString("Modality"));
        given().accept("application/dicom+json")
                .get(path(c.ct1()) + "/references?includefield=NoSuchKeyword")
                .then()
                .statusCode(400);
        given().get(path(c.ct1()).replace(c.ct1().sopInstanceUid(), "1.2.x") + "/references")
                .then()
                .statusCode(400);
    }

    // ---- the lifecycle ----

    @Test
    void aDeletedInstanceLeavesTheGraphAndWhatItReferencedIsFlaggedNotStored() throws Exception {
        Chain c = chain();
        long before = rows();
        long koRows = rowsOf(c.ko());
        assertEquals(2, koRows, "the KO names ct1 and the plan");
        given().delete(path(c.ko())).then().statusCode(204);
        assertEquals(before - koRows, rows());
        assertEquals(0, orphanRows(), "no row outlives its instance");
        assertEquals(
                Set.of(c.struct().sopInstanceUid(), c.seg().sopInstanceUid(), c.sr().sopInstanceUid()),
                referencedBy(c.ct1()).keySet());
        assertEquals(Map.of(), referencedBy(c.plan()));

        given().delete(path(c.ct2())).then().statusCode(204);
        Result ct2 = references(c.struct()).get(c.ct2().sopInstanceUid());
        assertEquals("UNAVAILABLE", ct2.availability());
        assertEquals(UID.CTImageStorage, ct2.sopClass());
        assertEquals(c.ct2().seriesInstanceUid(), ct2.series(), "the series the reference states");
        assertNull(ct2.retrieveUrl());
        given().accept("application/dicom+json")
                .get(path(c.ct2()) + "/referenced-by")
                .then()
                .statusCode(404);

        long study = 0;
        for (DicomFiles.Builder b : List.of(c.ct1(), c.struct(), c.gsps(), c.seg(), c.sr())) {
            study += rowsOf(b);
        }
        long beforeStudy = rows();
        given().delete("/dicom-web/studies/" + c.ct1().studyInstanceUid())
                .then()
                .statusCode(204);
        assertEquals(beforeStudy - study, rows(), "the study's rows went with it");
        assertEquals(0, orphanRows());
        Map<String, Result> plan = references(c.plan());
        assertEquals("UNAVAILABLE", plan.get(c.struct().sopInstanceUid()).availability());
        assertEquals(2, rowsOf(c.plan()), "the plan in its own study keeps its references");
    }

    @Test
    void aRejectedInstanceLeavesTheGraph() throws Exception {
        Chain c = chain();
        DicomFiles.Builder note = DicomFiles.keyObjectSelection(
                        "113001",
                        List.of(new DicomFiles.Reference(
                                c.sr().studyInstanceUid(),
                                c.sr().seriesInstanceUid(),
                                UID.ComprehensiveSRStorage,
                                c.sr().sopInstanceUid())))
                .studyUid(c.sr().studyInstanceUid());
        store(List.of(note));
        assertEquals(
                Set.of(
                        c.struct().sopInstanceUid(),
                        c.ko().sopInstanceUid(),
                        c.seg().sopInstanceUid()),
                referencedBy(c.ct1()).keySet());
        given().accept("application/dicom+json")
                .get(path(c.sr()) + "/references")
                .then()
                .statusCode(404);
        // the note itself names the rejected SR, which is shown as unavailable
        assertEquals(
                "UNAVAILABLE", references(note).get(c.sr().sopInstanceUid()).availability());
    }

    @Test
    void reindexingFillsTheGraphOfInstancesStoredBeforeItExisted() throws Exception {
        Chain c = chain();
        Set<String> before = graphOf(c);
        // struct 4, plan 2, KO 2, presentation state 1, segmentation 2, SR 1 (one image cited three times)
        assertEquals(12, before.size(), before.toString());
        // as an archive indexed before the graph existed: no rows
        try (Connection conn = index.dataSource().getConnection();
                PreparedStatement ps = conn.prepareStatement("delete from instance_reference")) {
            ps.executeUpdate();
        }
        assertEquals(Map.of(), referencedBy(c.ct1()));
        given().post("/dicom-web/admin/reindex?wait=true")
                .then()
                .statusCode(200)
                .body("tasks.name", org.hamcrest.Matchers.hasItem("references-12"))
                .body("tasks.findAll { !it.complete }", org.hamcrest.Matchers.empty());
        assertEquals(before, graphOf(c));
        given().post("/dicom-web/admin/reindex?wait=true").then().statusCode(200);
        assertEquals(before, graphOf(c), "a second run changes nothing");
        assertEquals(4, referencedBy(c.ct1()).size());
    }

    // ---- the instances ----

    /** Stores a new chain; every UID is new, so tests share nothing. */
    static Chain chain() {
        DicomFiles.Builder ct1 = DicomFiles.ctImage().instance(Uids.generate(), 1);
        DicomFiles.Builder ct2 = DicomFiles.ctImage()
                .studyUid(ct1.studyInstanceUid())
                .seriesUid(ct1.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        String study = ct1.studyInstanceUid();
        String ctSeries = ct1.seriesInstanceUid();
        DicomFiles.Builder struct = nonImage(UID.RTStructureSetStorage, "RTSTRUCT", study)
                .edit(ds -> {
                    Attributes frame = ds.newSequence(Tag.ReferencedFrameOfReferenceSequence, 1)
                            .addItem();
                    frame.setString(Tag.FrameOfReferenceUID, VR.UI, Uids.generate());
                    Attributes rtStudy =
                            frame.newSequence(Tag.RTReferencedStudySequence, 1).addItem();
                    ref(rtStudy, DETACHED_STUDY, study);
                    Attributes rtSeries = rtStudy.newSequence(Tag.RTReferencedSeriesSequence, 1)
                            .addItem();
                    rtSeries.setString(Tag.SeriesInstanceUID, VR.UI, ctSeries);
                    Sequence images = rtSeries.newSequence(Tag.ContourImageSequence, 2);
                    ref(images.addItem(), UID.CTImageStorage, ct1.sopInstanceUid());
                    ref(images.addItem(), UID.CTImageStorage, ct2.sopInstanceUid());
                    Sequence contours =
                            ds.newSequence(Tag.ROIContourSequence, 1).addItem().newSequence(Tag.ContourSequence, 2);
                    for (int i = 0; i < 2; i++) {
                        ref(
                                contours.addItem()
                                        .newSequence(Tag.ContourImageSequence, 1)
                                        .addItem(),
                                UID.CTImageStorage,
                                ct1.sopInstanceUid());
                    }
                });
        String doseUid = Uids.generate();
        DicomFiles.Builder plan = nonImage(UID.RTPlanStorage, "RTPLAN", Uids.generate())
                .withSequence(
                        Tag.ReferencedStructureSetSequence,
                        item -> ref(item, UID.RTStructureSetStorage, struct.sopInstanceUid()))
                .withSequence(Tag.ReferencedDoseSequence, item -> ref(item, UID.RTDoseStorage, doseUid));
        DicomFiles.Builder ko = DicomFiles.keyObjectSelection(
                        "113000",
                        List.of(
                                new DicomFiles.Reference(study, ctSeries, UID.CTImageStorage, ct1.sopInstanceUid()),
                                new DicomFiles.Reference(
                                        plan.studyInstanceUid(),
                                        plan.seriesInstanceUid(),
                                        UID.RTPlanStorage,
                                        plan.sopInstanceUid())))
                .studyUid(study);
        DicomFiles.Builder gsps = nonImage(UID.GrayscaleSoftcopyPresentationStateStorage, "PR", study)
                .edit(ds -> {
                    Attributes series =
                            ds.newSequence(Tag.ReferencedSeriesSequence, 1).addItem();
                    series.setString(Tag.SeriesInstanceUID, VR.UI, ctSeries);
                    ref(
                            series.newSequence(Tag.ReferencedImageSequence, 1).addItem(),
                            UID.CTImageStorage,
                            ct2.sopInstanceUid());
                });
        DicomFiles.Builder seg = DicomFiles.ctImage()
                .sopClassUid(UID.SegmentationStorage)
                .modality("SEG")
                .studyUid(study)
                .edit(ds -> {
                    Attributes series =
                            ds.newSequence(Tag.ReferencedSeriesSequence, 1).addItem();
                    series.setString(Tag.SeriesInstanceUID, VR.UI, ctSeries);
                    ref(
                            series.newSequence(Tag.ReferencedInstanceSequence, 1)
                                    .addItem(),
                            UID.CTImageStorage,
                            ct1.sopInstanceUid());
                    Attributes derivation = ds.newSequence(Tag.SharedFunctionalGroupsSequence, 1)
                            .addItem()
                            .newSequence(Tag.DerivationImageSequence, 1)
                            .addItem();
                    ref(
                            derivation.newSequence(Tag.SourceImageSequence, 1).addItem(),
                            UID.CTImageStorage,
                            ct1.sopInstanceUid());
                });
        DicomFiles.Builder sr = nonImage(UID.ComprehensiveSRStorage, "SR", study)
                .edit(ds -> {
                    ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
                    Sequence content =
                            ds.newSequence(Tag.ContentSequence, 1).addItem().newSequence(Tag.ContentSequence, 3);
                    for (int i = 0; i < 3; i++) {
                        Attributes image = content.addItem();
                        image.setString(Tag.ValueType, VR.CS, "IMAGE");
                        ref(
                                image.newSequence(Tag.ReferencedSOPSequence, 1).addItem(),
                                UID.CTImageStorage,
                                ct1.sopInstanceUid());
                    }
                });
        Chain chain = new Chain(ct1, ct2, struct, plan, ko, gsps, seg, sr, doseUid);
        store(chain.all());
        return chain;
    }

    /** An instance of a class without pixel data, in a series of its own of {@code study}. */
    static DicomFiles.Builder nonImage(String sopClass, String modality, String study) {
        DicomFiles.Builder b =
                DicomFiles.ctImage().sopClassUid(sopClass).modality(modality).studyUid(study);
        for (int tag : new int[] {
            Tag.PixelData,
            Tag.Rows,
            Tag.Columns,
            Tag.BitsAllocated,
            Tag.BitsStored,
            Tag.HighBit,
            Tag.PixelRepresentation,
            Tag.SamplesPerPixel,
            Tag.PhotometricInterpretation
        }) {
            b.without(tag);
        }
        return b;
    }

    private static void ref(Attributes item, String sopClass, String sopUid) {
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass);
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopUid);
    }

    static void store(List<DicomFiles.Builder> instances) {
        store(instances, 200);
    }

    static void store(List<DicomFiles.Builder> instances, int status) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, instances.toArray(DicomFiles.Builder[]::new)))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(status);
    }

    // ---- reading the graph ----

    static String path(DicomFiles.Builder b) {
        return "/dicom-web/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
    }

    private static String url(DicomFiles.Builder b) {
        return "http://localhost:" + RestAssured.port + path(b);
    }

    static Map<String, Result> references(DicomFiles.Builder b) throws Exception {
        return results(path(b) + "/references");
    }

    static Map<String, Result> referencedBy(DicomFiles.Builder b) throws Exception {
        return results(path(b) + "/referenced-by");
    }

    /** The results by SOP Instance UID; each instance is one result. */
    static Map<String, Result> results(String path) throws Exception {
        Map<String, Result> results = new TreeMap<>();
        for (JsonNode r : json(path, null)) {
            List<String> paths = new ArrayList<>();
            r.at("/00091010/Value").forEach(p -> paths.add(p.asText()));
            paths.sort(null); // the database's collation orders them its way
            Result previous = results.put(
                    r.at("/00080018/Value/0").asText(),
                    new Result(
                            text(r, "00080056"),
                            text(r, "00080016"),
                            paths,
                            text(r, "00081190"),
                            text(r, "0020000D"),
                            text(r, "0020000E")));
            assertNull(previous, "one result per instance: " + r);
            assertEquals("OPENDICOMWEB", text(r, "00090010"));
        }
        return results;
    }

    private static String text(JsonNode result, String tag) {
        JsonNode v = result.at("/" + tag + "/Value/0");
        return v.isMissingNode() ? null : v.asText();
    }

    static JsonNode json(String path, String accept) throws Exception {
        var request = given();
        if (accept != null) {
            request = request.accept(accept);
        }
        byte[] body = request.when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("json"))
                .extract()
                .asByteArray();
        return new ObjectMapper().readTree(body);
    }

    // ---- the table ----

    /** The rows of the chain's instances as instance|uid|class|path|study|series. */
    private Set<String> graphOf(Chain c) throws Exception {
        Set<String> rows = new TreeSet<>();
        for (DicomFiles.Builder b : c.all()) {
            query("""
                    select i.sop_iuid, r.referenced_sop_iuid, r.referenced_sop_class_uid, r.attribute_path,
                           r.referenced_study_iuid, r.referenced_series_iuid
                      from instance_reference r join instance i on i.pk = r.instance_fk where i.sop_iuid = ?""", b.sopInstanceUid(), rs -> {
                try {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getString(5) + "|" + rs.getString(6));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return rows;
    }

    private long rows() throws Exception {
        return count("select count(*) from instance_reference where ? is not null", "x");
    }

    private long rowsOf(DicomFiles.Builder b) throws Exception {
        return count(
                "select count(*) from instance_reference r join instance i on i.pk = r.instance_fk where i.sop_iuid = ?",
                b.sopInstanceUid());
    }

    private long orphanRows() throws Exception {
        return count(
                "select count(*) from instance_reference r where ? is not null"
                        + " and not exists (select 1 from instance i where i.pk = r.instance_fk)",
                "x");
    }

    private long count(String sql, String param) throws Exception {
        long[] n = new long[1];
        query(sql, param, rs -> {
            try {
                n[0] = rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return n[0];
    }

    private void query(String sql, String param, Consumer<ResultSet> row) throws Exception {
        try (Connection conn = index.dataSource().getConnection();
                PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
