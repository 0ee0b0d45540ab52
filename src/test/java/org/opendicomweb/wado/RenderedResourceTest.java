package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.RenderedFixtures.CORPUS;
import static org.opendicomweb.wado.RenderedFixtures.assertPixelsClose;
import static org.opendicomweb.wado.RenderedFixtures.dcmtk;
import static org.opendicomweb.wado.RenderedFixtures.decode;
import static org.opendicomweb.wado.RenderedFixtures.instanceUrl;
import static org.opendicomweb.wado.RenderedFixtures.pixels;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.imaging.FrameDecoders;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * The rendered and thumbnail resources over HTTP: negotiation, viewport, multipart answers for studies, series,
 * frame lists and multi-frame instances, animated GIF, thumbnails' choice of image, and refusals.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class RenderedResourceTest {

    private static String url(DicomFiles.Builder b) {
        return ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
    }

    private static BufferedImage png(String url) throws IOException {
        Response r = given().accept("image/png").when().get(url);
        r.then().statusCode(200).contentType("image/png");
        return decode(r.asByteArray());
    }

    @ParameterizedTest(name = "viewport={0} of 64x40 -> {1}x{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "20,20 | 20 | 13",
                "128,128 | 128 | 80",
                "40,10 | 16 | 10",
                "10,100 | 10 | 6",
                "16,16,0,0,32,32 | 16 | 16",
                "30,30,8,8,, | 30 | 17",
                "100,100,0,0,20,10 | 100 | 50"
            })
    void viewportFitsTheRegionKeepingItsAspectRatio(String viewport, int width, int height) throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage().size(40, 64);
        store(b.toBytes());
        BufferedImage image = png(url(b) + "/rendered?viewport=" + viewport);
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void viewportRegionIsTheClipDcmtkMakesAndNegativeWidthFlips() throws IOException {
        RequiredTools.require(Tool.DCMTK);
        DicomFiles.Builder b = DicomFiles.ctImage().size(40, 64);
        byte[] file = b.toBytes();
        store(file);
        assertPixelsClose(
                dcmtk(file, "+Wi", "1", "+C", "8", "4", "24", "20"),
                png(url(b) + "/rendered?viewport=24,20,8,4,24,20"),
                1);
        assertPixelsClose(dcmtk(file, "+Wi", "1", "+Lh"), png(url(b) + "/rendered?viewport=64,40,0,0,-64,"), 1);
        assertPixelsClose(dcmtk(file, "+Wi", "1", "+Lv"), png(url(b) + "/rendered?viewport=64,40,0,0,,-40"), 1);
    }

    @Test
    void framesOfAMultiFrameInstanceArePartsOrOneAnimatedGif() throws IOException {
        DicomFiles.Builder b = DicomFiles.multiFrame(3).size(8, 12).bitsAllocated(8);
        store(b.toBytes());
        Response r = given().accept("image/png").when().get(url(b) + "/rendered");
        r.then()
                .statusCode(200)
                .contentType(containsString("multipart/related"))
                .contentType(containsString("type=\"image/png\""));
        List<WadoFixtures.Part> frames = parts(r);
        assertEquals(3, frames.size());
        assertEquals("image/png", frames.get(0).contentType());
        assertNotEquals(
                pixels(decode(frames.get(0).body()))[5][0],
                pixels(decode(frames.get(1).body()))[5][0],
                "frames differ");

        Response gif = given().accept("image/gif").when().get(url(b) + "/rendered");
        gif.then().statusCode(200).contentType("image/gif");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.asByteArray()))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            int gray = pixels(decode(frames.get(1).body()))[17][0];
            assertArrayEquals(
                    new int[] {gray, gray, gray},
                    pixels(reader.read(1))[17],
                    "the second frame, in the GIF's gray palette");
        }
    }

    @Test
    void oneFrameIsOneImageAndSeveralAreParts() throws IOException {
        DicomFiles.Builder b = DicomFiles.multiFrame(3).size(8, 12).bitsAllocated(8);
        store(b.toBytes());
        BufferedImage second = png(url(b) + "/frames/2/rendered");
        Response r =
                given().accept("multipart/related; type=\"image/png\"").when().get(url(b) + "/frames/3,2/rendered");
        r.then().statusCode(200);
        List<WadoFixtures.Part> parts = parts(r);
        assertEquals(2, parts.size());
        assertArrayEquals(pixels(second)[40], pixels(decode(parts.get(1).body()))[40]);
        given().accept("image/png")
                .when()
                .get(url(b) + "/frames/2,9/rendered")
                .then()
                .statusCode(206)
                .header("Warning", containsString("1 requested frame(s) do not exist"));
        given().when().get(url(b) + "/frames/7/rendered").then().statusCode(404);
        given().when().get(url(b) + "/frames/x/rendered").then().statusCode(400).body(containsString("frame list"));
    }

    @Test
    void studyAndSeriesAreOnePartPerFrameInOrder() throws IOException {
        DicomFiles.Builder first = DicomFiles.ctImage().size(8, 8).instance(null, 1);
        String study = first.studyInstanceUid();
        String series = first.seriesInstanceUid();
        DicomFiles.Builder second = DicomFiles.ctImage()
                .size(8, 8)
                .studyUid(study)
                .seriesUid(series)
                .instance(null, 2);
        DicomFiles.Builder other =
                DicomFiles.multiFrame(2).size(8, 8).studyUid(study).series(null, 2);
        store(second.toBytes(), other.toBytes(), first.toBytes());
        Response r = given().accept("image/jpeg").when().get(ROOT + "/studies/" + study + "/rendered");
        r.then().statusCode(200).contentType(containsString("type=\"image/jpeg\""));
        List<WadoFixtures.Part> parts = parts(r);
        assertEquals(4, parts.size());
        for (WadoFixtures.Part p : parts) {
            assertEquals("image/jpeg", p.contentType());
            assertEquals(8, decode(p.body()).getWidth());
        }
        assertEquals(
                2,
                parts(given().when().get(ROOT + "/studies/" + study + "/series/" + series + "/rendered"))
                        .size());
    }

    @Test
    void anInstanceThatCannotBeDecodedIsLeftOutOfItsStudyAndRefusedAlone() throws IOException {
        String syntax = UID.HTJ2KLossless; // no decoder for HTJ2K
        assertTrue(FrameDecoders.forSyntax(syntax).isEmpty(), "an HTJ2K decoder is available: pick another syntax");
        byte[] htj2k = DicomFiles.ctImage().size(8, 8).encapsulatedAs(syntax).toBytes();
        store(htj2k);
        String url = instanceUrl(htj2k);
        given().when()
                .get(url + "/rendered")
                .then()
                .statusCode(406)
                .body(containsString(syntax))
                .body(containsString("cannot decode"));
        String series = url.substring(0, url.indexOf("/instances/"));
        String study = series.substring(0, series.indexOf("/series/"));
        DicomFiles.Builder ct = DicomFiles.ctImage().size(8, 8).studyUid(study.substring(study.lastIndexOf('/') + 1));
        store(ct.toBytes());
        Response r = given().when().get(study + "/rendered");
        r.then().statusCode(206).header("Warning", containsString("1 image(s) left out"));
        assertEquals(1, parts(r).size());
    }

    @Test
    void pixelsInAnEncodingTheRendererDoesNotKnowAreRefusedBeforeAnythingIsSent() throws IOException {
        DicomFiles.Builder hsv =
                DicomFiles.ctImage().size(8, 8).edit(ds -> ds.setString(Tag.PhotometricInterpretation, VR.CS, "HSV"));
        DicomFiles.Builder floats = DicomFiles.multiFrame(1)
                .size(4, 4)
                .studyUid(hsv.studyInstanceUid())
                .edit(ds -> {
                    ds.remove(Tag.PixelData);
                    ds.setInt(Tag.BitsAllocated, VR.US, 32);
                    ds.remove(Tag.BitsStored);
                    ds.remove(Tag.HighBit);
                    ds.remove(Tag.PixelRepresentation);
                    ds.setBytes(Tag.FloatPixelData, VR.OF, new byte[64]);
                });
        DicomFiles.Builder fine =
                DicomFiles.ctImage().size(8, 8).studyUid(hsv.studyInstanceUid()).series(null, 3);
        store(hsv.toBytes(), floats.toBytes(), fine.toBytes());
        given().when().get(url(hsv) + "/rendered").then().statusCode(406).body(containsString("HSV"));
        given().when().get(url(floats) + "/rendered").then().statusCode(406).body(containsString("Float Pixel Data"));
        Response r = given().when().get(ROOT + "/studies/" + hsv.studyInstanceUid() + "/rendered");
        r.then().statusCode(206).header("Warning", containsString("2 image(s) left out"));
        assertArrayEquals(
                pixels(png(url(fine) + "/thumbnail")),
                pixels(png(ROOT + "/studies/" + hsv.studyInstanceUid() + "/thumbnail")),
                "the first series cannot be rendered: the next one stands for the study");
        given().when()
                .get(ROOT + "/studies/" + hsv.studyInstanceUid() + "/series/" + floats.seriesInstanceUid()
                        + "/thumbnail")
                .then()
                .statusCode(406)
                .body(containsString("Float Pixel Data"));
    }

    @Test
    void encapsulatedUncompressedFramesRenderLikeNativeOnes() throws IOException {
        DicomFiles.Builder nativeFile = DicomFiles.multiFrame(2).size(8, 8).bitsAllocated(8);
        DicomFiles.Builder encapsulated =
                DicomFiles.multiFrame(2).size(8, 8).bitsAllocated(8).encapsulatedUncompressed();
        store(nativeFile.toBytes(), encapsulated.toBytes());
        assertArrayEquals(
                pixels(png(url(nativeFile) + "/frames/2/rendered")),
                pixels(png(url(encapsulated) + "/frames/2/rendered")));
    }

    @Test
    void studyThumbnailIsTheMiddleImageOfTheFirstSeries() throws IOException {
        String study = null;
        DicomFiles.Builder[] firstSeries = new DicomFiles.Builder[3];
        String series = null;
        for (int i = 0; i < 3; i++) {
            firstSeries[i] =
                    DicomFiles.ctImage().size(16, 16).instance(null, i + 1).pixelData(pattern(16, 16, i));
            if (study == null) {
                study = firstSeries[i].studyInstanceUid();
                series = firstSeries[i].seriesInstanceUid();
            } else {
                firstSeries[i].studyUid(study).seriesUid(series);
            }
        }
        DicomFiles.Builder later = DicomFiles.ctImage()
                .size(16, 16)
                .studyUid(study)
                .series(null, 2)
                .pixelData(pattern(16, 16, 7));
        store(later.toBytes(), firstSeries[2].toBytes(), firstSeries[0].toBytes(), firstSeries[1].toBytes());
        int[][] thumbnail = pixels(png(ROOT + "/studies/" + study + "/thumbnail"));
        assertArrayEquals(pixels(png(url(firstSeries[1]) + "/rendered")), thumbnail, "instance 2 of 3 of series 1");
        assertArrayEquals(thumbnail, pixels(png(ROOT + "/studies/" + study + "/series/" + series + "/thumbnail")));
        assertArrayEquals(pixels(png(url(later) + "/rendered")), pixels(png(url(later) + "/thumbnail")));
    }

    @Test
    void thumbnailsAreSmallUnlessTheViewportSaysOtherwise() throws IOException {
        DicomFiles.Builder big = DicomFiles.ctImage().size(300, 200);
        DicomFiles.Builder frames = DicomFiles.multiFrame(5).size(10, 10).bitsAllocated(8);
        store(big.toBytes(), frames.toBytes());
        Response r = given().when().get(url(big) + "/thumbnail");
        r.then().statusCode(200).contentType("image/jpeg");
        BufferedImage image = decode(r.asByteArray());
        assertEquals("85x128", image.getWidth() + "x" + image.getHeight());
        image = png(url(big) + "/thumbnail?viewport=50,50");
        assertEquals("33x50", image.getWidth() + "x" + image.getHeight());
        assertArrayEquals(
                pixels(png(url(frames) + "/frames/3/rendered")),
                pixels(png(url(frames) + "/thumbnail")),
                "middle frame");
        assertArrayEquals(
                pixels(png(url(frames) + "/frames/4/rendered")), pixels(png(url(frames) + "/frames/9,4,1/thumbnail")));
        given().when()
                .get(url(big) + "/thumbnail?viewport=50,50,0,0,10,10")
                .then()
                .statusCode(400)
                .body(containsString("viewport"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "window=abc,400 | window",
                "window=40 | window",
                "window=40,0 | window",
                "window=40,0.5,linear | window",
                "window=40,400,cubic | window",
                "quality=0 | quality",
                "quality=101 | quality",
                "quality=high | quality",
                "viewport=0,10 | viewport",
                "viewport=10 | viewport",
                "viewport=5000,10 | viewport",
                "viewport=10,10,0,0,0,5 | viewport",
                "viewport=10,10,-1,0,5,5 | viewport",
                "viewport=10,10,100,0,5,5 | viewport",
                "annotation=everything | annotation",
                "iccprofile=cmyk | iccprofile",
                "window=40,400&window=50,400 | window"
            })
    void malformedParametersAreRefusedNamingThem(String query, String parameter) {
        DicomFiles.Builder b = DicomFiles.ctImage().size(8, 8);
        store(b.toBytes());
        given().when()
                .get(url(b) + "/rendered?" + query)
                .then()
                .statusCode(400)
                .contentType("application/json")
                .body(containsString(parameter));
    }

    @Test
    void unacceptableTypesAre406() {
        DicomFiles.Builder b = DicomFiles.ctImage().size(8, 8);
        store(b.toBytes());
        given().accept("application/dicom")
                .when()
                .get(url(b) + "/rendered")
                .then()
                .statusCode(406)
                .body(containsString("image/jpeg, image/png and image/gif"));
        given().accept("image/png")
                .when()
                .get(url(b) + "/rendered?accept=image/webp")
                .then()
                .statusCode(406)
                .body(containsString("accept parameter"));
        given().accept("image/webp, image/png;q=0.5")
                .when()
                .get(url(b) + "/rendered")
                .then()
                .statusCode(200)
                .contentType("image/png");
        given().accept("application/dicom")
                .when()
                .get(url(b) + "/rendered?accept=image/gif")
                .then()
                .statusCode(200)
                .contentType("image/gif");
        given().accept("application/dicom")
                .when()
                .get(url(b) + "/thumbnail")
                .then()
                .statusCode(406);
    }

    @Test
    void qualityChangesTheJpegAndAnnotationsAreDeclinedWithAWarning() {
        DicomFiles.Builder b = DicomFiles.ctImage().size(64, 64);
        store(b.toBytes());
        int low = given().when().get(url(b) + "/rendered?quality=5").asByteArray().length;
        int high = given().when().get(url(b) + "/rendered?quality=100").asByteArray().length;
        assertTrue(low < high, "quality 5 gives " + low + " bytes, 100 gives " + high);
        given().when()
                .get(url(b) + "/rendered?annotation=patient,technique")
                .then()
                .statusCode(200)
                .header("Warning", startsWith("299 - \"annotation=patient,technique is not supported"));
    }

    @Test
    void unknownTargetsAre404AndNonImagesAreNotRendered() throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage().size(8, 8);
        store(b.toBytes());
        given().when().get(ROOT + "/studies/1.2.3.999/rendered").then().statusCode(404);
        given().when().get(ROOT + "/studies/1.2.3.999/thumbnail").then().statusCode(404);
        given().when()
                .get(url(b).replace(b.sopInstanceUid(), "1.2.3.999") + "/rendered")
                .then()
                .statusCode(404);
        given().when().get(ROOT + "/studies/1.2.x/rendered").then().statusCode(400);
        byte[] sr = Files.readAllBytes(CORPUS.resolve("test-SR.dcm"));
        store(sr);
        String srUrl = instanceUrl(sr);
        given().when().get(srUrl + "/rendered").then().statusCode(406).body(containsString("no pixel data"));
        String srStudy = srUrl.substring(0, srUrl.indexOf("/series/"));
        given().when().get(srStudy + "/rendered").then().statusCode(404).body(containsString("holds no images"));
    }

    /** 16-bit little endian pixels that differ for each {@code seed}. */
    private static byte[] pattern(int rows, int columns, int seed) {
        byte[] px = new byte[rows * columns * 2];
        for (int i = 0; i < rows * columns; i++) {
            int v = (i * (seed + 3) * 37 + seed * 500) % 4096;
            px[2 * i] = (byte) v;
            px[2 * i + 1] = (byte) (v >> 8);
        }
        return px;
    }
}
