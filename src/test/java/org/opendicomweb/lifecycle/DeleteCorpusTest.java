package org.opendicomweb.lifecycle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.PydicomCorpus;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * Everything a stranger has, stored and then deleted: every file of pydicom's test data that STOW-RS accepts,
 * the studies deleted in turn whole, series by series, or instance by instance. Afterwards nothing is found, no
 * index row is left but the change feed's, every entry of the feed says deleted, and no stored file remains.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class DeleteCorpusTest {
    /** Tables that keep rows after everything is deleted: bookkeeping, not stored data. */
    private static final List<String> KEPT = List.of(
            "change_feed",
            "change_sequence",
            "reindex_task",
            "cluster_lease",
            "scrub_progress",
            "rejected_instance",
            "flyway_schema_history");

    @Inject
    IndexDatabase index;

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    @Test
    void everyStoredStudyOfTheCorpusDeletedAtSomeLevelLeavesNothing() throws Exception {
        RequiredTools.require(Tool.PYDICOM_FILES);
        Map<String, PydicomCorpus.Outcome> outcomes = PydicomCorpus.storeEveryFile();
        TreeSet<String> studies = new TreeSet<>();
        outcomes.values().stream().filter(PydicomCorpus.Outcome::stored).forEach(o -> studies.add(o.study()));
        assertTrue(studies.size() >= 20, "studies stored of pydicom's data: " + studies.size());
        List<Path> files = storedFiles();
        assertFalse(files.isEmpty());
        // The corpus' SR, RT and segmentation objects reference others: the graph's rows must go too.
        assertTrue(count("select count(*) from instance_reference") > 0, "references indexed of the corpus");

        int level = 0;
        for (String study : studies) {
            switch (level++ % 3) {
                case 0 -> delete("/studies/" + study);
                case 1 -> {
                    for (String series : uids("/studies/" + study + "/series", "0020000E")) {
                        delete("/studies/" + study + "/series/" + series);
                    }
                }
                default -> {
                    for (String series : uids("/studies/" + study + "/series", "0020000E")) {
                        for (String sop : uids("/studies/" + study + "/series/" + series + "/instances", "00080018")) {
                            delete("/studies/" + study + "/series/" + series + "/instances/" + sop);
                        }
                    }
                }
            }
            assertEquals(
                    List.of(),
                    sopsOf(study),
                    "instances left of study " + study + " after deleting at level " + ((level - 1) % 3));
            given().when().delete("/dicom-web/studies/" + study).then().statusCode(404);
            given().when()
                    .get("/dicom-web/studies/" + study + "/metadata")
                    .then()
                    .statusCode(404);
        }

        assertEquals(List.of(), uids("/studies", "0020000D"), "studies found");
        assertEquals(List.of(), uids("/instances", "00080018"), "instances found");
        assertEquals(Map.of(), rowsLeft(), "rows left after every study was deleted");
        assertEquals(0, count("select count(*) from change_feed where state <> 'deleted'"), "feed entries not deleted");
        for (Path file : files) {
            assertFalse(Files.exists(file), "a deleted instance's file is still stored: " + file);
        }
    }

    private static void delete(String path) {
        given().when().delete("/dicom-web" + path).then().statusCode(204);
    }

    /** The UIDs a QIDO-RS search answers, from the attribute {@code tag}. */
    private static List<String> uids(String path, String tag) {
        JsonPath json = given().accept("application/dicom+json")
                .when()
                .get("/dicom-web" + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<List<String>> values = json.getList("'" + tag + "'.Value");
        return values.stream().map(v -> v.get(0)).toList();
    }

    private List<Path> storedFiles() throws SQLException {
        List<Path> files = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select blob_key from instance")) {
            while (rs.next()) {
                Path file = storage.resolve(rs.getString(1));
                assertTrue(Files.exists(file), file.toString());
                files.add(file);
            }
        }
        return files;
    }

    /** Every table of the index but the kept ones, with its row count where it has rows. */
    private Map<String, Long> rowsLeft() throws SQLException {
        Map<String, Long> left = new TreeMap<>();
        try (Connection c = index.dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertTrue(tables.contains("instance"), tables.toString());
            for (String table : tables) {
                if (!KEPT.contains(table)) {
                    long n = count("select count(*) from " + table);
                    if (n > 0) {
                        left.put(table, n);
                    }
                }
            }
        }
        return left;
    }

    private List<String> sopsOf(String study) throws SQLException {
        List<String> sops = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                var ps = c.prepareStatement("select i.sop_iuid, se.series_iuid from instance i"
                        + " join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk"
                        + " where st.study_iuid = ?")) {
            ps.setString(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sops.add(rs.getString(1) + " in series " + rs.getString(2));
                }
            }
        }
        return sops;
    }

    private long count(String query) throws SQLException {
        try (Connection c = index.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
