package org.opendicomweb.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One graphic character set that ISO 2022 designates into G0 or G1 (PS3.3 Tables C.12-3 and C.12-4).
 *
 * <p>Characters are addressed by their 7-bit code: 0x20-0x7F for one-byte sets, and a pair of 0x21-0x7E for
 * the 94x94 sets. In G1 each byte carries the high bit (PS3.5 §6.1.2.5.2), which the callers add or strip.
 * The tables are taken once from the JDK's own charsets, so no mapping data is kept in this code base; they
 * are built on first use because most servers never meet most of these sets.
 */
final class GraphicSet {

    /** Where a designation puts the set (ISO 2022 §6.4; DICOM uses only G0 and G1). */
    enum Slot {
        G0,
        G1
    }

    static final char REPLACEMENT = '\uFFFD';
    private static final int CELLS = 94;

    /** ISO-IR 6, designated by ESC ( B. */
    static final GraphicSet ASCII = oneByte("ISO-IR 6", Slot.G0, "(B", GraphicSet::asciiTable);
    /** JIS X 0201 Romaji (ISO-IR 14), ESC ( J: ASCII except YEN SIGN at 0x5C and OVERLINE at 0x7E. */
    static final GraphicSet JIS_ROMAN = oneByte("ISO-IR 14", Slot.G0, "(J", GraphicSet::jisRomanTable);
    /** JIS X 0201 Katakana (ISO-IR 13), ESC ) I: half-width katakana at 0xA1-0xDF. */
    static final GraphicSet JIS_KATAKANA = upperHalf("ISO-IR 13", ")I", "JIS_X0201", true);

    static final GraphicSet LATIN_1 = upperHalf("ISO-IR 100", "-A", "ISO-8859-1", false);
    static final GraphicSet LATIN_2 = upperHalf("ISO-IR 101", "-B", "ISO-8859-2", false);
    static final GraphicSet LATIN_3 = upperHalf("ISO-IR 109", "-C", "ISO-8859-3", false);
    static final GraphicSet LATIN_4 = upperHalf("ISO-IR 110", "-D", "ISO-8859-4", false);
    static final GraphicSet GREEK = upperHalf("ISO-IR 126", "-F", "ISO-8859-7", false);
    static final GraphicSet ARABIC = upperHalf("ISO-IR 127", "-G", "ISO-8859-6", false);
    static final GraphicSet HEBREW = upperHalf("ISO-IR 138", "-H", "ISO-8859-8", false);
    static final GraphicSet CYRILLIC = upperHalf("ISO-IR 144", "-L", "ISO-8859-5", false);
    static final GraphicSet LATIN_5 = upperHalf("ISO-IR 148", "-M", "ISO-8859-9", false);
    /** TIS 620-2533; the JDK's ISO-8859-11 is the same repertoire plus NO-BREAK SPACE at 0xA0, as ISO-IR 166. */
    static final GraphicSet THAI = upperHalf("ISO-IR 166", "-T", "x-iso-8859-11", false);

    static final GraphicSet LATIN_9 = upperHalf("ISO-IR 203", "-b", "ISO-8859-15", false);

    /** JIS X 0208 in G0, ESC $ B; taken from the two-byte part of EUC-JP. */
    static final GraphicSet JIS_X_0208 = twoByte("ISO-IR 87", Slot.G0, "$B", "EUC-JP", null);
    /** JIS X 0212 in G0, ESC $ ( D; EUC-JP reaches it behind the single shift 0x8F. */
    static final GraphicSet JIS_X_0212 = twoByte("ISO-IR 159", Slot.G0, "$(D", "EUC-JP", (byte) 0x8F);
    /** KS X 1001 in G1, ESC $ ) C; EUC-KR is exactly this set in G1. */
    static final GraphicSet KS_X_1001 = twoByte("ISO-IR 149", Slot.G1, "$)C", "EUC-KR", null);
    /** GB 2312 in G1, ESC $ ) A; EUC-CN is exactly this set in G1. */
    static final GraphicSet GB_2312 = twoByte("ISO-IR 58", Slot.G1, "$)A", "GB2312", null);

    /** Every set an escape sequence may designate, in the order the decoder looks them up. */
    static final GraphicSet[] DESIGNATABLE = {
        ASCII,
        JIS_ROMAN,
        JIS_KATAKANA,
        LATIN_1,
        LATIN_2,
        LATIN_3,
        LATIN_4,
        GREEK,
        ARABIC,
        HEBREW,
        CYRILLIC,
        LATIN_5,
        THAI,
        LATIN_9,
        JIS_X_0208,
        JIS_X_0212,
        KS_X_1001,
        GB_2312
    };

    /** The decoding table and its inverse, built together. */
    private record Tables(char[] toChar, char[] toCode) {}

    private interface TableSource {
        char[] build();
    }

    private final String name;
    private final Slot slot;
    private final byte[] escape;
    private final int width;
    private final TableSource source;
    private volatile Tables tables;

    private GraphicSet(String name, Slot slot, String escapeTail, int width, TableSource source) {
        this.name = name;
        this.slot = slot;
        this.escape = ("\u001B" + escapeTail).getBytes(StandardCharsets.US_ASCII);
        this.width = width;
        this.source = source;
    }

    private static GraphicSet oneByte(String name, Slot slot, String escapeTail, TableSource source) {
        return new GraphicSet(name, slot, escapeTail, 1, source);
    }

    /** A 94- or 96-character set that ISO 8859 or JIS X 0201 places at bytes 0xA0-0xFF. */
    private static GraphicSet upperHalf(String name, String escapeTail, String charset, boolean only94) {
        return new GraphicSet(name, Slot.G1, escapeTail, 1, () -> upperHalfTable(charset, only94));
    }

    private static GraphicSet twoByte(String name, Slot slot, String escapeTail, String charset, Byte shift) {
        return new GraphicSet(name, slot, escapeTail, 2, () -> doubleByteTable(charset, shift));
    }

    String name() {
        return name;
    }

    Slot slot() {
        return slot;
    }

    /** Bytes per character: 1, or 2 for the 94x94 sets. */
    int width() {
        return width;
    }

    /** The full escape sequence that designates this set, ESC included. */
    byte[] escape() {
        return escape;
    }

    /** The character at a 7-bit code (one-byte sets), or {@link #REPLACEMENT} where the set has none. */
    char decode(int code) {
        return tables().toChar[code & 0x7F];
    }

    /** The character at a pair of 7-bit codes (94x94 sets), or {@link #REPLACEMENT}. */
    char decode(int first, int second) {
        int row = (first & 0x7F) - 0x21;
        int cell = (second & 0x7F) - 0x21;
        if (row < 0 || row >= CELLS || cell < 0 || cell >= CELLS) {
            return REPLACEMENT;
        }
        return tables().toChar[row * CELLS + cell];
    }

    /** The 7-bit code of {@code c} (both bytes packed big-endian for 94x94 sets), or -1 when not in the set. */
    int encode(char c) {
        char code = tables().toCode[c];
        return code == 0 ? -1 : code;
    }

    private Tables tables() {
        Tables t = tables;
        if (t == null) {
            synchronized (this) {
                t = tables;
                if (t == null) {
                    t = invert(source.build());
                    tables = t;
                }
            }
        }
        return t;
    }

    /** The inverse keeps the first code found for a character; 0 marks "none" as no set uses code 0. */
    private Tables invert(char[] toChar) {
        char[] toCode = new char[0x10000];
        for (int i = toChar.length - 1; i >= 0; i--) {
            char c = toChar[i];
            if (c != REPLACEMENT) {
                toCode[c] = (char) (width == 1 ? i : ((i / CELLS + 0x21) << 8) | (i % CELLS + 0x21));
            }
        }
        return new Tables(toChar, toCode);
    }

    private static char[] emptyOneByteTable() {
        char[] table = new char[0x80];
        Arrays.fill(table, REPLACEMENT);
        return table;
    }

    private static char[] asciiTable() {
        char[] table = emptyOneByteTable();
        for (int code = 0x20; code < 0x7F; code++) {
            table[code] = (char) code;
        }
        return table;
    }

    /** JIS X 0201 Roman differs from ASCII at two codes; the JDK's JIS_X0201 decodes them as ASCII, so set here. */
    private static char[] jisRomanTable() {
        char[] table = asciiTable();
        table[0x5C] = '\u00A5';
        table[0x7E] = '\u203E';
        return table;
    }

    private static char[] upperHalfTable(String charset, boolean only94) {
        char[] table = emptyOneByteTable();
        CharsetDecoder decoder = strictDecoder(charset);
        int first = only94 ? 0x21 : 0x20;
        int last = only94 ? 0x7E : 0x7F;
        for (int code = first; code <= last; code++) {
            table[code] = decodeOne(decoder, new byte[] {(byte) (code | 0x80)});
        }
        return table;
    }

    private static char[] doubleByteTable(String charset, Byte shift) {
        char[] table = new char[CELLS * CELLS];
        CharsetDecoder decoder = strictDecoder(charset);
        for (int row = 0; row < CELLS; row++) {
            for (int cell = 0; cell < CELLS; cell++) {
                byte lead = (byte) (0xA1 + row);
                byte trail = (byte) (0xA1 + cell);
                byte[] bytes = shift == null ? new byte[] {lead, trail} : new byte[] {shift, lead, trail};
                table[row * CELLS + cell] = decodeOne(decoder, bytes);
            }
        }
        return table;
    }

    private static CharsetDecoder strictDecoder(String charset) {
        return Charset.forName(charset)
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Exactly one BMP character, or the replacement: a cell the JDK leaves unmapped stays undefined. */
    private static char decodeOne(CharsetDecoder decoder, byte[] bytes) {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes));
            return chars.length() == 1 ? chars.get(0) : REPLACEMENT;
        } catch (CharacterCodingException e) {
            return REPLACEMENT;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
