package org.opendicomweb.imaging;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * JPEG-LS Lossless (ISO 14495-1 / ITU-T T.87, 1.2.840.10008.1.2.4.80), the inverse of {@link JpegLsDecoder}: the
 * median edge predictor with context modelling (Annex A.3-A.4), limited-length Golomb codes (A.5), context
 * updates and bias correction (A.6) and run mode (A.7), one component per scan line; colour line-interleaved
 * (ILV 1) in one scan, as dcmtk writes it. The thresholds are written in an LSE segment rather than left to the
 * defaults, which some decoders derive differently for images of fewer than 8 bits.
 */
final class JpegLsEncoder implements FrameEncoder {
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10,
        11, 12, 13, 14, 15};
    private static final int RESET = 64;

    @Override
    public String refusal(PixelDescription d) {
        if (d.bitsAllocated() != 8 && d.bitsAllocated() != 16) {
            return "JPEG-LS frames are coded here from samples of 8 or 16 bits allocated, not " + d.bitsAllocated();
        }
        if (d.bitsStored() < 2 || d.bitsStored() > d.bitsAllocated() || d.highBit() != d.bitsStored() - 1) {
            return "JPEG-LS codes 2 to 16 bits stored from bit 0 up; the image has " + d.bitsStored()
                    + " bits stored with high bit " + d.highBit();
        }
        if (d.samplesPerPixel() != 1 && d.samplesPerPixel() != 3) {
            return "JPEG-LS frames are coded here with 1 or 3 samples per pixel, not " + d.samplesPerPixel();
        }
        if (d.photometricInterpretation().endsWith("_422") || d.photometricInterpretation().endsWith("_420")) {
            return "the image's " + d.photometricInterpretation() + " samples are subsampled";
        }
        if (d.rows() < 1 || d.columns() < 1 || d.rows() > 0xFFFF || d.columns() > 0xFFFF) {
            return "JPEG-LS frames have 1 to 65535 rows and columns, not " + d.rows() + " x " + d.columns();
        }
        return null;
    }

    @Override
    public PixelDescription encoded(PixelDescription d) {
        return d.withColour(d.photometricInterpretation(), 0);
    }

    @Override
    public byte[] encode(PixelDescription d, byte[] pixels) {
        int samples = d.samplesPerPixel();
        int maxVal = (1 << d.bitsStored()) - 1;
        int[] thresholds = defaultThresholds(maxVal);
        ByteArrayOutputStream header = new ByteArrayOutputStream(64);
        marker(header, 0xD8); // SOI
        marker(header, 0xF7); // SOF55
        u16(header, 8 + 3 * samples);
        header.write(d.bitsStored());
        u16(header, d.rows());
        u16(header, d.columns());
        header.write(samples);
        for (int c = 1; c <= samples; c++) {
            header.write(c);
            header.write(0x11);
            header.write(0);
        }
        marker(header, 0xF8); // LSE: preset coding parameters
        u16(header, 13);
        header.write(1);
        u16(header, maxVal);
        u16(header, thresholds[0]);
        u16(header, thresholds[1]);
        u16(header, thresholds[2]);
        u16(header, RESET);
        marker(header, 0xDA); // SOS
        u16(header, 6 + 2 * samples);
        header.write(samples);
        for (int c = 1; c <= samples; c++) {
            header.write(c);
            header.write(0); // no mapping table
        }
        header.write(0); // NEAR: lossless
        header.write(samples == 1 ? 0 : 1); // ILV: line-interleaved colour
        header.write(0); // no point transform
        BitWriter bits = new BitWriter(header.toByteArray(), pixels.length);
        new Scan(d, maxVal, thresholds, bits).encode(pixels);
        return bits.finish();
    }

    /** Default thresholds for NEAR 0 (ISO 14495-1 §C.2.4.1.1). */
    static int[] defaultThresholds(int maxVal) {
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            int t1 = clamp(factor + 2, 1, maxVal);
            int t2 = clamp(factor * 4 + 3, t1, maxVal);
            return new int[] {t1, t2, clamp(factor * 17 + 4, t2, maxVal)};
        }
        int factor = 256 / (maxVal + 1);
        int t1 = clamp(Math.max(2, 3 / factor), 1, maxVal);
        int t2 = clamp(Math.max(3, 7 / factor), t1, maxVal);
        return new int[] {t1, t2, clamp(Math.max(4, 21 / factor), t2, maxVal)};
    }

    private static int clamp(int i, int j, int maxVal) {
        return i > maxVal || i < j ? j : i;
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    /** The coding state of the one scan: contexts (shared by the components), run indexes and the bit writer. */
    private static final class Scan {
        private final PixelDescription d;
        private final int maxVal;
        private final int range;
        private final int qbpp;
        private final int limit;
        private final int t1;
        private final int t2;
        private final int t3;
        // Regular contexts 0..364, run interruption contexts 365 and 366.
        private final int[] a = new int[367];
        private final int[] b = new int[367];
        private final int[] c = new int[365];
        private final int[] n = new int[367];
        private final int[] nn = new int[367];
        private final int[] runIndex;
        private final BitWriter bits;
        private final byte[] quantized;

        Scan(PixelDescription d, int maxVal, int[] thresholds, BitWriter bits) {
            this.d = d;
            this.maxVal = maxVal;
            this.range = maxVal + 1;
            this.qbpp = 32 - Integer.numberOfLeadingZeros(range - 1);
            int bpp = Math.max(2, qbpp);
            this.limit = 2 * (bpp + Math.max(8, bpp));
            this.t1 = thresholds[0];
            this.t2 = thresholds[1];
            this.t3 = thresholds[2];
            Arrays.fill(a, Math.max(2, (range + 32) / 64));
            Arrays.fill(n, 1);
            this.runIndex = new int[d.samplesPerPixel()];
            this.bits = bits;
            this.quantized = quantizationTable();
        }

        void encode(byte[] pixels) {
            int w = d.columns();
            int count = d.samplesPerPixel();
            // Per component, the previous and current line with one sample of margin each side (§A.2.1).
            int[][] previous = new int[count][w + 2];
            int[][] current = new int[count][w + 2];
            for (int y = 0; y < d.rows(); y++) {
                for (int i = 0; i < count; i++) {
                    int[] prev = previous[i];
                    int[] cur = current[i];
                    readLine(pixels, y, i, cur);
                    prev[w + 1] = prev[w];
                    cur[0] = prev[1];
                    encodeLine(prev, cur, i);
                    previous[i] = cur;
                    current[i] = prev;
                }
            }
        }

        /** Component {@code s} of row {@code y} into {@code line[1..w]}, masked to Bits Stored. */
        private void readLine(byte[] pixels, int y, int s, int[] line) {
            int w = d.columns();
            int samples = d.samplesPerPixel();
            boolean wide = d.bitsAllocated() == 16;
            boolean planar = d.planarConfiguration() == 1 && samples > 1;
            for (int x = 0; x < w; x++) {
                int at = planar ? s * d.rows() * w + y * w + x : (y * w + x) * samples + s;
                line[x + 1] = (wide ? (pixels[2 * at] & 0xFF) | (pixels[2 * at + 1] & 0xFF) << 8 : pixels[at] & 0xFF) & maxVal;
            }
        }

        private void encodeLine(int[] prev, int[] cur, int component) {
            int w = d.columns();
            int x = 1;
            while (x <= w) {
                int ra = cur[x - 1];
                int rb = prev[x];
                int rc = prev[x - 1];
                int rd = prev[x + 1];
                if (rd == rb && rb == rc && rc == ra) {
                    x = encodeRun(prev, cur, x, component);
                } else {
                    encodeRegular(quantized[rd - rb + maxVal], quantized[rb - rc + maxVal], quantized[rc - ra + maxVal],
                            ra, rb, rc, cur[x]);
                    x++;
                }
            }
        }

        /** The quantized gradient of every difference -maxVal..maxVal (§A.3.3), looked up instead of compared. */
        private byte[] quantizationTable() {
            byte[] table = new byte[2 * maxVal + 1];
            for (int diff = -maxVal; diff <= maxVal; diff++) {
                table[diff + maxVal] = (byte) quantize(diff);
            }
            return table;
        }

        private int quantize(int diff) {
            if (diff <= -t3) {
                return -4;
            }
            if (diff <= -t2) {
                return -3;
            }
            if (diff <= -t1) {
                return -2;
            }
            if (diff < 0) {
                return -1;
            }
            if (diff == 0) {
                return 0;
            }
            if (diff < t1) {
                return 1;
            }
            if (diff < t2) {
                return 2;
            }
            return diff < t3 ? 3 : 4;
        }

        private void encodeRegular(int q1, int q2, int q3, int ra, int rb, int rc, int ix) {
            int sign = 1;
            if (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0)))) {
                sign = -1;
                q1 = -q1;
                q2 = -q2;
                q3 = -q3;
            }
            int q = 81 * q1 + 9 * q2 + q3;
            int px;
            if (rc >= Math.max(ra, rb)) {
                px = Math.min(ra, rb);
            } else if (rc <= Math.min(ra, rb)) {
                px = Math.max(ra, rb);
            } else {
                px = ra + rb - rc;
            }
            px += sign * c[q];
            px = px < 0 ? 0 : Math.min(px, maxVal);
            int errval = reduce(sign * (ix - px));
            int k = 0;
            while ((n[q] << k) < a[q]) {
                k++;
            }
            int mapped = k == 0 && 2 * b[q] <= -n[q] ? ~errval : errval; // §A.5.2, the swapped case
            golomb(mapped >= 0 ? 2 * mapped : -2 * mapped - 1, k, limit);
            update(q, errval);
        }

        /** The error modulo the range, into -range/2 .. range/2 - 1 (§A.4.5). */
        private int reduce(int errval) {
            if (errval < 0) {
                errval += range;
            }
            return errval >= (range + 1) / 2 ? errval - range : errval;
        }

        private void update(int q, int errval) {
            b[q] += errval;
            a[q] += Math.abs(errval);
            if (n[q] == RESET) {
                a[q] >>= 1;
                b[q] >>= 1;
                n[q] >>= 1;
            }
            n[q]++;
            if (b[q] <= -n[q]) {
                b[q] += n[q];
                if (c[q] > -128) {
                    c[q]--;
                }
                if (b[q] <= -n[q]) {
                    b[q] = -n[q] + 1;
                }
            } else if (b[q] > 0) {
                b[q] -= n[q];
                if (c[q] < 127) {
                    c[q]++;
                }
                if (b[q] > 0) {
                    b[q] = 0;
                }
            }
        }

        /** Run mode (§A.7.1): the run of samples equal to Ra, then the sample that interrupts it, if any. */
        private int encodeRun(int[] prev, int[] cur, int x, int component) {
            int w = d.columns();
            int ra = cur[x - 1];
            int length = 0;
            while (x + length <= w && cur[x + length] == ra) {
                length++;
            }
            boolean endOfLine = x + length > w;
            int left = length;
            while (left >= 1 << J[runIndex[component]]) {
                bits.write(1, 1);
                left -= 1 << J[runIndex[component]];
                if (runIndex[component] < 31) {
                    runIndex[component]++;
                }
            }
            if (endOfLine) {
                if (left > 0) {
                    bits.write(1, 1);
                }
                return x + length;
            }
            bits.write(0, 1);
            bits.write(left, J[runIndex[component]]);
            x += length;
            int ix = cur[x];
            int rb = prev[x];
            int riType = ra == rb ? 1 : 0;
            int errval = riType == 1 ? reduce(ix - ra) : reduce((rb < ra ? -1 : 1) * (ix - rb));
            int q = 365 + riType;
            int temp = riType == 0 ? a[q] : a[q] + (n[q] >> 1);
            int k = 0;
            while ((n[q] << k) < temp) {
                k++;
            }
            boolean negativeClass = k != 0 || 2 * nn[q] >= n[q];
            int map = errval == 0 ? 0 : (errval < 0) == negativeClass ? 1 : 0;
            int emErrval = 2 * Math.abs(errval) - riType - map;
            golomb(emErrval, k, limit - J[runIndex[component]] - 1);
            if (errval < 0) {
                nn[q]++;
            }
            a[q] += (emErrval + 1 - riType) >> 1;
            if (n[q] == RESET) {
                a[q] >>= 1;
                n[q] >>= 1;
                nn[q] >>= 1;
            }
            n[q]++;
            if (runIndex[component] > 0) {
                runIndex[component]--;
            }
            return x + 1;
        }

        /** Limited-length Golomb code (§A.5.3): unary high bits, then k low bits, or an escape of qbpp bits. */
        private void golomb(int value, int k, int codeLimit) {
            int high = value >>> k;
            if (high < codeLimit - qbpp - 1) {
                if (high + 1 + k <= 32) { // the usual case: zeros, the one and the low bits in one write
                    bits.write((long) 1 << k | (value & ((1L << k) - 1)), high + 1 + k);
                    return;
                }
                bits.zeros(high);
                bits.write(1, 1);
                if (k > 0) {
                    bits.write(value & ((1 << k) - 1), k);
                }
            } else {
                bits.zeros(codeLimit - qbpp - 1);
                bits.write(1, 1);
                bits.write(value - 1, qbpp);
            }
        }
    }

    /**
     * The scan's bits, most significant first; after an 0xFF byte the next byte carries only 7 bits, its top bit
     * 0 (§9.1), so no marker appears inside the scan.
     */
    private static final class BitWriter {
        private byte[] out;
        private int size;
        private long buffer;
        private int count;
        private boolean afterFF;

        BitWriter(byte[] header, int expected) {
            out = Arrays.copyOf(header, header.length + expected / 2 + 64);
            size = header.length;
        }

        void zeros(int n) {
            while (n > 24) {
                write(0, 24);
                n -= 24;
            }
            write(0, n);
        }

        void write(long value, int length) {
            buffer = buffer << length | (value & ((1L << length) - 1));
            count += length;
            while (count >= (afterFF ? 7 : 8)) {
                int width = afterFF ? 7 : 8;
                int b = (int) (buffer >>> (count - width)) & ((1 << width) - 1);
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[size++] = (byte) b;
                afterFF = b == 0xFF;
                count -= width;
            }
        }

        /** Pads the last byte with zeros, and a byte after a final 0xFF; then EOI. */
        byte[] finish() {
            if (count > 0) {
                write(0, (afterFF ? 7 : 8) - count);
            }
            if (afterFF) {
                write(0, 7);
            }
            byte[] done = Arrays.copyOf(out, size + 2);
            done[size] = (byte) 0xFF;
            done[size + 1] = (byte) 0xD9;
            return done;
        }
    }
}
