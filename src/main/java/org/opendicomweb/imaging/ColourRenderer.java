package org.opendicomweb.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Colour images to 8-bit RGB (PS3.4 §N.2.2, §N.2.3): RGB as it is, YBR_FULL and YBR_FULL_422 through the
 * conversion of PS3.3 §C.7.6.3.1.2, PALETTE COLOR through its three tables. Samples wider than 8 bits are scaled
 * to 8; Planar Configuration 1 (colour-by-plane) is read plane by plane.
 */
final class ColourRenderer {
    private ColourRenderer() {}

    static BufferedImage rgb(PixelDescription d, int[] s) {
        int n = d.rows() * d.columns();
        byte[] scale = scaleTo8Bits(d);
        return fill(d, (i, bgr) -> {
            bgr[2] = scale[clamp(sample(d, s, n, i, 0), scale.length)];
            bgr[1] = scale[clamp(sample(d, s, n, i, 1), scale.length)];
            bgr[0] = scale[clamp(sample(d, s, n, i, 2), scale.length)];
        });
    }

    static BufferedImage ybrFull(PixelDescription d, int[] s) {
        int n = d.rows() * d.columns();
        double full = (1L << d.bitsStored()) - 1;
        return fill(d, (i, bgr) -> ybr(sample(d, s, n, i, 0), sample(d, s, n, i, 1), sample(d, s, n, i, 2), full, bgr));
    }

    /** Two luminance samples, then Cb and Cr, for each horizontal pair of pixels (planar configuration 0 only). */
    static BufferedImage ybrFull422(PixelDescription d, int[] s) {
        int columns = d.columns();
        double full = (1L << d.bitsStored()) - 1;
        return fill(d, (i, bgr) -> {
            int row = i / columns;
            int column = i % columns;
            int pair = (row * columns + (column & ~1)) * 2;
            ybr(s[pair + (column & 1)], s[pair + 2], s[pair + 3], full, bgr);
        });
    }

    static BufferedImage palette(PixelDescription d, int[] s, LookupTable[] lut) {
        int n = d.rows() * d.columns();
        return fill(d, (i, bgr) -> {
            long index = StoredSamples.value(d, s[i]);
            bgr[2] = to8Bits(lut[0].lookup(index), lut[0].bits());
            bgr[1] = to8Bits(lut[1].lookup(index), lut[1].bits());
            bgr[0] = to8Bits(lut[2].lookup(index), lut[2].bits());
        });
    }

    @FunctionalInterface
    private interface PixelColour {
        void blueGreenRed(int pixel, byte[] bgr);
    }

    private static BufferedImage fill(PixelDescription d, PixelColour colour) {
        BufferedImage image = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] bgr = new byte[3];
        int n = d.rows() * d.columns();
        for (int i = 0, p = 0; i < n; i++, p += 3) {
            colour.blueGreenRed(i, bgr);
            out[p] = bgr[0];
            out[p + 1] = bgr[1];
            out[p + 2] = bgr[2];
        }
        return image;
    }

    private static int sample(PixelDescription d, int[] s, int pixels, int pixel, int component) {
        return d.planarConfiguration() == 1 ? s[component * pixels + pixel] : s[pixel * 3 + component];
    }

    /** PS3.3 §C.7.6.3.1.2, written for any sample depth: the chrominance offset is half the full range. */
    private static void ybr(int y, int cb, int cr, double full, byte[] bgr) {
        double half = (full + 1) / 2;
        double r = y + 1.402 * (cr - half);
        double g = y - 0.344136 * (cb - half) - 0.714136 * (cr - half);
        double b = y + 1.772 * (cb - half);
        bgr[2] = (byte) Math.round(Math.max(0, Math.min(full, r)) * 255 / full);
        bgr[1] = (byte) Math.round(Math.max(0, Math.min(full, g)) * 255 / full);
        bgr[0] = (byte) Math.round(Math.max(0, Math.min(full, b)) * 255 / full);
    }

    /** For each possible sample value, its 8-bit value. */
    private static byte[] scaleTo8Bits(PixelDescription d) {
        int size = 1 << d.bitsStored();
        byte[] table = new byte[size];
        for (int v = 0; v < size; v++) {
            table[v] = (byte) Math.round(v * 255.0 / (size - 1));
        }
        return table;
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : v >= size ? size - 1 : v;
    }

    private static byte to8Bits(int entry, int bits) {
        return (byte) (bits >= 8 ? entry >>> (bits - 8) : Math.round(entry * 255.0 / ((1 << bits) - 1)));
    }
}
