package org.opendicomweb.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendicomweb.dicom.VR;

/**
 * The character repertoires named by Specific Character Set (0008,0005), decoding and encoding one string
 * value at a time (PS3.5 §6.1, PS3.3 §C.12.1.1.2).
 *
 * <p>Values of VRs other than SH, LO, ST, LT, PN, UC and UT are always in the default repertoire
 * (PS3.5 §6.1.2.3) and are decoded as such whatever the set. The caller splits multi-valued fields on
 * 0x5C before decoding: the backslash separates values under every set, ISO_IR 13 included (PS3.18 F.2.4),
 * and trims padding after decoding.
 *
 * <p>Decoding never fails: bytes that the set does not define become U+FFFD, and a term we do not know
 * is read as the default repertoire with {@link #isUnknown()} set for the caller to warn.
 */
public final class SpecificCharacterSet {

    /**
     * ISO_IR 6, for datasets without (0008,0005). Bytes above 0x7F are outside that repertoire, but files
     * in the field often carry Latin-1 text without declaring it; ISO 8859-1 maps every byte to a
     * character, so such text is shown nearly right and nothing is ever lost or rejected.
     */
    public static final SpecificCharacterSet DEFAULT =
            new SpecificCharacterSet(new String[0], List.of(DefinedTerm.ISO_IR_6), false);

    /** Distinct values of (0008,0005) are few; the bound only keeps hostile input from growing the cache. */
    private static final int CACHE_LIMIT = 256;

    private static final Map<List<String>, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    private final String[] definedTerms;
    private final boolean unknown;
    private final boolean ascii;
    private final Charset standAlone;
    private final GraphicSet initialG0;
    private final GraphicSet initialG1;
    private final Iso2022Decoder decoder;
    private final Iso2022Encoder encoder;

    private SpecificCharacterSet(String[] definedTerms, List<DefinedTerm> terms, boolean unknown) {
        this.definedTerms = definedTerms;
        this.unknown = unknown;
        this.ascii = onlyAscii(terms);
        DefinedTerm first = terms.get(0);
        this.standAlone = first.standAlone();
        // Table C.12-4 terms do not designate G0; value 1 then leaves ISO-IR 6 there.
        this.initialG0 = first.g0() != null && first.g0().width() == 1 ? first.g0() : GraphicSet.ASCII;
        this.initialG1 = first.g1();
        this.decoder = new Iso2022Decoder(initialG0, initialG1);
        this.encoder = new Iso2022Encoder(initialG0, initialG1, availableSets(terms));
    }

    private static List<GraphicSet> availableSets(List<DefinedTerm> terms) {
        List<GraphicSet> sets = new ArrayList<>();
        for (DefinedTerm term : terms) {
            for (GraphicSet set : new GraphicSet[] {term.g0(), term.g1()}) {
                if (set != null && !sets.contains(set)) {
                    sets.add(set);
                }
            }
        }
        return List.copyOf(sets);
    }

    /**
     * The set for the values of (0008,0005) as read: padding is ignored, and an empty value 1 means the
     * default repertoire (PS3.3 C.12.1.1.2: ISO 2022 IR 6 when more values follow).
     */
    public static SpecificCharacterSet valueOf(String... values) {
        if (values == null || values.length == 0) {
            return DEFAULT;
        }
        String[] trimmed = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            trimmed[i] = values[i] == null ? "" : values[i].strip();
        }
        if (trimmed.length == 1 && trimmed[0].isEmpty()) {
            return DEFAULT;
        }
        List<String> key = List.of(trimmed);
        SpecificCharacterSet cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        SpecificCharacterSet created = resolve(trimmed);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.putIfAbsent(key, created);
        }
        return created;
    }

    /**
     * Maps the terms to sets. A stand-alone term (ISO_IR 192, GB18030, GBK) allows no code extensions
     * (PS3.5 §6.1.2.5.4 d): as value 1 the others are ignored, as a later value it is ignored itself.
     */
    private static SpecificCharacterSet resolve(String[] values) {
        List<DefinedTerm> terms = new ArrayList<>();
        boolean unknown = false;
        for (int i = 0; i < values.length; i++) {
            DefinedTerm term = termFor(values[i], i == 0 && values.length > 1);
            if (term == null) {
                unknown = true;
                term = i == 0 ? DefinedTerm.guess(values[i]) : null;
                if (term == null && i == 0) {
                    term = DefinedTerm.ISO_IR_6;
                }
            }
            if (term == null || (i > 0 && term.isStandAlone())) {
                continue;
            }
            terms.add(term);
            if (i == 0 && term.isStandAlone()) {
                break;
            }
        }
        return new SpecificCharacterSet(values.clone(), terms, unknown);
    }

    private static DefinedTerm termFor(String value, boolean firstOfSeveral) {
        if (value.isEmpty()) {
            return firstOfSeveral ? DefinedTerm.ISO_2022_IR_6 : DefinedTerm.ISO_IR_6;
        }
        return DefinedTerm.lookup(value);
    }

    /**
     * Decodes one value: for multi-valued VRs the bytes between two 0x5C, for LT, ST, UT and UR the whole
     * field. Padding is left for the caller to trim.
     */
    public String decode(byte[] b, int off, int len, VR vr) {
        if (ascii || !vr.usesSpecificCharacterSet()) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        if (standAlone != null) {
            // String's constructor replaces malformed input rather than throwing.
            return new String(b, off, len, standAlone);
        }
        if (initialG0 == GraphicSet.ASCII && isPlainAscii(b, off, len)) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        return decoder.decode(b, off, len, vr == VR.PN);
    }

    /** Bytes below 0x80 without ESC read the same under every set whose G0 starts as ISO-IR 6. */
    private static boolean isPlainAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0 || b[i] == 0x1B) {
                return false;
            }
        }
        return true;
    }

    /**
     * Encodes one value (no backslash separators, no padding), with escape sequences where the sets of
     * value 2 and later are needed. Characters the set cannot hold are written as '?'.
     */
    public byte[] encode(String value, VR vr) {
        if (!vr.usesSpecificCharacterSet()) {
            return value.getBytes(StandardCharsets.US_ASCII);
        }
        if (standAlone != null) {
            return value.getBytes(standAlone);
        }
        return encoder.encode(value, vr == VR.PN);
    }

    /** Whether {@link #encode} would keep every character of {@code value}, e.g. to choose ISO_IR 192 instead. */
    public boolean canEncode(String value) {
        if (standAlone != null) {
            return standAlone.newEncoder().canEncode(value);
        }
        byte[] encoded = encoder.encode(value, false);
        return decoder.decode(encoded, 0, encoded.length, false).equals(value);
    }

    /** The values of (0008,0005) this set was made from, stripped of padding; empty for {@link #DEFAULT}. */
    public String[] definedTerms() {
        return definedTerms.clone();
    }

    /** Some value was not a Defined Term of PS3.3 C.12.1.1.2; values were decoded as well as we could. */
    public boolean isUnknown() {
        return unknown;
    }

    /**
     * Only ISO-IR 6 is in use, so callers may read bytes as ISO 8859-1 without this class (which is also
     * how the default repertoire treats stray high bytes, see {@link #DEFAULT}).
     */
    public boolean isAscii() {
        return ascii;
    }

    private static boolean onlyAscii(List<DefinedTerm> terms) {
        for (DefinedTerm term : terms) {
            if (term.isStandAlone() || term.g0() != GraphicSet.ASCII || term.g1() != null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return definedTerms.length == 0 ? "ISO_IR 6" : String.join("\\", definedTerms);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && Arrays.equals(definedTerms, other.definedTerms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(definedTerms);
    }
}
