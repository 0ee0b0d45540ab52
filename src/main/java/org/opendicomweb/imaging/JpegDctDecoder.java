package org.opendicomweb.imaging;

import java.io.IOException;

/**
 * Sequential DCT JPEG with Huffman coding (ISO 10918-1 baseline and extended processes, SOF0 and SOF1) at 8 or
 * 12 bits per sample. It exists for the 12-bit frames of JPEG Extended (1.2.840.10008.1.2.4.51), which neither
 * the JDK nor TwelveMonkeys reads. The inverse DCT is computed in double precision and rounded, which stays
 * within one unit of libjpeg's integer IDCT; subsampled components are upsampled by replication.
 */
final class JpegDctDecoder {
    /** Decoded image: samples interleaved, each of {@code precision} bits, unsigned (level shift undone). */
    record Image(int width, int height, int components, int precision, int[] samples) {}

    private static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60,
        61, 54, 47, 55, 62, 63
    };
    /** COS[x][u] = C(u)/2 * cos((2x+1)uπ/16), with C(0) = 1/√2 (ISO 10918-1 §A.3.3). */
    private static final double[][] COS = new double[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                COS[x][u] = c / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
    }

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int dcTable;
        int acTable;
        int prediction;
        int blocksPerLine;
        int blocksPerColumn;
        int[] plane; // blocksPerLine*8 x blocksPerColumn*8 samples
    }

    private final byte[] cs;
    private int pos;
    private final int[][] quant = new int[4][];
    private final Huffman[] dc = new Huffman[4];
    private final Huffman[] ac = new Huffman[4];
    private Component[] components;
    private int precision;
    private int width;
    private int height;
    private int hMax;
    private int vMax;
    private int mcusPerLine;
    private int mcusPerColumn;
    private int restartInterval;

    private JpegDctDecoder(byte[] cs) {
        this.cs = cs;
    }

    static Image decode(byte[] cs) throws IOException {
        try {
            return new JpegDctDecoder(cs).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("corrupt JPEG codestream: it ends or points outside itself", e);
        }
    }

    private Image run() throws IOException {
        if (u8(0) != 0xFF || u8(1) != 0xD8) {
            throw new IOException("not a JPEG codestream: it does not start with SOI");
        }
        pos = 2;
        boolean scanned = false;
        while (true) {
            int marker = nextMarker();
            if (marker == 0xD9) {
                break;
            }
            if (marker >= 0xD0 && marker <= 0xD7) {
                continue; // a stray restart marker between scans
            }
            int length = u16(pos);
            int end = pos + length;
            pos += 2;
            switch (marker) {
                case 0xDB -> readQuantTables(end);
                case 0xC4 -> readHuffmanTables(end);
                case 0xC0, 0xC1 -> readFrame();
                case 0xDD -> restartInterval = u16(pos);
                case 0xDA -> {
                    readScan(end);
                    scanned = true;
                    continue; // readScan leaves pos at the marker after the entropy-coded data
                }
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new IOException(String.format("JPEG process of marker 0x%02X is not supported", marker));
                    }
                }
            }
            pos = end;
        }
        if (!scanned || components == null) {
            throw new IOException("JPEG codestream without frame or scan");
        }
        return output();
    }

    private int nextMarker() throws IOException {
        while (pos < cs.length && u8(pos) != 0xFF) {
            pos++; // tolerate garbage between segments, as libjpeg does
        }
        while (pos < cs.length && u8(pos) == 0xFF) {
            pos++;
        }
        if (pos >= cs.length) {
            if (components != null) {
                return 0xD9; // missing EOI: what was decoded stands
            }
            throw new IOException("JPEG codestream ends before its image");
        }
        return u8(pos++);
    }

    private void readQuantTables(int end) throws IOException {
        while (pos < end) {
            int pq = u8(pos) >> 4;
            int tq = u8(pos) & 15;
            pos++;
            if (tq > 3) {
                throw new IOException("quantisation table id " + tq);
            }
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[k] = pq == 0 ? u8(pos++) : u16(pos);
                if (pq != 0) {
                    pos += 2;
                }
            }
            quant[tq] = q;
        }
    }

    private void readHuffmanTables(int end) throws IOException {
        while (pos < end) {
            int tc = u8(pos) >> 4;
            int th = u8(pos) & 15;
            pos++;
            if (th > 3 || tc > 1) {
                throw new IOException("Huffman table class " + tc + " id " + th);
            }
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = u8(pos++);
                total += counts[i];
            }
            if (total > 256) {
                throw new IOException("Huffman table with " + total + " codes");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8(pos++);
            }
            (tc == 0 ? dc : ac)[th] = new Huffman(counts, symbols);
        }
    }

    private void readFrame() throws IOException {
        precision = u8(pos);
        height = u16(pos + 1);
        width = u16(pos + 3);
        int n = u8(pos + 5);
        if (precision != 8 && precision != 12) {
            throw new IOException("DCT sample precision " + precision);
        }
        if (width == 0 || height == 0 || n == 0 || n > 4) {
            throw new IOException(
                    "JPEG frame of " + width + "x" + height + " with " + n + " components is not supported");
        }
        components = new Component[n];
        for (int i = 0; i < n; i++) {
            Component c = new Component();
            int at = pos + 6 + 3 * i;
            c.id = u8(at);
            c.h = u8(at + 1) >> 4;
            c.v = u8(at + 1) & 15;
            c.tq = u8(at + 2) & 3;
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4) {
                throw new IOException("sampling factors " + c.h + "x" + c.v);
            }
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
            components[i] = c;
        }
        mcusPerLine = (width + 8 * hMax - 1) / (8 * hMax);
        mcusPerColumn = (height + 8 * vMax - 1) / (8 * vMax);
        for (Component c : components) {
            c.blocksPerLine = mcusPerLine * c.h;
            c.blocksPerColumn = mcusPerColumn * c.v;
            c.plane = new int[c.blocksPerLine * 8 * c.blocksPerColumn * 8];
        }
    }

    private void readScan(int end) throws IOException {
        if (components == null) {
            throw new IOException("JPEG scan before its frame header");
        }
        int n = u8(pos);
        Component[] scan = new Component[n];
        for (int i = 0; i < n; i++) {
            int id = u8(pos + 1 + 2 * i);
            int tables = u8(pos + 2 + 2 * i);
            for (Component c : components) {
                if (c.id == id) {
                    scan[i] = c;
                }
            }
            if (scan[i] == null) {
                throw new IOException("JPEG scan names component " + id + ", which the frame lacks");
            }
            scan[i].dcTable = tables >> 4 & 3;
            scan[i].acTable = tables & 3;
            if (dc[scan[i].dcTable] == null || ac[scan[i].acTable] == null || quant[scan[i].tq] == null) {
                throw new IOException("JPEG scan refers to a table that was not defined");
            }
        }
        pos = end;
        BitReader bits = new BitReader(cs, pos);
        int[] block = new int[64];
        double[] work = new double[64];
        for (Component c : scan) {
            c.prediction = 0;
        }
        int mcus;
        int perLine;
        if (n == 1) {
            // A non-interleaved scan codes only the blocks that hold the component's own samples (§A.2.2).
            Component c = scan[0];
            int compWidth = (width * c.h + hMax - 1) / hMax;
            int compHeight = (height * c.v + vMax - 1) / vMax;
            perLine = (compWidth + 7) / 8;
            mcus = perLine * ((compHeight + 7) / 8);
        } else {
            perLine = mcusPerLine;
            mcus = mcusPerLine * mcusPerColumn;
        }
        for (int m = 0; m < mcus; m++) {
            if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
                bits.restart();
                for (Component c : scan) {
                    c.prediction = 0;
                }
            }
            int row = m / perLine;
            int col = m % perLine;
            if (n == 1) {
                decodeBlock(bits, scan[0], block, work, row, col);
            } else {
                for (Component c : scan) {
                    for (int v = 0; v < c.v; v++) {
                        for (int h = 0; h < c.h; h++) {
                            decodeBlock(bits, c, block, work, row * c.v + v, col * c.h + h);
                        }
                    }
                }
            }
        }
        pos = bits.end();
    }

    private void decodeBlock(BitReader bits, Component c, int[] block, double[] work, int blockRow, int blockCol)
            throws IOException {
        java.util.Arrays.fill(block, 0);
        int[] q = quant[c.tq];
        int t = dc[c.dcTable].decode(bits);
        if (t > 16) {
            throw new IOException("corrupt JPEG codestream: DC difference of " + t + " bits");
        }
        c.prediction += extend(bits.receive(t), t);
        block[0] = c.prediction * q[0];
        Huffman acTable = ac[c.acTable];
        for (int k = 1; k < 64; k++) {
            int rs = acTable.decode(bits);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break; // end of block
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new IOException("corrupt JPEG codestream: AC run past the end of a block");
            }
            block[ZIGZAG[k]] = extend(bits.receive(s), s) * q[k];
        }
        inverseDct(block, work, c, blockRow, blockCol);
    }

    private void inverseDct(int[] block, double[] work, Component c, int blockRow, int blockCol) {
        // Rows first, then columns: f(x,y) = Σu Σv C(u)/2 C(v)/2 F(v,u) cos(..x..u) cos(..y..v)
        for (int v = 0; v < 8; v++) {
            for (int x = 0; x < 8; x++) {
                double s = 0;
                for (int u = 0; u < 8; u++) {
                    s += COS[x][u] * block[v * 8 + u];
                }
                work[v * 8 + x] = s;
            }
        }
        int shift = 1 << (precision - 1);
        int max = (1 << precision) - 1;
        int stride = c.blocksPerLine * 8;
        int base = blockRow * 8 * stride + blockCol * 8;
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                double s = 0;
                for (int v = 0; v < 8; v++) {
                    s += COS[y][v] * work[v * 8 + x];
                }
                int value = (int) Math.round(s) + shift;
                c.plane[base + y * stride + x] = value < 0 ? 0 : Math.min(value, max);
            }
        }
    }

    private Image output() {
        int n = components.length;
        int[] samples = new int[width * height * n];
        for (int i = 0; i < n; i++) {
            Component c = components[i];
            int stride = c.blocksPerLine * 8;
            for (int y = 0; y < height; y++) {
                int row = (y * c.v / vMax) * stride;
                for (int x = 0, o = y * width * n + i; x < width; x++, o += n) {
                    samples[o] = c.plane[row + x * c.h / hMax];
                }
            }
        }
        return new Image(width, height, n, precision, samples);
    }

    /** ISO 10918-1 §F.2.2.1 EXTEND: a received value with its top bit clear is negative. */
    private static int extend(int v, int t) {
        return t == 0 ? 0 : v < 1 << (t - 1) ? v - (1 << t) + 1 : v;
    }

    private int u8(int at) {
        return cs[at] & 0xFF;
    }

    private int u16(int at) {
        return u8(at) << 8 | u8(at + 1);
    }

    /** Canonical Huffman codes (ISO 10918-1 §C, §F.2.2.3): MAXCODE, VALPTR and MINCODE per code length. */
    private static final class Huffman {
        private final int[] maxCode = new int[18];
        private final int[] valPtr = new int[17];
        private final int[] minCode = new int[17];
        private final int[] symbols;

        Huffman(int[] counts, int[] symbols) {
            this.symbols = symbols;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                valPtr[l] = k;
                minCode[l] = code;
                code += counts[l];
                k += counts[l];
                maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }

        int decode(BitReader bits) throws IOException {
            int code = bits.bit();
            for (int l = 1; l <= 16; l++) {
                if (code <= maxCode[l]) {
                    return symbols[valPtr[l] + code - minCode[l]];
                }
                code = code << 1 | bits.bit();
            }
            throw new IOException("corrupt JPEG codestream: no Huffman code matches");
        }
    }

    /** Entropy-coded bits, with 0xFF00 unstuffed; at a marker it feeds zeros, as ISO 10918-1 §F.2.2.5 allows. */
    private static final class BitReader {
        private final byte[] cs;
        private int pos;
        private int buffer;
        private int count;
        private boolean atMarker;

        BitReader(byte[] cs, int pos) {
            this.cs = cs;
            this.pos = pos;
        }

        int bit() {
            if (count == 0) {
                fill();
            }
            count--;
            return buffer >> count & 1;
        }

        int receive(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                v = v << 1 | bit();
            }
            return v;
        }

        private void fill() {
            count = 8;
            if (atMarker || pos >= cs.length) {
                buffer = 0;
                return;
            }
            int b = cs[pos] & 0xFF;
            if (b == 0xFF) {
                int next = pos + 1 < cs.length ? cs[pos + 1] & 0xFF : 0xD9;
                if (next == 0) {
                    pos += 2;
                    buffer = 0xFF;
                    return;
                }
                atMarker = true;
                buffer = 0;
                return;
            }
            pos++;
            buffer = b;
        }

        /** Skips to the RSTn marker that must follow and past it. */
        void restart() throws IOException {
            count = 0;
            atMarker = false;
            while (pos + 1 < cs.length
                    && !((cs[pos] & 0xFF) == 0xFF && (cs[pos + 1] & 0xFF) >= 0xD0 && (cs[pos + 1] & 0xFF) <= 0xD7)) {
                pos++;
            }
            if (pos + 1 >= cs.length) {
                throw new IOException("corrupt JPEG codestream: restart marker missing");
            }
            pos += 2;
        }

        /** Where the marker after the entropy-coded data starts. */
        int end() {
            int p = pos;
            while (p + 1 < cs.length
                    && !((cs[p] & 0xFF) == 0xFF
                            && cs[p + 1] != 0
                            && ((cs[p + 1] & 0xFF) < 0xD0 || (cs[p + 1] & 0xFF) > 0xD7))) {
                p++;
            }
            return p;
        }
    }
}
