package org.opendicomweb.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The data dictionary of PS3.6 (Tables 6-1, 7-1, 8-1, 9-1) and of known private creators: VR, VM,
 * keyword and retirement of a tag.
 *
 * <p>The tables are generated into resources by src/tools/dictgen and read on first use; each
 * table sits in its own holder class, so the JVM's class initialisation makes the load happen once
 * and publishes it safely to every thread (JLS §12.4.2). The private table is larger and needed
 * only when a data set carries private elements, so it loads separately.
 *
 * <p>Where PS3.6 allows more than one VR ("US or SS", "OB or OW", "US or SS or OW"), {@link #vrOf}
 * answers the first one listed and {@link #isAmbiguousVR} tells the caller to settle it from the
 * data set (Pixel Representation, Bits Allocated, the transfer syntax: PS3.5 Annex A.1 c).
 */
public final class ElementDictionary {
    private ElementDictionary() {}

    /** What the dictionary knows of one standard element or repeating-group pattern. */
    private record Entry(VR[] vrs, String vm, boolean retired, String keyword) {
        /** Items and delimiters have no VR (PS3.5 §7.5); callers get UN rather than null. */
        VR vr() {
            return vrs.length == 0 ? VR.UN : vrs[0];
        }
    }

    /**
     * A repeating-group pattern such as (60xx,3000) or (1000,xxx0): a tag matches when
     * {@code (tag & mask) == value}. There are only a handful of distinct masks, so lookup is one
     * map probe per mask.
     */
    private record MaskTable(int mask, Map<Integer, Entry> byValue) {}

    private static final class Standard {
        static final Map<Integer, Entry> EXACT = new HashMap<>(8192);
        static final List<MaskTable> MASKED = new ArrayList<>();
        static final Map<String, Integer> TAG_BY_KEYWORD = new HashMap<>(8192);

        static {
            Map<Integer, Map<Integer, Entry>> byMask = new LinkedHashMap<>();
            readTable("elements.tsv", 6, f -> {
                String pattern = f[0];
                Entry entry = new Entry(parseVrs(f[1]), f[2], "R".equals(f[3]), f[4]);
                int mask = maskOf(pattern);
                int value = (int) Long.parseLong(pattern.replace('x', '0'), 16);
                if (mask == -1) {
                    EXACT.put(value, entry);
                } else {
                    byMask.computeIfAbsent(mask, m -> new HashMap<>()).put(value, entry);
                }
                if (!entry.keyword().isEmpty()) {
                    // A repeating-group keyword stands for the tag its Tag constant has (column 6).
                    TAG_BY_KEYWORD.put(entry.keyword(), mask == -1 ? value : (int) Long.parseLong(f[5], 16));
                }
            });
            byMask.forEach((mask, table) -> MASKED.add(new MaskTable(mask, table)));
        }

        static Entry lookup(int tag) {
            Entry exact = EXACT.get(tag);
            if (exact != null) {
                return exact;
            }
            for (MaskTable table : MASKED) {
                Entry e = table.byValue().get(tag & table.mask());
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
    }

    /** A private element: its VR, VM and the name the vendor gave it (private elements have no keyword). */
    private record PrivateEntry(VR[] vrs, String vm, String name) {}

    private static final class Private {
        /**
         * Keyed by creator, then by {@code (group << 16) | element-low-byte}, i.e. the tag with its
         * block number (the xx of (gggg,xxee), PS3.5 §7.8.1) zeroed. A few vendor tables let the
         * group repeat too (60xx, 70xx); those go to a second map with the low group byte zeroed.
         */
        static final Map<String, Map<Integer, PrivateEntry>> BY_CREATOR = new HashMap<>(1024);

        static final Map<String, Map<Integer, PrivateEntry>> BY_CREATOR_ANY_GROUP = new HashMap<>();

        static {
            readTable("private-elements.tsv", 6, f -> {
                String pattern = f[1];
                PrivateEntry entry = new PrivateEntry(parseVrs(f[2]), f[3], f[5]);
                int key = (int) Long.parseLong(pattern.replace('x', '0'), 16);
                boolean anyGroup = pattern.charAt(2) == 'x';
                (anyGroup ? BY_CREATOR_ANY_GROUP : BY_CREATOR)
                        .computeIfAbsent(f[0], c -> new HashMap<>())
                        .put(key, entry);
            });
        }

        static PrivateEntry lookup(String creator, int tag) {
            String key = creator.strip();
            Map<Integer, PrivateEntry> table = BY_CREATOR.get(key);
            PrivateEntry e = table == null ? null : table.get(tag & 0xFFFF00FF);
            if (e == null) {
                table = BY_CREATOR_ANY_GROUP.get(key);
                e = table == null ? null : table.get(tag & 0xFF0000FF);
            }
            return e;
        }
    }

    // ---- standard elements ----

    /**
     * The VR to use for a tag when the encoding does not carry one (Implicit VR, PS3.5 §7.1.3).
     * Group lengths are UL (PS3.5 §7.2), private creators LO (PS3.5 §7.8.1); items, delimiters,
     * unknown tags and private data elements without a creator are UN.
     */
    public static VR vrOf(int tag) {
        if (Tag.group(tag) == 0xFFFE) {
            return VR.UN;
        }
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        if (Tag.isPrivate(tag)) {
            return VR.UN;
        }
        Entry e = Standard.lookup(tag);
        return e == null ? VR.UN : e.vr();
    }

    /**
     * Whether PS3.6 lists several VRs for the tag, so that {@link #vrOf(int)} is only the first
     * candidate and the caller should decide from context.
     */
    public static boolean isAmbiguousVR(int tag) {
        if (Tag.isPrivate(tag)) {
            return false;
        }
        Entry e = Standard.lookup(tag);
        return e != null && e.vrs().length > 1;
    }

    /** Every VR PS3.6 allows for the tag, in its order; empty when unknown or the tag has no VR. */
    public static List<VR> vrCandidatesOf(int tag) {
        if (Tag.group(tag) != 0xFFFE && (Tag.isGroupLength(tag) || Tag.isPrivateCreator(tag))) {
            return List.of(vrOf(tag));
        }
        if (Tag.isPrivate(tag)) {
            return List.of();
        }
        Entry e = Standard.lookup(tag);
        return e == null ? List.of() : List.of(e.vrs());
    }

    /** The PS3.6 keyword ("PatientName"); "" when the tag is unknown or has none. */
    public static String keywordOf(int tag) {
        if (Tag.isPrivate(tag)) {
            return "";
        }
        Entry e = Standard.lookup(tag);
        return e == null ? "" : e.keyword();
    }

    /**
     * The tag of a PS3.6 keyword, -1 when unknown. Repeating-group keywords give the same tag as their
     * {@link Tag} constant: the first group (OverlayData gives 0x60003000), or for element ranges the
     * first one that is no other element (RowsForNthOrderCoefficients gives 0x00280410, since
     * (0028,0400) is Transform Label).
     */
    public static int tagForKeyword(String keyword) {
        if (keyword == null) {
            return -1;
        }
        Integer tag = Standard.TAG_BY_KEYWORD.get(keyword);
        return tag == null ? -1 : tag;
    }

    /** The value multiplicity ("1", "1-n", "2-2n"); "" when the tag is unknown. */
    public static String vmOf(int tag) {
        if (Tag.isGroupLength(tag) || Tag.isPrivateCreator(tag)) {
            return "1";
        }
        if (Tag.isPrivate(tag)) {
            return "";
        }
        Entry e = Standard.lookup(tag);
        return e == null ? "" : e.vm();
    }

    /** Whether PS3.6 lists the tag as retired. */
    public static boolean isRetired(int tag) {
        if (Tag.isPrivate(tag)) {
            return false;
        }
        Entry e = Standard.lookup(tag);
        return e != null && e.retired();
    }

    /** Whether the tag is in the standard dictionary, directly or through a repeating-group pattern. */
    public static boolean isKnown(int tag) {
        return !Tag.isPrivate(tag) && Standard.lookup(tag) != null;
    }

    // ---- private elements ----

    /**
     * The VR of a private data element reserved by {@code privateCreator} (the value of its
     * (gggg,00xx) element, PS3.5 §7.8.1); UN when the creator or element is not in the private
     * dictionaries. Standard tags, group lengths and creator elements answer as {@link #vrOf(int)}.
     */
    public static VR vrOf(String privateCreator, int tag) {
        if (privateCreator == null || !Tag.isPrivate(tag) || Tag.isPrivateCreator(tag) || Tag.isGroupLength(tag)) {
            return vrOf(tag);
        }
        PrivateEntry e = Private.lookup(privateCreator, tag);
        return e == null || e.vrs().length == 0 ? VR.UN : e.vrs()[0];
    }

    /** The vendor's name for a private data element; "" when unknown. */
    public static String privateNameOf(String privateCreator, int tag) {
        if (privateCreator == null || !Tag.isPrivate(tag)) {
            return "";
        }
        PrivateEntry e = Private.lookup(privateCreator, tag);
        return e == null ? "" : e.name();
    }

    /** The VM of a private data element; "" when unknown. */
    public static String vmOf(String privateCreator, int tag) {
        if (privateCreator == null || !Tag.isPrivate(tag) || Tag.isPrivateCreator(tag) || Tag.isGroupLength(tag)) {
            return vmOf(tag);
        }
        PrivateEntry e = Private.lookup(privateCreator, tag);
        return e == null ? "" : e.vm();
    }

    // ---- reading the generated tables ----

    private static final VR[] NO_VR = new VR[0];

    /** "US/SS" -> [US, SS]; "--" (items, delimiters) -> []. */
    private static VR[] parseVrs(String field) {
        if ("--".equals(field)) {
            return NO_VR;
        }
        String[] names = field.split("/");
        VR[] vrs = new VR[names.length];
        for (int i = 0; i < names.length; i++) {
            vrs[i] = VR.valueOf(names[i]);
        }
        return vrs;
    }

    /** -1 for an exact tag, else a mask with 0 nibbles where the pattern has x. */
    private static int maskOf(String pattern) {
        if (pattern.indexOf('x') < 0) {
            return -1;
        }
        int mask = 0;
        for (int i = 0; i < 8; i++) {
            mask = (mask << 4) | (pattern.charAt(i) == 'x' ? 0 : 0xF);
        }
        return mask;
    }

    /** Reads a generated tab-separated resource next to this class, skipping # comment lines. */
    static void readTable(String resource, int columns, Consumer<String[]> row) {
        try (InputStream in = ElementDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + "; run src/tools/dictgen");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException("malformed line in " + resource + ": " + line);
                }
                row.accept(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
