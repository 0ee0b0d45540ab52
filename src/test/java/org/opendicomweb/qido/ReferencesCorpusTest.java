package org.opendicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.PydicomCorpus;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * The references graph of every file of pydicom's test data that STOW-RS stores, against pydicom's own reading of
 * the same file (src/test/resources/qido/pydicom_references.py): the SR, the RT Plan and RT Doses, the
 * segmentations and the secondary captures with their source images. For each stored instance the index holds
 * exactly the references pydicom finds, with the same SOP Class, path, study and series; {@code .../references}
 * answers each of them, stored or not; and every stored instance that is referenced answers
 * {@code .../referenced-by} with the instances that reference it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ReferencesCorpusTest {
    private static final Path SCRIPT = Path.of("src/test/resources/qido/pydicom_references.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Inject
    IndexDatabase index;

    /** The corpus holds variants of one object under one SOP Instance UID: start from and leave an empty index. */
    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    @Test
    void everyStoredCorpusFileHasTheReferencesPydicomFinds() throws Exception {
        RequiredTools.require(Tool.PYDICOM_FILES, Tool.PYDICOM);
        Map<String, PydicomCorpus.Outcome> outcomes = PydicomCorpus.storeEveryFile();
        JsonNode oracle = pydicom(outcomes.keySet());

        // The stored version of each SOP Instance UID is the first file stored under it (later variants are refused).
        Map<String, JsonNode> stored = new TreeMap<>();
        for (Map.Entry<String, PydicomCorpus.Outcome> o : outcomes.entrySet()) {
            if (o.getValue().stored()) {
                JsonNode view =
                        oracle.get(PydicomCorpus.DATA.resolve(o.getKey()).toString());
                assertFalse(view.has("error"), o.getKey() + " is stored, but pydicom reads no references: " + view);
                stored.putIfAbsent(uid(view, 1), view);
            }
        }
        assertTrue(stored.size() > 100, "instances stored of pydicom's data: " + stored.size());

        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, Set<String>> referencedBy = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : stored.entrySet()) {
            Set<String> rows = new TreeSet<>();
            for (JsonNode r : e.getValue().get("references")) {
                rows.add(row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
                if (stored.containsKey(r.get(0).asText())) {
                    referencedBy
                            .computeIfAbsent(r.get(0).asText(), k -> new TreeSet<>())
                            .add(e.getKey());
                }
            }
            expected.put(e.getKey(), rows);
        }
        assertEquals(expected, indexed(stored.keySet()), "the references graph as indexed, by SOP Instance UID");
        long withReferences =
                expected.values().stream().filter(s -> !s.isEmpty()).count();
        assertTrue(withReferences >= 15, "stored corpus instances that reference others: " + withReferences);

        for (Map.Entry<String, JsonNode> e : stored.entrySet()) {
            if (expected.get(e.getKey()).isEmpty()) {
                continue;
            }
            Map<String, ReferencesTest.Result> answered =
                    ReferencesTest.results(instancePath(e.getValue()) + "/references");
            Map<String, List<String>> paths = new TreeMap<>();
            for (JsonNode r : e.getValue().get("references")) {
                paths.computeIfAbsent(r.get(0).asText(), k -> new ArrayList<>())
                        .add(r.get(2).asText());
            }
            assertEquals(paths.keySet(), answered.keySet(), e.getKey() + " references");
            for (Map.Entry<String, List<String>> p : paths.entrySet()) {
                ReferencesTest.Result result = answered.get(p.getKey());
                assertEquals(
                        new TreeSet<>(p.getValue()), new TreeSet<>(result.paths()), e.getKey() + " -> " + p.getKey());
                assertEquals(
                        stored.containsKey(p.getKey()) ? "ONLINE" : "UNAVAILABLE",
                        result.availability(),
                        e.getKey() + " -> " + p.getKey());
            }
        }
        for (Map.Entry<String, Set<String>> e : referencedBy.entrySet()) {
            JsonNode view = stored.get(e.getKey());
            assertNotNull(view);
            assertEquals(
                    e.getValue(),
                    ReferencesTest.results(instancePath(view) + "/referenced-by")
                            .keySet(),
                    "instances referencing " + e.getKey());
        }
    }

    private static String instancePath(JsonNode view) {
        return "/dicom-web/studies/" + uid(view, 2) + "/series/" + uid(view, 3) + "/instances/" + uid(view, 1);
    }

    private static String uid(JsonNode view, int index) {
        return Uids.normalise(view.get("uids").get(index).asText());
    }

    private static String row(Object uid, Object sopClass, Object path, Object study, Object series) {
        return text(uid) + "|" + text(sopClass) + "|" + text(path) + "|" + text(study) + "|" + text(series);
    }

    private static String text(Object value) {
        if (value instanceof JsonNode n) {
            return n.isNull() ? "-" : n.asText();
        }
        return value == null ? "-" : value.toString();
    }

    /** The rows of instance_reference of each of these instances, as {@link #row} writes them. */
    private Map<String, Set<String>> indexed(Set<String> sopUids) throws Exception {
        Map<String, Set<String>> found = new TreeMap<>();
        sopUids.forEach(s -> found.put(s, new TreeSet<>()));
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select i.sop_iuid, r.referenced_sop_iuid, r.referenced_sop_class_uid, r.attribute_path,
                               r.referenced_study_iuid, r.referenced_series_iuid
                          from instance_reference r join instance i on i.pk = r.instance_fk""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return found;
    }

    private static JsonNode pydicom(Set<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
        Set<String> distinct = new HashSet<>();
        for (String f : files) {
            if (distinct.add(f)) {
                command.add(PydicomCorpus.DATA.resolve(f).toString());
            }
        }
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "pydicom helper failed");
        return new ObjectMapper().readTree(out);
    }
}
