package org.opendicomweb.stow;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.Dcmtk;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * Every file of pydicom's test corpus through STOW. Whether a file should be stored is decided by the
 * independent readers (pydicom for the File Meta Information and the four UIDs, dcmdump for being complete),
 * not by our codec; what is stored must be the uploaded bytes exactly.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowCorpusTest {
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Inject
    IndexDatabase index;

    /**
     * pydicom's corpus holds variants of one object under one SOP Instance UID: this class stores them all, so
     * it starts from and leaves an empty index, and other classes may store any corpus file they like.
     */
    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileIsStoredAsReceivedOrRefusedWithAReason() throws Exception {
        RequiredTools.require(Tool.PYDICOM_FILES, Tool.PYDICOM, Tool.DCMTK);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS.resolve("test_files"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        JsonNode seen = pydicomView(files);
        Map<Path, Dcmtk.Result> dumps = Dcmtk.dcmdumpEach(files);
        Map<String, String> digestBySop = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(CORPUS.relativize(file).toString(), () -> {
                JsonNode view = seen.get(file.toString());
                byte[] bytes = Files.readAllBytes(file);
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                if (!storable(view, dumps.get(file))) {
                    post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(409);
                    return;
                }
                String sop = Uids.normalise(view.get("uids").get(1).asText());
                String earlier = digestBySop.putIfAbsent(sop, digest);
                if (earlier != null && !earlier.equals(digest)) {
                    // pydicom's corpus reuses SOP Instance UIDs across variants of one object (rtdose*).
                    post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(409)
                            .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0111));
                    return;
                }
                post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200);
                assertEquals(digest, storedDigest(sop), "stored bytes must be the uploaded bytes");
            }));
        }
        return tests.stream();
    }

    private static boolean storable(JsonNode view, Dcmtk.Result dump) {
        if (view == null || !view.get("readable").asBoolean() || !view.get("meta").asBoolean() || !dump.ok()) {
            return false;
        }
        for (JsonNode uid : view.get("uids")) {
            if (!Uids.isValid(Uids.normalise(uid.asText()))) {
                return false;
            }
        }
        // A DICOMDIR is a directory of a medium, not an instance (refused with 0x0122).
        return !"1.2.840.10008.1.3.10".equals(view.get("uids").get(0).asText());
    }

    private static JsonNode pydicomView(List<Path> files) throws Exception {
        Path script = Path.of("src/test/resources/stow/pydicom_uids.py");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "pydicom helper failed");
        return new ObjectMapper().readTree(out);
    }

    private String storedDigest(String sop) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select blob_sha256 from instance where sop_iuid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
