package org.opendicomweb.imaging;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG 2000 Part 1 frames (1.2.840.10008.1.2.4.90 lossless, .4.91 lossy or lossless), read by JAI Image I/O's
 * pure-Java JPEG 2000 reader.
 *
 * <p>The reader undoes the multiple component transformation (the RCT of YBR_RCT or ICT of YBR_ICT, PS3.5
 * §8.2.4), so such frames come out as RGB. It gives signed codestreams as signed values; an unsigned codestream
 * in an instance that says Pixel Representation 1 is taken as the instance says (sign-extended from Bits Stored).
 */
final class Jpeg2000Decoder implements FrameDecoder {
    private static final J2KImageReaderSpi READERS = new J2KImageReaderSpi();
    private static final int SOC = 0xFF4F;
    private static final int COD = 0xFF52;
    private static final int SOT = 0xFF90;

    @Override
    public DecodedFrame decode(PixelDescription stored, InputStream codestream) throws IOException {
        byte[] cs = codestream.readAllBytes();
        int start = indexOfCodestream(cs);
        if (start < 0) {
            throw new IOException("not a JPEG 2000 codestream: no SOC and SIZ markers");
        }
        Raster raster;
        ImageReader reader = READERS.createReaderInstance();
        // PS3.5 §A.4.4 leaves the JP2 file format header out (the dataset's attributes play its part); some
        // encoders add it anyway, with ICC profiles the reader would apply, so only the codestream is read.
        try (ImageInputStream in = new ByteArrayImageInputStream(cs, start, cs.length - start)) {
            reader.setInput(in, true, true);
            raster = reader.readRaster(0, null);
        } catch (RuntimeException e) {
            // The reader reports malformed codestreams with unchecked exceptions.
            throw new IOException("corrupt JPEG 2000 codestream: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
        int[] samples = NativeSamples.of(raster, stored);
        int precision = raster.getSampleModel().getSampleSize(0);
        String photometric = stored.photometricInterpretation();
        if (stored.samplesPerPixel() == 3 && usesComponentTransform(cs)) {
            photometric = "RGB";
        }
        PixelDescription out = stored.withColour(photometric, 0);
        return new DecodedFrame(out, NativeSamples.encode(samples, out, Math.min(precision, out.bitsStored())));
    }

    /** The multiple component transformation flag of the main header's COD segment (ISO 15444-1 §A.6.1). */
    static boolean usesComponentTransform(byte[] cs) {
        int pos = indexOfCodestream(cs);
        if (pos < 0) {
            return false;
        }
        pos += 2;
        while (pos + 4 <= cs.length) {
            int marker = u16(cs, pos);
            int length = u16(cs, pos + 2);
            if (marker == SOT || (marker & 0xFF00) != 0xFF00) {
                return false;
            }
            if (marker == COD) {
                // Lcod, Scod, then SGcod: progression order (1), layers (2), MCT (1)
                return pos + 8 < cs.length && (cs[pos + 8] & 0xFF) == 1;
            }
            pos += 2 + length;
        }
        return false;
    }

    private static int indexOfCodestream(byte[] cs) {
        for (int i = 0; i + 1 < cs.length; i++) {
            if (u16(cs, i) == SOC && i + 3 < cs.length && u16(cs, i + 2) == 0xFF51) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
