package org.opendicomweb.dicom.charset;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One Defined Term of Specific Character Set (0008,0005): PS3.3 Tables C.12-2 (single-byte, no code
 * extensions), C.12-3 (single-byte with code extensions), C.12-4 (multi-byte with code extensions) and
 * C.12-5 (multi-byte without code extensions).
 *
 * <p>{@code g0}/{@code g1} are the sets the term designates; {@code standAlone} is set instead for the terms
 * that are a complete encoding of their own and allow no code extensions (PS3.5 §6.1.2.5.4 d).
 */
record DefinedTerm(String name, GraphicSet g0, GraphicSet g1, boolean codeExtensions, Charset standAlone) {

    private static final Map<String, DefinedTerm> BY_KEY = new HashMap<>();

    static final DefinedTerm ISO_IR_6 = noExtensions("ISO_IR 6", GraphicSet.ASCII, null);
    static final DefinedTerm ISO_2022_IR_6 = withExtensions("ISO 2022 IR 6", GraphicSet.ASCII, null);

    static {
        noExtensions("ISO_IR 13", GraphicSet.JIS_ROMAN, GraphicSet.JIS_KATAKANA);
        withExtensions("ISO 2022 IR 13", GraphicSet.JIS_ROMAN, GraphicSet.JIS_KATAKANA);
        latin("100", GraphicSet.LATIN_1);
        latin("101", GraphicSet.LATIN_2);
        latin("109", GraphicSet.LATIN_3);
        latin("110", GraphicSet.LATIN_4);
        latin("126", GraphicSet.GREEK);
        latin("127", GraphicSet.ARABIC);
        latin("138", GraphicSet.HEBREW);
        latin("144", GraphicSet.CYRILLIC);
        latin("148", GraphicSet.LATIN_5);
        latin("166", GraphicSet.THAI);
        latin("203", GraphicSet.LATIN_9);
        // Table C.12-4: the multi-byte sets leave the other element as ISO-IR 6 / whatever value 1 designated.
        withExtensions("ISO 2022 IR 87", GraphicSet.JIS_X_0208, null);
        withExtensions("ISO 2022 IR 159", GraphicSet.JIS_X_0212, null);
        withExtensions("ISO 2022 IR 149", null, GraphicSet.KS_X_1001);
        withExtensions("ISO 2022 IR 58", null, GraphicSet.GB_2312);
        standAlone("ISO_IR 192", "UTF-8");
        standAlone("GB18030", "GB18030");
        standAlone("GBK", "GBK");
    }

    private static void latin(String registration, GraphicSet upper) {
        noExtensions("ISO_IR " + registration, GraphicSet.ASCII, upper);
        withExtensions("ISO 2022 IR " + registration, GraphicSet.ASCII, upper);
    }

    private static DefinedTerm noExtensions(String name, GraphicSet g0, GraphicSet g1) {
        return register(new DefinedTerm(name, g0, g1, false, null));
    }

    private static DefinedTerm withExtensions(String name, GraphicSet g0, GraphicSet g1) {
        return register(new DefinedTerm(name, g0, g1, true, null));
    }

    private static void standAlone(String name, String charset) {
        register(new DefinedTerm(name, null, null, false, Charset.forName(charset)));
    }

    private static DefinedTerm register(DefinedTerm term) {
        BY_KEY.put(key(term.name), term);
        return term;
    }

    /**
     * Lookup ignores case, spaces, underscores and hyphens, because writers in the field commonly send
     * "ISO IR 100", "ISO_IR_100" or "ISO-IR 100"; the spelled terms never differ in those characters alone.
     */
    private static String key(String term) {
        StringBuilder key = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c != ' ' && c != '_' && c != '-') {
                key.append(c);
            }
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }

    /** The term for a value of (0008,0005), or {@code null} if it is not one we know. */
    static DefinedTerm lookup(String term) {
        return BY_KEY.get(key(term));
    }

    /**
     * A value naming a JDK charset ("UTF-8", "ISO-8859-1") is no Defined Term, but decoding with it is
     * a better guess than ASCII; the set still reports itself unknown.
     */
    static DefinedTerm guess(String term) {
        try {
            if (!term.isEmpty() && Charset.isSupported(term)) {
                return new DefinedTerm(term, null, null, false, Charset.forName(term));
            }
        } catch (IllegalArgumentException notACharsetName) {
            // fall through to the default
        }
        return null;
    }

    boolean isStandAlone() {
        return standAlone != null;
    }
}
