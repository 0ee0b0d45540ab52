package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.wado.WadoFixtures.EXPLICIT_LE;
import static org.opendicomweb.wado.WadoFixtures.header;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.store;
import static org.opendicomweb.wado.WadoFixtures.url;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.imaging.PixelDescription;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DatasetComparison;
import org.opendicomweb.testing.Dcmtk;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PixelReference;
import org.opendicomweb.testing.PixelReference.Pixels;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * Instances and frames compressed into RLE Lossless, JPEG Lossless SV1, JPEG-LS Lossless and JPEG 2000 Lossless on
 * request, from native and from compressed stored files; each answer is decompressed by dcmtk ({@code dcmdrle},
 * {@code dcmdjpeg}, {@code dcmdjpls}) or OpenJPEG ({@code opj_decompress}) and compared with the pixels it was made
 * from.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoCompressionTest {
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";
    private static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    private static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    private static final String INSTANCES = "multipart/related; type=\"application/dicom\"";
    private static final String AS_RLE = INSTANCES + "; transfer-syntax=" + RLE;

    @TempDir
    Path dir;

    /** The pydicom file under new UIDs, or (for names starting with "planar:") its colour-by-plane copy. */
    private Path source(String name) throws IOException {
        if (name.startsWith("planar:")) {
            return colourByPlane(source(name.substring("planar:".length())));
        }
        if (name.startsWith("dcmdrle:")) { // a native file that dcmtk decompressed from pydicom's RLE one
            Path rle = WadoFixtures.reidentified(CORPUS.resolve(name.substring("dcmdrle:".length())), dir);
            return PixelReference.dcmtkCompress(rle, dir.resolve("native-" + rle.getFileName()), "dcmdrle");
        }
        return WadoFixtures.reidentified(CORPUS.resolve(name), dir);
    }

    /** The same image with Planar Configuration 1: each frame's samples plane by plane. */
    private Path colourByPlane(Path file) throws IOException {
        Pixels pixels = PixelReference.nativePixels(file);
        int samples = pixels.description().samplesPerPixel();
        int bytes = pixels.description().bitsAllocated() / 8;
        int frameLength = (int) pixels.description().frameLength();
        int count = frameLength / samples / bytes;
        byte[] planar = new byte[pixels.bytes().length];
        for (int f = 0; f < pixels.description().numberOfFrames(); f++) {
            for (int p = 0; p < count; p++) {
                for (int s = 0; s < samples; s++) {
                    System.arraycopy(
                            pixels.bytes(),
                            f * frameLength + (p * samples + s) * bytes,
                            planar,
                            f * frameLength + (s * count + p) * bytes,
                            bytes);
                }
            }
        }
        Attributes ds = header(file);
        ds.setInt(Tag.PlanarConfiguration, VR.US, 1);
        ds.setBytes(Tag.PixelData, bytes == 1 ? VR.OB : VR.OW, planar);
        return WadoFixtures.write(ds, EXPLICIT_LE, file, dir.resolve("planar-" + file.getFileName()));
    }

    /** What the pixels must decompress to: dcmtk's decompression of a compressed source, else its own pixels. */
    private static Pixels reference(Path file, String sibling) throws IOException {
        if (!sibling.isBlank()) {
            return PixelReference.nativePixels(CORPUS.resolve(sibling));
        }
        return TransferSyntax.of(Dcmtk.transferSyntax(file)).encapsulated()
                ? PixelReference.dcmtkDecompress(file)
                : PixelReference.nativePixels(file);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "rle, MR_small.dcm, ''",
        "rle, MR_small_bigendian.dcm, MR_small.dcm",
        "rle, MR_small_implicit.dcm, MR_small.dcm",
        "rle, rtdose.dcm, ''",
        "rle, SC_rgb_small_odd.dcm, ''",
        "rle, image_dfl.dcm, ''",
        "rle, dcmdrle:SC_rgb_rle_16bit.dcm, ''",
        "rle, dcmdrle:SC_rgb_rle_32bit_2frame.dcm, ''",
        "rle, planar:dcmdrle:SC_rgb_rle_16bit_2frame.dcm, ''",
        "rle, MR_small_jpeg_ls_lossless.dcm, MR_small.dcm",
        "rle, SC_rgb_jpeg_dcmtk.dcm, ''",
        "rle, MR_small_jp2klossless.dcm, MR_small.dcm",
        "jpeg-lossless, MR_small.dcm, ''",
        "jpeg-lossless, MR_small_bigendian.dcm, MR_small.dcm",
        "jpeg-lossless, CT_small.dcm, ''",
        "jpeg-lossless, SC_rgb_small_odd.dcm, ''",
        "jpeg-lossless, image_dfl.dcm, ''",
        "jpeg-lossless, dcmdrle:SC_rgb_rle_16bit_2frame.dcm, ''",
        "jpeg-lossless, planar:dcmdrle:SC_rgb_rle_2frame.dcm, ''",
        "jpeg-lossless, MR_small_RLE.dcm, MR_small.dcm",
        "jpeg-lossless, MR_small_jpeg_ls_lossless.dcm, MR_small.dcm",
        "jpeg-lossless, SC_rgb_jpeg_dcmtk.dcm, ''",
        "jpeg2000, MR_small.dcm, ''",
        "jpeg2000, CT_small.dcm, ''",
        "jpeg2000, SC_rgb_small_odd.dcm, ''",
        "jpeg2000, planar:dcmdrle:SC_rgb_rle_2frame.dcm, ''",
        "jpeg2000, MR_small_RLE.dcm, MR_small.dcm",
        "jpeg-ls, MR_small.dcm, ''",
        "jpeg-ls, CT_small.dcm, ''",
        "jpeg-ls, SC_rgb_small_odd.dcm, ''",
        "jpeg-ls, image_dfl.dcm, ''",
        "jpeg-ls, dcmdrle:SC_rgb_rle_16bit_2frame.dcm, ''",
        "jpeg-ls, planar:dcmdrle:SC_rgb_rle_2frame.dcm, ''",
        "jpeg-ls, MR_small_RLE.dcm, MR_small.dcm",
        "jpeg-ls, MR_small_jp2klossless.dcm, MR_small.dcm",
        "jpeg-ls, SC_rgb_jpeg_dcmtk.dcm, ''"
    })
    void instancesAndFramesAreCompressedOnRequest(String codec, String name, String sibling) throws IOException {
        String syntax = switch (codec) {
            case "rle" -> RLE;
            case "jpeg-lossless" -> JPEG_LOSSLESS;
            case "jpeg-ls" -> JPEG_LS_LOSSLESS;
            default -> JPEG_2000_LOSSLESS;
        };
        String mediaType = CompressedMediaTypes.of(syntax);
        Path file = source(name);
        store(Files.readAllBytes(file));
        Pixels expected = reference(file, sibling);

        Path received = WadoFixtures.receivedInstance(
                url(file), INSTANCES + "; transfer-syntax=" + syntax, syntax, dir.resolve("received.dcm"));

        Attributes h = header(received);
        if (expected.description().samplesPerPixel() > 1) { // RLE segments are planes (PS3.5 §G.2); JPEG is by pixel
            assertEquals(syntax.equals(RLE) ? 1 : 0, h.getInt(Tag.PlanarConfiguration, -1), "Planar Configuration");
        }
        assertEquals(expected.description().photometricInterpretation(), h.getString(Tag.PhotometricInterpretation));
        Attributes original = header(file);
        for (Attributes a : new Attributes[] {original, h}) { // what compression may change
            a.remove(Tag.PhotometricInterpretation);
            a.remove(Tag.PlanarConfiguration);
        }
        assertEquals(
                List.of(),
                DatasetComparison.compare(original, DicomFiles.bulkDataOf(file), h, DicomFiles.bulkDataOf(received)),
                "the other attributes are as stored");

        List<byte[]> fragments = PixelReference.read(received).frames();
        assertEquals(expected.description().numberOfFrames(), fragments.size(), "one fragment per frame");
        assertArrayEquals(
                expected.bytes(),
                decompressed(received, fragments, expected.description()),
                "the decoder's pixels differ from the source's");

        // Frames: the same codestreams, under the syntax's media type, asked for by transfer syntax or by media type
        // (which a JPEG stored as JPEG is not, since image/jpeg then means the stored frames).
        int last = expected.description().numberOfFrames();
        List<String> accepts = new java.util.ArrayList<>(List.of(
                "multipart/related; type=\"" + mediaType + "\"; transfer-syntax=" + syntax,
                "multipart/related; type=application/octet-stream; transfer-syntax=" + syntax));
        if (!mediaType.equals("image/jpeg") || !Dcmtk.transferSyntax(file).startsWith("1.2.840.10008.1.2.4.5")) {
            accepts.add("multipart/related; type=\"" + mediaType + "\"");
        }
        for (String accept : accepts) {
            List<WadoFixtures.Part> frames = parts(given().accept(accept)
                    .when()
                    .get(url(file) + "/frames/" + last + ",1")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
            assertEquals(2, frames.size());
            assertEquals(
                    mediaType + "; transfer-syntax=" + syntax, frames.get(0).contentType());
            assertArrayEquals(fragments.get(last - 1), padded(frames.get(0).body()), accept);
            assertArrayEquals(fragments.get(0), padded(frames.get(1).body()), accept);
        }
    }

    /**
     * The received file's pixels as an independent decoder makes them: dcmtk's {@code dcmdrle}, {@code dcmdjpeg} or
     * {@code dcmdjpls} on the file, OpenJPEG's {@code opj_decompress} on each JPEG 2000 codestream (dcmtk has no JPEG 2000 codec).
     */
    private static byte[] decompressed(Path received, List<byte[]> fragments, PixelDescription d) throws IOException {
        if (!Dcmtk.transferSyntax(received).equals(JPEG_2000_LOSSLESS)) {
            return PixelReference.dcmtkDecompress(received).bytes();
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] fragment : fragments) {
            all.writeBytes(PixelReference.openJpegDecompress(fragment, d.samplesPerPixel(), d.bitsAllocated() / 8));
        }
        return all.toByteArray();
    }

    /** A frame as its fragment holds it: padded to even length (PS3.5 §A.4), which a frame part need not be. */
    private static byte[] padded(byte[] frame) {
        return frame.length % 2 == 0 ? frame : java.util.Arrays.copyOf(frame, frame.length + 1);
    }

    @Test
    void imagesTheEncoderCannotHoldAreLeftOutOrRefused() throws IOException {
        Path dose = source("rtdose.dcm"); // 32 bits allocated: RLE holds it, JPEG does not
        store(Files.readAllBytes(dose));
        given().accept(INSTANCES + "; transfer-syntax=" + JPEG_LOSSLESS)
                .when()
                .get(url(dose))
                .then()
                .statusCode(406);
        given().accept("multipart/related; type=\"image/jpeg\"")
                .when()
                .get(url(dose) + "/frames/1")
                .then()
                .statusCode(406);

        Path subsampled = source("SC_ybr_full_422_uncompressed.dcm");
        Path oneBit = source("liver_1frame.dcm");
        store(Files.readAllBytes(subsampled), Files.readAllBytes(oneBit));
        for (Path file : new Path[] {subsampled, oneBit}) {
            given().accept(AS_RLE)
                    .when()
                    .get(url(file))
                    .then()
                    .statusCode(406)
                    .body("message", containsString("cannot be made from its pixels"));
            given().accept("multipart/related; type=\"image/dicom-rle\"")
                    .when()
                    .get(url(file) + "/frames/1")
                    .then()
                    .statusCode(406);
            // The next range in q-order is still tried.
            List<WadoFixtures.Part> fallback = parts(given().accept(AS_RLE + ", " + INSTANCES + "; q=0.5")
                    .when()
                    .get(url(file))
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
            assertEquals(
                    "application/dicom; transfer-syntax=" + EXPLICIT_LE,
                    fallback.get(0).contentType());
        }

        // In one series with an image RLE can hold: that one is sent, the other left out (206).
        Attributes h = header(subsampled);
        DicomFiles.Builder ct = DicomFiles.ctImage()
                .studyUid(h.getString(Tag.StudyInstanceUID))
                .seriesUid(h.getString(Tag.SeriesInstanceUID));
        store(ct.toBytes());
        String series = WadoFixtures.ROOT + "/studies/" + ct.studyInstanceUid() + "/series/" + ct.seriesInstanceUid();
        Response r = given().accept(AS_RLE).when().get(series);
        r.then().statusCode(206).header("Warning", containsString("1"));
        List<WadoFixtures.Part> parts = parts(r);
        assertEquals(1, parts.size());
        assertEquals("application/dicom; transfer-syntax=" + RLE, parts.get(0).contentType());
    }

    @Test
    void instancesWithoutPixelDataKeepTheirDatasetUnderTheRleName() throws IOException {
        Path report = source("test-SR.dcm");
        store(Files.readAllBytes(report));
        List<WadoFixtures.Part> parts = parts(given().accept(AS_RLE)
                .when()
                .get(url(report))
                .then()
                .statusCode(200)
                .extract()
                .response());
        Path received = Files.write(dir.resolve("report.dcm"), parts.get(0).body());
        assertEquals(RLE, Dcmtk.transferSyntax(received));
        assertEquals(Dcmtk.dcm2json(report).stdout(), Dcmtk.dcm2json(received).stdout());
    }

    @Test
    void wadoUriCompressesTheSameWay() throws IOException {
        Path file = source("MR_small.dcm");
        store(Files.readAllBytes(file));
        Attributes h = header(file);
        byte[] body = given().queryParam("requestType", "WADO")
                .queryParam("studyUID", h.getString(Tag.StudyInstanceUID))
                .queryParam("seriesUID", h.getString(Tag.SeriesInstanceUID))
                .queryParam("objectUID", h.getString(Tag.SOPInstanceUID))
                .queryParam("contentType", "application/dicom")
                .queryParam("transferSyntax", RLE)
                .when()
                .get(WadoFixtures.ROOT + "/wado")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Path received = Files.write(dir.resolve("wado-uri.dcm"), body);
        RequiredTools.require(Tool.DCMTK);
        assertArrayEquals(
                PixelReference.nativePixels(file).bytes(),
                PixelReference.dcmtkDecompress(received).bytes());
    }
}
