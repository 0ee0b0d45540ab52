package org.opendicomweb.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.json.JsonWriter;

/**
 * One item of a sequence configured as an extended query tag, as the index keeps it for sequence matching (PS3.4
 * C.2.2.2.6; table {@code sequence_item}, V14 schema): the item's top-level attributes that compare as text or
 * numbers, as DICOM JSON for the results, and their normalised values ({@link ExtendedQueryTag#normalise}) for
 * matching. Nested sequences, binary and private attributes are left out: they cannot be item keys.
 *
 * @param sha SHA-256 of {@code json}: the same item from another instance of the study or series is kept once
 * @param json the item as DICOM JSON, UTF-8
 * @param values the item's normalised values, one per value of each attribute
 */
public record SequenceItem(ExtendedQueryTag sequence, String sha, byte[] json, List<Value> values) {

    /** One normalised value of one attribute of the item. */
    public record Value(int tag, String value) {}

    public SequenceItem {
        values = List.copyOf(values);
    }

    static SequenceItem of(ExtendedQueryTag sequence, Attributes item) {
        Attributes kept = new Attributes(item.bigEndian(), item.size());
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < item.size(); i++) {
            int tag = item.tagAt(i);
            VR vr = item.vrAt(i);
            if (vr == VR.UN && ElementDictionary.isKnown(tag)) {
                vr = ElementDictionary.vrOf(tag); // a standard attribute sent as UN (PS3.5 §6.2.2)
            }
            Object value = item.valueAt(i);
            if (Tag.isPrivate(tag)
                    || !ExtendedQueryTags.MATCHABLE.contains(vr)
                    || !(value instanceof byte[] || value instanceof String || value instanceof String[])) {
                continue; // a value kept as bulk data is no key
            }
            String[] strings = item.stringsAt(i);
            if (vr.isString()) {
                kept.setString(tag, vr, strings);
            } else {
                kept.setValue(tag, vr, value); // binary numbers, in the item's own byte order
            }
            for (String v : strings) {
                String n = ExtendedQueryTag.normalise(vr, v);
                if (n != null
                        && values.stream()
                                .noneMatch(x -> x.tag() == tag && x.value().equals(n))) {
                    values.add(new Value(tag, n));
                }
            }
        }
        byte[] json = JsonWriter.toJson(kept).getBytes(StandardCharsets.UTF_8);
        return new SequenceItem(sequence, sha256(json), json, values);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
