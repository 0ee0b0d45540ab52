package org.opendicomweb.imaging;

import java.io.IOException;
import java.io.InputStream;

/**
 * RLE Lossless (PS3.5 Annex G). A frame is a 64-byte header (the number of segments, then up to 15 segment
 * offsets, little endian) followed by the segments. There is one segment per byte of each sample: for each
 * sample in turn, its most significant byte plane first (§G.2). Each segment is a PackBits byte stream
 * (§G.3.1): a header byte n of 0..127 copies the next n+1 bytes, -1..-127 repeats the next byte 1-n times,
 * -128 does nothing.
 *
 * <p>The output is colour-by-pixel whatever the stored Planar Configuration, with bytes as they were encoded:
 * RLE is lossless, so nothing is sign-extended or masked.
 */
final class RleDecoder implements FrameDecoder {
    private static final int HEADER = 64;
    private static final int MAX_SEGMENTS = 15;

    @Override
    public DecodedFrame decode(PixelDescription stored, InputStream codestream) throws IOException {
        int bytesPerSample = stored.bitsAllocated() / 8;
        if (stored.bitsAllocated() % 8 != 0 || bytesPerSample < 1 || bytesPerSample > 4) {
            throw new IOException("RLE frames of " + stored.bitsAllocated() + " bits allocated are not supported");
        }
        byte[] cs = codestream.readAllBytes();
        if (cs.length < HEADER) {
            throw new IOException("RLE frame of " + cs.length + " bytes is shorter than its 64-byte header");
        }
        long segments = u32(cs, 0);
        int expected = stored.samplesPerPixel() * bytesPerSample;
        if (segments != expected || expected > MAX_SEGMENTS) {
            throw new IOException("RLE header announces " + segments + " segments; " + stored.samplesPerPixel()
                    + " sample(s) of " + stored.bitsAllocated() + " bits need " + expected);
        }
        int pixels = stored.rows() * stored.columns();
        byte[] out = new byte[Math.toIntExact(stored.frameLength())];
        byte[] plane = new byte[pixels];
        for (int i = 0; i < expected; i++) {
            long start = u32(cs, 4 + 4 * i);
            long end = i + 1 < expected ? u32(cs, 8 + 4 * i) : cs.length;
            if (start < HEADER || end > cs.length || end < start) {
                throw new IOException("RLE segment " + (i + 1) + " lies at bytes " + start + ".." + end + " of a "
                        + cs.length + "-byte frame");
            }
            int decoded = unpack(cs, (int) start, (int) end, plane);
            if (decoded < pixels) {
                throw new IOException(
                        "RLE segment " + (i + 1) + " decodes to " + decoded + " bytes, " + pixels + " expected");
            }
            int sample = i / bytesPerSample;
            int position =
                    bytesPerSample - 1 - i % bytesPerSample; // most significant plane first, output little endian
            int stride = stored.samplesPerPixel() * bytesPerSample;
            for (int p = 0, o = sample * bytesPerSample + position; p < pixels; p++, o += stride) {
                out[o] = plane[p];
            }
        }
        return new DecodedFrame(stored.withColour(stored.photometricInterpretation(), 0), out);
    }

    /** PackBits from {@code cs[from..to)} into {@code plane}; returns how many bytes it filled (extra output is dropped). */
    static int unpack(byte[] cs, int from, int to, byte[] plane) {
        int o = 0;
        int i = from;
        while (i < to && o < plane.length) {
            int n = cs[i++];
            if (n >= 0) {
                int count = Math.min(Math.min(n + 1, to - i), plane.length - o);
                System.arraycopy(cs, i, plane, o, count);
                i += n + 1;
                o += count;
            } else if (n != -128 && i < to) {
                int count = Math.min(1 - n, plane.length - o);
                java.util.Arrays.fill(plane, o, o + count, cs[i++]);
                o += count;
            }
        }
        return o;
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }
}
