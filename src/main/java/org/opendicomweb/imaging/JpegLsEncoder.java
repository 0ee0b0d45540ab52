package org.opendicomweb.imaging;

import static org.opendicomweb.imaging.JpegMarkers.marker;
import static org.opendicomweb.imaging.JpegMarkers.u16;

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
    private static final int RESET = 64;

    @Override
    public String refusal(PixelDescription d) {
        return EncodableLayout.refusal("JPEG-LS", d, 0xFFFF);
    }

    @Override
    public byte[] encode(PixelDescription d, byte[] pixels) {
        int samples = d.samplesPerPixel();
        int maxVal = (1 << d.bitsStored()) - 1;
        int[] thresholds = JpegLsScanState.defaultThresholds(maxVal, 0);
        ByteArrayOutputStream header = new ByteArrayOutputStream(64);
        marker(header, 0xD8); // SOI
        JpegMarkers.frameHeader(header, 0xF7, d.bitsStored(), d.rows(), d.columns(), samples); // SOF55
        marker(header, 0xF8); // LSE: preset coding parameters
        u16(header, 13);
        header.write(1);
        u16(header, maxVal);
        u16(header, thresholds[0]);
        u16(header, thresholds[1]);
        u16(header, thresholds[2]);
        u16(header, RESET);
        // No mapping tables; NEAR 0 (lossless), ILV 1 (line-interleaved) for colour, no point transform.
        JpegMarkers.scanHeader(header, samples, 0, samples == 1 ? 0 : 1, 0);
        BitWriter bits = new BitWriter(header.toByteArray(), pixels.length);
        new Scan(d, maxVal, thresholds, bits).encode(pixels);
        return bits.finish();
    }

    /** The coding state of the one scan (contexts shared by the components) and its bit writer. */
    private static final class Scan extends JpegLsScanState {
        private final PixelDescription d;
        private final BitWriter bits;
        private final byte[] quantized;

        Scan(PixelDescription d, int maxVal, int[] thresholds, BitWriter bits) {
            super(maxVal, 0, RESET, thresholds, d.samplesPerPixel());
            this.d = d;
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
                line[x + 1] = (wide ? (pixels[2 * at] & 0xFF) | (pixels[2 * at + 1] & 0xFF) << 8 : pixels[at] & 0xFF)
                        & maxVal;
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
                    encodeRegular(
                            quantized[rd - rb + maxVal],
                            quantized[rb - rc + maxVal],
                            quantized[rc - ra + maxVal],
                            ra,
                            rb,
                            rc,
                            cur[x]);
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

        private void encodeRegular(int q1, int q2, int q3, int ra, int rb, int rc, int ix) {
            int signed = signedContext(q1, q2, q3);
            int sign = signed < 0 ? -1 : 1;
            int q = Math.abs(signed);
            int px = correctedPrediction(q, sign, ra, rb, rc);
            int errval = reduce(sign * (ix - px));
            int k = regularK(q);
            int mapped = k == 0 && 2 * b[q] <= -n[q] ? ~errval : errval; // §A.5.2, the swapped case
            golomb(mapped >= 0 ? 2 * mapped : -2 * mapped - 1, k, limit);
            updateRegular(q, errval);
        }

        /** The error modulo the range, into -range/2 .. range/2 - 1 (§A.4.5). */
        private int reduce(int errval) {
            if (errval < 0) {
                errval += range;
            }
            return errval >= (range + 1) / 2 ? errval - range : errval;
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
            int k = runK(q, riType);
            boolean negativeClass = k != 0 || 2 * nn[q] >= n[q];
            int map = errval == 0 ? 0 : (errval < 0) == negativeClass ? 1 : 0;
            int emErrval = 2 * Math.abs(errval) - riType - map;
            golomb(emErrval, k, limit - J[runIndex[component]] - 1);
            updateRunInterruption(q, riType, errval, emErrval, component);
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
