package org.opendicomweb.interop;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.Dcmtk;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * dcmtk reads what WADO-RS serves: files of pydicom's corpus are stored, retrieved with the default Accept and with
 * {@code transfer-syntax=*}, split out of the multipart answer, and each part must pass {@code dcmdump} and
 * {@code dcm2json} without a warning or error and hold the dataset of the original.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class DcmtkReadsWadoTest {
    private static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final Set<String> NEVER_SENT = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.2");
    private static final Set<String> NATIVE =
            Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99");

    /** pydicom's corpus holds variants of one SOP Instance: start from and leave an empty index. */
    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "test_files/CT_small.dcm",
                "test_files/MR_small_implicit.dcm",
                "test_files/ExplVR_BigEnd.dcm",
                "test_files/image_dfl.dcm",
                "test_files/rtplan.dcm",
                "test_files/rtdose.dcm",
                "test_files/waveform_ecg.dcm",
                "test_files/reportsi.dcm",
                "test_files/test-SR.dcm",
                "test_files/SC_rgb_small_odd.dcm",
                "test_files/liver_1frame.dcm",
                "charset_files/chrRuss.dcm",
                "charset_files/chrArab.dcm",
                "charset_files/chrX1.dcm",
                "test_files/JPEG2000.dcm",
                "test_files/SC_rgb_rle.dcm",
                "test_files/JPEG-lossy.dcm"
            })
    void dcmtkReadsTheInstanceAsServed(String name) throws IOException {
        Path original = DATA.resolve(name);
        RequiredTools.require(Tool.DCMTK, Tool.PYDICOM_FILES);
        String stored = Dcmtk.transferSyntax(original);
        boolean nativeSyntax = NATIVE.contains(stored);
        Dcmtk.Result originalDump = Dcmtk.dcmdump(original);
        assertEquals(Set.of(), originalDump.problems(), "the original must be clean for this test to mean anything");
        String originalJson = nativeSyntax ? clean(Dcmtk.dcm2json(original), "original") : null;

        byte[] file = Files.readAllBytes(original);
        given().contentType("application/dicom")
                .accept("application/dicom+json")
                .body(file)
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String url = given().accept("application/dicom+json")
                .queryParam("SOPInstanceUID", sopInstanceUid(original))
                .when()
                .get("/dicom-web/instances")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].00081190.Value[0]");

        // Default Accept: Explicit VR Little Endian; a compressed file may be refused while there is no decoder.
        Response plain = given().when().get(url);
        if (nativeSyntax || plain.statusCode() != 406) {
            assertEquals(200, plain.statusCode(), plain.asString());
            byte[] part = onePart(plain, EXPLICIT_LE);
            String json = checkWithDcmtk(part, EXPLICIT_LE);
            if (nativeSyntax) {
                assertEquals(originalJson, json, "another dataset came back");
            }
        }

        // transfer-syntax=*: as stored, except the syntaxes that never travel over the web.
        Response any = given().accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .when()
                .get(url);
        assertEquals(200, any.statusCode(), any.asString());
        String expected = NEVER_SENT.contains(stored) ? EXPLICIT_LE : stored;
        byte[] part = onePart(any, expected);
        String json = checkWithDcmtk(part, expected);
        if (nativeSyntax) {
            assertEquals(originalJson, json, "another dataset came back");
        }
        if (expected.equals(stored)) {
            assertArrayEquals(file, part, "not the stored bytes");
        }
    }

    private static byte[] onePart(Response response, String transferSyntax) {
        List<MultipartParts.Part> parts = MultipartParts.split(response.getContentType(), response.asByteArray());
        assertEquals(1, parts.size());
        String type = parts.get(0).header("Content-Type");
        assertTrue(type.startsWith("application/dicom") && type.contains("transfer-syntax=" + transferSyntax), type);
        return parts.get(0).body();
    }

    /** dcmdump and dcm2json read the part without a warning; the JSON (null for compressed pixel data). */
    private static String checkWithDcmtk(byte[] part, String transferSyntax) throws IOException {
        Path file = Files.createTempFile("wado-part", ".dcm");
        try {
            Files.write(file, part);
            assertEquals(transferSyntax, Dcmtk.transferSyntax(file), "transfer syntax in the file meta information");
            Dcmtk.Result dump = Dcmtk.dcmdump(file);
            assertEquals(Set.of(), dump.problems(), "dcmdump");
            assertEquals(0, dump.exitCode(), "dcmdump");
            // dcm2json 3.6.7 has no encoding for encapsulated pixel data: it only reads native syntaxes.
            return NATIVE.contains(transferSyntax) ? clean(Dcmtk.dcm2json(file), "served") : null;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String clean(Dcmtk.Result json, String what) {
        assertEquals(Set.of(), json.problems(), "dcm2json of the " + what + " file");
        assertEquals(0, json.exitCode(), "dcm2json of the " + what + " file");
        return json.stdout();
    }

    private static String sopInstanceUid(Path file) throws IOException {
        String dump = Dcmtk.dcmdump(file).stdout();
        for (String line : dump.split("\n")) {
            if (line.startsWith("(0008,0018) UI [")) {
                return line.substring(16, line.indexOf(']'));
            }
        }
        throw new AssertionError("no SOP Instance UID in " + file);
    }
}
