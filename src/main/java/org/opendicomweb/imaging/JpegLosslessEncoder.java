package org.opendicomweb.imaging;

import static org.opendicomweb.imaging.JpegMarkers.marker;
import static org.opendicomweb.imaging.JpegMarkers.u16;

import java.io.ByteArrayOutputStream;

/**
 * JPEG Lossless, Non-Hierarchical, First-Order Prediction (ITU-T T.81 Annex H, Process 14, selection value 1): the
 * syntax most archives hold lossless images in. One frame is one interleaved scan of all samples: each sample is
 * predicted from its left neighbour (from the one above in the first column, from half the range at the first
 * sample, H.1.2.1), and the difference coded with a Huffman table made for the frame (Annex K.2, code lengths
 * limited to 16 bits, the all-ones code kept free) in two walks over its pixels.
 *
 * <p>Samples are coded with a precision of Bits Stored: signed values as their Bits Stored low bits, which a
 * decoder sign-extends again (as dcmtk writes them). Colour is coded as it is, without a colour transform, and
 * declared colour-by-pixel, as PS3.5 §8.2.1 requires for JPEG.
 */
final class JpegLosslessEncoder implements FrameEncoder {
    private static final int CATEGORIES = 17; // difference magnitudes of 0 to 16 bits

    @Override
    public String refusal(PixelDescription d) {
        return EncodableLayout.refusal("JPEG Lossless", d, 0xFFFF);
    }

    @Override
    public byte[] encode(PixelDescription d, byte[] pixels) {
        int samples = d.samplesPerPixel();
        long[] frequencies = new long[CATEGORIES];
        scan(d, pixels, frequencies, null, null);
        HuffmanTable table = HuffmanTable.optimal(frequencies);

        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        marker(out, 0xD8); // SOI
        JpegMarkers.frameHeader(out, 0xC3, d.bitsStored(), d.rows(), d.columns(), samples); // SOF3: lossless, Huffman
        marker(out, 0xC4); // DHT: table 0, the only one
        u16(out, 2 + 1 + 16 + table.symbols.length);
        out.write(0x00);
        for (int length = 1; length <= 16; length++) {
            out.write(table.counts[length]);
        }
        for (int symbol : table.symbols) {
            out.write(symbol);
        }
        // All components interleaved in one scan; Ss: selection value 1 (the left neighbour), Se 0, no point transform.
        JpegMarkers.scanHeader(out, samples, 1, 0, 0);
        long bits = 0;
        for (int category = 0; category < CATEGORIES; category++) {
            bits += frequencies[category] * (table.lengths[category] + (category < 16 ? category : 0));
        }
        BitWriter writer =
                new BitWriter(out.toByteArray(), (int) Math.min(Integer.MAX_VALUE - 64, bits / 8 + bits / 800 + 16));
        scan(d, pixels, null, table, writer);
        return writer.finish();
    }

    /**
     * Walks the prediction differences in scan order (pixel by pixel, sample by sample), reduced modulo 2^16 to
     * -32767..32768 (H.1.2.1): counting their categories into {@code frequencies}, or coding them with
     * {@code table} into {@code writer}. Two walks over two rows of samples instead of a stored copy of all
     * differences, which would be four bytes per sample of garbage.
     */
    private static void scan(
            PixelDescription d, byte[] pixels, long[] frequencies, HuffmanTable table, BitWriter writer) {
        int samples = d.samplesPerPixel();
        int width = d.columns() * samples;
        int[] previous = new int[width];
        int[] current = new int[width];
        int start = 1 << (d.bitsStored() - 1);
        for (int r = 0; r < d.rows(); r++) {
            readRow(d, pixels, r, current);
            for (int i = 0; i < width; i++) {
                int prediction = i >= samples ? current[i - samples] : r > 0 ? previous[i] : start;
                int diff = (current[i] - prediction) & 0xFFFF;
                diff = diff > 32768 ? diff - 65536 : diff;
                int category = category(diff);
                if (writer == null) {
                    frequencies[category]++;
                } else {
                    int extra = category < 16 ? category : 0; // category 16 (32768) has no extra bits
                    // The code, then the difference's low bits, negative ones complemented (F.1.2.1.1).
                    long value =
                            (long) table.codes[category] << extra | ((diff > 0 ? diff : diff - 1) & ((1 << extra) - 1));
                    writer.write(value, table.lengths[category] + extra);
                }
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
    }

    /** Row {@code r}'s samples in Bits Stored bits, colour-by-pixel whatever the planar configuration. */
    private static void readRow(PixelDescription d, byte[] pixels, int r, int[] row) {
        int samples = d.samplesPerPixel();
        int columns = d.columns();
        int mask = (1 << d.bitsStored()) - 1;
        boolean wide = d.bitsAllocated() == 16;
        if (d.planarConfiguration() == 0 || samples == 1) {
            int base = r * row.length;
            for (int i = 0; i < row.length; i++) {
                int at = base + i;
                row[i] = (wide ? (pixels[2 * at] & 0xFF) | (pixels[2 * at + 1] & 0xFF) << 8 : pixels[at]) & mask;
            }
            return;
        }
        int plane = d.rows() * columns;
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < columns; c++) {
                int at = s * plane + r * columns + c;
                row[c * samples + s] =
                        (wide ? (pixels[2 * at] & 0xFF) | (pixels[2 * at + 1] & 0xFF) << 8 : pixels[at]) & mask;
            }
        }
    }

    /** The number of bits of the difference's magnitude (SSSS, Table H.2); 32768 is category 16. */
    private static int category(int diff) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
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
                for (int i = 0;
                        i <= CATEGORIES;
                        i++) { // the least frequency, the largest symbol on ties; then the next
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

        /** {@code expected}: the bytes the coded differences take, known from the table and the frequencies. */
        BitWriter(byte[] header, int expected) {
            out = java.util.Arrays.copyOf(header, header.length + expected + 64);
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
