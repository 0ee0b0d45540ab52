package org.opendicomweb.imaging;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriter;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG 2000 Lossless (1.2.840.10008.1.2.4.90): the reversible 5/3 wavelet, written by JAI Image I/O's pure-Java
 * JPEG 2000 writer as a bare codestream (PS3.5 §A.4.4 leaves the JP2 file header out). Samples are coded with a
 * precision of Bits Stored, signed ones as signed components. Colour is coded without the multiple component
 * transformation, so RGB stays RGB (a reversible colour transform would have to be declared as YBR_RCT), and is
 * declared colour-by-pixel.
 */
final class Jpeg2000Encoder implements FrameEncoder {
    private static final J2KImageWriterSpi WRITERS = new J2KImageWriterSpi();

    @Override
    public String refusal(PixelDescription d) {
        return EncodableLayout.refusal("JPEG 2000", d, Integer.MAX_VALUE);
    }

    @Override
    public byte[] encode(PixelDescription d, byte[] pixels) {
        ImageWriter writer = new J2KImageWriter(WRITERS);
        J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
        param.setLossless(true);
        param.setFilter(J2KImageWriteParam.FILTER_53);
        param.setWriteCodeStreamOnly(true);
        param.setComponentTransformation(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 2 + 1024);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image(d, pixels), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "JPEG 2000 encoding failed: " + e.getMessage(), e); // in memory: not expected
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The frame as an image whose component size is Bits Stored, so the codestream declares that precision. */
    private static BufferedImage image(PixelDescription d, byte[] pixels) {
        int samples = d.samplesPerPixel();
        int type = d.bitsAllocated() == 8
                ? DataBuffer.TYPE_BYTE
                : d.signed() ? DataBuffer.TYPE_SHORT : DataBuffer.TYPE_USHORT;
        int[] offsets = samples == 1 ? new int[] {0} : new int[] {0, 1, 2};
        PixelInterleavedSampleModel model =
                new PixelInterleavedSampleModel(type, d.columns(), d.rows(), samples, d.columns() * samples, offsets);
        WritableRaster raster = Raster.createWritableRaster(model, null);
        int[] bits = new int[samples];
        Arrays.fill(bits, d.bitsStored());
        ColorModel colour = new ComponentColorModel(
                ColorSpace.getInstance(samples == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB),
                bits,
                false,
                false,
                Transparency.OPAQUE,
                type);
        int mask = (1 << d.bitsStored()) - 1;
        int signBit = 1 << (d.bitsStored() - 1);
        boolean wide = d.bitsAllocated() == 16;
        int plane = d.rows() * d.columns();
        int[] row = new int[d.columns() * samples];
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.columns(); c++) {
                for (int s = 0; s < samples; s++) {
                    int at = d.planarConfiguration() == 1
                            ? s * plane + r * d.columns() + c
                            : (r * d.columns() + c) * samples + s;
                    int v = (wide ? (pixels[2 * at] & 0xFF) | (pixels[2 * at + 1] & 0xFF) << 8 : pixels[at] & 0xFF)
                            & mask;
                    row[c * samples + s] = d.signed() && (v & signBit) != 0 ? v - (mask + 1) : v;
                }
            }
            raster.setPixels(0, r, d.columns(), 1, row);
        }
        return new BufferedImage(colour, raster, false, null);
    }
}
