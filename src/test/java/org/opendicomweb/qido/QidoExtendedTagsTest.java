package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.qido.QidoSearch.JSON;
import static org.opendicomweb.qido.QidoSearch.first;
import static org.opendicomweb.qido.QidoSearch.get;
import static org.opendicomweb.qido.QidoSearch.search;
import static org.opendicomweb.qido.QidoSearch.uids;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Extended query tags over HTTP: the test profile configures study:InstitutionName, series:StationName,
 * series:PerformingPhysicianName, instance:ContentDate, instance:SliceThickness, instance:ImageType and
 * instance:AcquisitionDateTime (application.properties). Expected answers are computed from the stored datasets.
 *
 * <pre>
 * e1  study A, series 1: General Hospital, CT01, Müller^Anna, 20240105, 1.25, ORIGINAL\PRIMARY\AXIAL
 * e2  study B:           City Clinic, MR02, Smith^Bob, 20240220, 2.50, DERIVED\SECONDARY
 * e3  study A, series 2: Annex, CT01, no performing physician, 20240106, 1.250
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class QidoExtendedTagsTest {
    private static String run;
    private static List<DicomFiles.Builder> stored;

    @Inject
    IndexDatabase index;

    @BeforeEach
    void storeOnce() {
        if (stored != null) {
            return;
        }
        run = QidoFixture.runId();
        DicomFiles.Builder e1 = DicomFiles.ctImage()
                .patient("Ext^One", patient(1))
                .characterSet("ISO_IR 192")
                .with(Tag.InstitutionName, VR.LO, "General Hospital " + run)
                .with(Tag.StationName, VR.SH, "CT01")
                .with(Tag.PerformingPhysicianName, VR.PN, "Müller^Anna")
                .with(Tag.ContentDate, VR.DA, "20240105")
                .with(Tag.SliceThickness, VR.DS, "1.25")
                .with(Tag.AcquisitionDateTime, VR.DT, "20240105101500.000000");
        DicomFiles.Builder e2 = DicomFiles.ctImage()
                .patient("Ext^Two", patient(2))
                .with(Tag.InstitutionName, VR.LO, "City Clinic " + run)
                .with(Tag.StationName, VR.SH, "MR02")
                .with(Tag.PerformingPhysicianName, VR.PN, "Smith^Bob")
                .with(Tag.ContentDate, VR.DA, "20240220")
                .with(Tag.SliceThickness, VR.DS, "2.50")
                .with(Tag.ImageType, VR.CS, "DERIVED", "SECONDARY")
                .with(Tag.AcquisitionDateTime, VR.DT, "20240220");
        DicomFiles.Builder e3 = DicomFiles.ctImage()
                .patient("Ext^One", patient(1))
                .studyUid(e1.studyInstanceUid())
                .series(Uids.generate(), 2)
                .with(Tag.InstitutionName, VR.LO, "Annex " + run)
                .with(Tag.StationName, VR.SH, "CT01")
                .with(Tag.ContentDate, VR.DA, "20240106")
                .with(Tag.SliceThickness, VR.DS, "1.250");
        stored = List.of(e1, e2, e3);
        QidoFixture.storeAll(stored);
    }

    private static String patient(int n) {
        return "EX" + run + "-" + n;
    }

    private static String[] restricted(String[] params) {
        String[] all = Arrays.copyOf(params, params.length + 2);
        all[params.length] = "PatientID";
        all[params.length + 1] = "EX" + run + "-*";
        return all;
    }

    /** The UIDs (study, series or SOP, by {@code uid}) of stored instances satisfying {@code p}. */
    private static Set<String> expected(Function<DicomFiles.Builder, String> uid, Predicate<Attributes> p) {
        Set<String> uids = new LinkedHashSet<>();
        for (DicomFiles.Builder b : stored) {
            if (p.test(b.dataset())) {
                uids.add(uid.apply(b));
            }
        }
        return uids;
    }

    private static Set<String> studies(String... params) {
        return uids(search("/studies", restricted(params)), "0020000D");
    }

    private static Set<String> series(String... params) {
        return uids(search("/series", restricted(params)), "0020000E");
    }

    private static Set<String> instances(String... params) {
        return uids(search("/instances", restricted(params)), "00080018");
    }

    private static boolean has(Attributes ds, int tag, Predicate<String> value) {
        String[] values = ds.getStrings(tag);
        return values != null && Arrays.stream(values).anyMatch(value);
    }

    @Test
    void aStudyLevelTagMatchesStudiesWhereAnyInstanceHasTheValue() {
        Set<String> annex = expected(
                DicomFiles.Builder::studyInstanceUid, ds -> has(ds, Tag.InstitutionName, ("Annex " + run)::equals));
        assertEquals(annex, studies("InstitutionName", "Annex " + run));
        assertEquals(annex, studies("00080080", "Annex " + run), "by tag");
        assertEquals(
                expected(
                        DicomFiles.Builder::studyInstanceUid, ds -> has(ds, Tag.InstitutionName, v -> v.endsWith(run))),
                studies("InstitutionName", "*" + run));
        assertEquals(Set.of(), studies("InstitutionName", "annex " + run), "text matching is case-sensitive");
    }

    @Test
    void theMatchedAttributeIsReturnedAtTheConfiguredLevel() {
        Map<String, Object> r = search("/studies", restricted(new String[] {"InstitutionName", "City Clinic " + run}))
                .get(0);
        assertEquals("City Clinic " + run, first(r, "00080080"), "InstitutionName is returned for studies");
    }

    @Test
    void valueListsMatchAnyValue() {
        assertEquals(
                expected(
                        DicomFiles.Builder::seriesInstanceUid,
                        ds -> has(ds, Tag.StationName, v -> v.equals("CT01") || v.equals("MR02"))),
                series("StationName", "CT01\\MR02"));
        assertEquals(
                expected(DicomFiles.Builder::seriesInstanceUid, ds -> has(ds, Tag.StationName, "MR02"::equals)),
                series("StationName", "MR02"));
    }

    @Test
    void namesMatchCaseAndAccentInsensitively() {
        assertEquals(
                expected(
                        DicomFiles.Builder::seriesInstanceUid,
                        ds -> has(
                                ds, Tag.PerformingPhysicianName, v -> folded(v).equals("MULLER^ANNA"))),
                series("PerformingPhysicianName", "muller^anna"));
        assertEquals(
                expected(
                        DicomFiles.Builder::seriesInstanceUid,
                        ds -> has(
                                ds, Tag.PerformingPhysicianName, v -> folded(v).startsWith("MU"))),
                series("PerformingPhysicianName", "mü*"));
    }

    private static String folded(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
    }

    @Test
    void datesMatchSingleValuesAndRanges() {
        assertEquals(
                expected(
                        DicomFiles.Builder::sopInstanceUid,
                        ds -> has(
                                ds,
                                Tag.ContentDate,
                                v -> v.compareTo("20240101") >= 0 && v.compareTo("20240131") <= 0)),
                instances("ContentDate", "20240101-20240131"));
        assertEquals(
                expected(
                        DicomFiles.Builder::sopInstanceUid,
                        ds -> has(ds, Tag.ContentDate, v -> v.compareTo("20240201") >= 0)),
                instances("ContentDate", "20240201-"));
        assertEquals(
                expected(DicomFiles.Builder::sopInstanceUid, ds -> has(ds, Tag.ContentDate, "20240106"::equals)),
                instances("ContentDate", "20240106"));
    }

    @Test
    void numbersMatchWhateverTheirForm() {
        assertEquals(
                expected(
                        DicomFiles.Builder::sopInstanceUid,
                        ds -> has(
                                ds, Tag.SliceThickness, v -> new BigDecimal(v).compareTo(new BigDecimal("1.25")) == 0)),
                instances("SliceThickness", "1.250"));
        assertEquals(
                expected(
                        DicomFiles.Builder::sopInstanceUid,
                        ds -> has(
                                ds, Tag.SliceThickness, v -> new BigDecimal(v).compareTo(new BigDecimal("2.5")) == 0)),
                instances("SliceThickness", "+2.5"));
    }

    @Test
    void multiValuedAttributesMatchOnAnyValue() {
        assertEquals(
                expected(DicomFiles.Builder::sopInstanceUid, ds -> has(ds, Tag.ImageType, "SECONDARY"::equals)),
                instances("ImageType", "SECONDARY"));
        assertEquals(
                expected(DicomFiles.Builder::sopInstanceUid, ds -> has(ds, Tag.ImageType, "AXIAL"::equals)),
                instances("ImageType", "AXIAL"));
    }

    @Test
    void dateTimeRangesCoverTheirPrecision() {
        assertEquals(
                expected(
                        DicomFiles.Builder::sopInstanceUid,
                        ds -> has(ds, Tag.AcquisitionDateTime, v -> v.startsWith("20240105"))),
                instances("AcquisitionDateTime", "20240105-20240105"));
        assertEquals(
                expected(
                        DicomFiles.Builder::sopInstanceUid,
                        ds -> has(ds, Tag.AcquisitionDateTime, v -> v.startsWith("2024"))),
                instances("AcquisitionDateTime", "2024"));
    }

    @Test
    void aLowerLevelTagInAHigherLevelQueryIsIgnoredWithAWarning() {
        Response response = get("/studies", restricted(new String[] {"ContentDate", "20240105"}));
        response.then().statusCode(200).header("Warning", containsString("instance-level key"));
        assertEquals(2, response.jsonPath().getList("$").size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ContentDate=notadate   | ContentDate",
                "SliceThickness=abc     | SliceThickness",
                "SliceThickness=1*      | SliceThickness",
                "AcquisitionDateTime=20241 | AcquisitionDateTime",
            })
    void badValuesOfExtendedTagsAre400NamingTheParameter(String query, String parameter) {
        given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/instances?" + query.replace("*", "%2A"))
                .then()
                .statusCode(400)
                .body("message", containsString("'" + parameter + "'"));
    }

    @Test
    void reindexFillsValuesMissingForStoredInstancesAndRunsIdempotently() throws SQLException {
        DicomFiles.Builder late = DicomFiles.ctImage()
                .patient("Ext^Late", patient(9))
                .with(Tag.ContentDate, VR.DA, "19990101")
                .with(Tag.InstitutionName, VR.LO, "Late " + run);
        QidoFixture.storeAll(List.of(late));
        assertEquals(Set.of(late.sopInstanceUid()), instances("ContentDate", "19990101"));
        // as if stored before the tags were configured
        assertTrue(removeExtendedValuesOf(late.sopInstanceUid()) > 0);
        assertEquals(Set.of(), instances("ContentDate", "19990101"));

        given().post("/dicom-web/admin/reindex?wait=true")
                .then()
                .statusCode(200)
                .body("progress.running", org.hamcrest.Matchers.equalTo(false))
                .body("tasks.findAll { !it.complete }", org.hamcrest.Matchers.empty());
        assertEquals(Set.of(late.sopInstanceUid()), instances("ContentDate", "19990101"));
        assertEquals(Set.of(late.studyInstanceUid()), studies("InstitutionName", "Late " + run));
        long rows = extendedRows();

        given().post("/dicom-web/admin/reindex?wait=true").then().statusCode(200);
        assertEquals(rows, extendedRows(), "a second run adds nothing");
        get("/instances", "ContentDate", "19990101").then().header("Warning", not(containsString("ContentDate")));
    }

    @Test
    void reindexStatusListsTheTasks() {
        given().get("/dicom-web/admin/reindex")
                .then()
                .statusCode(200)
                .body(
                        "tasks.name",
                        org.hamcrest.Matchers.hasItems(
                                "builtin-keys-4", "extended:STUDY:00080080", "extended:INSTANCE:00080023"));
    }

    /** Deletes the extended values of an instance and of its study and series; how many rows went. */
    private long removeExtendedValuesOf(String sopUid) throws SQLException {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        delete from extended_key
                         where owner_level = 'INSTANCE' and owner_pk in (select pk from instance where sop_iuid = ?)
                            or owner_level = 'SERIES' and owner_pk in (select series_fk from instance where sop_iuid = ?)
                            or owner_level = 'STUDY' and owner_pk in (
                               select se.study_fk from instance i join series se on se.pk = i.series_fk
                                where i.sop_iuid = ?)""")) {
            ps.setString(1, sopUid);
            ps.setString(2, sopUid);
            ps.setString(3, sopUid);
            return ps.executeUpdate();
        }
    }

    private long extendedRows() throws SQLException {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from extended_key");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
