package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.qido.QidoSearch.first;
import static org.opendicomweb.qido.QidoSearch.get;
import static org.opendicomweb.qido.QidoSearch.items;
import static org.opendicomweb.qido.QidoSearch.search;
import static org.opendicomweb.qido.QidoSearch.uids;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Sequence matching for sequences configured as extended query tags (PS3.4 C.2.2.2.6): the test profile configures
 * study:ProcedureCodeSequence and instance:ConceptNameCodeSequence (application.properties). Expected answers are
 * computed from the stored datasets.
 *
 * <pre>
 * x1  study A, series 1: procedure codes A/S1 "Chest CT", C/S2 "Head MR"; concept name N1/DCM "Finding"
 * x2  study B:           procedure code  A/S2 "Abdomen";               concept name N2/DCM "Impression"
 * x3  study A, series 2: procedure code  E/S1 "Chest CT" (study A collects three items)
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class QidoExtendedSequenceTest {
    private static final String PROCEDURE = "00081032";
    private static final String CONCEPT = "0040A043";
    private static String run;
    private static List<DicomFiles.Builder> stored;
    private static DicomFiles.Builder x1;
    private static DicomFiles.Builder x2;

    @Inject
    IndexDatabase index;

    @BeforeEach
    void storeOnce() {
        if (stored != null) {
            return;
        }
        run = QidoFixture.runId();
        x1 = DicomFiles.ctImage()
                .patient("XSeq^One", patient(1))
                .withSequence(
                        Tag.ProcedureCodeSequence,
                        item -> code(item, code("A"), "S1", "Chest CT " + run),
                        item -> code(item, code("C"), "S2", "Head MR " + run))
                .withSequence(Tag.ConceptNameCodeSequence, item -> code(item, code("N1"), "DCM", "Finding"));
        x2 = DicomFiles.ctImage()
                .patient("XSeq^Two", patient(2))
                .withSequence(Tag.ProcedureCodeSequence, item -> code(item, code("A"), "S2", "Abdomen " + run))
                .withSequence(Tag.ConceptNameCodeSequence, item -> code(item, code("N2"), "DCM", "Impression"));
        DicomFiles.Builder x3 = DicomFiles.ctImage()
                .patient("XSeq^One", patient(1))
                .studyUid(x1.studyInstanceUid())
                .series(Uids.generate(), 2)
                .withSequence(Tag.ProcedureCodeSequence, item -> code(item, code("E"), "S1", "Chest CT " + run));
        stored = List.of(x1, x2, x3);
        QidoFixture.storeAll(stored);
    }

    private static String patient(int n) {
        return "XS" + run + "-" + n;
    }

    private static String code(String value) {
        return value + "-" + run;
    }

    private static void code(Attributes item, String value, String scheme, String meaning) {
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
    }

    private static boolean is(Attributes item, int tag, String value) {
        return value.equals(item.getString(tag));
    }

    /** The UIDs (by {@code uid}) of the stored instances with an item of {@code sequence} satisfying {@code item}. */
    private static Set<String> withItem(
            Function<DicomFiles.Builder, String> uid, int sequence, Predicate<Attributes> item) {
        Set<String> uids = new LinkedHashSet<>();
        for (DicomFiles.Builder b : stored) {
            Sequence seq = b.dataset().getSequence(sequence);
            if (seq != null && seq.stream().anyMatch(item)) {
                uids.add(uid.apply(b));
            }
        }
        return uids;
    }

    private static String[] restricted(String... params) {
        String[] all = new String[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "PatientID";
        all[params.length + 1] = "XS" + run + "-*";
        return all;
    }

    private static Set<String> studies(String... params) {
        return uids(search("/studies", restricted(params)), "0020000D");
    }

    private static Set<String> instances(String... params) {
        return uids(search("/instances", restricted(params)), "00080018");
    }

    @Test
    void keysOfOneItemMustMatchTheSameItem() {
        // study A has A/S1 and C/S2: A and S2 are both there, but in different items
        Set<String> aInS2 = withItem(
                DicomFiles.Builder::studyInstanceUid,
                Tag.ProcedureCodeSequence,
                i -> is(i, Tag.CodeValue, code("A")) && is(i, Tag.CodingSchemeDesignator, "S2"));
        assertEquals(Set.of(x2.studyInstanceUid()), aInS2);
        assertEquals(
                aInS2,
                studies(
                        "ProcedureCodeSequence.CodeValue",
                        code("A"),
                        "ProcedureCodeSequence.CodingSchemeDesignator",
                        "S2"));
        assertEquals(
                Set.of(),
                studies(
                        "ProcedureCodeSequence.CodeValue",
                        code("C"),
                        "ProcedureCodeSequence.CodingSchemeDesignator",
                        "S1"),
                "C/S2 and A/S1 are no C/S1");
        assertEquals(
                Set.of(x1.studyInstanceUid()),
                studies("00081032.00080100", code("A"), "00081032.00080102", "S1"),
                "by tag path");
    }

    @Test
    void aStudyCollectsTheItemsOfAllItsInstances() {
        // E/S1 is in the study's second series only
        assertEquals(Set.of(x1.studyInstanceUid()), studies("ProcedureCodeSequence.CodeValue", code("E")));
        Set<String> seriesOfStudyA = new LinkedHashSet<>();
        stored.stream()
                .filter(i -> i.studyInstanceUid().equals(x1.studyInstanceUid()))
                .forEach(i -> seriesOfStudyA.add(i.seriesInstanceUid()));
        assertEquals(2, seriesOfStudyA.size());
        assertEquals(
                seriesOfStudyA,
                uids(search("/series", restricted("ProcedureCodeSequence.CodeValue", code("E"))), "0020000E"),
                "a study-level key matches every series of the study");
    }

    @Test
    void itemKeysTakeWildcardsAndValueLists() {
        assertEquals(
                withItem(
                        DicomFiles.Builder::studyInstanceUid,
                        Tag.ProcedureCodeSequence,
                        i -> i.getString(Tag.CodeMeaning).startsWith("Chest")),
                studies("ProcedureCodeSequence.CodeMeaning", "Chest*"));
        assertEquals(
                withItem(
                        DicomFiles.Builder::studyInstanceUid,
                        Tag.ProcedureCodeSequence,
                        i -> i.getString(Tag.CodeMeaning).startsWith("Abd")),
                studies("ProcedureCodeSequence.CodeMeaning", "Abd?men*"));
        assertEquals(
                Set.of(x1.studyInstanceUid(), x2.studyInstanceUid()),
                studies("ProcedureCodeSequence.CodeValue", code("C") + "\\" + code("A")));
        assertEquals(
                Set.of(x2.studyInstanceUid()),
                studies("ProcedureCodeSequence.CodeValue", code("A"), "ProcedureCodeSequence.CodeMeaning", "Abd*"),
                "a wildcard and a single value within one item");
        assertEquals(Set.of(), studies("ProcedureCodeSequence.CodeMeaning", "chest*"), "case-sensitive, as text");
    }

    @Test
    void theResultCarriesOnlyTheMatchingItemsWithTheRequestedAttributes() {
        Map<String, Object> r =
                search("/studies", restricted("ProcedureCodeSequence.CodingSchemeDesignator", "S1")).stream()
                        .filter(s -> x1.studyInstanceUid().equals(first(s, "0020000D")))
                        .findFirst()
                        .orElseThrow();
        List<Map<String, Object>> items = items(r, PROCEDURE);
        assertEquals(2, items.size(), "A/S1 and E/S1, not C/S2: " + items);
        for (Map<String, Object> item : items) {
            assertEquals(Set.of("00080102"), item.keySet(), "only the key asked for: " + item);
            assertEquals("S1", first(item, "00080102"));
        }

        Map<String, Object> withMeaning = search(
                        "/studies",
                        restricted(
                                "ProcedureCodeSequence.CodeValue",
                                code("C"),
                                "includefield",
                                "ProcedureCodeSequence.CodeMeaning"))
                .get(0);
        List<Map<String, Object>> one = items(withMeaning, PROCEDURE);
        assertEquals(1, one.size(), one.toString());
        assertEquals(Set.of("00080100", "00080104"), one.get(0).keySet());
        assertEquals(code("C"), first(one.get(0), "00080100"));
        assertEquals("Head MR " + run, first(one.get(0), "00080104"));
    }

    @Test
    void includefieldOfAnItemAttributeReturnsEveryItemWithThatAttribute() {
        Map<String, Object> r = search(
                        "/studies",
                        restricted(
                                "StudyInstanceUID",
                                x1.studyInstanceUid(),
                                "includefield",
                                "ProcedureCodeSequence.CodeValue"))
                .get(0);
        Set<Object> values = new LinkedHashSet<>();
        for (Map<String, Object> item : items(r, PROCEDURE)) {
            values.add(first(item, "00080100"));
        }
        assertEquals(Set.of(code("A"), code("C"), code("E")), values);
    }

    @Test
    void anInstanceLevelSequenceMatchesInstancesAndIsIgnoredWithAWarningForStudies() {
        assertEquals(
                withItem(
                        DicomFiles.Builder::sopInstanceUid,
                        Tag.ConceptNameCodeSequence,
                        i -> is(i, Tag.CodeValue, code("N1"))),
                instances("ConceptNameCodeSequence.CodeValue", code("N1")));
        // N* leaves out the instance the reindexing test adds
        List<Map<String, Object>> found = search(
                "/instances",
                restricted(
                        "ConceptNameCodeSequence.CodingSchemeDesignator",
                        "DCM",
                        "ConceptNameCodeSequence.CodeValue",
                        "N*"));
        assertEquals(Set.of(x1.sopInstanceUid(), x2.sopInstanceUid()), uids(found, "00080018"));
        get("/studies", restricted("ConceptNameCodeSequence.CodeValue", code("N1")))
                .then()
                .statusCode(200)
                .header("Warning", containsString("instance-level key"));
    }

    @Test
    void aSequenceGivenWithAValueOfItsOwnIsIgnoredWithAWarning() {
        get("/studies", restricted("ProcedureCodeSequence", "X"))
                .then()
                .statusCode(200)
                .header("Warning", containsString("matched by the attributes of its items"));
    }

    @Test
    void theReindexerFillsTheItemsOfInstancesStoredBeforeTheSequenceWasConfigured() throws SQLException {
        DicomFiles.Builder late = DicomFiles.ctImage()
                .patient("XSeq^Late", patient(9))
                .withSequence(Tag.ConceptNameCodeSequence, item -> code(item, code("LATE"), "DCM", "Late"))
                .withSequence(Tag.ProcedureCodeSequence, item -> code(item, code("LATEP"), "S9", "Late"));
        QidoFixture.storeAll(List.of(late));
        assertEquals(Set.of(late.sopInstanceUid()), instances("ConceptNameCodeSequence.CodeValue", code("LATE")));
        // as if stored before the sequences were configured
        assertTrue(removeItemsOf(late.sopInstanceUid()) > 0);
        assertEquals(Set.of(), instances("ConceptNameCodeSequence.CodeValue", code("LATE")));
        assertEquals(Set.of(), studies("ProcedureCodeSequence.CodeValue", code("LATEP")));

        given().post("/dicom-web/admin/reindex?wait=true").then().statusCode(200);
        assertEquals(Set.of(late.sopInstanceUid()), instances("ConceptNameCodeSequence.CodeValue", code("LATE")));
        assertEquals(Set.of(late.studyInstanceUid()), studies("ProcedureCodeSequence.CodeValue", code("LATEP")));
        long rows = count("select count(*) from sequence_item") + count("select count(*) from sequence_item_key");
        given().post("/dicom-web/admin/reindex?wait=true").then().statusCode(200);
        assertEquals(
                rows,
                count("select count(*) from sequence_item") + count("select count(*) from sequence_item_key"),
                "a second run adds nothing");
        get("/instances", "ConceptNameCodeSequence.CodeValue", code("LATE"))
                .then()
                .header("Warning", not(containsString("being indexed")));
    }

    @Test
    void deletingAStudyRemovesTheItemsKeptForItAndItsInstances() throws SQLException {
        DicomFiles.Builder gone = DicomFiles.ctImage()
                .patient("XSeq^Gone", patient(8))
                .withSequence(Tag.ConceptNameCodeSequence, item -> code(item, code("GONE"), "DCM", "Gone"))
                .withSequence(Tag.ProcedureCodeSequence, item -> code(item, code("GONEP"), "S9", "Gone"));
        long items = count("select count(*) from sequence_item");
        long values = count("select count(*) from sequence_item_key");
        QidoFixture.storeAll(List.of(gone));
        assertEquals(
                items + 2, count("select count(*) from sequence_item"), "one item for the study, one for the instance");
        assertEquals(values + 6, count("select count(*) from sequence_item_key"));

        given().when()
                .delete("/dicom-web/studies/" + gone.studyInstanceUid())
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        assertEquals(items, count("select count(*) from sequence_item"));
        assertEquals(values, count("select count(*) from sequence_item_key"));
        assertEquals(Set.of(), studies("ProcedureCodeSequence.CodeValue", code("GONEP")));
    }

    /** Deletes the items kept for an instance and for its study; how many item rows went. */
    private long removeItemsOf(String sopUid) throws SQLException {
        String owners = """
                (owner_level = 'INSTANCE' and owner_pk in (select pk from instance where sop_iuid = ?)
                 or owner_level = 'STUDY' and owner_pk in (
                    select se.study_fk from instance i join series se on se.pk = i.series_fk where i.sop_iuid = ?))""";
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement keys = c.prepareStatement(
                        "delete from sequence_item_key where item_fk in (select pk from sequence_item where " + owners
                                + ")");
                PreparedStatement items = c.prepareStatement("delete from sequence_item where " + owners)) {
            keys.setString(1, sopUid);
            keys.setString(2, sopUid);
            keys.executeUpdate();
            items.setString(1, sopUid);
            items.setString(2, sopUid);
            return items.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
