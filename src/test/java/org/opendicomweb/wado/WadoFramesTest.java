package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.expectedFrame;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.multipart.MultipartReader;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoFramesTest {
    /** What OHIF sends for every frame (type not quoted). */
    static final String OHIF = "multipart/related; type=application/octet-stream; transfer-syntax=*";

    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    /** The body of the 206 answer to a GET of {@code uri} with this Range header. */
    private static byte[] partialContent(String uri, String range) {
        return given().header("Range", range)
                .when()
                .get(uri)
                .then()
                .statusCode(206)
                .extract()
                .asByteArray();
    }

    private static String instanceUrl(DicomFiles.Builder b) {
        return ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
    }

    /** The little endian bytes of one frame of the builder's default pixel pattern. */
    /** pydicom's frames of a file: the independent oracle. */
    private static List<byte[]> pydicomFrames(Path file) throws Exception {
        Path script = Path.of("src/test/resources/wado/pydicom_frames.py").toAbsolutePath();
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, p.waitFor(), out);
        List<byte[]> frames = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            frames.add(Base64.getDecoder().decode(line.strip()));
        }
        return frames;
    }

    @ParameterizedTest(name = "{0} frames of {1} bits, {2}")
    @CsvSource({"1, 16, explicit", "3, 8, explicit", "3, 16, bigendian", "2, 16, implicit", "3, 16, deflated"})
    void framesAreTheExactPixelBytesOfEachFrame(int frames, int bits, String syntax) throws IOException {
        DicomFiles.Builder b = DicomFiles.multiFrame(frames).size(8, 6).bitsAllocated(bits);
        b = switch (syntax) {
            case "bigendian" -> b.explicitBigEndian();
            case "implicit" -> b.implicitLittleEndian();
            case "deflated" -> b.deflated(); // offsets into a deflated stream point nowhere: read from an inflated copy
            default -> b;
        };
        store(b.toBytes());
        String list = frames == 1 ? "1" : frames + ",1";
        Response r = given().accept(OHIF).when().get(instanceUrl(b) + "/frames/" + list);
        r.then().statusCode(200).contentType(containsString("type=\"application/octet-stream\""));
        List<WadoFixtures.Part> parts = parts(r);
        assertEquals(frames == 1 ? 1 : 2, parts.size());
        assertEquals(
                "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1",
                parts.get(0).contentType());
        assertArrayEquals(expectedFrame(frames - 1, 8, 6, bits), parts.get(0).body());
        if (frames > 1) {
            assertArrayEquals(expectedFrame(0, 8, 6, bits), parts.get(1).body());
        }
    }

    @Test
    void oneBitFramesThatStartInsideAByteAreShiftedOut() throws IOException {
        int rows = 3;
        int columns = 5; // 15 bits a frame: frame 2 starts at bit 15
        int frames = 3;
        boolean[] bits = new boolean[rows * columns * frames];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (i * 7 + i / 3) % 5 < 2;
        }
        byte[] packed = new byte[(bits.length + 7) / 8 + 1 & ~1];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                packed[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        DicomFiles.Builder b = DicomFiles.multiFrame(frames)
                .size(rows, columns)
                .bitsAllocated(8)
                .edit(ds -> {
                    ds.setInt(Tag.BitsAllocated, VR.US, 1);
                    ds.setInt(Tag.BitsStored, VR.US, 1);
                    ds.setInt(Tag.HighBit, VR.US, 0);
                    ds.setBytes(Tag.PixelData, VR.OB, packed);
                });
        store(b.toBytes());
        List<WadoFixtures.Part> parts = parts(given().accept(OHIF).when().get(instanceUrl(b) + "/frames/2,3"));
        for (int p = 0; p < 2; p++) {
            int frame = p + 1;
            byte[] expected = new byte[2];
            for (int i = 0; i < rows * columns; i++) {
                if (bits[frame * rows * columns + i]) {
                    expected[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            assertArrayEquals(expected, parts.get(p).body(), "frame " + (frame + 1));
        }
    }

    @Test
    void floatPixelDataFramesAreRetrievable() throws IOException {
        ByteBuffer floats = ByteBuffer.allocate(2 * 4 * 4 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 32; i++) {
            floats.putFloat(i * 0.5f - 3);
        }
        DicomFiles.Builder b = DicomFiles.multiFrame(2).size(4, 4).edit(ds -> {
            ds.remove(Tag.PixelData);
            ds.setInt(Tag.BitsAllocated, VR.US, 32);
            ds.remove(Tag.BitsStored);
            ds.remove(Tag.HighBit);
            ds.remove(Tag.PixelRepresentation);
            ds.setBytes(Tag.FloatPixelData, VR.OF, floats.array());
        });
        store(b.toBytes());
        List<WadoFixtures.Part> parts = parts(given().accept(OHIF).when().get(instanceUrl(b) + "/frames/2"));
        byte[] second = new byte[64];
        System.arraycopy(floats.array(), 64, second, 0, 64);
        assertArrayEquals(second, parts.get(0).body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SC_rgb_jpeg_dcmtk.dcm, image/jpeg, 1.2.840.10008.1.2.4.50",
        "SC_rgb_rle_2frame.dcm, image/dicom-rle, 1.2.840.10008.1.2.5",
        "JPEG2000.dcm, image/jp2, 1.2.840.10008.1.2.4.91"
    })
    void compressedFramesAreTheirFragmentsUnderTheCompressedMediaType(String name, String mediaType, String syntax)
            throws Exception {
        Path file = CORPUS.resolve(name);
        byte[] bytes = Files.readAllBytes(file);
        store(bytes);
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
            ds = in.readDataset(Tag.PixelData);
        }
        String url = ROOT + "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID);
        List<byte[]> expected = pydicomFrames(file);
        StringBuilder list = new StringBuilder();
        for (int k = expected.size(); k >= 1; k--) {
            list.append(list.isEmpty() ? "" : ",").append(k);
        }
        for (String accept : new String[] {
            OHIF,
            "multipart/related; type=\"" + mediaType + "\"",
            "multipart/related; type=\"application/octet-stream\"; transfer-syntax=" + syntax
        }) {
            Response r = given().accept(accept).when().get(url + "/frames/" + list);
            r.then().statusCode(200).contentType(containsString("type=\"" + mediaType + "\""));
            List<WadoFixtures.Part> parts = parts(r);
            assertEquals(expected.size(), parts.size());
            for (int i = 0; i < parts.size(); i++) {
                assertEquals(
                        mediaType + "; transfer-syntax=" + syntax, parts.get(i).contentType());
                assertArrayEquals(
                        expected.get(expected.size() - 1 - i), parts.get(i).body(), "frame " + (expected.size() - i));
            }
        }
        // Without transfer-syntax=* they are decoded (WadoTranscodingTest compares their pixels).
        given().accept("multipart/related; type=application/octet-stream")
                .when()
                .get(url + "/frames/1")
                .then()
                .statusCode(200)
                .contentType(containsString("type=\"application/octet-stream\""));
    }

    @Test
    void framesWithoutAnOffsetTableAreOneFragmentEach() throws IOException {
        DicomFiles.Builder b =
                DicomFiles.multiFrame(3).size(4, 4).bitsAllocated(8).encapsulatedUncompressed();
        store(b.toBytes());
        List<WadoFixtures.Part> parts =
                parts(given().accept(ENCAPSULATED_UNCOMPRESSED_FRAMES).when().get(instanceUrl(b) + "/frames/2"));
        assertEquals(
                "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1.98",
                parts.get(0).contentType());
        assertArrayEquals(expectedFrame(1, 4, 4, 8), parts.get(0).body());
    }

    /** Asks for frames in Encapsulated Uncompressed Explicit VR Little Endian by name. */
    private static final String ENCAPSULATED_UNCOMPRESSED_FRAMES =
            "multipart/related; type=application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1.98";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "multipart/related; type=application/octet-stream; transfer-syntax=*",
                "multipart/related; type=\"application/octet-stream\"",
                "multipart/related; type=application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"
            })
    void encapsulatedUncompressedFramesGoOutAsExplicitLittleEndianUnlessTheirSyntaxIsNamed(String accept)
            throws IOException {
        // 3 x 3 bytes: each fragment carries a padding byte that the native frame must not have.
        DicomFiles.Builder b =
                DicomFiles.multiFrame(2).size(3, 3).bitsAllocated(8).encapsulatedUncompressed();
        store(b.toBytes());
        List<WadoFixtures.Part> parts = parts(given().accept(accept).when().get(instanceUrl(b) + "/frames/2"));
        assertEquals(
                "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1",
                parts.get(0).contentType());
        assertArrayEquals(expectedFrame(1, 3, 3, 8), parts.get(0).body());

        List<WadoFixtures.Part> stored =
                parts(given().accept(ENCAPSULATED_UNCOMPRESSED_FRAMES).when().get(instanceUrl(b) + "/frames/2"));
        assertEquals(
                "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1.98",
                stored.get(0).contentType());
        assertEquals(10, stored.get(0).body().length, "the fragment as stored, padded to even length");
    }

    @Test
    void missingFramesAre404OrLeftOutWith206AndMalformedListsAre400() throws IOException {
        DicomFiles.Builder b = DicomFiles.multiFrame(3).size(4, 4);
        store(b.toBytes());
        String url = instanceUrl(b) + "/frames/";
        given().accept(OHIF).when().get(url + "4").then().statusCode(404);
        Response partial = given().accept(OHIF).when().get(url + "2,4");
        partial.then().statusCode(206).header("Warning", containsString("1 requested frame"));
        assertEquals(1, parts(partial).size());
        given().accept(OHIF).when().get(url + "0").then().statusCode(400);
        given().accept(OHIF).when().get(url + "1,x").then().statusCode(400);
        given().accept(OHIF).when().get(url + "1,").then().statusCode(400);
        given().accept("image/png").when().get(url + "1").then().statusCode(406);
        given().accept(OHIF)
                .when()
                .get(ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid()
                        + "/instances/1.2.3.4/frames/1")
                .then()
                .statusCode(404);
    }

    // ---- bulk data ----

    @Test
    void bulkDataUrisOfTheMetadataResolveWithRangeSupport() throws IOException {
        byte[] privateValue = new byte[3000];
        for (int i = 0; i < privateValue.length; i++) {
            privateValue[i] = (byte) (i * 13);
        }
        DicomFiles.Builder b = DicomFiles.ctImage()
                .size(8, 8)
                .with(0x00090010, VR.LO, "OPENDICOMWEB TEST")
                .edit(ds -> ds.setBytes(0x00091010, VR.OB, privateValue));
        store(b.toBytes());
        JsonPath metadata = given().when()
                .get(instanceUrl(b) + "/metadata")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String pixelUri = metadata.getString("[0].'7FE00010'.BulkDataURI");
        String privateUri = metadata.getString("[0].'00091010'.BulkDataURI");

        byte[] pixels = expectedFrame(0, 8, 8, 16);
        assertArrayEquals(
                pixels,
                given().accept("application/octet-stream")
                        .when()
                        .get(pixelUri)
                        .then()
                        .statusCode(200)
                        .header("Accept-Ranges", "bytes")
                        .extract()
                        .asByteArray());
        byte[] slice = given().header("Range", "bytes=10-19")
                .when()
                .get(pixelUri)
                .then()
                .statusCode(206)
                .header("Content-Range", equalTo("bytes 10-19/" + pixels.length))
                .extract()
                .asByteArray();
        assertArrayEquals(Arrays.copyOfRange(pixels, 10, 20), slice);
        byte[] tail = partialContent(pixelUri, "bytes=-5");
        assertArrayEquals(Arrays.copyOfRange(pixels, pixels.length - 5, pixels.length), tail);
        given().header("Range", "bytes=" + pixels.length + "-")
                .when()
                .get(pixelUri)
                .then()
                .statusCode(416);

        assertArrayEquals(
                privateValue,
                given().when().get(privateUri).then().statusCode(200).extract().asByteArray());
        List<WadoFixtures.Part> parts = parts(given().accept("multipart/related; type=\"application/octet-stream\"")
                .when()
                .get(privateUri));
        assertArrayEquals(privateValue, parts.get(0).body());

        given().when().get(instanceUrl(b) + "/bulkdata/00100010").then().statusCode(404);
        given().when().get(instanceUrl(b) + "/bulkdata/0010001").then().statusCode(400);
        given().when()
                .get(instanceUrl(b) + "/bulkdata/00081115/x/00081150")
                .then()
                .statusCode(400);
        given().accept("image/jpeg").when().get(privateUri).then().statusCode(406);
    }

    @Test
    void severalByteRangesAreMultipartByterangesOrRelatedPartsInTheOrderAsked() throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage().size(16, 16);
        store(b.toBytes());
        String uri = instanceUrl(b) + "/bulkdata/7FE00010";
        byte[] pixels = expectedFrame(0, 16, 16, 16);
        String size = "/" + pixels.length;

        Response byteranges = given().accept("application/octet-stream")
                .header("Range", "bytes=100-149, -10,0-3")
                .when()
                .get(uri);
        byteranges.then().statusCode(206).contentType(startsWith("multipart/byteranges; boundary="));
        List<WadoFixtures.Part> parts = rangeParts(byteranges);
        assertEquals(3, parts.size());
        assertEquals("bytes 100-149" + size, parts.get(0).headers().get("content-range"));
        assertArrayEquals(Arrays.copyOfRange(pixels, 100, 150), parts.get(0).body());
        assertEquals(
                "bytes " + (pixels.length - 10) + "-" + (pixels.length - 1) + size,
                parts.get(1).headers().get("content-range"));
        assertArrayEquals(
                Arrays.copyOfRange(pixels, pixels.length - 10, pixels.length),
                parts.get(1).body());
        assertArrayEquals(Arrays.copyOfRange(pixels, 0, 4), parts.get(2).body());
        assertEquals("application/octet-stream", parts.get(2).contentType());

        // dicomweb-client asks for a range with a multipart Accept: one related part per range, with its Content-Range.
        Response related = given().accept("multipart/related; type=\"application/octet-stream\"")
                .header("Range", "bytes=10-109")
                .when()
                .get(uri);
        related.then().statusCode(206);
        List<WadoFixtures.Part> one = parts(related);
        assertEquals(1, one.size());
        assertEquals("bytes 10-109" + size, one.get(0).headers().get("content-range"));
        assertArrayEquals(Arrays.copyOfRange(pixels, 10, 110), one.get(0).body());

        // Unsatisfiable ranges are dropped while one is left; none left is 416 with the size.
        List<WadoFixtures.Part> left = rangeParts(
                given().header("Range", "bytes=99999-,5-6,7-8").when().get(uri));
        assertEquals(2, left.size());
        assertArrayEquals(Arrays.copyOfRange(pixels, 7, 9), left.get(1).body());
        given().header("Range", "bytes=99999-,-0")
                .when()
                .get(uri)
                .then()
                .statusCode(416)
                .header("Content-Range", equalTo("bytes *" + size));
        // An invalid range set, another unit or too many ranges: the Range header is ignored.
        given().header("Range", "bytes=9-2")
                .when()
                .get(uri)
                .then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(pixels.length));
        given().header("Range", "items=0-1").when().get(uri).then().statusCode(200);
        given().header("Range", "bytes=" + "0-0,".repeat(17))
                .when()
                .get(uri)
                .then()
                .statusCode(200);
    }

    /** The parts of a multipart/byteranges answer. */
    private static List<WadoFixtures.Part> rangeParts(Response response) throws IOException {
        MediaType type = MediaType.parse(response.getContentType());
        assertEquals("multipart/byteranges", type.essence());
        MultipartReader reader =
                new MultipartReader(new ByteArrayInputStream(response.asByteArray()), type.parameter("boundary"));
        List<WadoFixtures.Part> parts = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(new WadoFixtures.Part(
                    new LinkedHashMap<>(p.headers()), p.body().readAllBytes()));
        }
        return parts;
    }

    @Test
    void bulkDataOfBigEndianValuesIsLittleEndian() throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage().size(8, 8).explicitBigEndian();
        store(b.toBytes());
        byte[] pixels = expectedFrame(0, 8, 8, 16);
        assertArrayEquals(
                pixels,
                given().when()
                        .get(instanceUrl(b) + "/bulkdata/7FE00010")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        byte[] odd = partialContent(instanceUrl(b) + "/bulkdata/7FE00010", "bytes=3-8");
        assertArrayEquals(Arrays.copyOfRange(pixels, 3, 9), odd);
    }

    @Test
    void bulkDataOfDeflatedPixelDataIsItsInflatedValue() throws IOException {
        // A large preamble before the pixel data puts its inflated offset past the end of the deflated file.
        DicomFiles.Builder b =
                DicomFiles.ctImage().size(64, 64).deflated().with(Tag.ImageComments, VR.LT, "x".repeat(10_000));
        store(b.toBytes());
        byte[] pixels = expectedFrame(0, 64, 64, 16);
        Response whole = given().when()
                .get(instanceUrl(b) + "/bulkdata/7FE00010")
                .then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(pixels.length))
                .extract()
                .response();
        assertArrayEquals(pixels, whole.asByteArray());
        byte[] range = partialContent(instanceUrl(b) + "/bulkdata/7FE00010", "bytes=100-199");
        assertArrayEquals(Arrays.copyOfRange(pixels, 100, 200), range);
    }

    @Test
    void bulkDataOfCompressedPixelDataIsItsFrames() throws Exception {
        Path file = CORPUS.resolve("SC_rgb_rle_2frame.dcm");
        store(Files.readAllBytes(file));
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            ds = in.readDataset(Tag.PixelData);
        }
        String url = ROOT + "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID)
                + "/bulkdata/7FE00010";
        List<WadoFixtures.Part> parts =
                parts(given().when().get(url).then().statusCode(200).extract().response());
        List<byte[]> expected = pydicomFrames(file);
        assertEquals(expected.size(), parts.size());
        assertArrayEquals(expected.get(1), parts.get(1).body());
    }
}
