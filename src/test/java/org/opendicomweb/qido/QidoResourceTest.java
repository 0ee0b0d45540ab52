package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * QIDO-RS over HTTP against studies stored through STOW-RS ({@link QidoFixture}). Every query is restricted to
 * the fixture's patients, and every expected answer is computed from the stored datasets, not from the index.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class QidoResourceTest {
    private static final String JSON = "application/dicom+json";
    private static QidoFixture f;

    @Inject
    DicomwebConfig config;

    @BeforeEach
    void storeOnce() {
        if (f == null) {
            f = QidoFixture.store();
        }
    }

    // ---- helpers ----

    private static RequestSpecification json() {
        return given().accept(JSON);
    }

    /** GET with query parameters given as name, value pairs; 200 and the results. */
    private static List<Map<String, Object>> search(String path, String... params) {
        RequestSpecification request = json();
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        Response response = request.when().get("/dicom-web" + path);
        response.then().statusCode(200).contentType(JSON);
        return response.jsonPath().getList("$");
    }

    private Set<String> studies(String... params) {
        return uids(search("/studies", with(params, "PatientID", f.patientIds())), "0020000D");
    }

    private static String[] with(String[] params, String... more) {
        String[] all = new String[params.length + more.length];
        System.arraycopy(params, 0, all, 0, params.length);
        System.arraycopy(more, 0, all, params.length, more.length);
        return all;
    }

    private static Set<String> uids(List<Map<String, Object>> results, String tag) {
        Set<String> uids = new LinkedHashSet<>();
        for (Map<String, Object> r : results) {
            Object v = first(r, tag);
            assertNotNull(v, tag + " missing in " + r);
            assertTrue(uids.add((String) v), "duplicate " + v);
        }
        return uids;
    }

    @SuppressWarnings("unchecked")
    private static Object first(Map<String, Object> result, String tag) {
        Map<String, Object> attribute = (Map<String, Object>) result.get(tag);
        if (attribute == null || attribute.get("Value") == null) {
            return null;
        }
        return ((List<Object>) attribute.get("Value")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Map<String, Object> result, String tag) {
        Map<String, Object> attribute = (Map<String, Object>) result.get(tag);
        return attribute == null ? null : (List<Object>) attribute.get("Value");
    }

    private static String name(Attributes ds) {
        return ds.getString(Tag.PatientName);
    }

    /** What a person expects of case- and accent-insensitive name comparison. */
    private static String folded(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
    }

    private static String date(Attributes ds) {
        String d = ds.getString(Tag.StudyDate);
        return d == null || d.isEmpty() ? null : d;
    }

    // ---- returned values ----

    @Test
    void datesInAnOlderFormAreReturnedAsStoredThoughTheyMatchNoRange() {
        // ACR-NEMA's yyyy.mm.dd (PS3.5 §6.2, DA), as pydicom's ExplVR_BigEnd.dcm has it: not a YYYYMMDD to match.
        String patient = "Q" + QidoFixture.runId() + "-ACRNEMA";
        DicomFiles.Builder b = DicomFiles.ctImage()
                .patient("OLD^DATES", patient)
                .with(Tag.StudyDate, VR.DA, "1997.04.24")
                .with(Tag.PatientBirthDate, VR.DA, "1950.01.02")
                .with(Tag.PerformedProcedureStepStartDate, VR.DA, "1997.04.24");
        QidoFixture.storeAll(List.of(b));
        List<Map<String, Object>> study = search("/studies", "PatientID", patient);
        assertEquals(1, study.size());
        assertEquals("1997.04.24", first(study.get(0), "00080020"));
        assertEquals("1950.01.02", first(study.get(0), "00100030"));
        List<Map<String, Object>> series = search("/studies/" + b.studyInstanceUid() + "/series");
        assertEquals("1997.04.24", first(series.get(0), "00400244"));
        assertEquals(List.of(), search("/studies", "PatientID", patient, "StudyDate", "19970101-19971231"));
    }

    // ---- study level matching ----

    @Test
    void patientNameWildcardIsCaseInsensitive() {
        assertEquals(f.studies(ds -> folded(name(ds)).startsWith("DOE")), studies("PatientName", "doe*"));
        assertEquals(f.studies(ds -> folded(name(ds)).contains("PETER")), studies("PatientName", "*pet?r*"));
    }

    @Test
    void percentEncodedValuesAreDecoded() {
        Response response = given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/studies?PatientName=Doe%5EPeter&00100020=" + f.id(3));
        response.then().statusCode(200);
        assertEquals(Set.of(f.s3.studyInstanceUid()), uids(response.jsonPath().getList("$"), "0020000D"));
    }

    @Test
    void singleNameValueIsCaseAndAccentInsensitiveAndIgnoresOtherGroups() {
        assertEquals(Set.of(f.s2.studyInstanceUid()), studies("PatientName", "MULLER^JORG"));
        assertEquals(Set.of(f.s5.studyInstanceUid()), studies("PatientName", "yamada^tarou"));
        assertEquals(Set.of(), studies("PatientName", "Doe"));
    }

    @Test
    void laterStudyOfAnIndexedPatientIsMatchedByTheNameTheStudyListShows() {
        // The patient row keeps the name it was created with; the study list shows it for every study of the
        // patient, and PatientName matches that name, not one a later study's instances carry.
        String patient = "Q" + QidoFixture.runId() + "-RENAMED";
        DicomFiles.Builder first = DicomFiles.ctImage().patient("Earlier^Name", patient);
        QidoFixture.storeAll(List.of(first));
        DicomFiles.Builder later = DicomFiles.ctImage().patient("Later^Name", patient);
        QidoFixture.storeAll(List.of(later));
        List<Map<String, Object>> both = search("/studies", "PatientID", patient, "PatientName", "earlier^name");
        assertEquals(Set.of(first.studyInstanceUid(), later.studyInstanceUid()), uids(both, "0020000D"));
        for (Map<String, Object> study : both) {
            assertEquals(Map.of("Alphabetic", "Earlier^Name"), first(study, "00100010"));
        }
        assertEquals(
                Set.of(first.studyInstanceUid(), later.studyInstanceUid()),
                uids(search("/studies", "PatientID", patient, "PatientName", "*lier*"), "0020000D"));
        assertEquals(List.of(), search("/studies", "PatientID", patient, "PatientName", "later*"));
    }

    @Test
    void fuzzyMatchingFindsAnyComponentPrefix() {
        assertEquals(
                f.studies(ds -> folded(name(ds)).contains("JORG")),
                studies("PatientName", "jörg", "fuzzymatching", "true"));
        assertEquals(
                f.studies(ds -> folded(name(ds)).startsWith("DOE^J")),
                studies("PatientName", "j doe", "fuzzymatching", "true"));
        assertEquals(Set.of(), studies("PatientName", "ohn", "fuzzymatching", "true"));
    }

    @Test
    void studyDateRangesAndOpenRangesNeverMatchEmptyDates() {
        assertEquals(
                f.studies(ds ->
                        date(ds) != null && date(ds).compareTo("20240101") >= 0 && date(ds).compareTo("20240131") <= 0),
                studies("StudyDate", "20240101-20240131"));
        assertEquals(
                f.studies(ds -> date(ds) != null && date(ds).compareTo("20240131") <= 0),
                studies("StudyDate", "-20240131"));
        assertEquals(
                f.studies(ds -> date(ds) != null && date(ds).compareTo("20240111") >= 0),
                studies("StudyDate", "20240111-"));
        assertEquals(f.studies(ds -> "20240201".equals(date(ds))), studies("StudyDate", "20240201"));
        assertFalse(studies("StudyDate", "-20991231").contains(f.s3.studyInstanceUid()));
    }

    @Test
    void studyDateWithStudyTimeIsOneDateTimeRange() {
        // from 9 January 19:00 to 11 January 10:00: s1 (10 Jan 09:30) inside, s2 (11 Jan 18:00) after the end
        assertEquals(
                Set.of(f.s1ct1.studyInstanceUid()),
                studies("StudyDate", "20240109-20240111", "StudyTime", "1900-1000"));
        assertEquals(Set.of(f.s2.studyInstanceUid()), studies("StudyDate", "20240111", "StudyTime", "17-19"));
    }

    @Test
    void studyTimeAloneMatchesTheTimeOfDay() {
        assertEquals(
                f.studies(ds -> {
                    String t = ds.getString(Tag.StudyTime);
                    return t != null && t.compareTo("070000") >= 0 && t.compareTo("100000") < 0;
                }),
                studies("StudyTime", "0700-0959"));
    }

    @Test
    void uidListsTakeCommasOrBackslashes() {
        Set<String> two = Set.of(f.s1ct1.studyInstanceUid(), f.s3.studyInstanceUid());
        assertEquals(two, studies("StudyInstanceUID", f.s1ct1.studyInstanceUid() + "," + f.s3.studyInstanceUid()));
        assertEquals(two, studies("StudyInstanceUID", f.s1ct1.studyInstanceUid() + "\\" + f.s3.studyInstanceUid()));
    }

    @Test
    void modalitiesInStudyMatchesStudiesHavingAnyOfTheModalities() {
        assertEquals(f.studies(ds -> ds.getString(Tag.Modality).equals("MR")), studies("ModalitiesInStudy", "MR"));
        assertEquals(
                f.studies(ds -> Set.of("MR", "US").contains(ds.getString(Tag.Modality))),
                studies("ModalitiesInStudy", "US\\MR"));
    }

    @Test
    void textKeysMatchExactlyOrByWildcardCaseSensitively() {
        assertEquals(Set.of(f.s4.studyInstanceUid()), studies("AccessionNumber", "A" + f.run + "4"));
        assertEquals(
                f.studies(ds -> !ds.getString(Tag.AccessionNumber, "").isEmpty()), studies("AccessionNumber", "A*"));
        assertEquals(Set.of(), studies("AccessionNumber", "a*"));
        assertEquals(
                f.studies(ds -> ds.getString(Tag.StudyDescription).contains("est")),
                studies("StudyDescription", "*est*"));
        assertEquals(
                f.studies(ds -> ds.getString(Tag.StudyDescription).startsWith("Chest")),
                studies("StudyDescription", "Chest*"));
        assertEquals(Set.of(), studies("StudyDescription", "chest*"));
        assertEquals(f.studies(ds -> "M".equals(ds.getString(Tag.PatientSex))), studies("PatientSex", "M"));
    }

    @Test
    void keysByTagNumberWorkLikeKeywords() {
        assertEquals(Set.of(f.s2.studyInstanceUid()), uids(search("/studies", "00100020", f.id(2)), "0020000D"));
    }

    @Test
    void sqlInjectionIsJustAValue() {
        assertEquals(Set.of(), studies("PatientName", "x' or '1'='1"));
        assertEquals(Set.of(), studies("AccessionNumber", "%' or 1=1 --"));
    }

    @Test
    void noMatchIsAnEmptyArray() {
        given().accept(JSON)
                .queryParam("PatientID", "no-such-patient-" + f.run)
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body(equalTo("[]"));
    }

    // ---- returned attributes ----

    @Test
    void studyResultsCarryTheRequiredAttributesEvenWhenEmpty() {
        List<Map<String, Object>> results = search("/studies", "PatientID", f.id(3));
        assertEquals(1, results.size());
        Map<String, Object> r = results.get(0);
        for (String tag : List.of(
                "00080020",
                "00080030",
                "00080050",
                "00080061",
                "00080090",
                "00081190",
                "00100010",
                "00100020",
                "00100030",
                "00100040",
                "0020000D",
                "00200010",
                "00201206",
                "00201208")) {
            assertTrue(r.containsKey(tag), tag + " missing in " + r);
        }
        assertEquals(Map.of("vr", "DA"), r.get("00080020"));
        assertEquals(Map.of("vr", "PN"), r.get("00080090"));
        assertEquals(1, first(r, "00201206"));
        assertEquals(1, first(r, "00201208"));
        assertEquals("US", first(r, "00080061"));
        assertTrue(((String) first(r, "00081190")).matches("https?://.+/dicom-web/studies/" + f.s3.studyInstanceUid()));
        assertNull(r.get("00081030"), "StudyDescription is not returned unless asked for");
        assertNull(r.get("00080018"), "no instance attributes at study level");
    }

    /**
     * OHIF Viewer 3 reads ModalitiesInStudy.Value.length of every study in its list: an empty ModalitiesInStudy is
     * written as one empty value, which keeps the Required key present (Table 10.6.3-3) and OHIF's list alive.
     */
    @Test
    void studyWithoutModalityHasModalitiesInStudyAsOneEmptyValue() {
        String patient = "NO-MODALITY-" + f.run;
        QidoFixture.storeAll(
                List.of(DicomFiles.ctImage().patient("Nomodality^Ann", patient).without(Tag.Modality)));
        String body = json().queryParam("PatientID", patient)
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(body.contains("\"00080061\":{\"vr\":\"CS\",\"Value\":[null]}"), body);
        String series = json().queryParam("PatientID", patient)
                .get("/dicom-web/series")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                series.contains("\"00080060\":{\"vr\":\"CS\"}"), "Modality itself stays an empty attribute: " + series);
    }

    @Test
    void studyCountsAndModalitiesComeFromAllSeries() {
        Map<String, Object> r = search("/studies", "StudyInstanceUID", f.s1ct1.studyInstanceUid())
                .get(0);
        assertEquals(2, first(r, "00201206"));
        assertEquals(3, first(r, "00201208"));
        assertEquals(Set.of("CT", "MR"), new HashSet<>(values(r, "00080061")));
        assertEquals(Map.of("Alphabetic", "Doe^John"), first(r, "00100010"));
    }

    @Test
    void includeFieldAsOhifSendsItReturnsStudyAttributesAndIgnoresOthers() {
        Response response = given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/studies?limit=101&offset=0"
                        + "&fuzzymatching=false&includefield=00081030%2C00080060%2C00080090%2C00100030&PatientID="
                        + f.id(1));
        response.then().statusCode(200);
        Map<String, Object> r =
                response.jsonPath().<Map<String, Object>>getList("$").get(0);
        assertEquals("Chest CT", first(r, "00081030"));
        assertNull(r.get("00080060"), "Modality is a series attribute: not returned for studies");
    }

    @Test
    void includeFieldRepeatedOrByKeywordTakesOtherAttributesFromStoredMetadata() {
        Map<String, Object> r = search(
                        "/studies",
                        "PatientID",
                        f.id(1),
                        "includefield",
                        "PatientBirthDate",
                        "includefield",
                        "Manufacturer,PatientAge")
                .get(0);
        assertEquals(f.s1ct1.dataset().getString(Tag.PatientBirthDate), first(r, "00100030"));
        assertNull(r.get("00080070"), "Manufacturer is a series attribute");
        Map<String, Object> series = search(
                        "/studies/" + f.s1ct1.studyInstanceUid() + "/series",
                        "SeriesInstanceUID",
                        f.s1ct1.seriesInstanceUid(),
                        "includefield",
                        "Manufacturer,StudyDescription")
                .get(0);
        assertEquals(f.s1ct1.dataset().getString(Tag.Manufacturer), first(series, "00080070"));
        assertEquals("Chest CT", first(series, "00081030"));
    }

    @Test
    void includeFieldAllReturnsEveryStoredAttributeOfTheLevel() {
        Map<String, Object> study =
                search("/studies", "PatientID", f.id(1), "includefield", "all").get(0);
        assertEquals("Chest CT", first(study, "00081030"));
        assertNotNull(study.get("00100030"));
        assertNull(study.get("00180050"), "SliceThickness is an instance attribute");
        assertNull(study.get("00080070"), "Manufacturer is a series attribute");

        Map<String, Object> series =
                search("/series", "PatientID", f.id(2), "includefield", "all").get(0);
        assertEquals(f.s2.dataset().getString(Tag.Manufacturer), first(series, "00080070"));
        assertNull(series.get("00180050"));

        Map<String, Object> instance = search(
                        "/instances", "SOPInstanceUID", f.s4.sopInstanceUid(), "includefield", "all")
                .get(0);
        assertEquals(1.25, ((Number) first(instance, "00180050")).doubleValue());
        assertNotNull(instance.get("00200037"), "ImageOrientationPatient");
        assertNull(instance.get("7FE00010"), "no pixel data in query results");
    }

    // ---- series and instance levels ----

    @Test
    void seriesOfAStudy() {
        String study = f.s1ct1.studyInstanceUid();
        List<Map<String, Object>> all = search("/studies/" + study + "/series");
        assertEquals(f.series(ds -> ds.getString(Tag.StudyInstanceUID).equals(study)), uids(all, "0020000E"));
        for (Map<String, Object> r : all) {
            assertNotNull(r.get("00080060"));
            assertNotNull(r.get("00200011"));
            assertTrue(
                    ((String) first(r, "00081190")).endsWith("/studies/" + study + "/series/" + first(r, "0020000E")));
            assertNull(r.get("00100010"), "study attributes are not repeated for a study's series");
        }
        Map<String, Object> ct =
                search("/studies/" + study + "/series", "Modality", "CT").get(0);
        assertEquals(2, first(ct, "00201209"));
        assertEquals("Axial", first(ct, "0008103E"));
    }

    @Test
    void allSeriesCarryStudyAttributesAndMatchNumbersNumerically() {
        List<Map<String, Object>> results = search("/series", "PatientID", f.patientIds(), "SeriesNumber", "1");
        assertEquals(
                f.series(ds -> ds.getString(Tag.SeriesNumber)
                        .strip()
                        .replaceFirst("^0+", "")
                        .equals("1")),
                uids(results, "0020000E"));
        assertTrue(uids(results, "0020000E").contains(f.s4.seriesInstanceUid()), "\"001\" matches 1");
        for (Map<String, Object> r : results) {
            assertNotNull(first(r, "0020000D"));
            assertNotNull(r.get("00100010"));
        }
    }

    @Test
    void higherLevelKeysOnLowerLevelQueries() {
        assertEquals(
                f.series(ds -> folded(name(ds)).startsWith("DOE") && "CT".equals(ds.getString(Tag.Modality))),
                uids(
                        search("/series", "PatientName", "DOE*", "Modality", "CT", "PatientID", f.patientIds()),
                        "0020000E"));
        assertEquals(
                f.sops(ds -> "20240110".equals(date(ds))),
                uids(search("/instances", "PatientID", f.patientIds(), "StudyDate", "20240110"), "00080018"));
    }

    @Test
    void instancesOfASeriesOfAStudyAndAllInstances() {
        String study = f.s1ct1.studyInstanceUid();
        String series = f.s1ct1.seriesInstanceUid();
        assertEquals(
                f.sops(ds -> ds.getString(Tag.SeriesInstanceUID).equals(series)),
                uids(search("/studies/" + study + "/series/" + series + "/instances"), "00080018"));
        List<Map<String, Object>> ofStudy = search("/studies/" + study + "/instances");
        assertEquals(f.sops(ds -> ds.getString(Tag.StudyInstanceUID).equals(study)), uids(ofStudy, "00080018"));
        for (Map<String, Object> r : ofStudy) {
            assertNotNull(first(r, "0020000E"), "a study's instances carry their series");
            assertNull(r.get("00100010"), "but not the study's attributes");
            assertEquals(16, first(r, "00280010"));
            assertEquals(16, first(r, "00280011"));
            assertEquals(16, first(r, "00280100"));
        }
    }

    @Test
    void instanceBySopInstanceUidAloneAcrossAllStudies() {
        List<Map<String, Object>> results = search("/instances", "SOPInstanceUID", f.s4.sopInstanceUid());
        assertEquals(1, results.size());
        Map<String, Object> r = results.get(0);
        assertEquals(f.s4.studyInstanceUid(), first(r, "0020000D"));
        assertEquals(f.s4.seriesInstanceUid(), first(r, "0020000E"));
        assertEquals(7, first(r, "00200013"));
        assertEquals(f.s4.dataset().getString(Tag.SOPClassUID), first(r, "00080016"));
        assertTrue(((String) first(r, "00081190"))
                .endsWith("/studies/" + f.s4.studyInstanceUid() + "/series/" + f.s4.seriesInstanceUid() + "/instances/"
                        + f.s4.sopInstanceUid()));
        assertEquals("ONLINE", first(r, "00080056"));
    }

    @Test
    void instanceKeysSopInstanceStatusAndInstanceNumber() {
        assertEquals(
                Set.of(f.s1ct2.sopInstanceUid()),
                uids(search("/instances", "PatientID", f.patientIds(), "SOPInstanceStatus", "OR"), "00080018"));
        assertEquals(
                Set.of(f.s4.sopInstanceUid()),
                uids(search("/instances", "PatientID", f.patientIds(), "InstanceNumber", "7"), "00080018"));
    }

    @Test
    void unknownStudyOrSeriesInThePathIs404AndAMalformedOne400() {
        json().get("/dicom-web/studies/1.2.3.999999/series").then().statusCode(404);
        json().get("/dicom-web/studies/" + f.s2.studyInstanceUid() + "/series/" + f.s1ct1.seriesInstanceUid()
                        + "/instances")
                .then()
                .statusCode(404);
        json().get("/dicom-web/studies/1.2.abc/instances").then().statusCode(400);
    }

    // ---- paging ----

    @Test
    void pagingNeitherSkipsNorRepeats() {
        Set<String> expected = f.sops(ds -> true);
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < expected.size() + 2; offset += 2) {
            List<Map<String, Object>> page =
                    search("/instances", "PatientID", f.patientIds(), "limit", "2", "offset", Integer.toString(offset));
            assertTrue(page.size() <= 2);
            page.forEach(r -> seen.add((String) first(r, "00080018")));
        }
        assertEquals(expected.size(), seen.size(), "no repeats: " + seen);
        assertEquals(expected, new HashSet<>(seen));
    }

    @Test
    void theServerMaximumTruncatesWithAWarning() {
        int max = config.qido().maxResults();
        int stored = f.instances().size();
        assertTrue(
                stored > max,
                "the fixture's " + stored + " instances must exceed dicomweb.qido.max-results (" + max
                        + ") for the maximum to truncate: lower it in the test profile");
        Response response = json().queryParam("PatientID", f.patientIds()).get("/dicom-web/instances");
        response.then().statusCode(200).header("Warning", containsString("truncated"));
        assertEquals(max, response.jsonPath().getList("$").size());
        Response rest = json().queryParam("PatientID", f.patientIds())
                .queryParam("offset", String.valueOf(max))
                .get("/dicom-web/instances");
        rest.then().statusCode(200).header("Warning", nullValue());
        assertEquals(stored - max, rest.jsonPath().getList("$").size());
    }

    // ---- errors and warnings ----

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "NoSuchKeyword=1          | NoSuchKeyword",
                "0010002X=1               | 0010002X",
                "StudyDate=notadate       | StudyDate",
                "StudyDate=20240230       | StudyDate",
                "StudyDate=2024*          | StudyDate",
                "StudyDate=20240201-20240101 | StudyDate",
                "StudyDate=-              | StudyDate",
                "StudyTime=2500           | StudyTime",
                "StudyInstanceUID=1.2.*   | StudyInstanceUID",
                "StudyInstanceUID=1.2.abc | StudyInstanceUID",
                "PatientID=1&00100020=2   | 00100020",
                "limit=abc                | limit",
                "limit=-1                 | limit",
                "limit=0                  | limit",
                "offset=-5                | offset",
                "fuzzymatching=maybe      | fuzzymatching",
                "includefield=NoSuchThing | includefield",
                "NumberOfStudyRelatedSeries=1* | NumberOfStudyRelatedSeries",
                "AcquisitionDateTime=2024?| AcquisitionDateTime",
                "accept=*/*               | accept",
                "accept=application/*     | accept",
                "accept=                  | accept",
                "accept=application/dicom+json,application/json | accept",
                "accept=application/json&accept=application/json | accept",
                "charset=iso-8859-1       | charset",
                "charset=no-such-charset  | charset",
                "charset=*                | charset",
                "charset=utf-8;q=0        | charset",
            })
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/studies?"
                        + query.replace("*", "%2A").replace("?", "%3F").replace("+", "%2B"))
                .then()
                .statusCode(400)
                .body("message", containsString("'" + parameter + "'"));
    }

    @Test
    void knownAttributesTheIndexCannotMatchAreIgnoredWithAWarning() {
        Response response = json().queryParam("PatientID", f.id(2))
                .queryParam("PatientAge", "040Y")
                .get("/dicom-web/studies");
        response.then().statusCode(200).header("Warning", containsString("PatientAge"));
        assertEquals(1, response.jsonPath().getList("$").size());
    }

    @Test
    void unsatisfiableAcceptIs406() {
        given().accept("application/xml")
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/studies")
                .then()
                .statusCode(406);
    }

    @Test
    void xmlResultsAreMultipartNativeDicomModelDocuments() {
        Response response = given().accept("multipart/related; type=\"application/dicom+xml\"")
                .queryParam("PatientID", f.id(1))
                .queryParam("includefield", "Manufacturer")
                .get("/dicom-web/series");
        response.then()
                .statusCode(200)
                .contentType(containsString("multipart/related"))
                .contentType(containsString("application/dicom+xml"));
        String body = response.asString();
        String boundary = response.contentType().replaceAll(".*boundary=\"?([^\";]+).*", "$1");
        assertEquals(
                f.series(ds -> ds.getString(Tag.PatientID).equals(f.id(1))).size(),
                body.split("--" + boundary + "\r\nContent-Type: application/dicom\\+xml").length - 1);
        assertTrue(body.contains("<NativeDicomModel"));
        assertTrue(body.contains(f.s1mr.seriesInstanceUid()));
        assertTrue(body.contains("keyword=\"Manufacturer\""));
        assertTrue(body.endsWith("--" + boundary + "--"));
    }

    @Test
    void aBareMultipartAcceptGetsTheXmlResults() {
        // PS3.18 §8.7.3: the only multipart representation of search results is the Native DICOM Model
        Response response = given().accept("multipart/related")
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/studies");
        response.then()
                .statusCode(200)
                .contentType(startsWith("multipart/related; type=\"application/dicom+xml\"; boundary="));
        assertTrue(response.asString().contains("<NativeDicomModel"));
    }

    @Test
    void theAcceptParameterOverridesTheAcceptHeader() {
        given().accept("application/xml")
                .queryParam("accept", JSON)
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .contentType(JSON);
        given().accept(JSON)
                .queryParam("accept", "multipart/related; type=\"application/dicom+xml\"")
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .contentType(containsString("multipart/related"))
                .contentType(containsString("application/dicom+xml"));
        given().queryParam("accept", "application/json")
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/series")
                .then()
                .statusCode(200)
                .contentType("application/json");
        given().accept(JSON)
                .queryParam("accept", "image/png")
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/studies")
                .then()
                .statusCode(406);
        // written into a link by hand, unencoded: the '+' is not taken for a space
        given().urlEncodingEnabled(false)
                .accept("application/xml")
                .get("/dicom-web/studies?PatientID=" + f.id(1) + "&accept=application/dicom+json")
                .then()
                .statusCode(200)
                .contentType(JSON);
        // ';' is an ordinary character in a query: the parameter is not cut there
        given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/studies?PatientID=" + f.id(1)
                        + "&accept=multipart/related;type=%22application/dicom%2Bxml%22")
                .then()
                .statusCode(200)
                .contentType(containsString("application/dicom+xml"));
    }

    @Test
    void theCharsetParameterAcceptsUtf8AmongOthers() {
        for (String charset : List.of("utf-8", "UTF-8", "iso-8859-1;q=0.9, utf-8;q=0.5")) {
            Response response = json().queryParam("charset", charset)
                    .queryParam("PatientID", f.id(2))
                    .get("/dicom-web/studies");
            response.then().statusCode(200);
            assertEquals(
                    Map.of("Alphabetic", "Müller^Jörg"),
                    first(response.jsonPath().<Map<String, Object>>getList("$").get(0), "00100010"),
                    charset);
        }
    }

    @Test
    void plainJsonAndWildcardAcceptGetDicomJson() {
        given().accept("application/json")
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .contentType("application/json");
        given().accept("*/*")
                .queryParam("PatientID", f.id(1))
                .get("/dicom-web/series")
                .then()
                .statusCode(200)
                .contentType(JSON);
    }
}
