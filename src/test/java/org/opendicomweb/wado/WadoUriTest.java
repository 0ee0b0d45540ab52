package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.wado.RenderedFixtures.CORPUS;
import static org.opendicomweb.wado.RenderedFixtures.assertPixelsClose;
import static org.opendicomweb.wado.RenderedFixtures.dcmtk;
import static org.opendicomweb.wado.RenderedFixtures.decode;
import static org.opendicomweb.wado.RenderedFixtures.pixels;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/** WADO-URI (PS3.18 §9) at /dicom-web/wado: rendered images, the DICOM file, and the refusals. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoUriTest {
    private static final String WADO = ROOT + "/wado";

    private static String query(DicomFiles.Builder b) {
        return "?requestType=WADO&studyUID=" + b.studyInstanceUid() + "&seriesUID=" + b.seriesInstanceUid()
                + "&objectUID=" + b.sopInstanceUid();
    }

    @Test
    void aSingleFrameImageIsAJpegByDefault() throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage().size(24, 32);
        store(b.toBytes());
        Response r = given().when().get(WADO + query(b));
        r.then().statusCode(200).contentType("image/jpeg");
        BufferedImage image = decode(r.asByteArray());
        assertEquals("32x24", image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void windowRegionAndSizeAreApplied() throws IOException {
        RequiredTools.require(Tool.DCMTK, Tool.PYDICOM_FILES);
        byte[] file = Files.readAllBytes(CORPUS.resolve("CT_small.dcm"));
        store(file);
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            ds = in.readDataset(Tag.PixelData);
        }
        String q = "?requestType=WADO&studyUID=" + ds.getString(Tag.StudyInstanceUID) + "&seriesUID="
                + ds.getString(Tag.SeriesInstanceUID) + "&objectUID=" + ds.getString(Tag.SOPInstanceUID)
                + "&contentType=image/png";
        assertPixelsClose(dcmtk(file, "+Ww", "40", "400"), png(WADO + q + "&windowCenter=40&windowWidth=400"), 1);
        assertPixelsClose(
                dcmtk(file, "+Ww", "40", "400", "+C", "32", "64", "64", "32"),
                png(WADO + q + "&windowCenter=40&windowWidth=400&region=0.25,0.5,0.75,0.75"),
                1);
        BufferedImage fit = png(WADO + q + "&rows=100&columns=50");
        assertEquals("50x50", fit.getWidth() + "x" + fit.getHeight());
        BufferedImage columns = png(WADO + q + "&columns=64&region=0,0,1,0.5");
        assertEquals("64x32", columns.getWidth() + "x" + columns.getHeight());
    }

    private static BufferedImage png(String url) throws IOException {
        Response r = given().when().get(url);
        r.then().statusCode(200).contentType("image/png");
        return decode(r.asByteArray());
    }

    @Test
    void framesAreChosenByFrameNumberAndAnimatedOtherwise() throws IOException {
        DicomFiles.Builder b = DicomFiles.multiFrame(3).size(8, 12).bitsAllocated(8);
        store(b.toBytes());
        String rs = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid() + "/frames/2/rendered";
        BufferedImage second = decode(given().accept("image/png").when().get(rs).asByteArray());
        assertArrayEquals(pixels(second), pixels(png(WADO + query(b) + "&frameNumber=2&contentType=image/png")));
        Response gif = given().when().get(WADO + query(b));
        gif.then().statusCode(200).contentType("image/gif");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.asByteArray()))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
        }
        given().when()
                .get(WADO + query(b) + "&frameNumber=4")
                .then()
                .statusCode(400)
                .body(containsString("frameNumber"));
        DicomFiles.Builder single = DicomFiles.ctImage().size(8, 8);
        store(single.toBytes());
        given().when()
                .get(WADO + query(single) + "&frameNumber=1")
                .then()
                .statusCode(400)
                .body(containsString("not a multi-frame"));
    }

    @Test
    void applicationDicomIsTheFileInExplicitVrLittleEndianByDefault() throws IOException {
        DicomFiles.Builder explicit = DicomFiles.ctImage().size(8, 8);
        DicomFiles.Builder implicit = DicomFiles.ctImage().size(8, 8).implicitLittleEndian();
        store(explicit.toBytes(), implicit.toBytes());
        Response same = given().when().get(WADO + query(explicit) + "&contentType=application/dicom");
        same.then().statusCode(200).contentType("application/dicom");
        assertArrayEquals(explicit.toBytes(), same.asByteArray(), "stored bytes, unchanged");
        byte[] transcoded = given().when()
                .get(WADO + query(implicit) + "&contentType=application/dicom")
                .asByteArray();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(transcoded))) {
            assertEquals("1.2.840.10008.1.2.1", in.readFileMetaInformation().getString(Tag.TransferSyntaxUID));
            assertEquals(implicit.sopInstanceUid(), in.readDataset().getString(Tag.SOPInstanceUID));
        }
        given().when()
                .get(WADO + query(implicit) + "&contentType=application/dicom&transferSyntax=1.2.840.10008.1.2.1.99")
                .then()
                .statusCode(200)
                .contentType("application/dicom");
        given().when()
                .get(WADO + query(explicit) + "&contentType=application/dicom&transferSyntax=1.2.840.10008.1.2.4.50")
                .then()
                .statusCode(406)
                .body(containsString("1.2.840.10008.1.2.4.50"));
        given().when()
                .get(WADO + query(explicit) + "&contentType=application/dicom&transferSyntax=1.2.840.10008.1.2")
                .then()
                .statusCode(406);
        given().when()
                .get(WADO + query(explicit) + "&contentType=application/dicom&transferSyntax=explicit")
                .then()
                .statusCode(400)
                .body(containsString("transferSyntax"));
        given().when()
                .get(WADO + query(explicit) + "&contentType=application/dicom&rows=10")
                .then()
                .statusCode(400)
                .body(containsString("rows"));
    }

    @Test
    void aCompressedInstanceAsApplicationDicomIsDecompressedToExplicitVrLittleEndian() throws Exception {
        IndexTables.clean(); // other tests store MR_small variants under the same SOP Instance UID
        byte[] rle = Files.readAllBytes(CORPUS.resolve("MR_small_RLE.dcm"));
        store(rle);
        Attributes stored;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(rle))) {
            stored = in.readDataset();
        }
        String query = "?requestType=WADO&studyUID=" + stored.getString(Tag.StudyInstanceUID) + "&seriesUID="
                + stored.getString(Tag.SeriesInstanceUID) + "&objectUID=" + stored.getString(Tag.SOPInstanceUID);
        byte[] answer = given().when()
                .get(WADO + query + "&contentType=application/dicom")
                .then()
                .statusCode(200)
                .contentType("application/dicom")
                .extract()
                .asByteArray();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(answer))) {
            assertEquals("1.2.840.10008.1.2.1", in.readFileMetaInformation().getString(Tag.TransferSyntaxUID));
        }
        assertArrayEquals(
                pixelData(Files.readAllBytes(CORPUS.resolve("MR_small.dcm"))),
                pixelData(answer),
                "the RLE file's pixels are MR_small.dcm's, uncompressed");
    }

    /** The native Pixel Data value of a Part 10 file, by the offset the codec reports. */
    private static byte[] pixelData(byte[] file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            org.opendicomweb.dicom.BulkData v =
                    (org.opendicomweb.dicom.BulkData) in.readDataset().getValue(Tag.PixelData);
            return java.util.Arrays.copyOfRange(file, (int) v.offset(), (int) (v.offset() + v.length()));
        }
    }

    @Test
    void nonImagesAreSentAsDicomByDefault() throws IOException {
        byte[] sr = Files.readAllBytes(CORPUS.resolve("test-SR.dcm"));
        store(sr);
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(sr))) {
            ds = in.readDataset();
        }
        String q = "?requestType=WADO&studyUID=" + ds.getString(Tag.StudyInstanceUID) + "&seriesUID="
                + ds.getString(Tag.SeriesInstanceUID) + "&objectUID=" + ds.getString(Tag.SOPInstanceUID);
        given().when().get(WADO + q).then().statusCode(200).contentType("application/dicom");
        given().when()
                .get(WADO + q + "&contentType=image/jpeg")
                .then()
                .statusCode(406)
                .body(containsString("not an image"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "studyUID=1.2 | requestType",
                "requestType=WADOX&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4 | requestType",
                "requestType=WADO&seriesUID=1.2.3&objectUID=1.2.3.4 | studyUID",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3 | objectUID",
                "requestType=WADO&studyUID=1.2&seriesUID=1.x&objectUID=1.2.3.4 | series",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4&anonymize=yes | anonymize",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4&windowCenter=40 | windowWidth",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4&windowCenter=a&windowWidth=3 | windowCenter",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4&rows=0 | rows",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4&region=0.5,0,0.2,1 | region",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4&imageQuality=0 | imageQuality",
                "requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4&presentationUID=1.2.5 | presentationUID"
            })
    void malformedRequestsAre400NamingTheParameter(String query, String parameter) {
        given().when().get(WADO + "?" + query).then().statusCode(400).body(containsString(parameter));
    }

    @Test
    void unknownInstancesAre404AndUnknownTypes406() {
        DicomFiles.Builder b = DicomFiles.ctImage().size(8, 8);
        store(b.toBytes());
        given().when()
                .get(WADO + query(b).replace(b.sopInstanceUid(), "1.2.3.999"))
                .then()
                .statusCode(404);
        given().when()
                .get(WADO + query(b) + "&contentType=application/pdf")
                .then()
                .statusCode(406)
                .body(containsString("application/pdf"));
        given().when()
                .get(WADO + query(b) + "&contentType=image/webp,image/png")
                .then()
                .statusCode(200)
                .contentType("image/png");
    }
}
