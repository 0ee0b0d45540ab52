package org.opendicomweb.stow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Every file of pydicom's test corpus through STOW and back. Whether a file should be stored is decided by the
 * independent readers (pydicom for the File Meta Information and the four UIDs, dcmdump for being complete),
 * not by our codec; what is stored must be the uploaded bytes exactly, and every stored instance must be
 * retrievable whole, as metadata, and value by value through each BulkDataURI its metadata names.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowCorpusTest {
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /**
     * Files whose stored codestream no decoder reads: served as stored, but not in Explicit VR Little Endian (a
     * 406 naming the frame, as for any corrupt stored frame).
     */
    private static final Map<String, String> UNDECODABLE = Map.of(
            "test_files/JPEG2000-embedded-sequence-delimiter.dcm",
            "its SIZ marker segment holds the bytes of (FFFE,E0DD): Rsiz 0xFEFF, Xsiz 0xDDE00100; openjpeg refuses it too");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("test_files", "charset_files")) {
            try (Stream<Path> walk = Files.walk(CORPUS.resolve(folder))) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        JsonNode seen = pydicomView(files);
        Map<Path, Dcmtk.Result> dumps = Dcmtk.dcmdumpEach(files);
        Map<String, String> digestBySop = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(CORPUS.relativize(file).toString(), () -> {
                JsonNode view = seen.get(file.toString());
                byte[] bytes = Files.readAllBytes(file);
                String digest = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                if (!storable(view, dumps.get(file))) {
                    post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(409);
                    return;
                }
                String sop = Uids.normalise(view.get("uids").get(1).asText());
                String earlier = digestBySop.putIfAbsent(sop, digest);
                if (earlier != null && !earlier.equals(digest)) {
                    // pydicom's corpus reuses SOP Instance UIDs across variants of one object (rtdose*).
                    post("/dicom-web/studies", MULTIPART, multipart(bytes))
                            .statusCode(409)
                            .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0111));
                    return;
                }
                post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200);
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                crc.update(bytes);
                assertEquals(crc.getValue(), storedCrc32c(sop), "stored bytes must be the uploaded bytes");
                String instance = "/dicom-web/studies/"
                        + Uids.normalise(view.get("uids").get(2).asText()) + "/series/"
                        + Uids.normalise(view.get("uids").get(3).asText()) + "/instances/" + sop;
                assertRetrievable(
                        instance,
                        UNDECODABLE.containsKey(CORPUS.relativize(file).toString()));
            }));
        }
        tests.add(DynamicTest.dynamicTest("the scrub reads every stored object back intact", () -> {
            long stored = count("select count(*) from instance");
            given().when()
                    .post("/dicom-web/admin/scrub?wait=true")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("FINISHED"))
                    .body("checked", equalTo((int) stored))
                    .body("intact", equalTo((int) stored))
                    .body("mismatches", equalTo(0))
                    .body("missing", equalTo(0))
                    .body("unreadable", equalTo(0));
        }));
        return tests.stream();
    }

    /**
     * The instance as stored, its metadata, and every value its metadata refers to: each answer a 200 whose body
     * is as long as its Content-Length says. The instance in the default syntax may also be a 406 (no
     * decoder for its compression); a 406 naming the frame also where the stored codestream is corrupt ({@link #UNDECODABLE}).
     * Asked with the JDK's client, which neither asks for nor undoes a Content-Encoding: what is counted is what
     * came over the wire.
     */
    private static void assertRetrievable(String instance, boolean undecodable) throws Exception {
        assertComplete(get(instance, "multipart/related; type=\"application/dicom\"; transfer-syntax=*"), instance);
        HttpResponse<byte[]> explicitLe = get(instance, "multipart/related; type=\"application/dicom\"");
        if (undecodable) {
            assertEquals(406, explicitLe.statusCode(), instance + " in the default syntax");
            assertTrue(new String(explicitLe.body(), StandardCharsets.UTF_8).contains("cannot be decoded"));
        } else {
            assertTrue(
                    explicitLe.statusCode() == 200 || explicitLe.statusCode() == 406,
                    instance + " in the default syntax answered " + explicitLe.statusCode());
        }
        HttpResponse<byte[]> metadata = get(instance + "/metadata", "application/dicom+json");
        assertComplete(metadata, instance + "/metadata");
        List<String> uris = new ArrayList<>();
        bulkDataUris(new ObjectMapper().readTree(metadata.body()), uris);
        for (String uri : uris) {
            assertComplete(get(URI.create(uri).getRawPath(), "*/*"), uri);
        }
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", accept)
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertComplete(HttpResponse<byte[]> response, String what) {
        assertEquals(200, response.statusCode(), what + " answered " + response.statusCode());
        response.headers()
                .firstValueAsLong("Content-Length")
                .ifPresent(length -> assertEquals(
                        length, response.body().length, what + ": body shorter or longer than its Content-Length"));
        assertTrue(response.body().length > 0, what + ": empty body");
    }

    private static void bulkDataUris(JsonNode node, List<String> uris) {
        if (node.isObject() && node.has("BulkDataURI")) {
            uris.add(node.get("BulkDataURI").asText());
        }
        node.forEach(child -> bulkDataUris(child, uris));
    }

    private static boolean storable(JsonNode view, Dcmtk.Result dump) {
        if (view == null
                || !view.get("readable").asBoolean()
                || !view.get("meta").asBoolean()
                || !dump.ok()) {
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
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "pydicom helper failed");
        return new ObjectMapper().readTree(out);
    }

    private Long storedCrc32c(String sop) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select blob_crc32c from instance where sop_iuid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
