package org.opendicomweb.imaging;

import java.io.ByteArrayOutputStream;

/**
 * JPEG Lossless, Non-Hierarchical, First-Order Prediction (ITU-T T.81 Annex H, Process 14, selection value 1): the
 * syntax most archives hold lossless images in. One frame is one interleaved scan of all samples: each sample is
 * predicted from its left neighbour (from the one above in the first column, from half the range at the first
 * sample, H.1.2.1), and the difference coded with a Huffman table made for the frame (Annex K.2, code lengths
 * limited to 16 bits, the all-ones code kept free) in two passes over its pixels.
 *
 * <p>Samples are coded with a precision of Bits Stored: signed values as their Bits Stored low bits, which a
 * decoder sign-extends again (as dcmtk writes them). Colour is coded as it is, without a colour transform, and
 * declared colour-by-pixel, as PS3.5 §8.2.1 requires for JPEG.
 */
final class JpegLosslessEncoder implements FrameEncoder {
    private static final int CATEGORIES = 17; // difference magnitudes of 0 to 16 bits

    @Override
    public String refusal(PixelDescription d) {
        if (d.bitsAllocated() != 8 && d.bitsAllocated() != 16) {
            return "JPEG Lossless frames hold samples of 8 or 16 bits allocated, not " + d.bitsAllocated();
        }
        if (d.bitsStored() < 2 || d.bitsStored() > d.bitsAllocated() || d.highBit() != d.bitsStored() - 1) {
            return "JPEG Lossless codes 2 to 16 bits stored from bit 0 up; the image has " + d.bitsStored()
                    + " bits stored with high bit " + d.highBit();
        }
        if (d.samplesPerPixel() != 1 && d.samplesPerPixel() != 3) {
            return "JPEG Lossless frames are coded here with 1 or 3 samples per pixel, not " + d.samplesPerPixel();
        }
        if (d.photometricInterpretation().endsWith("_422") || d.photometricInterpretation().endsWith("_420")) {
            return "the image's " + d.photometricInterpretation() + " samples are subsampled";
        }
        if (d.rows() < 1 || d.columns() < 1 || d.rows() > 0xFFFF || d.columns() > 0xFFFF) {
            return "JPEG frames have 1 to 65535 rows and columns, not " + d.rows() + " x " + d.columns();
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
        int precision = d.bitsStored();
        int[] differences = differences(d, pixels);
        long[] frequencies = new long[CATEGORIES];
        for (int diff : differences) {
            frequencies[category(diff)]++;
        }
        HuffmanTable table = HuffmanTable.optimal(frequencies);

        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 2 + 1024);
        marker(out, 0xD8); // SOI
        marker(out, 0xC3); // SOF3: lossless, Huffman coded
        u16(out, 8 + 3 * samples);
        out.write(precision);
        u16(out, d.rows());
        u16(out, d.columns());
        out.write(samples);
        for (int c = 1; c <= samples; c++) {
            out.write(c);
            out.write(0x11); // no subsampling
            out.write(0); // no quantisation table in lossless coding
        }
        marker(out, 0xC4); // DHT: table 0, the only one
        u16(out, 2 + 1 + 16 + table.symbols.length);
        out.write(0x00);
        for (int length = 1; length <= 16; length++) {
            out.write(table.counts[length]);
        }
        for (int symbol : table.symbols) {
            out.write(symbol);
        }
        marker(out, 0xDA); // SOS: all components interleaved in one scan
        u16(out, 6 + 2 * samples);
        out.write(samples);
        for (int c = 1; c <= samples; c++) {
            out.write(c);
            out.write(0x00);
        }
        out.write(1); // Ss: selection value 1, the left neighbour
        out.write(0); // Se
        out.write(0); // Ah, Al: no point transform
        BitWriter bits = new BitWriter(out.toByteArray(), differences.length);
        for (int diff : differences) {
            int category = category(diff);
            int extra = category < 16 ? category : 0; // category 16 (32768) has no extra bits
            // The code, then the difference's low bits, negative ones complemented (F.1.2.1.1): at most 32 bits.
            long value = (long) table.codes[category] << extra | ((diff > 0 ? diff : diff - 1) & ((1 << extra) - 1));
            bits.write(value, table.lengths[category] + extra);
        }
        return bits.finish();
    }

    /**
     * The prediction differences in scan order (pixel by pixel, sample by sample), reduced modulo 2^16 to
     * -32767..32768 (H.1.2.1).
     */
    private static int[] differences(PixelDescription d, byte[] pixels) {
        int samples = d.samplesPerPixel();
        int rows = d.rows();
        int columns = d.columns();
        int bytes = d.bitsAllocated() / 8;
        int mask = (1 << d.bitsStored()) - 1;
        int planeStride = d.planarConfiguration() == 1 ? rows * columns : 1;
        int pixelStride = d.planarConfiguration() == 1 ? 1 : samples;
        int[] diffs = new int[rows * columns * samples];
        int[] previousRow = new int[columns * samples];
        int[] row = new int[columns * samples];
        int start = 1 << (d.bitsStored() - 1);
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                for (int s = 0; s < samples; s++) {
                    int index = (r * columns + c) * pixelStride + s * planeStride;
                    int x = (bytes == 1 ? pixels[index] & 0xFF : (pixels[2 * index] & 0xFF) | (pixels[2 * index + 1] & 0xFF) << 8) & mask;
                    int prediction = c > 0 ? row[(c - 1) * samples + s] : r > 0 ? previousRow[s] : start;
                    row[c * samples + s] = x;
                    int diff = (x - prediction) & 0xFFFF;
                    diffs[n++] = diff > 32768 ? diff - 65536 : diff;
                }
            }
            int[] t = previousRow;
            previousRow = row;
            row = t;
        }
        return diffs;
    }

    /** The number of bits of the difference's magnitude (SSSS, Table H.2); 32768 is category 16. */
    private static int category(int diff) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    /** A Huffman table for the 17 difference categories: code lengths per symbol, codes, and its DHT form. */
    static final class HuffmanTable {
        final int[] lengths = new int[CATEGORIES];
        final int[] codes = new int[CATEGORIES];
        /** counts[L]: how many codes have L bits (1..16). */
        final int[] counts = new int[33];
        /** The symbols with a code, by code length and then by value. */
        int[] symbols;

        /**
         * The code lengths of Annex K.2 (Figures K.1-K.3): Huffman's procedure over the used categories and one
         * reserved symbol, which keeps the all-ones code unused, then lengths over 16 bits moved up the tree.
         */
        static HuffmanTable optimal(long[] frequencies) {
            int reserved = CATEGORIES;
            long[] freq = new long[CATEGORIES + 1];
            System.arraycopy(frequencies, 0, freq, 0, CATEGORIES);
            freq[reserved] = 1;
            int[] size = new int[CATEGORIES + 1];
            int[] others = new int[CATEGORIES + 1];
            java.util.Arrays.fill(others, -1);
            while (true) {
                int v1 = -1;
                int v2 = -1;
                for (int i = 0; i <= CATEGORIES; i++) { // the least frequency, the largest symbol on ties; then the next
                    if (freq[i] == 0) {
                        continue;
                    }
                    if (v1 < 0 || freq[i] <= freq[v1]) {
                        v2 = v1;
                        v1 = i;
                    } else if (v2 < 0 || freq[i] <= freq[v2]) {
                        v2 = i;
                    }
                }
                if (v2 < 0) {
                    break;
                }
                freq[v1] += freq[v2];
                freq[v2] = 0;
                size[v1]++;
                while (others[v1] >= 0) {
                    v1 = others[v1];
                    size[v1]++;
                }
                others[v1] = v2;
                size[v2]++;
                while (others[v2] >= 0) {
                    v2 = others[v2];
                    size[v2]++;
                }
            }
            HuffmanTable t = new HuffmanTable();
            for (int i = 0; i <= CATEGORIES; i++) {
                if (size[i] > 0) {
                    t.counts[size[i]]++;
                }
            }
            for (int i = 32; i > 16; i--) { // Figure K.3
                while (t.counts[i] > 0) {
                    int j = i - 2;
                    while (t.counts[j] == 0) {
                        j--;
                    }
                    t.counts[i] -= 2;
                    t.counts[i - 1]++;
                    t.counts[j + 1] += 2;
                    t.counts[j]--;
                }
            }
            int longest = 16;
            while (t.counts[longest] == 0) {
                longest--;
            }
            t.counts[longest]--; // the reserved symbol's code, the last and longest
            // Symbols by their Huffman size (Figure K.4); the lengths they end up with follow from the counts.
            int[] order = new int[CATEGORIES];
            int n = 0;
            for (int length = 1; length <= 32; length++) {
                for (int i = 0; i < CATEGORIES; i++) {
                    if (size[i] == length) {
                        order[n++] = i;
                    }
                }
            }
            t.symbols = java.util.Arrays.copyOf(order, n);
            int code = 0;
            int k = 0;
            for (int length = 1; length <= 16; length++) { // Annex C: canonical codes in symbol order
                for (int c = 0; c < t.counts[length]; c++, k++) {
                    t.lengths[t.symbols[k]] = length;
                    t.codes[t.symbols[k]] = code++;
                }
                code <<= 1;
            }
            return t;
        }
    }

    /**
     * Entropy-coded bits, most significant first, with a 0x00 stuffed after every 0xFF byte (F.1.2.3), appended to
     * the header bytes in an array of its own (no per-byte locking of a stream).
     */
    private static final class BitWriter {
        private byte[] out;
        private int size;
        private long buffer;
        private int count;

        BitWriter(byte[] header, int samples) {
            out = java.util.Arrays.copyOf(header, header.length + samples + 64);
            size = header.length;
        }

        void write(long value, int length) {
            buffer = buffer << length | value;
            count += length;
            if (size + 10 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            while (count >= 8) {
                byte b = (byte) (buffer >>> (count - 8));
                out[size++] = b;
                if (b == (byte) 0xFF) {
                    out[size++] = 0;
                }
                count -= 8;
            }
        }

        /** Pads the last byte with 1-bits (F.1.2.3) and ends the image (EOI). */
        byte[] finish() {
            if (count > 0) {
                write((1 << (8 - count)) - 1, 8 - count);
            }
            byte[] done = java.util.Arrays.copyOf(out, size + 2);
            done[size] = (byte) 0xFF;
            done[size + 1] = (byte) 0xD9;
            return done;
        }
    }
}
