package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.opendicomweb.qido.QidoSearch.JSON;
import static org.opendicomweb.qido.QidoSearch.first;
import static org.opendicomweb.qido.QidoSearch.get;
import static org.opendicomweb.qido.QidoSearch.items;
import static org.opendicomweb.qido.QidoSearch.search;
import static org.opendicomweb.qido.QidoSearch.uids;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Sequence matching (PS3.4 C.2.2.2.6) over HTTP: Request Attributes Sequence items at series level and
 * Referenced Study Sequence items at study level, by keyword paths and by tag paths. Expected answers are
 * computed from the stored datasets' items.
 *
 * <pre>
 * a  series with two request items: (RP-1, SPS-1, accession ACC-1) and (RP-2, SPS-2); references study "ref"
 * b  another study's series with one item (RP-1, SPS-9)
 * c  a series without Request Attributes Sequence
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class QidoSequenceMatchingTest {
    private static final String RAS = "00400275";
    private static String run;
    private static String referencedStudy;
    private static List<DicomFiles.Builder> stored;
    private static DicomFiles.Builder a;
    private static DicomFiles.Builder b;

    @BeforeEach
    void storeOnce() {
        if (stored != null) {
            return;
        }
        run = QidoFixture.runId();
        referencedStudy = Uids.generate();
        a = DicomFiles.ctImage()
                .patient("Seq^A", patient(1))
                .withSequence(
                        Tag.RequestAttributesSequence,
                        item -> request(item, "RP-" + run + "-1", "SPS-" + run + "-1", "ACC-" + run + "-1"),
                        item -> request(item, "RP-" + run + "-2", "SPS-" + run + "-2", null))
                .withSequence(Tag.ReferencedStudySequence, item -> {
                    item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.DetachedStudyManagement);
                    item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, referencedStudy);
                });
        b = DicomFiles.ctImage()
                .patient("Seq^B", patient(2))
                .withSequence(
                        Tag.RequestAttributesSequence,
                        item -> request(item, "RP-" + run + "-1", "SPS-" + run + "-9", null));
        DicomFiles.Builder c = DicomFiles.ctImage().patient("Seq^C", patient(3));
        stored = List.of(a, b, c);
        QidoFixture.storeAll(stored);
    }

    private static String patient(int n) {
        return "SQ" + run + "-" + n;
    }

    private static void request(Attributes item, String procedure, String step, String accession) {
        item.setString(Tag.RequestedProcedureID, VR.SH, procedure);
        item.setString(Tag.ScheduledProcedureStepID, VR.SH, step);
        if (accession != null) {
            item.setString(Tag.AccessionNumber, VR.SH, accession);
        }
    }

    /** Series of the stored instances with some Request Attributes item satisfying {@code item}. */
    private static Set<String> seriesWithItem(Predicate<Attributes> item) {
        Set<String> uids = new LinkedHashSet<>();
        for (DicomFiles.Builder i : stored) {
            Sequence seq = i.dataset().getSequence(Tag.RequestAttributesSequence);
            if (seq != null && seq.stream().anyMatch(item)) {
                uids.add(i.seriesInstanceUid());
            }
        }
        return uids;
    }

    private static boolean is(Attributes item, int tag, String value) {
        return value.equals(item.getString(tag));
    }

    private static Set<String> series(String... params) {
        String[] all = new String[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "PatientID";
        all[params.length + 1] = "SQ" + run + "-*";
        return uids(search("/series", all), "0020000E");
    }

    @Test
    void anItemKeyByKeywordMatchesSeriesWithSuchAnItem() {
        String rp1 = "RP-" + run + "-1";
        assertEquals(
                seriesWithItem(i -> is(i, Tag.RequestedProcedureID, rp1)),
                series("RequestAttributesSequence.RequestedProcedureID", rp1));
        assertEquals(
                Set.of(a.seriesInstanceUid(), b.seriesInstanceUid()),
                series("RequestAttributesSequence.RequestedProcedureID", rp1));
    }

    @Test
    void anItemKeyByTagPathWorksLikeKeywords() {
        String sps2 = "SPS-" + run + "-2";
        assertEquals(seriesWithItem(i -> is(i, Tag.ScheduledProcedureStepID, sps2)), series(RAS + ".00400009", sps2));
        assertEquals(Set.of(a.seriesInstanceUid()), series(RAS + ".00401001", "RP-" + run + "-2"));
    }

    @Test
    void keysOfOneSequenceMustMatchTheSameItem() {
        String rp1 = "RP-" + run + "-1";
        // series a has RP-1 in one item and SPS-2 in another: no single item has both
        assertEquals(
                Set.of(),
                series(
                        "RequestAttributesSequence.RequestedProcedureID",
                        rp1,
                        "RequestAttributesSequence.ScheduledProcedureStepID",
                        "SPS-" + run + "-2"));
        String sps1 = "SPS-" + run + "-1";
        assertEquals(
                seriesWithItem(i -> is(i, Tag.RequestedProcedureID, rp1) && is(i, Tag.ScheduledProcedureStepID, sps1)),
                series(
                        "RequestAttributesSequence.RequestedProcedureID",
                        rp1,
                        "RequestAttributesSequence.ScheduledProcedureStepID",
                        sps1));
    }

    @Test
    void itemKeysTakeWildcardsAndValueLists() {
        assertEquals(
                seriesWithItem(i -> i.getString(Tag.RequestedProcedureID, "").startsWith("RP-" + run)),
                series("RequestAttributesSequence.RequestedProcedureID", "RP-" + run + "-*"));
        assertEquals(
                seriesWithItem(i -> Set.of("SPS-" + run + "-2", "SPS-" + run + "-9")
                        .contains(i.getString(Tag.ScheduledProcedureStepID))),
                series("RequestAttributesSequence.ScheduledProcedureStepID", "SPS-" + run + "-2\\SPS-" + run + "-9"));
        assertEquals(
                seriesWithItem(i -> is(i, Tag.AccessionNumber, "ACC-" + run + "-1")),
                series("RequestAttributesSequence.AccessionNumber", "ACC-" + run + "-1"));
    }

    @Test
    void theResultCarriesTheMatchingItemsWithTheRequestedAttributesOnly() {
        Map<String, Object> r = search(
                        "/studies/" + a.studyInstanceUid() + "/series",
                        "RequestAttributesSequence.RequestedProcedureID",
                        "RP-" + run + "-2")
                .get(0);
        List<Map<String, Object>> items = items(r, RAS);
        assertEquals(1, items.size(), "only the matching item: " + items);
        assertEquals("RP-" + run + "-2", first(items.get(0), "00401001"));
        assertEquals(Set.of("00401001"), items.get(0).keySet(), "only the requested attribute");
    }

    @Test
    void includefieldOfAnItemAttributeReturnsAllItemsWithThatAttribute() {
        Map<String, Object> r = search(
                        "/studies/" + a.studyInstanceUid() + "/series",
                        "includefield",
                        "RequestAttributesSequence.ScheduledProcedureStepID")
                .get(0);
        List<Map<String, Object>> items = items(r, RAS);
        Set<Object> steps = new HashSet<>();
        for (Map<String, Object> item : items) {
            assertEquals(Set.of("00400009"), item.keySet());
            steps.add(first(item, "00400009"));
        }
        Set<Object> expected = new HashSet<>();
        a.dataset()
                .getSequence(Tag.RequestAttributesSequence)
                .forEach(i -> expected.add(i.getString(Tag.ScheduledProcedureStepID)));
        assertEquals(expected, steps);
    }

    @Test
    void includefieldOfTheWholeSequenceReturnsEveryItemAsStored() {
        Map<String, Object> r = search(
                        "/studies/" + a.studyInstanceUid() + "/series", "includefield", "RequestAttributesSequence")
                .get(0);
        List<Map<String, Object>> items = items(r, RAS);
        assertEquals(2, items.size());
        assertEquals("ACC-" + run + "-1", first(items.get(0), "00080050"), "every attribute of the stored items");
    }

    @Test
    void referencedStudySequenceMatchesAtStudyLevel() {
        List<Map<String, Object>> results = search(
                "/studies",
                "ReferencedStudySequence.ReferencedSOPInstanceUID",
                referencedStudy + "," + Uids.generate(),
                "PatientID",
                "SQ" + run + "-*");
        assertEquals(Set.of(a.studyInstanceUid()), uids(results, "0020000D"));
        List<Map<String, Object>> items = items(results.get(0), "00081110");
        assertEquals(1, items.size());
        assertEquals(referencedStudy, first(items.get(0), "00081155"));
        assertEquals(
                Set.of(),
                uids(
                        search("/studies", "00081110.00081155", Uids.generate(), "PatientID", "SQ" + run + "-*"),
                        "0020000D"));
    }

    @Test
    void seriesItemKeysWorkForInstancesAndAreIgnoredWithAWarningForStudies() {
        assertEquals(
                Set.of(a.sopInstanceUid()),
                uids(
                        search(
                                "/instances",
                                "PatientID",
                                "SQ" + run + "-*",
                                "RequestAttributesSequence.RequestedProcedureID",
                                "RP-" + run + "-2"),
                        "00080018"));
        Response response = get(
                "/studies",
                "PatientID",
                "SQ" + run + "-*",
                "RequestAttributesSequence.RequestedProcedureID",
                "RP-" + run + "-2");
        response.then().statusCode(200).header("Warning", containsString("series-level key"));
        assertEquals(3, response.jsonPath().getList("$").size(), "the key is ignored, not applied");
    }

    @Test
    void itemAttributesTheIndexDoesNotKeepAreIgnoredWithAWarning() {
        Response response = get(
                "/series",
                "PatientID",
                "SQ" + run + "-*",
                "RequestAttributesSequence.ReasonForTheRequestedProcedure",
                "pain");
        response.then().statusCode(200).header("Warning", containsString("ReasonForTheRequestedProcedure"));
        assertEquals(3, response.jsonPath().getList("$").size());
        assertNull(search("/series", "PatientID", "SQ" + run + "-3").get(0).get(RAS), "not returned unless asked");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PatientName.PatientID=x                                  | PatientName.PatientID",
                "RequestAttributesSequence.NoSuchKeyword=1                | RequestAttributesSequence.NoSuchKeyword",
                "00400275.0040100X=1                                      | 00400275.0040100X",
                "ReferencedStudySequence.ReferencedSOPInstanceUID=1.2.abc | ReferencedStudySequence.ReferencedSOPInstanceUID",
                "RequestAttributesSequence.RequestedProcedureID=1&00400275.00401001=2 | 00400275.00401001",
                "includefield=RequestAttributesSequence.Nope              | includefield",
            })
    void badSequencePathsAre400NamingTheParameter(String query, String parameter) {
        given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/series?" + query)
                .then()
                .statusCode(400)
                .body("message", containsString("'" + parameter + "'"));
    }
}
