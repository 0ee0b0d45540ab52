package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.RenderedFixtures.CORPUS;
import static org.opendicomweb.wado.RenderedFixtures.assertPixelsClose;
import static org.opendicomweb.wado.RenderedFixtures.dcmtk;
import static org.opendicomweb.wado.RenderedFixtures.decode;
import static org.opendicomweb.wado.RenderedFixtures.instanceUrl;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * Rendered images against dcmtk's rendering of the same file (dcmj2pnm with the same window choice), pixel by
 * pixel in PNG: the grayscale pipeline (rescale, file window, client window, sigmoid, min/max, MONOCHROME1,
 * signed values with masked high bits, big endian) and the colour interpretations (RGB in both planar
 * configurations, YBR_FULL, YBR_FULL_422, PALETTE COLOR).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class RenderedPixelsTest {

    @BeforeEach
    void dcmtkIsThereAndTheIndexIsEmpty() throws SQLException {
        RequiredTools.require(Tool.DCMTK, Tool.PYDICOM_FILES);
        // The corpus holds variants of one SOP Instance (MR_small*) with different bytes: store each alone.
        IndexTables.clean();
    }

    /** Our PNG rendering of the stored file. */
    private static BufferedImage rendered(byte[] file, String query) throws IOException {
        store(file);
        Response r = given().when()
                .get(instanceUrl(file) + "/rendered?accept=image/png" + (query.isEmpty() ? "" : "&" + query));
        r.then().statusCode(200).contentType("image/png");
        return decode(r.asByteArray());
    }

    @ParameterizedTest(name = "{0} {1} as dcmj2pnm {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // signed 16-bit CT with rescale, the client's window
                "CT_small.dcm | window=40,400 | +Ww 40 400",
                "CT_small.dcm | window=-600,1500,linear | +Ww -600 1500",
                // no window in the file: the frame's range
                "CT_small.dcm | '' | +Wm",
                // the file's first window
                "MR_small.dcm | '' | +Wi 1",
                "MR_small_bigendian.dcm | '' | +Wi 1",
                "MR_small_implicit.dcm | window=1000,800,sigmoid | +Ww 1000 800 +Wfs",
                // colour
                "SC_rgb_small_odd.dcm | '' | ''",
                "SC_rgb_jpeg_dcmd.dcm | '' | ''",
                "ExplVR_BigEnd.dcm | '' | ''",
                "SC_ybr_full_422_uncompressed.dcm | '' | ''",
                // 1 bit per pixel, 32 bits per pixel
                "liver_1frame.dcm | '' | +Wm",
                "rtdose_1frame.dcm | '' | +Wm"
            })
    void corpusImagesLookAsDcmtkRendersThem(String name, String query, String options) throws IOException {
        byte[] file = Files.readAllBytes(CORPUS.resolve(name));
        BufferedImage expected =
                dcmtk(file, options.isBlank() ? new String[0] : options.trim().split(" +"));
        assertPixelsClose(expected, rendered(file, query), name.startsWith("SC_ybr") ? 2 : 1);
    }

    @Test
    void aDeflatedImageRendersFromItsInflatedCopy() throws IOException {
        byte[] file = DicomFiles.multiFrame(1).size(24, 32).deflated().toBytes();
        assertPixelsClose(dcmtk(file, "+Wm"), rendered(file, ""), 1);
    }

    @Test
    void monochrome1IsShownInverted() throws IOException {
        byte[] file = DicomFiles.multiFrame(1)
                .size(24, 32)
                .edit(ds -> ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME1"))
                .toBytes();
        BufferedImage ours = rendered(file, "");
        assertPixelsClose(dcmtk(file, "+Wm"), ours, 1);
        assertEquals(255, ours.getRaster().getSample(0, 0, 0), "the smallest value (0 at the top left) is white");
    }

    @Test
    void signedValuesAreMaskedToBitsStoredBeforeTheFilesRescaleAndWindow() throws IOException {
        int rows = 16;
        int columns = 20;
        ByteBuffer px = ByteBuffer.allocate(rows * columns * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int v = (r * 53 + c * 29) % 1600 - 400; // 12-bit two's complement, garbage in the 4 high bits
                px.putShort((short) ((v & 0xFFF) | 0xA000));
            }
        }
        byte[] file = DicomFiles.ctImage()
                .size(rows, columns)
                .pixelData(px.array())
                .edit(ds -> ds.setInt(Tag.PixelRepresentation, VR.US, 1))
                .toBytes();
        assertPixelsClose(dcmtk(file, "+Wi", "1"), rendered(file, ""), 1);
    }

    @Test
    void ybrFullIsConvertedToRgb() throws IOException {
        byte[] file = colour("YBR_FULL", 0, (r, c) ->
                new int[] {(r * 16 + c * 4) & 255, (c * 9 + 64) & 255, (r * 7 + 100) & 255});
        assertPixelsClose(dcmtk(file), rendered(file, ""), 2);
    }

    @Test
    void rgbByPlaneIsReadPlaneByPlane() throws IOException {
        byte[] file = colour("RGB", 1, (r, c) -> new int[] {r * 15, c * 12, (r + c) * 7});
        BufferedImage ours = rendered(file, "");
        assertPixelsClose(dcmtk(file), ours, 0);
        assertEquals((3 * 15) << 16 | (5 * 12) << 8 | (8 * 7), ours.getRGB(5, 3) & 0xFFFFFF);
    }

    @Test
    void paletteColourGoesThroughItsTables() throws IOException {
        int rows = 12;
        int columns = 16;
        byte[] indexes = new byte[rows * columns];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = (byte) ((i * 7) & 255);
        }
        ByteBuffer red = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer green = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer blue = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 256; i++) {
            red.putShort((short) (i * 257));
            green.putShort((short) ((255 - i) * 257));
            blue.putShort((short) (((i * 3) & 255) * 257));
        }
        byte[] file = DicomFiles.multiFrame(1)
                .size(rows, columns)
                .bitsAllocated(8)
                .pixelData(indexes)
                .edit(ds -> {
                    ds.setString(Tag.PhotometricInterpretation, VR.CS, "PALETTE COLOR");
                    for (int tag : new int[] {
                        Tag.RedPaletteColorLookupTableDescriptor,
                        Tag.GreenPaletteColorLookupTableDescriptor,
                        Tag.BluePaletteColorLookupTableDescriptor
                    }) {
                        ds.setInt(tag, VR.US, 256, 0, 16);
                    }
                    ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, red.array());
                    ds.setBytes(Tag.GreenPaletteColorLookupTableData, VR.OW, green.array());
                    ds.setBytes(Tag.BluePaletteColorLookupTableData, VR.OW, blue.array());
                })
                .toBytes();
        BufferedImage ours = rendered(file, "");
        assertPixelsClose(dcmtk(file), ours, 1);
        int index = (5 * columns + 3) * 7 & 255;
        assertEquals(index << 16 | (255 - index) << 8 | (index * 3 & 255), ours.getRGB(3, 5) & 0xFFFFFF);
    }

    @Test
    void modalityLutSequenceReplacesRescale() throws IOException {
        byte[] file = DicomFiles.multiFrame(1)
                .size(20, 24)
                .withSequence(Tag.ModalityLUTSequence, item -> {
                    item.setInt(Tag.LUTDescriptor, VR.US, 4096, 0, 16);
                    item.setString(Tag.ModalityLUTType, VR.LO, "US");
                    item.setBytes(Tag.LUTData, VR.OW, table(4096, v -> (int) ((long) v * v / 256)));
                })
                .toBytes();
        assertPixelsClose(dcmtk(file, "+Wm"), rendered(file, ""), 1);
    }

    @Test
    void voiLutSequenceIsUsedWhenTheFileHasNoWindow() throws IOException {
        byte[] file = DicomFiles.multiFrame(1)
                .size(20, 24)
                .withSequence(Tag.VOILUTSequence, item -> {
                    item.setInt(Tag.LUTDescriptor, VR.US, 2048, 1000, 12);
                    item.setBytes(Tag.LUTData, VR.OW, table(2048, v -> (int) Math.round(Math.sqrt(v / 2047.0) * 4095)));
                })
                .toBytes();
        assertPixelsClose(dcmtk(file, "+Wl", "1"), rendered(file, ""), 1);
    }

    @Test
    void functionalGroupsOfAnEnhancedImageAreItsRescaleAndWindow() throws IOException {
        DicomFiles.Builder plain = DicomFiles.multiFrame(2).size(16, 16).edit(ds -> {
            ds.setString(Tag.RescaleSlope, VR.DS, "2");
            ds.setString(Tag.RescaleIntercept, VR.DS, "-500");
            ds.setString(Tag.WindowCenter, VR.DS, "2000");
            ds.setString(Tag.WindowWidth, VR.DS, "3000");
        });
        DicomFiles.Builder enhanced = DicomFiles.multiFrame(2).size(16, 16).edit(ds -> {
            ds.newSequence(Tag.SharedFunctionalGroupsSequence, 1)
                    .addItem()
                    .newSequence(Tag.PixelValueTransformationSequence, 1)
                    .addItem()
                    .setString(Tag.RescaleSlope, VR.DS, "2");
            ds.getNestedDataset(Tag.SharedFunctionalGroupsSequence)
                    .getNestedDataset(Tag.PixelValueTransformationSequence)
                    .setString(Tag.RescaleIntercept, VR.DS, "-500");
            var perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence, 2);
            for (int k = 0; k < 2; k++) {
                var voi = perFrame.addItem()
                        .newSequence(Tag.FrameVOILUTSequence, 1)
                        .addItem();
                voi.setString(Tag.WindowCenter, VR.DS, k == 1 ? "2000" : "100");
                voi.setString(Tag.WindowWidth, VR.DS, k == 1 ? "3000" : "50");
            }
        });
        byte[] plainFile = plain.toBytes();
        store(plainFile);
        store(enhanced.toBytes());
        BufferedImage expected = dcmtk(plainFile, "+F", "2", "+Wi", "1");
        Response r = given().accept("image/png").when().get(instanceUrl(enhanced.toBytes()) + "/frames/2/rendered");
        r.then().statusCode(200);
        assertPixelsClose(expected, decode(r.asByteArray()), 1);
    }

    @Test
    void jpegIsTheDefaultAndLooksLikeThePng() throws IOException {
        byte[] file = Files.readAllBytes(CORPUS.resolve("CT_small.dcm"));
        store(file);
        for (String accept : new String[] {null, "*/*", "image/*", "image/jpeg"}) {
            Response r = (accept == null ? given() : given().accept(accept))
                    .when()
                    .get(instanceUrl(file) + "/rendered?window=40,400");
            r.then().statusCode(200).contentType("image/jpeg");
            double diff = RenderedFixtures.meanDifference(dcmtk(file, "+Ww", "40", "400"), decode(r.asByteArray()));
            assertTrue(diff < 3, "mean difference " + diff + " with Accept " + accept);
        }
    }

    /** A 16-bit little endian lookup table of {@code n} entries. */
    private static byte[] table(int n, java.util.function.IntUnaryOperator entry) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int v = 0; v < n; v++) {
            b.putShort((short) entry.applyAsInt(v));
        }
        return b.array();
    }

    @FunctionalInterface
    private interface Colour {
        int[] at(int row, int column);
    }

    /** An 8-bit three-sample image of 10 x 14 pixels in the given interpretation and planar configuration. */
    private static byte[] colour(String photometric, int planar, Colour colour) {
        int rows = 10;
        int columns = 14;
        int n = rows * columns;
        byte[] px = new byte[n * 3];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int[] v = colour.at(r, c);
                int i = r * columns + c;
                for (int k = 0; k < 3; k++) {
                    px[planar == 0 ? i * 3 + k : k * n + i] = (byte) v[k];
                }
            }
        }
        return DicomFiles.multiFrame(1)
                .size(rows, columns)
                .bitsAllocated(8)
                .edit(ds -> {
                    ds.setInt(Tag.SamplesPerPixel, VR.US, 3);
                    ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
                    ds.setInt(Tag.PlanarConfiguration, VR.US, planar);
                    ds.setBytes(Tag.PixelData, VR.OB, px);
                })
                .toBytes();
    }
}
