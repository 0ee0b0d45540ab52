package org.opendicomweb.imaging;

import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;

/**
 * Turns the samples a codec produced into native pixel bytes: little endian, colour-by-pixel, one value per
 * BitsAllocated. Codecs give values of BitsStored bits; signed ones are sign-extended to the full width, as dcmtk
 * writes them, so a native reader that ignores High Bit still sees the right numbers.
 */
final class NativeSamples {
    private NativeSamples() {}

    /** The pixels of {@code raster} after checking that they are the image {@code stored} describes. */
    static int[] of(Raster raster, PixelDescription stored) throws IOException {
        if (raster.getWidth() != stored.columns()
                || raster.getHeight() != stored.rows()
                || raster.getNumBands() != stored.samplesPerPixel()) {
            throw new IOException(
                    "the codestream holds a " + raster.getWidth() + "x" + raster.getHeight() + " image of "
                            + raster.getNumBands() + " sample(s) per pixel; the header says " + stored.columns() + "x"
                            + stored.rows() + " of " + stored.samplesPerPixel());
        }
        int[] direct = interleavedArray(raster);
        return direct != null
                ? direct
                : raster.getPixels(
                        raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(), (int[]) null);
    }

    /**
     * The samples straight from the data array when the raster is one plain interleaved array (what the JPEG and
     * JPEG 2000 readers return), several times faster than {@link Raster#getPixels}; else {@code null}.
     */
    private static int[] interleavedArray(Raster raster) {
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0
                || raster.getDataBuffer().getNumBanks() != 1) {
            return null;
        }
        int bands = raster.getNumBands();
        int n = raster.getWidth() * raster.getHeight() * bands;
        if (sm.getPixelStride() != bands || sm.getScanlineStride() != raster.getWidth() * bands) {
            return null;
        }
        int[] offsets = sm.getBandOffsets();
        for (int b = 0; b < bands; b++) {
            if (offsets[b] != b) {
                return null;
            }
        }
        DataBuffer db = raster.getDataBuffer();
        int off = db.getOffset();
        if (db.getSize() - off < n) {
            return null;
        }
        int[] s = new int[n];
        if (db instanceof DataBufferByte bytes) {
            byte[] d = bytes.getData();
            for (int i = 0; i < n; i++) {
                s[i] = d[off + i] & 0xFF;
            }
        } else if (db instanceof DataBufferUShort shorts) {
            short[] d = shorts.getData();
            for (int i = 0; i < n; i++) {
                s[i] = d[off + i] & 0xFFFF;
            }
        } else if (db instanceof DataBufferShort shorts) {
            short[] d = shorts.getData();
            for (int i = 0; i < n; i++) {
                s[i] = d[off + i];
            }
        } else {
            return null;
        }
        return s;
    }

    /** Native bytes of interleaved samples; values wider than BitsAllocated are an error, not silently cut. */
    static byte[] encode(int[] samples, PixelDescription out, int precision) throws IOException {
        int bytes = out.bitsAllocated() / 8;
        if ((bytes != 1 && bytes != 2) || out.bitsAllocated() % 8 != 0) {
            throw new IOException("decoded frames of " + out.bitsAllocated() + " bits allocated are not supported");
        }
        if (precision > out.bitsAllocated()) {
            throw new IOException(
                    "the codestream has " + precision + "-bit samples; Bits Allocated is " + out.bitsAllocated());
        }
        byte[] b = new byte[samples.length * bytes];
        int shift = 32 - Math.min(out.bitsStored(), out.bitsAllocated());
        boolean extend = out.signed() && shift > 32 - out.bitsAllocated();
        for (int i = 0, o = 0; i < samples.length; i++) {
            int v = extend ? samples[i] << shift >> shift : samples[i];
            b[o++] = (byte) v;
            if (bytes == 2) {
                b[o++] = (byte) (v >> 8);
            }
        }
        return b;
    }

    /**
     * YCbCr to RGB in place (PS3.3 §C.7.6.3.1.2 YBR_FULL; the JFIF equations that libjpeg implements with 16-bit
     * fixed-point tables, repeated here so the result matches dcmtk's decompressor to the unit).
     */
    static void ycbcrToRgb(int[] s, int max) {
        int half = (max + 1) / 2;
        for (int i = 0; i + 2 < s.length; i += 3) {
            int y = s[i];
            int cb = s[i + 1] - half;
            int cr = s[i + 2] - half;
            s[i] = clamp(y + ((FIX_1_402 * cr + ONE_HALF) >> SCALE), max);
            s[i + 1] = clamp(y + ((-FIX_0_344 * cb - FIX_0_714 * cr + ONE_HALF) >> SCALE), max);
            s[i + 2] = clamp(y + ((FIX_1_772 * cb + ONE_HALF) >> SCALE), max);
        }
    }

    private static final int SCALE = 16;
    private static final int ONE_HALF = 1 << (SCALE - 1);
    private static final int FIX_1_402 = fix(1.40200);
    private static final int FIX_0_344 = fix(0.34414);
    private static final int FIX_0_714 = fix(0.71414);
    private static final int FIX_1_772 = fix(1.77200);

    private static int fix(double x) {
        return (int) (x * (1 << SCALE) + 0.5);
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
