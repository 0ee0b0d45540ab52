package org.opendicomweb.wado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.testing.Dcmtk;

/** Reference renderings by dcmtk and pixel comparisons, for the rendered-image tests. */
final class RenderedFixtures {
    static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private RenderedFixtures() {}

    /** The WADO-RS URL of the instance in a Part 10 file. */
    static String instanceUrl(byte[] file) throws IOException {
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            ds = in.readDataset(Tag.PixelData);
        }
        return WadoFixtures.ROOT + "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID);
    }

    /** dcmj2pnm's PNG of the file with these options. */
    static BufferedImage dcmtk(byte[] file, String... options) throws IOException {
        Path dir = Files.createTempDirectory("rendered");
        try {
            Path dcm = Files.write(dir.resolve("in.dcm"), file);
            Path png = dir.resolve("out.png");
            Dcmtk.Result r = Dcmtk.dcmj2pnm(dcm, png, List.of(options));
            assertEquals(0, r.exitCode(), "dcmj2pnm failed: " + r.problems());
            return ImageIO.read(png.toFile());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    static BufferedImage decode(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        assertTrue(decoded != null, "the body is not an image ImageIO can read");
        return decoded;
    }

    /** Each pixel's gray value, or red, green and blue, as 0..255. */
    static int[][] pixels(BufferedImage image) {
        boolean gray = image.getColorModel().getNumComponents() == 1;
        int[][] out = new int[image.getWidth() * image.getHeight()][];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (gray) {
                    out[y * image.getWidth() + x] = new int[] {image.getRaster().getSample(x, y, 0)};
                } else {
                    int rgb = image.getRGB(x, y);
                    out[y * image.getWidth() + x] = new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
                }
            }
        }
        return out;
    }

    /** Same size, same number of channels, every value within {@code tolerance}. */
    static void assertPixelsClose(BufferedImage expected, BufferedImage actual, int tolerance) {
        assertEquals(
                expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(), "size");
        int[][] e = pixels(expected);
        int[][] a = pixels(actual);
        assertEquals(e[0].length, a[0].length, "channels");
        int worst = 0;
        int at = -1;
        for (int i = 0; i < e.length; i++) {
            for (int c = 0; c < e[i].length; c++) {
                int d = Math.abs(e[i][c] - a[i][c]);
                if (d > worst) {
                    worst = d;
                    at = i;
                }
            }
        }
        assertTrue(
                worst <= tolerance,
                "pixel " + at + " (x " + (at % expected.getWidth()) + ", y " + (at / expected.getWidth())
                        + ") differs by " + worst + ": expected " + (at < 0 ? "" : java.util.Arrays.toString(e[at]))
                        + ", got "
                        + (at < 0 ? "" : java.util.Arrays.toString(a[at])));
    }

    /** The mean absolute difference over all values: for lossy (JPEG) answers. */
    static double meanDifference(BufferedImage expected, BufferedImage actual) {
        int[][] e = pixels(expected);
        int[][] a = pixels(actual);
        long sum = 0;
        long n = 0;
        for (int i = 0; i < e.length; i++) {
            for (int c = 0; c < Math.min(e[i].length, a[i].length); c++) {
                sum += Math.abs(e[i][c] - a[i][c]);
                n++;
            }
        }
        return (double) sum / n;
    }
}
