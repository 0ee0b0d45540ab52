package org.opendicomweb.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.VR;

class SpecificCharacterSetTest {

    private static final SpecificCharacterSet JAPANESE = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
    private static final SpecificCharacterSet JAPANESE_KATAKANA =
            SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87");
    private static final SpecificCharacterSet KOREAN = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");

    /** Bytes from text where "{ESC}" stands for 0x1B and "\\xNN" for any byte. */
    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = text.replace("{ESC}", "\u001B");
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\x", i)) {
                out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(s.charAt(i));
            }
        }
        return out.toByteArray();
    }

    private static String decode(SpecificCharacterSet cs, String raw, VR vr) {
        byte[] b = bytes(raw);
        return cs.decode(b, 0, b.length, vr);
    }

    private static String roundTrip(SpecificCharacterSet cs, String value, VR vr) {
        byte[] encoded = cs.encode(value, vr);
        return cs.decode(encoded, 0, encoded.length, vr);
    }

    @Nested
    class Terms {
        @Test
        void absentOrEmptyIsTheDefault() {
            assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.valueOf());
            assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.valueOf("  "));
            assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.valueOf((String[]) null));
            assertTrue(SpecificCharacterSet.DEFAULT.isAscii());
            assertEquals(0, SpecificCharacterSet.DEFAULT.definedTerms().length);
        }

        @Test
        void instancesAreCachedAndPaddingIgnored() {
            assertSame(SpecificCharacterSet.valueOf("ISO_IR 100"), SpecificCharacterSet.valueOf("ISO_IR 100 "));
            assertArrayEquals(new String[] {"", "ISO 2022 IR 87"}, JAPANESE.definedTerms());
        }

        @Test
        void asciiOnlyForIsoIr6() {
            assertTrue(SpecificCharacterSet.valueOf("ISO_IR 6").isAscii());
            assertTrue(SpecificCharacterSet.valueOf("ISO 2022 IR 6").isAscii());
            assertFalse(SpecificCharacterSet.valueOf("ISO_IR 100").isAscii());
            assertFalse(SpecificCharacterSet.valueOf("ISO_IR 192").isAscii());
            assertFalse(JAPANESE.isAscii());
        }

        @Test
        void unknownTermDecodesAsDefaultAndSaysSo() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 999");
            assertTrue(cs.isUnknown());
            assertEquals("Jérôme", decode(cs, "J\\xe9r\\xf4me", VR.PN));
        }

        @Test
        void unknownExtensionIsIgnoredButReported() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 999");
            assertTrue(cs.isUnknown());
            assertEquals("Jérôme", decode(cs, "J\\xe9r\\xf4me", VR.LO));
        }

        @Test
        void commonMisspellingsAreRecognised() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO IR 126");
            assertFalse(cs.isUnknown());
            assertEquals("Διονυσιος", decode(cs, "\\xc4\\xe9\\xef\\xed\\xf5\\xf3\\xe9\\xef\\xf2", VR.PN));
            assertFalse(SpecificCharacterSet.valueOf("iso_ir_192").isUnknown());
        }

        @Test
        void aJdkCharsetNameIsAGoodGuessButStillUnknown() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("UTF-8");
            assertTrue(cs.isUnknown());
            assertEquals("王", decode(cs, "\\xe7\\x8e\\x8b", VR.LO));
        }

        @Test
        void standAloneTermsAllowNoExtensions() {
            // PS3.5 6.1.2.5.4 d: the second value is ignored, so the escape is not honoured either.
            SpecificCharacterSet utf8 = SpecificCharacterSet.valueOf("ISO_IR 192", "ISO 2022 IR 87");
            assertEquals("王", decode(utf8, "\\xe7\\x8e\\x8b", VR.LO));
        }

        @Test
        void otherVrsAreAlwaysDefaultRepertoire() {
            SpecificCharacterSet utf8 = SpecificCharacterSet.valueOf("ISO_IR 192");
            assertEquals("\u00e7\u008e\u008b", decode(utf8, "\\xe7\\x8e\\x8b", VR.CS));
        }
    }

    @Nested
    class JisX0201 {
        private final SpecificCharacterSet isoIr13 = SpecificCharacterSet.valueOf("ISO_IR 13");

        @Test
        void romanG0HasYenAndOverline() {
            // JIS X 0201 Roman (ISO-IR 14) is G0 under ISO_IR 13: 0x5C is YEN SIGN, 0x7E OVERLINE (PS3.3 C.12-2).
            // Only text VRs can hold the byte at all; in the others it separates values (PS3.18 F.2.4).
            assertEquals("100\u00a5 \u203e", decode(isoIr13, "100\\x5c \\x7e", VR.LT));
            assertArrayEquals(bytes("100\\x5c \\x7e"), isoIr13.encode("100\u00a5 \u203e", VR.LT));
        }

        @Test
        void backslashCannotBeWrittenInJisRoman() {
            assertArrayEquals(bytes("a?b"), isoIr13.encode("a\\b", VR.LT));
            assertFalse(isoIr13.canEncode("a\\b"));
        }

        @Test
        void katakanaInG1() {
            assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ", decode(isoIr13, "\\xd4\\xcf\\xc0\\xde^\\xc0\\xdb\\xb3", VR.PN));
            assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ", roundTrip(isoIr13, "ﾔﾏﾀﾞ^ﾀﾛｳ", VR.PN));
        }

        @Test
        void undefinedHighBytesAreReplacedNotFatal() {
            // 0xE0-0xFF are Shift_JIS lead bytes, not part of JIS X 0201.
            assertEquals("\ufffdｱ", decode(isoIr13, "\\xe0\\xb1", VR.LO));
        }

        @Test
        void escapeBackToJisRomanInPs35H32Example() {
            // PS3.5 H.3.2: value 1 ISO 2022 IR 13, so G0 returns to JIS X 0201 Roman with ESC ( J.
            String raw = "\\xd4\\xcf\\xc0\\xde^\\xc0\\xdb\\xb3={ESC}$B;3ED{ESC}(J^{ESC}$BB@O:{ESC}(J="
                    + "{ESC}$B$d$^$@{ESC}(J^{ESC}$B$?$m$&{ESC}(J";
            String name = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう";
            assertEquals(name, decode(JAPANESE_KATAKANA, raw, VR.PN));
            assertArrayEquals(bytes(raw), JAPANESE_KATAKANA.encode(name, VR.PN));
        }
    }

    @Nested
    class Japanese {
        @Test
        void ps35H31ExampleBothWays() {
            String raw = "Yamada^Tarou={ESC}$B;3ED{ESC}(B^{ESC}$BB@O:{ESC}(B={ESC}$B$d$^$@{ESC}(B^{ESC}$B$?$m$&{ESC}(B";
            String name = "Yamada^Tarou=山田^太郎=やまだ^たろう";
            assertEquals(name, decode(JAPANESE, raw, VR.PN));
            assertArrayEquals(bytes(raw), JAPANESE.encode(name, VR.PN));
        }

        @Test
        void caretInsideTwoByteCharacterIsNoDelimiter() {
            // 0x245E is HIRAGANA MA; its second byte is '^' but must not reset G0.
            assertEquals("ま", decode(JAPANESE, "{ESC}$B$^{ESC}(B", VR.PN));
        }

        @Test
        void namesRoundTrip() {
            for (String name :
                    new String[] {"山田^太郎", "やまだ^たろう", "Yamada^Tarou=山田^太郎=やまだ^たろう", "=山田^太郎", "東京 太郎", "ＡＢＣ全角^Ｔａｒｏ"}) {
                assertEquals(name, roundTrip(JAPANESE, name, VR.PN), name);
                assertEquals(name, roundTrip(JAPANESE_KATAKANA, name, VR.PN), name);
            }
        }

        @Test
        void halfWidthKatakanaNeedsIr13() {
            assertEquals("山田^????", roundTrip(JAPANESE, "山田^ﾊﾝｶｸ", VR.PN));
            assertEquals("山田^ﾊﾝｶｸ", roundTrip(JAPANESE_KATAKANA, "山田^ﾊﾝｶｸ", VR.PN));
        }

        @Test
        void textResetsAtEachLine() {
            SpecificCharacterSet cs = JAPANESE;
            String text = "一行目\r\n二行目 and ASCII\r\n";
            byte[] encoded = cs.encode(text, VR.LT);
            assertEquals(text, cs.decode(encoded, 0, encoded.length, VR.LT));
            // PS3.5 6.1.2.5.3: ASCII is active again before CR.
            String raw = new String(encoded, StandardCharsets.ISO_8859_1);
            assertTrue(raw.contains("\u001B(B\r\n"), raw);
        }

        @Test
        void jisX0212ThroughItsOwnTerm() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 159");
            assertEquals("丂", decode(cs, "{ESC}$(D\\x30\\x21{ESC}(B", VR.LO));
            assertArrayEquals(bytes("{ESC}$(D\\x30\\x21{ESC}(B"), cs.encode("丂", VR.LO));
            assertEquals("山丂", roundTrip(cs, "山丂", VR.LO));
        }

        @Test
        void truncatedTwoByteCharacterIsReplacedAndDecodingGoesOn() {
            assertEquals("山\ufffd^Tarou", decode(JAPANESE, "{ESC}$B;3E{ESC}(B^Tarou", VR.PN));
        }

        @Test
        void unknownEscapeSequenceIsSkippedWhole() {
            assertEquals("A\ufffdB", decode(JAPANESE, "A{ESC}$)ZB", VR.LO));
        }
    }

    @Nested
    class Korean {
        @Test
        void ps35I2ExampleRedesignatesG1AfterEachDelimiter() {
            String raw =
                    "Hong^Gildong={ESC}$)C\\xfb\\xf3^{ESC}$)C\\xd1\\xce\\xd4\\xd7={ESC}$)C\\xc8\\xab^{ESC}$)C\\xb1\\xe6\\xb5\\xbf";
            String name = "Hong^Gildong=洪^吉洞=홍^길동";
            assertEquals(name, decode(KOREAN, raw, VR.PN));
            assertArrayEquals(bytes(raw), KOREAN.encode(name, VR.PN));
        }

        @Test
        void severalEscapesInOneTextValue() {
            // PS3.5 I.2 style: every line designates KS X 1001 again, since CR LF returned to the initial state.
            String raw = "{ESC}$)C\\xb1\\xe8\\xc8\\xf1\\xc1\\xdf\r\n{ESC}$)C\\xc8\\xab\\xb1\\xe6\\xb5\\xbf ABC";
            assertEquals("김희중\r\n홍길동 ABC", decode(KOREAN, raw, VR.LT));
            assertArrayEquals(bytes(raw), KOREAN.encode("김희중\r\n홍길동 ABC", VR.LT));
        }

        @Test
        void g1IsDroppedAtLineEnds() {
            // Without a new designation after CR LF the high bytes are no longer KS X 1001.
            assertEquals("김\r\n\u00b1\u00e8", decode(KOREAN, "{ESC}$)C\\xb1\\xe8\r\n\\xb1\\xe8", VR.LT));
        }

        @Test
        void singleValueIr149NeedsNoEscape() {
            // Value 1 designates KS X 1001 to G1 from the start (PS3.3 Table C.12-4).
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 149");
            assertEquals("김희중", decode(cs, "\\xb1\\xe8\\xc8\\xf1\\xc1\\xdf", VR.PN));
            assertArrayEquals(bytes("\\xb1\\xe8\\xc8\\xf1\\xc1\\xdf"), cs.encode("김희중", VR.PN));
        }
    }

    @Nested
    class Chinese {
        @Test
        void gb18030FourByteSequences() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("GB18030");
            // U+0080 and U+20000 exist in GB18030 only as four-byte sequences.
            assertEquals("\u0080\uD840\uDC00", decode(cs, "\\x81\\x30\\x81\\x30\\x95\\x32\\x82\\x36", VR.LO));
            assertArrayEquals(
                    bytes("\\x81\\x30\\x81\\x30\\x95\\x32\\x82\\x36"), cs.encode("\u0080\uD840\uDC00", VR.LO));
            assertEquals("Wang^XiaoDong=王^小东=", decode(cs, "Wang^XiaoDong=\\xcd\\xf5^\\xd0\\xa1\\xb6\\xab=", VR.PN));
        }

        @Test
        void gbk() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("GBK");
            assertEquals("王^小东", decode(cs, "\\xcd\\xf5^\\xd0\\xa1\\xb6\\xab", VR.PN));
        }

        @Test
        void gb2312AsCodeExtension() {
            // PS3.5 K.2 form. pydicom 2.3 leaves the escape sequences in the text here; the standard does not.
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
            String raw = "Zhang^XiaoDong={ESC}$)A\\xd5\\xc5^{ESC}$)A\\xd0\\xa1\\xb6\\xab=";
            assertEquals("Zhang^XiaoDong=张^小东=", decode(cs, raw, VR.PN));
            assertArrayEquals(bytes(raw), cs.encode("Zhang^XiaoDong=张^小东=", VR.PN));
        }

        @Test
        void malformedUtf8IsReplaced() {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 192");
            assertEquals("a\ufffdb", decode(cs, "a\\xe7b", VR.LO));
        }
    }

    @Nested
    class SingleByteExtensions {
        private final SpecificCharacterSet latinGreek =
                SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 126");

        @Test
        void switchesG1AndReturnsToValue1AtTheEnd() {
            byte[] encoded = latinGreek.encode("Jérôme Διονυσιος", VR.LO);
            assertArrayEquals(
                    bytes("J\\xe9r\\xf4me {ESC}-F\\xc4\\xe9\\xef\\xed\\xf5\\xf3\\xe9\\xef\\xf2{ESC}-A"), encoded);
            assertEquals("Jérôme Διονυσιος", latinGreek.decode(encoded, 0, encoded.length, VR.LO));
        }

        @Test
        void everySingleByteSetRoundTripsItsUpperHalf() {
            for (String term : new String[] {
                "ISO_IR 100",
                "ISO_IR 101",
                "ISO_IR 109",
                "ISO_IR 110",
                "ISO_IR 126",
                "ISO_IR 127",
                "ISO_IR 138",
                "ISO_IR 144",
                "ISO_IR 148",
                "ISO_IR 166",
                "ISO_IR 203"
            }) {
                SpecificCharacterSet cs = SpecificCharacterSet.valueOf(term);
                for (int b = 0xA0; b <= 0xFF; b++) {
                    String decoded = cs.decode(new byte[] {(byte) b}, 0, 1, VR.LO);
                    if (!decoded.equals("\ufffd")) {
                        assertArrayEquals(new byte[] {(byte) b}, cs.encode(decoded, VR.LO), term + " " + b);
                    }
                }
            }
            assertEquals("€", decode(SpecificCharacterSet.valueOf("ISO_IR 203"), "\\xa4", VR.LO));
            assertEquals("ก", decode(SpecificCharacterSet.valueOf("ISO_IR 166"), "\\xa1", VR.LO));
        }

        @Test
        void defaultReadsStrayHighBytesAsLatin1ButWritesOnlyAscii() {
            assertEquals("Jérôme", decode(SpecificCharacterSet.DEFAULT, "J\\xe9r\\xf4me", VR.PN));
            assertArrayEquals(bytes("J?r?me"), SpecificCharacterSet.DEFAULT.encode("Jérôme", VR.PN));
            assertFalse(SpecificCharacterSet.DEFAULT.canEncode("Jérôme"));
            assertTrue(SpecificCharacterSet.valueOf("ISO_IR 100").canEncode("Jérôme"));
        }
    }
}
