package org.opendicomweb.index;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;

/**
 * An attribute an operator made a matching key (dicomweb.qido.extended-tags), kept for its study, series or
 * instance in the {@code extended_key} table. Values are normalised once, here, for the writer and the query
 * alike, so that a query value and a stored value compare as strings: person names upper-cased without
 * accents (case- and accent-insensitive, as built-in names), numbers in canonical form ("007" and "7.0" are
 * "7"), UIDs without padding, dates only when they are dates. A sequence (VR SQ) has no values of its own: the
 * attributes of its items are matched, item by item ({@link #itemsOf}).
 */
public record ExtendedQueryTag(int tag, VR vr, IndexLevel level) {
    /** Width of extended_key.value (V5 schema). */
    public static final int VALUE_WIDTH = 256;

    public String keyword() {
        return ElementDictionary.keywordOf(tag);
    }

    /** Whether this is a sequence, whose items are kept for sequence matching ({@link SequenceItem}). */
    public boolean isSequence() {
        return vr == VR.SQ;
    }

    /** The distinct items of this sequence in {@code ds}, in order; none when absent or not a sequence. */
    public List<SequenceItem> itemsOf(Attributes ds) {
        if (!isSequence()) {
            return List.of();
        }
        Sequence sequence = ds.getSequence(tag);
        if (sequence == null || sequence.isEmpty()) {
            return List.of();
        }
        Map<String, SequenceItem> items = new LinkedHashMap<>();
        for (Attributes item : sequence) {
            SequenceItem kept = SequenceItem.of(this, item);
            items.putIfAbsent(kept.sha(), kept);
        }
        return new ArrayList<>(items.values());
    }

    /** "InstitutionName (0008,0080)". */
    public String describe() {
        return keyword() + String.format(" (%04X,%04X)", Tag.group(tag), Tag.element(tag));
    }

    /** The distinct normalised values of this attribute in {@code ds}; none when absent, empty or unusable. */
    public List<String> valuesOf(Attributes ds) {
        String[] values = ds.getStrings(tag);
        if (values == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String n = normalise(v);
            if (n != null) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }

    /** One value as stored and compared; null when it cannot be matched (empty, or not a number/date). */
    public String normalise(String value) {
        return normalise(vr, value);
    }

    /** A value of VR {@code vr} as stored and compared; null when it cannot be matched. */
    public static String normalise(VR vr, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        String n = switch (vr) {
            case PN -> InstanceKeys.normalisedName(v);
            case UI -> Uids.normalise(v);
            case DA -> UtcDateTime.date(v) == null ? null : v;
            case IS, SS, US, SL, UL, SV, UV -> canonicalInteger(v);
            case DS, FL, FD -> canonicalDecimal(v);
            default -> v;
        };
        return n == null || n.length() <= VALUE_WIDTH ? n : n.substring(0, VALUE_WIDTH);
    }

    /** "+007" is "7"; null when not an integer. */
    public static String canonicalInteger(String value) {
        try {
            return new BigInteger(value.strip().startsWith("+") ? value.strip().substring(1) : value.strip())
                    .toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "1.50", "+1.5" and "15e-1" are "1.5"; null when not a decimal number. */
    public static String canonicalDecimal(String value) {
        try {
            BigDecimal d = new BigDecimal(value.strip());
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
