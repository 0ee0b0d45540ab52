package org.opendicomweb.dicom.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Compares our DICOM JSON with an oracle's after a normalisation that removes what the standard leaves free
 * or where the oracle has a known quirk, each listed here with its reason:
 * <ul>
 * <li>Numbers: DS, IS, FD compared as the double they denote, FL as the float (pydicom widens FL to double),
 *     integers as integers; a number and a string holding it are the same (Table F.2.3-1 allows either).</li>
 * <li>Empty values: {@code ""} and {@code null} are the same (pydicom writes "" for empty strings and null
 *     for empty numbers, PS3.18 §F.2.5 null); "Value": [] and "Value": [null] are the same as no Value
 *     (pydicom writes [] for empty sequences).</li>
 * <li>PN: empty component groups dropped, trailing ones too; an object with no text is null.</li>
 * <li>Group length elements (gggg,0000) are ignored: pydicom writes them, the standard forbids them.</li>
 * <li>Data Set Trailing Padding (FFFC,FFFC) is ignored: both oracles write it, we leave padding out.</li>
 * <li>dcm2json: Specific Character Set (0008,0005) is ignored, dcm2json replaces it by "ISO_IR 192" for its
 *     UTF-8 output (PS3.18 §F.2.2 note 3 says it keeps the source's); -0 and 0 are the same (it prints
 *     -0.0 as 0); an odd-length binary value may have one NUL more in its output (it pads values to even
 *     length in memory); a PN group of only '^' delimiters is empty (it drops such names, we keep the text);
 *     a public element the file sends as UN it keeps as UN, where we (and pydicom) give the dictionary VR
 *     (PS3.5 §6.2.2): such an element is left to the comparison with pydicom.</li>
 * <li>pydicom: a private element the file sends as UN it retypes from its private dictionary, where we keep
 *     UN (PS3.5 §6.2.2 asks only that the reader know the tag; a vendor's dictionary is a guess at its data).</li>
 * <li>pydicom: string values compared with surrounding spaces removed, for it trims padding only at the end
 *     of the whole field, not of each value (e.g. "DERIVED \PRIMARY").</li>
 * <li>vr: pydicom leaves ambiguous VRs of implicit VR files as "US or SS", "OB or OW": either matches.</li>
 * <li>InlineBinary: compared as bytes; for big endian files the oracle's bytes may also be swapped per the
 *     VR's value width (pydicom keeps the file's byte order, PS3.18 wants little endian).</li>
 * <li>Encapsulated pixel data: we write no inline value (bulk data URI only, none is given here); the
 *     oracle's inline form of the encapsulated stream is skipped.</li>
 * </ul>
 */
final class JsonCompare {
    private final boolean swapTheirBinary;
    private final Predicate<String> skip;
    final List<String> diffs = new ArrayList<>();
    /** Comparing with dcm2json: its quirks apply. */
    boolean dcmtk;

    JsonCompare(boolean swapTheirBinary, Predicate<String> skip) {
        this.swapTheirBinary = swapTheirBinary;
        this.skip = skip;
    }

    void dataset(JsonNode ours, JsonNode theirs, String path) {
        TreeSet<String> keys = new TreeSet<>();
        ours.fieldNames().forEachRemaining(keys::add);
        theirs.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (key.endsWith("0000")
                    || key.equals("FFFCFFFC")
                    || skip.test(path + key)
                    || (dcmtk && key.equals("00080005"))) {
                continue;
            }
            JsonNode a = ours.get(key);
            JsonNode b = theirs.get(key);
            String where = path + key;
            if (a == null || b == null) {
                diffs.add(where + ": "
                        + (a == null
                                ? "missing in ours, theirs " + abbrev(b)
                                : "missing in theirs, ours " + abbrev(a)));
                continue;
            }
            attribute(a, b, where);
        }
    }

    private void attribute(JsonNode a, JsonNode b, String where) {
        String vr = a.path("vr").asText();
        String theirVr = b.path("vr").asText();
        if (dcmtk && theirVr.equals("UN") && !vr.equals("UN")) {
            return; // dcm2json keeps the UN of the file; its values are compared with pydicom, which retypes them
        }
        if (!dcmtk && vr.equals("UN") && !theirVr.equals("UN") && isPrivate(where)) {
            return; // pydicom retypes private elements sent as UN from its private dictionary; we keep them UN
        }
        if (!vr.equals(theirVr)
                && !(theirVr.contains(" or ") && List.of(theirVr.split(" or ")).contains(vr))) {
            diffs.add(where + ": vr " + vr + ", theirs " + theirVr);
            return;
        }
        if (a.has("InlineBinary") || b.has("InlineBinary")) {
            binary(a, b, vr, where);
            return;
        }
        List<JsonNode> av = values(a);
        List<JsonNode> bv = values(b);
        if (av.size() != bv.size()) {
            diffs.add(where + ": " + av.size() + " values " + abbrev(a.get("Value")) + ", theirs " + bv.size() + " "
                    + abbrev(b.get("Value")));
            return;
        }
        for (int i = 0; i < av.size(); i++) {
            JsonNode x = av.get(i);
            JsonNode y = bv.get(i);
            if (vr.equals("SQ")) {
                if (x.isObject() && y.isObject()) {
                    dataset(x, y, where + "/" + i + "/");
                } else {
                    diffs.add(where + "/" + i + ": item " + x + ", theirs " + y);
                }
                continue;
            }
            String p = canonical(x, vr);
            String q = canonical(y, vr);
            if (!dcmtk
                    && q != null
                    && y.isTextual()
                    && !List.of("LT", "ST", "UT", "UR").contains(vr)) {
                q = q.strip();
            }
            if (!Objects.equals(p, q)) {
                diffs.add(where + "[" + i + "] " + vr + ": ours " + abbrev(x) + ", theirs " + abbrev(y));
            }
        }
    }

    private void binary(JsonNode a, JsonNode b, String vr, String where) {
        if (!a.has("InlineBinary") || !b.has("InlineBinary")) {
            if (a.has("Value") || b.has("Value") || a.has("InlineBinary") && b.has("BulkDataURI")) {
                diffs.add(where + ": ours " + abbrev(a) + ", theirs " + abbrev(b));
            } else if (a.has("InlineBinary") || !where.endsWith("7FE00010")) {
                diffs.add(where + ": ours " + abbrev(a) + ", theirs " + abbrev(b));
            }
            return; // encapsulated pixel data: no value in ours by rule
        }
        byte[] x = Base64.getDecoder().decode(a.get("InlineBinary").asText());
        byte[] y = Base64.getDecoder().decode(b.get("InlineBinary").asText());
        if (java.util.Arrays.equals(x, y)) {
            return;
        }
        if (dcmtk
                && x.length % 2 == 1
                && y.length == x.length + 1
                && y[x.length] == 0
                && java.util.Arrays.equals(x, java.util.Arrays.copyOf(y, x.length))) {
            return;
        }
        int width = switch (vr) {
            case "OW" -> 2;
            case "OF", "OL" -> 4;
            case "OD", "OV" -> 8;
            default -> 1;
        };
        if (swapTheirBinary && width > 1 && x.length == y.length) {
            byte[] z = y.clone();
            org.opendicomweb.dicom.Endianness.swap(z, 0, z.length, width);
            if (java.util.Arrays.equals(x, z)) {
                return;
            }
        }
        diffs.add(where + ": InlineBinary of " + x.length + " bytes differs from theirs of " + y.length);
    }

    /** The values, with "" as null, and an all-empty single value or empty array as none. */
    private static List<JsonNode> values(JsonNode attribute) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = attribute.get("Value");
        if (v != null) {
            for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
                out.add(it.next());
            }
        }
        if (out.size() == 1 && canonical(out.get(0), attribute.path("vr").asText()) == null) {
            out.clear();
        }
        return out;
    }

    static String canonical(JsonNode v, String vr) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return null;
        }
        if (vr.equals("PN") && v.isObject()) {
            List<String> groups = new ArrayList<>();
            for (String g : new String[] {"Alphabetic", "Ideographic", "Phonetic"}) {
                String group = v.path(g).asText("");
                groups.add(group.replace("^", "").isEmpty() ? "" : group);
            }
            while (!groups.isEmpty() && groups.get(groups.size() - 1).isEmpty()) {
                groups.remove(groups.size() - 1);
            }
            return groups.isEmpty() ? null : String.join("=", groups);
        }
        String text = v.asText();
        try {
            switch (vr) {
                case "DS", "IS", "FD" -> {
                    return Double.toString(Double.parseDouble(text.strip()) + 0.0);
                }
                case "FL" -> {
                    return Float.toString((float) Double.parseDouble(text.strip()) + 0.0f);
                }
                case "SL", "SS", "UL", "US", "SV", "UV" -> {
                    return new BigDecimal(text.strip()).stripTrailingZeros().toPlainString();
                }
                default -> {
                    return text;
                }
            }
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static String abbrev(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /** Whether the last tag of a path ("00191010" or "0008111A/0/00191010") is in an odd, private group. */
    private static boolean isPrivate(String where) {
        String tag = where.substring(where.lastIndexOf('/') + 1);
        return Character.digit(tag.charAt(3), 16) % 2 == 1;
    }
}
