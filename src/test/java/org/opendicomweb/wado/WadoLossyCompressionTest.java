package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.RenderedFixtures.CORPUS;
import static org.opendicomweb.wado.WadoFixtures.header;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.receivedInstance;
import static org.opendicomweb.wado.WadoFixtures.store;
import static org.opendicomweb.wado.WadoFixtures.url;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.Dcmtk;
import org.opendicomweb.testing.PixelReference;
import org.opendicomweb.testing.PixelReference.Pixels;

/**
 * Compression into JPEG Baseline (lossy) on retrieval: the answer is a derived instance (PS3.3 §C.7.6.1.1.5) with a
 * new SOP Instance UID, the same one each time, that names the stored one as its uncompressed predecessor, and
 * whose pixels, decoded by dcmtk's {@code dcmdjpeg}, are close to the stored ones (PSNR).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoLossyCompressionTest {
    private static final String BASELINE = "1.2.840.10008.1.2.4.50";
    private static final String ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=" + BASELINE;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "image_dfl.dcm, MONOCHROME2, 45", // 8-bit grayscale, deflated
        "SC_rgb_jpeg_dcmd.dcm, YBR_FULL, 40", // RGB, implicit VR
        "SC_rgb_rle_2frame.dcm, YBR_FULL, 40", // RGB, 2 frames, decoded from RLE first
        "SC_rgb_jpeg_gdcm.dcm, YBR_FULL, 40"
    }) // RGB, decoded from JPEG Lossless first
    void anInstanceCompressedLossilyIsADerivedImageCloseToTheStoredOne(String name, String photometric, double minPsnr)
            throws IOException {
        Path source = WadoFixtures.reidentified(CORPUS.resolve(name), dir);
        store(Files.readAllBytes(source));
        Attributes stored = header(source);
        Path received = receivedInstance(url(source), ACCEPT, BASELINE, dir.resolve("received.dcm"));
        Attributes ds = header(received);

        String sop = stored.getString(Tag.SOPInstanceUID);
        assertNotEquals(sop, ds.getString(Tag.SOPInstanceUID), "a lossy copy is a new instance");
        assertEquals(
                ds.getString(Tag.SOPInstanceUID),
                WadoFixtures.fileMeta(received).getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals("01", ds.getString(Tag.LossyImageCompression));
        String[] methods = ds.getStrings(Tag.LossyImageCompressionMethod);
        assertEquals("ISO_10918_1", methods[methods.length - 1]);
        String[] ratios = ds.getStrings(Tag.LossyImageCompressionRatio);
        assertEquals(methods.length, ratios.length, "one ratio per method");
        assertTrue(Double.parseDouble(ratios[ratios.length - 1]) > 1, "ratio " + ratios[ratios.length - 1]);
        assertEquals(photometric, ds.getString(Tag.PhotometricInterpretation));
        if (stored.getStrings(Tag.ImageType) != null) {
            assertEquals("DERIVED", ds.getStrings(Tag.ImageType)[0]);
        }
        Attributes source0 = ds.getSequence(Tag.SourceImageSequence)
                .get(ds.getSequence(Tag.SourceImageSequence).size() - 1);
        assertEquals(sop, source0.getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(
                "121320",
                source0.getSequence(Tag.PurposeOfReferenceCodeSequence).get(0).getString(Tag.CodeValue));
        assertEquals(stored.getString(Tag.PatientID), ds.getString(Tag.PatientID));
        assertEquals(stored.getString(Tag.StudyInstanceUID), ds.getString(Tag.StudyInstanceUID));

        Path again = receivedInstance(url(source), ACCEPT, BASELINE, dir.resolve("again.dcm"));
        assertEquals(
                ds.getString(Tag.SOPInstanceUID), header(again).getString(Tag.SOPInstanceUID), "the same derived UID");

        Pixels reference = TransferSyntax.of(Dcmtk.transferSyntax(source)).encapsulated()
                ? PixelReference.dcmtkDecompress(source)
                : PixelReference.nativePixels(source);
        Pixels decoded = PixelReference.dcmtkDecompress(received);
        assertEquals(reference.bytes().length, decoded.bytes().length);
        double psnr = psnr(reference.bytes(), decoded.bytes());
        assertTrue(psnr >= minPsnr, name + ": PSNR " + psnr + " dB, at least " + minPsnr + " expected");
        assertTrue(psnr < 99, "lossy pixels are not all equal to the stored ones");
    }

    @Test
    void framesComeAsBaselineJpegsAndSixteenBitImagesAreRefused() throws IOException {
        Path rgb = WadoFixtures.reidentified(CORPUS.resolve("SC_rgb_rle_2frame.dcm"), dir);
        store(Files.readAllBytes(rgb));
        List<WadoFixtures.Part> frames =
                parts(given().accept("multipart/related; type=\"image/jpeg\"; transfer-syntax=" + BASELINE)
                        .when()
                        .get(url(rgb) + "/frames/2,1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response());
        assertEquals(2, frames.size());
        for (WadoFixtures.Part frame : frames) {
            assertEquals("image/jpeg; transfer-syntax=" + BASELINE, frame.contentType());
            assertArrayEquals(
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, java.util.Arrays.copyOf(frame.body(), 3));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.body())); // the JDK reads baseline only
            assertNotNull(image);
            assertEquals("100x100", image.getWidth() + "x" + image.getHeight());
        }

        Path ct = WadoFixtures.reidentified(CORPUS.resolve("CT_small.dcm"), dir);
        store(Files.readAllBytes(ct));
        given().accept(ACCEPT).when().get(url(ct)).then().statusCode(406);
    }

    /** Peak signal-to-noise ratio of 8-bit samples, in dB. */
    private static double psnr(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            sum += d * d;
        }
        double mse = sum / a.length;
        return mse == 0 ? 100 : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
