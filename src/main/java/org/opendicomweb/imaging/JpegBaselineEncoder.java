package org.opendicomweb.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * JPEG Baseline (Process 1, 1.2.840.10008.1.2.4.50): lossy, 8-bit samples, written by the JDK's JPEG writer at
 * quality {@link #QUALITY} with the tables of T.81 Annex K scaled to it. Grayscale is one component; RGB is turned
 * into YCbCr by the writer and coded without chroma subsampling, which PS3.5 §8.2.1 declares as YBR_FULL.
 *
 * <p>Lossy: the instance it is part of is a new, derived image (PS3.3 §C.7.6.1.1.5), which the caller records.
 */
final class JpegBaselineEncoder implements FrameEncoder {
    /** The IJG-style quality, 0 to 1: visually lossless for most images at a ratio of 5 to 15 for CT and MR. */
    static final float QUALITY = 0.9f;

    @Override
    public String refusal(PixelDescription d) {
        if (d.bitsAllocated() != 8 || d.bitsStored() != 8 || d.highBit() != 7) {
            return "JPEG Baseline codes samples of 8 bits stored in 8 allocated, not " + d.bitsStored() + " in "
                    + d.bitsAllocated();
        }
        if (d.signed()) {
            return "JPEG Baseline codes unsigned samples only";
        }
        String photometric = d.photometricInterpretation();
        boolean grey = d.samplesPerPixel() == 1 && d.monochrome();
        boolean rgb = d.samplesPerPixel() == 3 && photometric.equals("RGB");
        if (!grey && !rgb) {
            return "JPEG Baseline is made here from MONOCHROME1/2 or RGB images, not " + d.samplesPerPixel()
                    + " sample(s) of " + photometric;
        }
        if (d.rows() < 1 || d.columns() < 1 || d.rows() > 0xFFFF || d.columns() > 0xFFFF) {
            return "JPEG Baseline frames have 1 to 65535 rows and columns, not " + d.rows() + " x " + d.columns();
        }
        return null;
    }

    @Override
    public PixelDescription encoded(PixelDescription d) {
        return d.withColour(d.samplesPerPixel() == 3 ? "YBR_FULL" : d.photometricInterpretation(), 0);
    }

    @Override
    public String lossyMethod() {
        return "ISO_10918_1";
    }

    @Override
    public byte[] encode(PixelDescription d, byte[] pixels) {
        BufferedImage image = image(d, pixels);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            if (d.samplesPerPixel() == 3) {
                fullChroma(metadata);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 4 + 1024);
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG Baseline encoding failed: " + e.getMessage(), e); // in memory
        } finally {
            writer.dispose();
        }
    }

    /** One sample per pixel of every component (4:4:4): the writer's default halves the chroma both ways. */
    private static void fullChroma(IIOMetadata metadata) throws IIOInvalidTreeException {
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        NodeList components = ((Element) root).getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
            Element c = (Element) components.item(i);
            c.setAttribute("HsamplingFactor", "1");
            c.setAttribute("VsamplingFactor", "1");
        }
        metadata.setFromTree(format, root);
    }

    /** The frame as an 8-bit gray or RGB image, colour-by-pixel whatever the planar configuration. */
    private static BufferedImage image(PixelDescription d, byte[] pixels) {
        int columns = d.columns();
        int rows = d.rows();
        if (d.samplesPerPixel() == 1) {
            BufferedImage gray = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
            System.arraycopy(
                    pixels, 0, ((DataBufferByte) gray.getRaster().getDataBuffer()).getData(), 0, rows * columns);
            return gray;
        }
        BufferedImage rgb = new BufferedImage(columns, rows, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        int plane = rows * columns;
        for (int p = 0; p < plane; p++) {
            for (int s = 0; s < 3; s++) {
                int at = d.planarConfiguration() == 1 ? s * plane + p : 3 * p + s;
                bgr[3 * p + 2 - s] = pixels[at];
            }
        }
        return rgb;
    }
}
