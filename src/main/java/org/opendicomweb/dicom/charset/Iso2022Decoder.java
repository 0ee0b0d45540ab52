package org.opendicomweb.dicom.charset;

import java.util.Arrays;

/**
 * Decodes one value under ISO 2022 code extension rules as DICOM restricts them (PS3.5 §6.1.2.5).
 *
 * <p>The value starts with the designations of value 1 of (0008,0005). Escape sequences re-designate G0 or G1.
 * The designations return to the initial ones at every control character other than ESC (CR, LF, TAB, FF)
 * and, for PN, at the '^' and '=' delimiters (PS3.5 §6.1.2.5.3). A conforming writer re-designates
 * explicitly before those points, but many (and the PS3.5 Annex H/I examples for Korean) rely on the reset,
 * so the decoder applies it. A '^' or '=' byte inside a two-byte G0 character is half of that character
 * and not a delimiter, which is why the reset is only taken while G0 is a one-byte set.
 *
 * <p>Nothing here throws on bad input: undecodable bytes become U+FFFD and decoding goes on, because a
 * viewer must still see the rest of the value.
 */
final class Iso2022Decoder {

    private static final int ESC = 0x1B;

    private final GraphicSet initialG0;
    private final GraphicSet initialG1;

    Iso2022Decoder(GraphicSet initialG0, GraphicSet initialG1) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
    }

    String decode(byte[] b, int off, int len, boolean personName) {
        StringBuilder out = new StringBuilder(len);
        GraphicSet g0 = initialG0;
        GraphicSet g1 = initialG1;
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == ESC) {
                int seqLength = escapeLength(b, i, end);
                GraphicSet designated = designated(b, i, seqLength);
                if (designated == null) {
                    out.append(GraphicSet.REPLACEMENT);
                } else if (designated.slot() == GraphicSet.Slot.G0) {
                    g0 = designated;
                } else {
                    g1 = designated;
                }
                i += seqLength;
            } else if (c < 0x20 || c == 0x7F) {
                out.append((char) c);
                g0 = initialG0;
                g1 = initialG1;
                i++;
            } else if (c == 0x20) {
                // SPACE is outside every 94-character set and keeps its meaning whatever G0 holds.
                out.append(' ');
                i++;
            } else if (c < 0x80) {
                if (g0.width() == 2) {
                    i += decodePair(g0, b, i, end, 0x00, out);
                } else {
                    out.append(g0.decode(c));
                    if (personName && (c == '^' || c == '=')) {
                        g0 = initialG0;
                        g1 = initialG1;
                    }
                    i++;
                }
            } else if (c < 0xA0 || g1 == null) {
                // C1 controls, or a high byte with nothing in G1: read as ISO 8859-1 would, rather than lose it.
                out.append((char) c);
                i++;
            } else if (g1.width() == 2) {
                i += decodePair(g1, b, i, end, 0x80, out);
            } else {
                out.append(g1.decode(c));
                i++;
            }
        }
        return out.toString();
    }

    /** Appends one two-byte character and returns the bytes used; a lone or mismatched byte is replaced alone. */
    private static int decodePair(GraphicSet set, byte[] b, int i, int end, int highBit, StringBuilder out) {
        int first = b[i] & 0xFF;
        int second = i + 1 < end ? b[i + 1] & 0xFF : -1;
        if (!isPairByte(first, highBit) || second < 0 || !isPairByte(second, highBit)) {
            out.append(GraphicSet.REPLACEMENT);
            return 1;
        }
        out.append(set.decode(first, second));
        return 2;
    }

    private static boolean isPairByte(int c, int highBit) {
        return (c & 0x80) == highBit && (c & 0x7F) >= 0x21 && (c & 0x7F) <= 0x7E;
    }

    /**
     * Length of the escape sequence at {@code i}: ESC, any intermediate bytes 0x20-0x2F, one final byte
     * 0x30-0x7E (ISO 2022 §13.1). An unknown sequence is thus skipped whole instead of leaking its bytes.
     */
    private static int escapeLength(byte[] b, int i, int end) {
        int j = i + 1;
        while (j < end && (b[j] & 0xFF) >= 0x20 && (b[j] & 0xFF) <= 0x2F) {
            j++;
        }
        if (j < end && (b[j] & 0xFF) >= 0x30 && (b[j] & 0xFF) <= 0x7E) {
            j++;
        }
        return j - i;
    }

    /** The set a complete escape sequence designates, or {@code null} when DICOM defines no such sequence. */
    private static GraphicSet designated(byte[] b, int i, int length) {
        byte[] sequence = Arrays.copyOfRange(b, i, i + length);
        for (GraphicSet set : GraphicSet.DESIGNATABLE) {
            if (Arrays.equals(set.escape(), sequence)) {
                return set;
            }
        }
        return aliasOf(sequence);
    }

    /**
     * ESC $ @ (JIS C 6226-1978) and ESC $ ( B are older or long forms for the JIS X 0208 G0 designation;
     * some Japanese writers still send them, and decoding them as JIS X 0208 is what their readers expect.
     */
    private static GraphicSet aliasOf(byte[] sequence) {
        if (Arrays.equals(sequence, new byte[] {ESC, '$', '@'})
                || Arrays.equals(sequence, new byte[] {ESC, '$', '(', 'B'})) {
            return GraphicSet.JIS_X_0208;
        }
        return null;
    }
}
