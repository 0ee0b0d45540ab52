package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.RenderedFixtures.instanceUrl;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * The iccprofile parameter of rendered images (PS3.18 §8.3.5.1.5): the profile is found in the bytes of the answer
 * (a PNG iCCP chunk, a JPEG APP2 ICC_PROFILE segment), and the conversion into sRGB is checked against the sRGB
 * transfer function of IEC 61966-2-1 applied to an image whose profile is linear RGB.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class RenderedIccProfileTest {
    private static final byte[] LINEAR_RGB =
            ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final int[] SAMPLES = {64, 128, 200};

    /** A 16x16 RGB image whose every pixel is (64, 128, 200), with the given ICC Profile or none. */
    private static byte[] rgbImage(byte[] profile) {
        byte[] pixels = new byte[16 * 16 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) SAMPLES[i % 3];
        }
        return DicomFiles.ctImage()
                .size(16, 16)
                .bitsAllocated(8)
                .pixelData(new byte[16 * 16])
                .edit(ds -> {
                    ds.setBytes(
                            Tag.PixelData, VR.OB, pixels); // three samples per pixel, which the builder does not make
                    ds.setInt(Tag.SamplesPerPixel, VR.US, 3);
                    ds.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
                    ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
                    ds.remove(Tag.RescaleSlope);
                    ds.remove(Tag.RescaleIntercept);
                    ds.remove(Tag.WindowCenter);
                    ds.remove(Tag.WindowWidth);
                    if (profile != null) {
                        ds.setBytes(Tag.ICCProfile, VR.OB, profile);
                    }
                })
                .toBytes();
    }

    @Test
    void yesTagsTheImageWithItsOwnProfileAndLeavesThePixels() throws IOException {
        byte[] file = rgbImage(LINEAR_RGB);
        store(file);
        byte[] png = given().accept("image/png")
                .when()
                .get(instanceUrl(file) + "/rendered?iccprofile=yes")
                .then()
                .statusCode(200)
                .header("Warning", nullValue())
                .extract()
                .asByteArray();
        assertArrayEquals(LINEAR_RGB, pngProfile(png));
        assertArrayEquals(new int[] {64, 128, 200}, rgbAt(png));
        byte[] jpeg = given().accept("image/jpeg")
                .when()
                .get(instanceUrl(file) + "/rendered?iccprofile=yes")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(LINEAR_RGB, jpegProfile(jpeg));
        // Without the parameter nothing is embedded.
        assertNull(pngProfile(given().accept("image/png")
                .when()
                .get(instanceUrl(file) + "/rendered")
                .asByteArray()));
    }

    @Test
    void srgbConvertsFromTheImagesProfileAndTagsTheResult() throws IOException {
        byte[] file = rgbImage(LINEAR_RGB);
        store(file);
        byte[] png = given().accept("image/png")
                .when()
                .get(instanceUrl(file) + "/rendered?iccprofile=srgb")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(SRGB, pngProfile(png));
        int[] rgb = rgbAt(png);
        for (int c = 0; c < 3; c++) {
            int expected = srgbEncoded(SAMPLES[c]);
            assertTrue(
                    Math.abs(rgb[c] - expected) <= 3,
                    "channel " + c + ": " + rgb[c] + " where the sRGB curve gives " + expected);
        }
        // An image without a profile is taken as sRGB already: tagged, not changed.
        byte[] plain = rgbImage(null);
        store(plain);
        byte[] tagged = given().accept("image/png")
                .when()
                .get(instanceUrl(plain) + "/rendered?iccprofile=srgb")
                .then()
                .statusCode(200)
                .header("Warning", nullValue())
                .extract()
                .asByteArray();
        assertArrayEquals(SRGB, pngProfile(tagged));
        assertArrayEquals(new int[] {64, 128, 200}, rgbAt(tagged));
    }

    @Test
    void whatCannotBeDoneIsAWarning() throws IOException {
        byte[] plain = rgbImage(null);
        store(plain);
        given().accept("image/png")
                .when()
                .get(instanceUrl(plain) + "/rendered?iccprofile=yes")
                .then()
                .statusCode(200)
                .header("Warning", containsString("1 colour image(s) have no ICC Profile"));
        given().accept("image/gif")
                .when()
                .get(instanceUrl(plain) + "/rendered?iccprofile=srgb")
                .then()
                .statusCode(200)
                .header("Warning", containsString("GIF images carry no ICC profile"));
        given().accept("image/png")
                .when()
                .get(instanceUrl(plain) + "/rendered?iccprofile=adobergb")
                .then()
                .statusCode(200)
                .header("Warning", containsString("iccprofile=adobergb is not supported"));
        // Grayscale images carry no profile, and that is no shortcoming.
        byte[] gray = DicomFiles.ctImage().toBytes();
        store(gray);
        byte[] png = given().accept("image/png")
                .when()
                .get(instanceUrl(gray) + "/rendered?iccprofile=srgb")
                .then()
                .statusCode(200)
                .header("Warning", nullValue())
                .extract()
                .asByteArray();
        assertNull(pngProfile(png));
    }

    /** IEC 61966-2-1: a linear value in 0..255 as its 8-bit sRGB code. */
    private static int srgbEncoded(int linear) {
        double v = linear / 255.0;
        double s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return (int) Math.round(s * 255);
    }

    private static int[] rgbAt(byte[] image) throws IOException {
        int argb = RenderedFixtures.decode(image).getRGB(8, 8);
        return new int[] {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF};
    }

    /** The profile of a PNG's iCCP chunk (PNG 1.2 §4.2.2.4), or null. */
    private static byte[] pngProfile(byte[] png) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(8);
        while (b.remaining() >= 12) {
            int length = b.getInt();
            String type = new String(png, b.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
            int data = b.position() + 4;
            if (type.equals("iCCP")) {
                int nul = data;
                while (png[nul] != 0) {
                    nul++;
                }
                Inflater inflater = new Inflater();
                inflater.setInput(png, nul + 2, length - (nul + 2 - data));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    while (!inflater.finished()) {
                        int n = inflater.inflate(buffer);
                        if (n == 0 && inflater.needsInput()) {
                            throw new IOException("truncated iCCP chunk");
                        }
                        out.write(buffer, 0, n);
                    }
                } catch (DataFormatException e) {
                    throw new IOException("iCCP chunk is not zlib data", e);
                } finally {
                    inflater.end();
                }
                return out.toByteArray();
            }
            b.position(data + length + 4);
        }
        return null;
    }

    /** The profile of a JPEG's APP2 ICC_PROFILE segments, joined in order (ICC.1 Annex B.4), or null. */
    private static byte[] jpegProfile(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) != 0xDA) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
            if (marker == 0xE2
                    && new String(jpeg, i + 4, 11, java.nio.charset.StandardCharsets.US_ASCII).equals("ICC_PROFILE")) {
                out.write(jpeg, i + 4 + 14, length - 2 - 14); // "ICC_PROFILE\0", sequence number, count
            }
            i += 2 + length;
        }
        return out.size() == 0 ? null : out.toByteArray();
    }
}
