package org.opendicomweb.imaging;

import java.io.ByteArrayOutputStream;

/**
 * RLE Lossless (PS3.5 Annex G), the inverse of {@link RleDecoder}: one segment per byte of each sample, for each
 * sample in turn its most significant byte plane first, each a PackBits stream (§G.3.1) coded row by row so that
 * no run crosses a row, padded to an even length, behind the 64-byte header of segment offsets.
 *
 * <p>The encoded frames are described with Planar Configuration 1 when there are several samples: the segments
 * hold the image plane by plane (§G.2, note), which is also what dcmtk's encoder declares.
 */
final class RleEncoder implements FrameEncoder {
    private static final int HEADER = 64;
    private static final int MAX_SEGMENTS = 15;
    /** A run of this many equal bytes is worth a replicate run; two in a row cost as much either way. */
    private static final int MIN_REPLICATE = 3;

    private static final int MAX_RUN = 128;

    @Override
    public String refusal(PixelDescription d) {
        int bytes = d.bitsAllocated() / 8;
        if (d.bitsAllocated() % 8 != 0 || bytes < 1 || bytes > 4) {
            return "RLE frames hold samples of 8, 16 or 32 bits allocated, not " + d.bitsAllocated();
        }
        if (d.samplesPerPixel() * bytes > MAX_SEGMENTS) {
            return "RLE frames hold at most " + MAX_SEGMENTS + " byte segments; " + d.samplesPerPixel()
                    + " sample(s) of " + d.bitsAllocated() + " bits need " + d.samplesPerPixel() * bytes;
        }
        if (d.photometricInterpretation().endsWith("_422")
                || d.photometricInterpretation().endsWith("_420")) {
            return "RLE frames hold every sample of every pixel; " + d.photometricInterpretation() + " is subsampled";
        }
        if (d.rows() < 1 || d.columns() < 1) {
            return "the image has no Rows or Columns";
        }
        return null;
    }

    @Override
    public PixelDescription encoded(PixelDescription d) {
        return d.withColour(d.photometricInterpretation(), d.samplesPerPixel() > 1 ? 1 : 0);
    }

    @Override
    public byte[] encode(PixelDescription d, byte[] pixels) {
        int bytes = d.bitsAllocated() / 8;
        int samples = d.samplesPerPixel();
        int columns = d.columns();
        int pixelCount = d.rows() * columns;
        int segments = samples * bytes;
        // Where byte plane b of sample s starts and how far apart consecutive pixels are in it.
        int pixelStride = d.planarConfiguration() == 1 ? bytes : samples * bytes;
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 2 + HEADER);
        out.write(new byte[HEADER], 0, HEADER);
        long[] offsets = new long[segments];
        byte[] row = new byte[columns];
        for (int seg = 0; seg < segments; seg++) {
            offsets[seg] = out.size();
            int sample = seg / bytes;
            int significance = bytes - 1 - seg % bytes; // most significant byte first; the pixels are little endian
            int base = (d.planarConfiguration() == 1 ? sample * pixelCount * bytes : sample * bytes) + significance;
            for (int r = 0; r < d.rows(); r++) {
                for (int c = 0, p = base + r * columns * pixelStride; c < columns; c++, p += pixelStride) {
                    row[c] = pixels[p];
                }
                pack(row, out);
            }
            if ((out.size() & 1) != 0) {
                out.write(0);
            }
        }
        byte[] frame = out.toByteArray();
        putU32(frame, 0, segments);
        for (int seg = 0; seg < segments; seg++) {
            putU32(frame, 4 + 4 * seg, offsets[seg]);
        }
        return frame;
    }

    /** PackBits of one row: replicate runs of {@value #MIN_REPLICATE} or more equal bytes, literal runs between them. */
    static void pack(byte[] row, ByteArrayOutputStream out) {
        int i = 0;
        int literalStart = 0;
        while (i < row.length) {
            int run = 1;
            while (i + run < row.length && run < MAX_RUN && row[i + run] == row[i]) {
                run++;
            }
            if (run >= MIN_REPLICATE) {
                literal(row, literalStart, i, out);
                out.write(1 - run);
                out.write(row[i]);
                i += run;
                literalStart = i;
            } else {
                i += run;
            }
        }
        literal(row, literalStart, row.length, out);
    }

    private static void literal(byte[] row, int from, int to, ByteArrayOutputStream out) {
        for (int start = from; start < to; start += MAX_RUN) {
            int n = Math.min(MAX_RUN, to - start);
            out.write(n - 1);
            out.write(row, start, n);
        }
    }

    private static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
