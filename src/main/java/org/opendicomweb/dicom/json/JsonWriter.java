package org.opendicomweb.dicom.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.charset.SpecificCharacterSet;
import org.opendicomweb.dicom.io.BulkDataSource;

/**
 * Writes datasets in the DICOM JSON Model (PS3.18 Annex F), streaming to a Jackson {@link JsonGenerator}.
 *
 * <p>One dataset is one JSON object ({@link #write}); many are a JSON array
 * ({@link #writeArrayStart()}, {@link #writeDataset} for each, {@link #writeArrayEnd()}), so a query result
 * or a series' metadata is written as it is produced.
 *
 * <p>The rules, beyond the standard's structure:
 * <ul>
 * <li>Attributes in tag order; no group length (gggg,0000) elements, no Data Set Trailing Padding; no File Meta Information (group 0002)
 *     unless {@link #includeFileMetaInformation(boolean)}; private elements and their creators like any
 *     other.</li>
 * <li>An empty value field gives an attribute without "Value" (PS3.18 §F.2.5), as does a single value that
 *     is empty after padding is removed; within several values an empty one is {@code null}.</li>
 * <li>Padding is trimmed from each value of a multi-valued string: trailing spaces and NULs, and leading
 *     spaces except for LT, ST, UT, UR and PN. Backslash separates values of every string VR except LT,
 *     ST, UT and UR, where it is an ordinary character.</li>
 * <li>DS and IS: a JSON number, written with the value's own digits, when the value as written is a JSON
 *     number (RFC 8259 grammar: no leading '+', no leading zeros, no bare '.') and an IEEE double holds it
 *     exactly in the sense that the shortest text of the nearest double has the same decimal value; any
 *     other value is a JSON string holding the text unchanged (PS3.18 Table F.2.3-1 permits both).</li>
 * <li>SV and UV: numbers when within ±2<sup>53</sup>, where every integer is exact in a double; decimal
 *     strings beyond. US, SS, UL, SL: numbers.</li>
 * <li>FL and FD: numbers in the shortest text that reads back to the same float or double (an FL value
 *     is printed as a float, not widened to double, so 0.1f is {@code 0.1} and subnormals survive). JSON
 *     has no NaN or infinity, so those are the strings "NaN", "Infinity" and "-Infinity".</li>
 * <li>AT: 8 uppercase hex digits. PN: an object per value with the non-empty groups among "Alphabetic",
 *     "Ideographic" and "Phonetic", the components kept as written.</li>
 * <li>Binary VRs and bulk data references follow {@link BulkValueResolver}: InlineBinary (base64 of the
 *     little endian value) or BulkDataURI.</li>
 * </ul>
 */
public final class JsonWriter implements Flushable, Closeable {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final SerializableString VR_NAME = new SerializedString("vr");
    private static final SerializableString VALUE = new SerializedString("Value");
    private static final SerializableString INLINE_BINARY = new SerializedString("InlineBinary");
    private static final SerializableString BULK_DATA_URI = new SerializedString("BulkDataURI");
    private static final SerializableString[] PN_GROUPS = {
        new SerializedString("Alphabetic"), new SerializedString("Ideographic"), new SerializedString("Phonetic")
    };
    private static final SerializableString[] VR_VALUES = new SerializableString[VR.values().length];
    private static final long MAX_EXACT = 1L << 53;
    /** (FFFC,FFFC) Data Set Trailing Padding: padding, not an attribute (PS3.10 §7.2). */
    static final int DATA_SET_TRAILING_PADDING = 0xFFFCFFFC;

    static {
        for (VR vr : VR.values()) {
            VR_VALUES[vr.ordinal()] = new SerializedString(vr.name());
        }
    }

    private final JsonGenerator gen;
    private BulkDataPolicy policy;
    private BulkDataSource source;
    private BulkValueResolver resolver = new BulkValueResolver(null, null);
    private final BulkValueResolver.Resolved resolved = new BulkValueResolver.Resolved();
    private boolean includeFileMeta;
    private final TagPath path = new TagPath();
    private char[] chars = new char[64];
    private final int[] segments = new int[2 * 64];
    /** Open-addressed cache of the quoted 8-hex-digit keys, by tag. */
    private int[] keyTags = new int[512];

    private SerializableString[] keyNames = new SerializableString[512];
    private int keyCount;

    public JsonWriter(JsonGenerator gen) {
        this.gen = gen;
    }

    /** Writes UTF-8 to {@code out}; {@link #close()} flushes but does not close {@code out}. */
    public JsonWriter(OutputStream out) throws IOException {
        this(FACTORY.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET));
    }

    public JsonGenerator generator() {
        return gen;
    }

    /** Which binary values become BulkDataURIs; {@code null} (the default) inlines all in-memory values. */
    public JsonWriter bulkDataPolicy(BulkDataPolicy policy) {
        this.policy = policy;
        this.resolver = new BulkValueResolver(policy, source);
        return this;
    }

    /** Where to read {@link BulkData} references that are to be inlined. */
    public JsonWriter bulkDataSource(BulkDataSource source) {
        this.source = source;
        this.resolver = new BulkValueResolver(policy, source);
        return this;
    }

    /** Whether group 0002 elements of the top-level dataset are written (not part of the JSON model). */
    public JsonWriter includeFileMetaInformation(boolean include) {
        this.includeFileMeta = include;
        return this;
    }

    /** One dataset as a JSON object. */
    public void write(Attributes ds) throws IOException {
        writeDataset(ds);
    }

    public void writeArrayStart() throws IOException {
        gen.writeStartArray();
    }

    public void writeDataset(Attributes ds) throws IOException {
        gen.writeStartObject();
        writeAttributes(ds, true);
        gen.writeEndObject();
    }

    public void writeArrayEnd() throws IOException {
        gen.writeEndArray();
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
    }

    /** Convenience: the JSON of one dataset, values inlined (bulk data references must carry a URI). */
    public static String toJson(Attributes ds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = new JsonWriter(out)) {
            w.write(ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // ---- attributes ----

    /**
     * Writes the attribute at {@code index} of a top-level dataset as one member of the JSON object the
     * generator is in, for callers that merge a dataset with members taken from elsewhere (QIDO-RS merges
     * index values with stored metadata). The same rules as {@link #writeDataset} apply.
     */
    public void writeAttribute(Attributes ds, int index) throws IOException {
        int tag = ds.tagAt(index);
        if (Tag.isGroupLength(tag)
                || tag == DATA_SET_TRAILING_PADDING
                || (Tag.group(tag) == 0x0002 && !includeFileMeta)) {
            return;
        }
        writeElement(ds, index, tag);
    }

    private void writeAttributes(Attributes ds, boolean topLevel) throws IOException {
        int n = ds.size();
        for (int i = 0; i < n; i++) {
            int tag = ds.tagAt(i);
            if (Tag.isGroupLength(tag)
                    || tag == DATA_SET_TRAILING_PADDING
                    || (Tag.group(tag) == 0x0002 && topLevel && !includeFileMeta)) {
                continue;
            }
            writeElement(ds, i, tag);
        }
    }

    private void writeElement(Attributes ds, int i, int tag) throws IOException {
        VR vr = ds.vrAt(i);
        gen.writeFieldName(key(tag));
        gen.writeStartObject();
        gen.writeFieldName(VR_NAME);
        gen.writeString(VR_VALUES[vr.ordinal()]);
        path.push(tag);
        try {
            writeValue(ds, i, tag, vr, ds.valueAt(i));
        } finally {
            path.pop();
        }
        gen.writeEndObject();
    }

    private void writeValue(Attributes ds, int i, int tag, VR vr, Object v) throws IOException {
        if (v instanceof BulkData || v instanceof Fragments || (vr.kind() == VR.Kind.BULK && v instanceof byte[])) {
            writeBulk(ds, tag, vr, v);
            return;
        }
        switch (vr.kind()) {
            case SEQUENCE -> writeSequence(v);
            case STRING, TEXT -> {
                if (v instanceof byte[] b) {
                    writeStringBytes(ds, vr, b);
                } else {
                    writeStringObjects(vr, v);
                }
            }
            case BINARY -> {
                if (v instanceof byte[] b) {
                    writeBinaryNumbers(ds, vr, b);
                } else {
                    writeStringObjects(vr, v);
                }
            }
            case BULK -> writeStringObjects(vr, v); // strings set by code on a binary VR: as given
        }
    }

    private void writeBulk(Attributes ds, int tag, VR vr, Object v) throws IOException {
        if (v instanceof byte[] b && b.length == 0) {
            return;
        }
        resolver.resolve(ds, tag, vr, v, path, resolved);
        if (resolved.uri != null) {
            gen.writeFieldName(BULK_DATA_URI);
            gen.writeString(resolved.uri);
        } else if (resolved.bytes != null && resolved.bytes.length > 0) {
            gen.writeFieldName(INLINE_BINARY);
            gen.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, resolved.bytes, 0, resolved.bytes.length);
        }
        resolved.bytes = null;
    }

    private void writeSequence(Object v) throws IOException {
        if (!(v instanceof Sequence seq) || seq.isEmpty()) {
            return;
        }
        gen.writeFieldName(VALUE);
        gen.writeStartArray();
        for (int k = 0, n = seq.size(); k < n; k++) {
            path.enterItem(k);
            gen.writeStartObject();
            writeAttributes(seq.get(k), false);
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    // ---- strings ----

    /** Values as read: split on 0x5C (multi-valued VRs only), trimmed, decoded one by one. */
    private void writeStringBytes(Attributes ds, VR vr, byte[] b) throws IOException {
        int count = split(b, vr);
        if (count == 0 || (count == 1 && segments[0] == segments[1])) {
            return;
        }
        int[] seg = count <= segments.length / 2 ? segments : splitAll(b, vr, count);
        SpecificCharacterSet cs = vr.usesSpecificCharacterSet() ? ds.specificCharacterSet() : null;
        boolean bytesAreText = cs == null || cs.isAscii();
        gen.writeFieldName(VALUE);
        gen.writeStartArray();
        for (int k = 0; k < count; k++) {
            int off = seg[2 * k];
            int len = seg[2 * k + 1] - off;
            if (len == 0) {
                gen.writeNull();
            } else if (vr == VR.PN) {
                writePersonName(cs.decode(b, off, len, vr));
            } else if (bytesAreText && isAscii(b, off, len)) {
                if (vr == VR.DS || vr == VR.IS) {
                    writeDecimal(b, off, len);
                } else {
                    gen.writeUTF8String(b, off, len);
                }
            } else if (cs != null) {
                gen.writeString(cs.decode(b, off, len, vr));
            } else {
                gen.writeString(new String(b, off, len, StandardCharsets.ISO_8859_1));
            }
        }
        gen.writeEndArray();
    }

    /**
     * Finds the trimmed values of {@code b} into {@link #segments} as (start, end) pairs; returns their
     * number, which may exceed the room there (then {@link #splitAll} gives them all).
     */
    private int split(byte[] b, VR vr) {
        if (b.length == 0) {
            return 0;
        }
        boolean trimLeading = trimsLeadingSpaces(vr);
        if (!vr.isMultiValuedString()) {
            trim(b, 0, b.length, trimLeading, segments, 0);
            return 1;
        }
        int count = 0;
        int start = 0;
        int room = segments.length / 2;
        for (int p = 0; p <= b.length; p++) {
            if (p == b.length || b[p] == '\\') {
                if (count < room) {
                    trim(b, start, p, trimLeading, segments, 2 * count);
                }
                count++;
                start = p + 1;
            }
        }
        return count;
    }

    private int[] splitAll(byte[] b, VR vr, int count) {
        int[] seg = new int[2 * count];
        boolean trimLeading = trimsLeadingSpaces(vr);
        int k = 0;
        int start = 0;
        for (int p = 0; p <= b.length; p++) {
            if (p == b.length || b[p] == '\\') {
                trim(b, start, p, trimLeading, seg, 2 * k++);
                start = p + 1;
            }
        }
        return seg;
    }

    private static void trim(byte[] b, int start, int end, boolean trimLeading, int[] out, int at) {
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        if (trimLeading) {
            while (start < end && b[start] == ' ') {
                start++;
            }
        }
        out[at] = start;
        out[at + 1] = end;
    }

    /** LT, ST, UT keep leading spaces (PS3.5 §6.2); PN and UR are kept as sent. */
    static boolean trimsLeadingSpaces(VR vr) {
        return switch (vr) {
            case LT, ST, UT, UR, PN -> false;
            default -> true;
        };
    }

    private static boolean isAscii(byte[] b, int off, int len) {
        for (int p = off, end = off + len; p < end; p++) {
            if (b[p] < 0) {
                return false;
            }
        }
        return true;
    }

    private void writeDecimal(byte[] b, int off, int len) throws IOException {
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        for (int k = 0; k < len; k++) {
            chars[k] = (char) b[off + k];
        }
        if (isExactJsonNumber(chars, 0, len)) {
            gen.writeNumber(chars, 0, len);
        } else {
            gen.writeString(chars, 0, len);
        }
    }

    /** Values set by code ({@code String} or {@code String[]}): each is one value, written as given. */
    private void writeStringObjects(VR vr, Object v) throws IOException {
        String[] values = v instanceof String s ? new String[] {s} : v instanceof String[] a ? a : new String[0];
        if (values.length == 0 || (values.length == 1 && (values[0] == null || values[0].isEmpty()))) {
            return;
        }
        gen.writeFieldName(VALUE);
        gen.writeStartArray();
        for (String s : values) {
            if (s == null || s.isEmpty()) {
                gen.writeNull();
            } else if (vr == VR.PN) {
                writePersonName(s);
            } else if (vr == VR.DS || vr == VR.IS || vr.kind() == VR.Kind.BINARY && vr != VR.AT) {
                char[] c = s.toCharArray();
                if (isExactJsonNumber(c, 0, c.length)) {
                    gen.writeNumber(s);
                } else {
                    gen.writeString(s);
                }
            } else {
                gen.writeString(s);
            }
        }
        gen.writeEndArray();
    }

    /** One PN value: its non-empty component groups, split on '=' (further '=' stay in the third group). */
    private void writePersonName(String value) throws IOException {
        int eq1 = value.indexOf('=');
        int eq2 = eq1 < 0 ? -1 : value.indexOf('=', eq1 + 1);
        int[] bounds = {
            0,
            eq1 < 0 ? value.length() : eq1,
            eq1 + 1,
            eq1 < 0 ? eq1 + 1 : eq2 < 0 ? value.length() : eq2,
            eq2 + 1,
            eq2 < 0 ? eq2 + 1 : value.length()
        };
        boolean any = false;
        for (int g = 0; g < 3; g++) {
            any |= (g == 0 || (g == 1 ? eq1 >= 0 : eq2 >= 0)) && bounds[2 * g + 1] > bounds[2 * g];
        }
        if (!any) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        for (int g = 0; g < 3; g++) {
            boolean present = g == 0 || (g == 1 ? eq1 >= 0 : eq2 >= 0);
            if (present && bounds[2 * g + 1] > bounds[2 * g]) {
                gen.writeFieldName(PN_GROUPS[g]);
                gen.writeString(value.substring(bounds[2 * g], bounds[2 * g + 1]));
            }
        }
        gen.writeEndObject();
    }

    // ---- binary numbers ----

    private void writeBinaryNumbers(Attributes ds, VR vr, byte[] b) throws IOException {
        int width = vr.valueSize();
        int n = b.length / width;
        if (n == 0) {
            return;
        }
        boolean be = ds.bigEndian();
        gen.writeFieldName(VALUE);
        gen.writeStartArray();
        for (int k = 0; k < n; k++) {
            int off = k * width;
            switch (vr) {
                case FL -> writeFloat(Float.intBitsToFloat((int) Endianness.raw(b, off, 4, be)));
                case FD -> writeDouble(Double.longBitsToDouble(Endianness.raw(b, off, 8, be)));
                case AT -> gen.writeString(hex8((int) Endianness.getLong(b, off, vr, be)));
                case UV -> {
                    long v = Endianness.raw(b, off, 8, be);
                    if (v >= 0 && v <= MAX_EXACT) {
                        gen.writeNumber(v);
                    } else {
                        gen.writeString(Long.toUnsignedString(v));
                    }
                }
                case SV -> {
                    long v = Endianness.raw(b, off, 8, be);
                    if (v >= -MAX_EXACT && v <= MAX_EXACT) {
                        gen.writeNumber(v);
                    } else {
                        gen.writeString(Long.toString(v));
                    }
                }
                case UL -> gen.writeNumber(Endianness.raw(b, off, 4, be));
                case SL -> gen.writeNumber((int) Endianness.raw(b, off, 4, be));
                case SS -> gen.writeNumber((short) Endianness.raw(b, off, 2, be));
                default -> gen.writeNumber((int) Endianness.raw(b, off, 2, be)); // US
            }
        }
        gen.writeEndArray();
    }

    private void writeFloat(float f) throws IOException {
        if (Float.isFinite(f)) {
            gen.writeNumber(f);
        } else {
            gen.writeString(nonFinite(f));
        }
    }

    private void writeDouble(double d) throws IOException {
        if (Double.isFinite(d)) {
            gen.writeNumber(d);
        } else {
            gen.writeString(nonFinite(d));
        }
    }

    static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String hex8(int tag) {
        char[] c = new char[8];
        for (int k = 7; k >= 0; k--) {
            c[k] = HEX[tag & 0xF];
            tag >>>= 4;
        }
        return new String(c);
    }

    private SerializableString key(int tag) {
        int mask = keyTags.length - 1;
        int h = (tag * 0x9E3779B9) >>> 16 & mask;
        while (keyNames[h] != null) {
            if (keyTags[h] == tag) {
                return keyNames[h];
            }
            h = (h + 1) & mask;
        }
        SerializableString name = new SerializedString(hex8(tag));
        if (keyCount * 2 >= keyTags.length) {
            if (keyTags.length >= MAX_KEY_CACHE) {
                return name; // a writer rarely sees this many distinct tags: stop caching
            }
            growKeys();
            return key(tag);
        }
        keyTags[h] = tag;
        keyNames[h] = name;
        keyCount++;
        return name;
    }

    private static final int MAX_KEY_CACHE = 1 << 14;

    private void growKeys() {
        int[] oldTags = keyTags;
        SerializableString[] oldNames = keyNames;
        keyTags = new int[oldTags.length * 2];
        keyNames = new SerializableString[oldTags.length * 2];
        keyCount = 0;
        for (int k = 0; k < oldTags.length; k++) {
            if (oldNames[k] != null) {
                int mask = keyTags.length - 1;
                int h = (oldTags[k] * 0x9E3779B9) >>> 16 & mask;
                while (keyNames[h] != null) {
                    h = (h + 1) & mask;
                }
                keyTags[h] = oldTags[k];
                keyNames[h] = oldNames[k];
                keyCount++;
            }
        }
    }

    // ---- numbers in text ----

    /**
     * Whether the text is a JSON number (RFC 8259 §6) whose decimal value a double holds exactly in the sense
     * used here: the shortest text of the nearest double has the same value. Up to 15 significant digits
     * and a moderate exponent that is always so; longer forms are checked.
     */
    public static boolean isExactJsonNumber(char[] c, int off, int len) {
        int p = off;
        int end = off + len;
        if (p < end && c[p] == '-') {
            p++;
        }
        if (p >= end) {
            return false;
        }
        int significant = 0;
        boolean leadingZeros = true;
        if (c[p] == '0') {
            p++;
        } else if (c[p] >= '1' && c[p] <= '9') {
            while (p < end && c[p] >= '0' && c[p] <= '9') {
                significant++;
                p++;
            }
            leadingZeros = false;
        } else {
            return false;
        }
        if (p < end && c[p] == '.') {
            p++;
            int digits = 0;
            while (p < end && c[p] >= '0' && c[p] <= '9') {
                if (c[p] != '0' || !leadingZeros) {
                    leadingZeros = false;
                    significant++;
                }
                digits++;
                p++;
            }
            if (digits == 0) {
                return false;
            }
        }
        int exponent = 0;
        if (p < end && (c[p] == 'e' || c[p] == 'E')) {
            p++;
            boolean negative = false;
            if (p < end && (c[p] == '+' || c[p] == '-')) {
                negative = c[p] == '-';
                p++;
            }
            int digits = 0;
            while (p < end && c[p] >= '0' && c[p] <= '9') {
                exponent = Math.min(exponent * 10 + (c[p] - '0'), 100_000);
                digits++;
                p++;
            }
            if (digits == 0) {
                return false;
            }
            if (negative) {
                exponent = -exponent;
            }
        }
        if (p != end) {
            return false;
        }
        if (significant <= 15 && Math.abs(exponent) <= 250) {
            return true;
        }
        String text = new String(c, off, len);
        double d = Double.parseDouble(text);
        return Double.isFinite(d) && new BigDecimal(text).compareTo(new BigDecimal(Double.toString(d))) == 0;
    }
}
