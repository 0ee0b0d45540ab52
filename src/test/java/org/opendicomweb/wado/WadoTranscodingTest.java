package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.WadoFixtures.EXPLICIT_LE;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.header;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.store;
import static org.opendicomweb.wado.WadoFixtures.url;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PixelReference;
import org.opendicomweb.testing.PixelReference.Pixels;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * Compressed instances stored through STOW-RS and retrieved decompressed through WADO-RS: whole instances in the
 * default Explicit VR Little Endian and uncompressed frames, compared with what dcmtk's decompressors make of the
 * same files (or, for JPEG 2000, which dcmtk cannot decode, with pydicom's uncompressed original).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoTranscodingTest {
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final String INSTANCES = "multipart/related; type=\"application/dicom\"";
    private static final String FRAMES = "multipart/related; type=\"application/octet-stream\"";

    @TempDir
    Path dir;

    private Path reidentified(String name) throws IOException {
        return WadoFixtures.reidentified(CORPUS.resolve(name), dir);
    }

    /** The reference: dcmtk's decompression, or for JPEG 2000 the uncompressed file pydicom made it from. */
    private static Pixels reference(Path file, String uncompressedSibling) throws IOException {
        return uncompressedSibling.isBlank()
                ? PixelReference.dcmtkDecompress(file)
                : PixelReference.nativePixels(CORPUS.resolve(uncompressedSibling));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MR_small_RLE.dcm, '', 0", "SC_rgb_rle_2frame.dcm, '', 0", "rtdose_rle.dcm, '', 0",
        "SC_rgb_jpeg_dcmtk.dcm, '', 0", "SC_rgb_jpeg_gdcm.dcm, '', 0", "JPGExtended.dcm, '', 1",
        "MR_small_jp2klossless.dcm, MR_small.dcm, 0", "MR_small_jpeg_ls_lossless.dcm, '', 0"
    })
    void compressedInstancesAreSentDecompressedByDefault(String name, String uncompressedSibling, int tolerance)
            throws IOException {
        Path file = reidentified(name);
        store(Files.readAllBytes(file));
        Pixels expected = reference(file, uncompressedSibling);
        Attributes stored = header(file);

        for (String accept : new String[] {INSTANCES, INSTANCES + "; transfer-syntax=" + EXPLICIT_LE, "*/*"}) {
            Path received = WadoFixtures.receivedInstance(url(file), accept, EXPLICIT_LE, dir.resolve("received.dcm"));
            Attributes header = header(received);
            assertEquals(stored.getString(Tag.SOPInstanceUID), header.getString(Tag.SOPInstanceUID));
            assertEquals(
                    stored.getString(Tag.LossyImageCompression),
                    header.getString(Tag.LossyImageCompression),
                    "Lossy Image Compression is kept as stored");
            Pixels actual = PixelReference.nativePixels(received);
            assertEquals(
                    expected.description().photometricInterpretation(),
                    actual.description().photometricInterpretation());
            assertEquals(
                    expected.description().numberOfFrames(),
                    actual.description().numberOfFrames());
            int diff = PixelReference.maxDifference(
                    expected.bytes(),
                    actual.bytes(),
                    expected.description().bitsAllocated() / 8,
                    expected.description().signed());
            assertTrue(diff <= tolerance, "largest difference from the reference is " + diff);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SC_rgb_rle_2frame.dcm, '', 0",
        "SC_rgb_jpeg_dcmtk.dcm, '', 0",
        "JPEG-lossy.dcm, '', 1",
        "MR_small_jp2klossless.dcm, MR_small.dcm, 0",
        "SC_rgb_jpeg_gdcm.dcm, '', 0"
    })
    void uncompressedFramesOfCompressedInstancesAreDecoded(String name, String uncompressedSibling, int tolerance)
            throws IOException {
        Path file = reidentified(name);
        store(Files.readAllBytes(file));
        Pixels expected = reference(file, uncompressedSibling);
        int frames = expected.description().numberOfFrames();
        String list = frames == 1 ? "1" : "2,1";
        for (String accept : new String[] {
            FRAMES,
            FRAMES + "; transfer-syntax=" + EXPLICIT_LE,
            "*/*",
            "multipart/related; type=application/octet-stream"
        }) {
            Response r = given().accept(accept).when().get(url(file) + "/frames/" + list);
            r.then().statusCode(200).contentType(containsString("type=\"application/octet-stream\""));
            List<WadoFixtures.Part> parts = parts(r);
            assertEquals(frames == 1 ? 1 : 2, parts.size());
            for (int i = 0; i < parts.size(); i++) {
                int frame = frames == 1 ? 0 : 1 - i;
                assertEquals(
                        "application/octet-stream; transfer-syntax=" + EXPLICIT_LE,
                        parts.get(i).contentType());
                int diff = PixelReference.maxDifference(
                        expected.frame(frame),
                        parts.get(i).body(),
                        expected.description().bitsAllocated() / 8,
                        expected.description().signed());
                assertTrue(
                        diff <= tolerance,
                        "frame " + (frame + 1) + ": largest difference from the reference is " + diff);
            }
        }
        // transfer-syntax=* still means the stored codestream.
        List<WadoFixtures.Part> stored =
                parts(given().accept(WadoFramesTest.OHIF).when().get(url(file) + "/frames/1"));
        assertArrayEquals(
                PixelReference.read(file).frames().get(0), stored.get(0).body());
    }

    /** A two-frame RLE instance whose second frame is garbage, each frame larger than the response buffer. */
    /**
     * Frames of 512 KB, larger than the response buffer (quarkus.rest.output-buffer-size, 256 KiB): the first is on
     * the wire before the second fails.
     */
    private DicomFiles.Builder rleWithCorruptSecondFrame() throws IOException {
        int rows = 512;
        int columns = 512;
        byte[] pixels = new byte[rows * columns * 2 * 2];
        new Random(9).nextBytes(pixels);
        DicomFiles.Builder original =
                DicomFiles.multiFrame(2).size(rows, columns).pixelData(pixels);
        Path compressed = PixelReference.dcmtkCompress(
                original.writeTo(dir.resolve("native.dcm")), dir.resolve("rle.dcm"), "dcmcrle");
        List<byte[]> frames = PixelReference.read(compressed).frames();
        byte[] corrupt = frames.get(1).clone();
        corrupt[4] = (byte) 0xF0; // first segment offset far beyond the frame
        corrupt[5] = (byte) 0xFF;
        corrupt[6] = (byte) 0xFF;
        return DicomFiles.multiFrame(2)
                .size(rows, columns)
                .pixelData(pixels)
                .transferSyntax(TransferSyntax.of("1.2.840.10008.1.2.5"))
                .edit(ds -> {
                    Fragments f = ds.newFragments(Tag.PixelData, VR.OB, 3);
                    f.add(new byte[0]);
                    f.add(frames.get(0));
                    f.add(corrupt);
                });
    }

    @Test
    void aCorruptFrameIsAnErrorNamingItOrBreaksTheResponse() throws Exception {
        RequiredTools.require(Tool.DCMTK);
        DicomFiles.Builder b = rleWithCorruptSecondFrame();
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
        // Nothing sent yet: no acceptable representation (the data is at fault, not the server), named.
        given().accept(FRAMES)
                .when()
                .get(url + "/frames/2")
                .then()
                .statusCode(406)
                .contentType("application/json")
                .body(
                        "message",
                        allOf(
                                containsString("Frame 2"),
                                containsString(b.sopInstanceUid()),
                                containsString("1.2.840.10008.1.2.5")));
        // The good frame decodes; the stored codestream of the bad one is still there for those who want it.
        assertEquals(
                512 * 512 * 2,
                parts(given().accept(FRAMES).when().get(url + "/frames/1"))
                        .get(0)
                        .body()
                        .length);
        given().accept(WadoFramesTest.OHIF).when().get(url + "/frames/2").then().statusCode(200);
        // Compressing it into another syntax meets the same frame: an error before anything was sent.
        given().accept("multipart/related; type=\"image/jls\"")
                .when()
                .get(url + "/frames/2")
                .then()
                .statusCode(406)
                .body("message", allOf(containsString("Frame 2"), containsString(b.sopInstanceUid())));
        // Frame 1 went out before frame 2 failed: the transfer breaks instead of ending like a complete one, also
        // when the frames are being compressed into JPEG-LS.
        String[][] cases = {
            {url + "/frames/1,2", FRAMES},
            {url, INSTANCES},
            {url, INSTANCES + "; transfer-syntax=1.2.840.10008.1.2.4.80"}
        };
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (String[] c : cases) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + c[0]))
                        .header("Accept", c[1])
                        .build();
                assertThrows(
                        IOException.class,
                        () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()),
                        c[0] + " as " + c[1]);
            }
        }
    }

    /** An instance in a syntax without a decoder; its codestream is never looked at. */
    private static DicomFiles.Builder undecodable(String syntax) {
        byte[] codestream = new byte[64];
        new Random(2).nextBytes(codestream);
        return DicomFiles.ctImage()
                .size(8, 8)
                .transferSyntax(TransferSyntax.of(syntax))
                .edit(ds -> {
                    Fragments f = ds.newFragments(Tag.PixelData, VR.OB, 2);
                    f.add(new byte[0]);
                    f.add(codestream);
                });
    }

    @Test
    void lossyInstancesWithoutADecoderAreSentAsStoredByDefaultLosslessOnesAreNot() throws IOException {
        // High-Throughput JPEG 2000 (lossy): no decoder, but PS3.18 §8.7.3.4 lets a server send lossy pixels as it has
        // them.
        DicomFiles.Builder lossy = undecodable("1.2.840.10008.1.2.4.203");
        byte[] file = lossy.toBytes();
        store(file);
        String url = ROOT + "/studies/" + lossy.studyInstanceUid() + "/series/" + lossy.seriesInstanceUid()
                + "/instances/" + lossy.sopInstanceUid();
        List<WadoFixtures.Part> parts = parts(given().accept(INSTANCES)
                .when()
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(
                "application/dicom; transfer-syntax=1.2.840.10008.1.2.4.203",
                parts.get(0).contentType());
        assertArrayEquals(file, parts.get(0).body());
        // Naming Explicit VR Little Endian is not the default: it cannot be produced.
        given().accept(INSTANCES + "; transfer-syntax=" + EXPLICIT_LE)
                .when()
                .get(url)
                .then()
                .statusCode(406);

        DicomFiles.Builder lossless = undecodable("1.2.840.10008.1.2.4.201");
        store(lossless.toBytes());
        String losslessUrl = ROOT + "/studies/" + lossless.studyInstanceUid() + "/series/"
                + lossless.seriesInstanceUid() + "/instances/" + lossless.sopInstanceUid();
        given().accept(INSTANCES).when().get(losslessUrl).then().statusCode(406);
        given().accept(FRAMES)
                .when()
                .get(losslessUrl + "/frames/1")
                .then()
                .statusCode(406)
                .body("message", containsString("no decoder"));
    }
}
