package org.opendicomweb.imaging;

import java.io.IOException;
import java.io.InputStream;

/**
 * JPEG-LS (ISO 14495-1 / ITU-T T.87) frames: Lossless (1.2.840.10008.1.2.4.80) and Near-Lossless (.4.81), 2 to 16
 * bits, one component or several in separate scans (ILV 0) or line-interleaved (ILV 1, what dcmtk writes for
 * colour). Sample interleaving (ILV 2), mapping tables, restart intervals and the HP colour transforms are
 * refused with a message rather than guessed at. Implemented from the standard: context modelling with the
 * median edge detector (Annex A.3-A.4), limited-length Golomb codes (A.5), context updates and bias correction
 * (A.6), run mode with run interruption samples (A.7) and the bit-stuffed marker stream (A.1, 9.1).
 */
final class JpegLsDecoder implements FrameDecoder {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOF55 = 0xF7;
    private static final int LSE = 0xF8;
    private static final int SOS = 0xDA;
    private static final int DRI = 0xDD;

    @Override
    public DecodedFrame decode(PixelDescription stored, InputStream codestream) throws IOException {
        byte[] cs = codestream.readAllBytes();
        Image image;
        try {
            image = new Parser(cs).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("corrupt JPEG-LS codestream: it ends or points outside itself", e);
        }
        if (image.width != stored.columns()
                || image.height != stored.rows()
                || image.components != stored.samplesPerPixel()) {
            throw new IOException("the codestream holds a " + image.width + "x" + image.height + " image of "
                    + image.components + " component(s); the header says " + stored.columns() + "x" + stored.rows()
                    + " of " + stored.samplesPerPixel());
        }
        PixelDescription out = stored.withColour(stored.photometricInterpretation(), 0);
        return new DecodedFrame(out, NativeSamples.encode(image.samples, out, image.precision));
    }

    private static final class Image {
        int width;
        int height;
        int components;
        int precision;
        int[] componentIds;
        int[] samples; // interleaved
    }

    /** Marker segments of the codestream; decodes each scan as it comes. */
    private static final class Parser {
        private final byte[] cs;
        private int pos;
        private final Image image = new Image();
        private int maxVal;
        private int t1;
        private int t2;
        private int t3;
        private int reset = 64;
        private boolean[] decoded;

        Parser(byte[] cs) {
            this.cs = cs;
        }

        Image run() throws IOException {
            if (cs.length < 4 || u8(0) != 0xFF || u8(1) != SOI) {
                throw new IOException("not a JPEG-LS codestream: it does not start with SOI");
            }
            pos = 2;
            while (true) {
                int marker = nextMarker();
                if (marker == EOI) {
                    break;
                }
                int length = u16(pos);
                int end = pos + length;
                pos += 2;
                switch (marker) {
                    case SOF55 -> readFrame();
                    case LSE -> readPresets();
                    case DRI -> {
                        if (u16(pos) != 0) {
                            throw new IOException("JPEG-LS restart intervals are not supported");
                        }
                    }
                    case SOS -> {
                        readScan(end);
                        continue; // the scan leaves pos at the marker after its data
                    }
                    default -> {
                        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                            throw new IOException(String.format("not JPEG-LS: start of frame marker 0x%02X", marker));
                        }
                        if (marker == 0xE8
                                && end - pos >= 4
                                && u8(pos) == 'm'
                                && u8(pos + 1) == 'r'
                                && u8(pos + 2) == 'f'
                                && u8(pos + 3) == 'x') {
                            throw new IOException("JPEG-LS with an HP colour transform is not supported");
                        }
                    }
                }
                pos = end;
            }
            if (image.samples == null || decoded == null) {
                throw new IOException("JPEG-LS codestream without frame or scan");
            }
            for (boolean d : decoded) {
                if (!d) {
                    throw new IOException("JPEG-LS codestream ends before all components were decoded");
                }
            }
            return image;
        }

        private int nextMarker() throws IOException {
            while (pos < cs.length && u8(pos) != 0xFF) {
                pos++;
            }
            while (pos < cs.length && u8(pos) == 0xFF) {
                pos++;
            }
            if (pos >= cs.length) {
                if (decoded != null) {
                    return EOI; // missing EOI after complete scans: what was decoded stands
                }
                throw new IOException("JPEG-LS codestream ends before its image");
            }
            return u8(pos++);
        }

        private void readFrame() throws IOException {
            image.precision = u8(pos);
            image.height = u16(pos + 1);
            image.width = u16(pos + 3);
            image.components = u8(pos + 5);
            if (image.precision < 2 || image.precision > 16) {
                throw new IOException("JPEG-LS sample precision " + image.precision);
            }
            if (image.width == 0 || image.height == 0 || image.components < 1 || image.components > 4) {
                throw new IOException("JPEG-LS frame of " + image.width + "x" + image.height + " with "
                        + image.components + " components is not supported");
            }
            image.componentIds = new int[image.components];
            for (int i = 0; i < image.components; i++) {
                image.componentIds[i] = u8(pos + 6 + 3 * i);
                if (u8(pos + 7 + 3 * i) != 0x11) {
                    throw new IOException("JPEG-LS with subsampled components is not supported");
                }
            }
            image.samples =
                    new int[Math.multiplyExact(Math.multiplyExact(image.width, image.height), image.components)];
            decoded = new boolean[image.components];
            maxVal = (1 << image.precision) - 1;
        }

        private void readPresets() throws IOException {
            int id = u8(pos);
            if (id != 1) {
                throw new IOException(
                        "JPEG-LS mapping tables and extended presets (LSE id " + id + ") are not supported");
            }
            int mv = u16(pos + 1);
            maxVal = mv != 0 ? mv : maxVal;
            t1 = u16(pos + 3);
            t2 = u16(pos + 5);
            t3 = u16(pos + 7);
            int r = u16(pos + 9);
            reset = r != 0 ? r : 64;
        }

        private void readScan(int end) throws IOException {
            if (decoded == null) {
                throw new IOException("JPEG-LS scan before its frame header");
            }
            int ns = u8(pos);
            int[] scanComponents = new int[ns];
            for (int i = 0; i < ns; i++) {
                int id = u8(pos + 1 + 2 * i);
                scanComponents[i] = -1;
                for (int c = 0; c < image.components; c++) {
                    if (image.componentIds[c] == id) {
                        scanComponents[i] = c;
                    }
                }
                if (scanComponents[i] < 0) {
                    throw new IOException("JPEG-LS scan names component " + id + ", which the frame lacks");
                }
                if (u8(pos + 2 + 2 * i) != 0) {
                    throw new IOException("JPEG-LS mapping tables are not supported");
                }
            }
            int near = u8(pos + 1 + 2 * ns);
            int ilv = u8(pos + 2 + 2 * ns);
            int pointTransform = u8(pos + 3 + 2 * ns) & 15;
            if (ilv > 1 || (ilv == 0 && ns != 1)) {
                throw new IOException(
                        "JPEG-LS interleave mode " + ilv + " with " + ns + " components is not supported");
            }
            if (pointTransform != 0) {
                throw new IOException("JPEG-LS point transform is not supported");
            }
            if (maxVal < 1 || maxVal >= 1 << 16 || near > Math.min(255, maxVal / 2)) {
                throw new IOException("JPEG-LS parameters MAXVAL " + maxVal + ", NEAR " + near);
            }
            pos = end;
            Scan scan = new Scan(cs, pos, image, scanComponents, maxVal, near, reset, t1, t2, t3);
            scan.decode();
            scan.finish();
            pos = scan.end();
            for (int c : scanComponents) {
                decoded[c] = true;
            }
        }

        private int u8(int at) {
            return cs[at] & 0xFF;
        }

        private int u16(int at) {
            return u8(at) << 8 | u8(at + 1);
        }
    }

    /** One scan: its coding parameters and context variables, and the bit reader. */
    private static final class Scan extends JpegLsScanState {
        private final Image image;
        private final int[] components;
        private final BitReader bits;

        Scan(
                byte[] cs,
                int start,
                Image image,
                int[] components,
                int maxVal,
                int near,
                int reset,
                int t1,
                int t2,
                int t3)
                throws IOException {
            super(maxVal, near, reset, thresholds(maxVal, near, t1, t2, t3), components.length);
            this.image = image;
            this.components = components;
            this.bits = new BitReader(cs, start);
        }

        /** The thresholds of the LSE segment, or the defaults for those it leaves 0; refused when out of order. */
        private static int[] thresholds(int maxVal, int near, int t1, int t2, int t3) throws IOException {
            int[] defaults = defaultThresholds(maxVal, near);
            int[] t = {t1 != 0 ? t1 : defaults[0], t2 != 0 ? t2 : defaults[1], t3 != 0 ? t3 : defaults[2]};
            if (!(near + 1 <= t[0] && t[0] <= t[1] && t[1] <= t[2] && t[2] <= maxVal)
                    && !java.util.Arrays.equals(t, defaults)) {
                throw new IOException("JPEG-LS thresholds " + t[0] + ", " + t[1] + ", " + t[2] + " are invalid");
            }
            return t;
        }

        int end() {
            return bits.end();
        }

        void finish() throws IOException {
            bits.checkComplete();
        }

        void decode() throws IOException {
            int w = image.width;
            int count = components.length;
            // Per component, the previous and current line with one sample of margin each side (§A.2.1).
            int[][] previous = new int[count][w + 2];
            int[][] current = new int[count][w + 2];
            for (int y = 0; y < image.height; y++) {
                for (int i = 0; i < count; i++) {
                    int[] prev = previous[i];
                    int[] cur = current[i];
                    prev[w + 1] = prev[w];
                    cur[0] = prev[1];
                    decodeLine(prev, cur, i);
                    int comp = components[i];
                    int stride = image.components;
                    for (int x = 0, o = (y * w) * stride + comp; x < w; x++, o += stride) {
                        image.samples[o] = cur[x + 1];
                    }
                    previous[i] = cur;
                    current[i] = prev;
                }
            }
        }

        private void decodeLine(int[] prev, int[] cur, int component) throws IOException {
            int w = image.width;
            int x = 1;
            while (x <= w) {
                int ra = cur[x - 1];
                int rb = prev[x];
                int rc = prev[x - 1];
                int rd = prev[x + 1];
                int d1 = rd - rb;
                int d2 = rb - rc;
                int d3 = rc - ra;
                if (Math.abs(d1) <= near && Math.abs(d2) <= near && Math.abs(d3) <= near) {
                    x = decodeRun(prev, cur, x, component);
                } else {
                    cur[x] = decodeRegular(quantize(d1), quantize(d2), quantize(d3), ra, rb, rc);
                    x++;
                }
            }
        }

        private int decodeRegular(int q1, int q2, int q3, int ra, int rb, int rc) throws IOException {
            int signed = signedContext(q1, q2, q3);
            int sign = signed < 0 ? -1 : 1;
            int q = Math.abs(signed);
            int px = correctedPrediction(q, sign, ra, rb, rc);
            int k = regularK(q);
            int mErrval = bits.golomb(k, limit, qbpp);
            int errval = (mErrval & 1) == 0 ? mErrval >> 1 : -((mErrval + 1) >> 1);
            if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
                errval = ~errval; // the mapping of §A.5.2 for this case swaps the sign classes
            }
            updateRegular(q, errval);
            return reconstruct(px + sign * errval * (2 * near + 1));
        }

        private int reconstruct(int rx) {
            int step = range * (2 * near + 1);
            if (rx < -near) {
                rx += step;
            } else if (rx > maxVal + near) {
                rx -= step;
            }
            return rx < 0 ? 0 : Math.min(rx, maxVal);
        }

        /** Run mode (§A.7): a run of samples equal (within NEAR) to Ra, then maybe an interruption sample. */
        private int decodeRun(int[] prev, int[] cur, int x, int component) throws IOException {
            int w = image.width;
            int ra = cur[x - 1];
            int left = w - x + 1;
            int length = 0;
            while (bits.bit() == 1) {
                int chunk = Math.min(1 << J[runIndex[component]], left - length);
                length += chunk;
                if (chunk == 1 << J[runIndex[component]] && runIndex[component] < 31) {
                    runIndex[component]++;
                }
                if (length == left) {
                    break;
                }
            }
            boolean endOfLine = length == left;
            if (!endOfLine) {
                length += J[runIndex[component]] > 0 ? bits.bits(J[runIndex[component]]) : 0;
                if (length >= left) {
                    throw new IOException("corrupt JPEG-LS codestream: a run passes the end of its line");
                }
            }
            for (int i = 0; i < length; i++) {
                cur[x + i] = ra;
            }
            x += length;
            if (endOfLine) {
                return x;
            }
            int rb = prev[x];
            int riType = Math.abs(ra - rb) <= near ? 1 : 0;
            int q = 365 + riType;
            int k = runK(q, riType);
            int emErrval = bits.golomb(k, limit - J[runIndex[component]] - 1, qbpp);
            int t = emErrval + riType;
            int map = t & 1;
            int errvalAbs = (t + map) >> 1;
            int errval = ((k != 0 || 2 * nn[q] >= n[q]) == (map == 1)) ? -errvalAbs : errvalAbs;
            updateRunInterruption(q, riType, errval, emErrval, component);
            if (riType == 1) {
                cur[x] = reconstruct(ra + errval * (2 * near + 1));
            } else {
                int sign = rb < ra ? -1 : 1;
                cur[x] = reconstruct(rb + sign * errval * (2 * near + 1));
            }
            return x + 1;
        }
    }

    /**
     * The scan's bits: after an 0xFF byte the next byte carries 7 bits (§9.1); an 0xFF followed by a byte of 0x80 or
     * more is the marker that ends the scan. Reading ahead past it yields zeros, and a scan that consumed any of
     * them was cut short.
     */
    private static final class BitReader {
        private final byte[] cs;
        private int pos;
        private long buffer;
        private int count;
        private boolean afterFF;
        private boolean atMarker;
        private long appended;
        private long real;

        BitReader(byte[] cs, int pos) {
            this.cs = cs;
            this.pos = pos;
        }

        private void fill() {
            while (count <= 48) {
                if (atMarker || pos >= cs.length) {
                    buffer <<= 8;
                    count += 8;
                    appended += 8;
                    continue;
                }
                int v = cs[pos] & 0xFF;
                if (v == 0xFF && (pos + 1 >= cs.length || (cs[pos + 1] & 0xFF) >= 0x80)) {
                    atMarker = true;
                    continue;
                }
                int width = afterFF ? 7 : 8;
                buffer = buffer << width | v;
                count += width;
                appended += width;
                real += width;
                afterFF = v == 0xFF;
                pos++;
            }
        }

        /** Fails when the scan used bits beyond its data. */
        void checkComplete() throws IOException {
            if (appended - count > real) {
                throw new IOException("corrupt JPEG-LS codestream: it ends inside a scan");
            }
        }

        int bit() throws IOException {
            if (count == 0) {
                fill();
            }
            count--;
            return (int) (buffer >>> count) & 1;
        }

        int bits(int n) throws IOException {
            if (count < n) {
                fill();
            }
            count -= n;
            return (int) (buffer >>> count) & ((1 << n) - 1);
        }

        /** Limited-length Golomb code (§A.5.3): unary high bits, then k low bits, or an escape of qbpp bits. */
        int golomb(int k, int limit, int qbpp) throws IOException {
            int high = 0;
            while (bit() == 0) {
                high++;
                if (high > limit) {
                    throw new IOException("corrupt JPEG-LS codestream: Golomb code longer than its limit");
                }
            }
            if (high >= limit - qbpp - 1) {
                return bits(qbpp) + 1;
            }
            return k == 0 ? high : (high << k) | bits(k);
        }

        /** Where the marker after the scan's data starts. */
        int end() {
            int p = pos;
            while (p + 1 < cs.length && !((cs[p] & 0xFF) == 0xFF && (cs[p + 1] & 0xFF) >= 0x80)) {
                p++;
            }
            return p;
        }
    }
}
