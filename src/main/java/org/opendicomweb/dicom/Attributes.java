package org.opendicomweb.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opendicomweb.dicom.charset.SpecificCharacterSet;

/**
 * A dataset: elements kept sorted by tag in parallel arrays, so reading a file in order only appends.
 *
 * <p>Values are held as read: {@code byte[]} in this dataset's byte order (strings undecoded, so a header parse
 * never pays for character set decoding it does not use), or as {@link String}/{@code String[]} when set by code,
 * or as {@link Sequence}, {@link Fragments} or {@link BulkData}. Zero-length values are an empty {@code byte[]}.
 */
public final class Attributes {
    private static final byte[] EMPTY = {};

    private final boolean bigEndian;
    private Attributes parent;
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private SpecificCharacterSet charset;

    public Attributes() {
        this(false, 32);
    }

    public Attributes(boolean bigEndian, int initialCapacity) {
        this.bigEndian = bigEndian;
        int capacity = Math.max(initialCapacity, 4);
        this.tags = new int[capacity];
        this.vrs = new VR[capacity];
        this.values = new Object[capacity];
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        return tags[index];
    }

    public VR vrAt(int index) {
        return vrs[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    /** Index of {@code tag}, or {@code -(insertion point) - 1}. Appending in tag order costs one comparison. */
    public int indexOf(int tag) {
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** Present with a non-empty value. */
    public boolean containsValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 && !isEmptyValue(values[i]);
    }

    public VR vrOf(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    // ---- setting ----

    /**
     * Sets a value as-is: {@code byte[]} encoded in this dataset's byte order, {@code String}, {@code String[]},
     * {@link Sequence}, {@link Fragments}, {@link BulkData}, or {@code null} for an empty value.
     */
    public void setValue(int tag, VR vr, Object value) {
        Object v = value == null ? EMPTY : value;
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = v;
        } else {
            insert(-i - 1, tag, vr, v);
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
    }

    public void setBytes(int tag, VR vr, byte[] value) {
        setValue(tag, vr, value);
    }

    public void setString(int tag, VR vr, String... strings) {
        if (strings == null || strings.length == 0) {
            setValue(tag, vr, EMPTY);
        } else if (strings.length == 1) {
            setValue(tag, vr, strings[0]);
        } else {
            setValue(tag, vr, strings.clone());
        }
    }

    /** Sets binary integers (US, SS, UL, SL, AT) or their string forms (IS). */
    public void setInt(int tag, VR vr, int... ints) {
        if (vr == VR.IS || vr == VR.DS) {
            String[] s = new String[ints.length];
            for (int k = 0; k < ints.length; k++) {
                s[k] = Integer.toString(ints[k]);
            }
            setString(tag, vr, s);
            return;
        }
        byte[] b = new byte[ints.length * vr.valueSize()];
        for (int k = 0; k < ints.length; k++) {
            Endianness.putInt(b, k * vr.valueSize(), ints[k], vr, bigEndian);
        }
        setValue(tag, vr, b);
    }

    public Sequence newSequence(int tag, int initialCapacity) {
        Sequence seq = new Sequence(this, initialCapacity);
        setValue(tag, VR.SQ, seq);
        return seq;
    }

    public Fragments newFragments(int tag, VR vr, int initialCapacity) {
        Fragments frags = new Fragments(vr, bigEndian, initialCapacity);
        setValue(tag, vr, frags);
        return frags;
    }

    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return old;
    }

    /** Copies all elements of {@code other} into this dataset (sequences are shared, not deep-copied). */
    public void addAll(Attributes other) {
        for (int i = 0; i < other.size; i++) {
            setValue(other.tags[i], other.vrs[i], other.values[i]);
        }
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int capacity = size * 2;
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    // ---- character set ----

    /** The Specific Character Set in force here: this dataset's own (0008,0005), else the enclosing one's. */
    public SpecificCharacterSet specificCharacterSet() {
        if (charset == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0) {
                charset = SpecificCharacterSet.valueOf(decodeStrings(i, SpecificCharacterSet.DEFAULT, false));
            } else {
                charset = parent != null ? parent.specificCharacterSet() : SpecificCharacterSet.DEFAULT;
            }
        }
        return charset;
    }

    // ---- strings ----

    /** First value, padding removed; {@code null} when absent or empty. */
    public String getString(int tag) {
        return getString(tag, null);
    }

    public String getString(int tag, String defaultValue) {
        String[] s = getStrings(tag);
        return s == null || s.length == 0 || s[0].isEmpty() ? defaultValue : s[0];
    }

    /**
     * All values, padding removed per VR; an empty array for an empty value, {@code null} when absent.
     * Binary numbers are given in their decimal string form.
     */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : stringsAt(i);
    }

    public String[] stringsAt(int index) {
        Object v = values[index];
        VR vr = vrs[index];
        if (v instanceof String s) {
            return new String[] {s};
        }
        if (v instanceof String[] s) {
            return s.clone();
        }
        if (v instanceof byte[] b) {
            if (b.length == 0) {
                return new String[0];
            }
            if (vr.isString()) {
                return decodeStrings(index, specificCharacterSet(), true);
            }
            if (vr == VR.UN && !Tag.isPrivate(tags[index])) {
                // A standard element sent as UN (PS3.5 §6.2.2) still has its dictionary VR's text form.
                VR known = ElementDictionary.vrOf(tags[index]);
                if (known.isString()) {
                    return decodeStrings(index, known, specificCharacterSet(), true);
                }
            }
            if (vr.kind() == VR.Kind.BINARY) {
                return BinaryValues.toStrings(b, vr, bigEndian);
            }
        }
        return new String[0];
    }

    private String[] decodeStrings(int index, SpecificCharacterSet cs, boolean useCharset) {
        return decodeStrings(index, vrs[index], cs, useCharset);
    }

    private String[] decodeStrings(int index, VR vr, SpecificCharacterSet cs, boolean useCharset) {
        Object v = values[index];
        if (v instanceof String s) {
            return new String[] {s};
        }
        if (v instanceof String[] s) {
            return s.clone();
        }
        byte[] b = (byte[]) v;
        SpecificCharacterSet decoder = useCharset && vr.usesSpecificCharacterSet() ? cs : SpecificCharacterSet.DEFAULT;
        if (!vr.isMultiValuedString()) {
            return new String[] {StringValues.trim(decoder.decode(b, 0, b.length, vr), vr)};
        }
        List<String> out = new ArrayList<>(2);
        int start = 0;
        for (int k = 0; k <= b.length; k++) {
            if (k == b.length || b[k] == '\\') {
                out.add(StringValues.trim(decoder.decode(b, start, k - start, vr), vr));
                start = k + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    // ---- numbers ----

    public int getInt(int tag, int defaultValue) {
        int i = indexOf(tag);
        if (i < 0) {
            return defaultValue;
        }
        Object v = values[i];
        VR vr = vrs[i];
        if (v instanceof byte[] b && vr.kind() == VR.Kind.BINARY) {
            return b.length >= vr.valueSize() ? (int) Endianness.getLong(b, 0, vr, bigEndian) : defaultValue;
        }
        String s = getString(tag);
        if (s == null) {
            return defaultValue;
        }
        try {
            return vr == VR.DS ? (int) Double.parseDouble(s) : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    public double getDouble(int tag, double defaultValue) {
        double[] d = getDoubles(tag);
        return d == null || d.length == 0 ? defaultValue : d[0];
    }

    /** All values as doubles; {@code null} when absent or not numeric. */
    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object v = values[i];
        VR vr = vrs[i];
        if (v instanceof byte[] b && (vr.kind() == VR.Kind.BINARY || vr == VR.OF || vr == VR.OD)) {
            int n = b.length / vr.valueSize();
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = Endianness.getDouble(b, k * vr.valueSize(), vr, bigEndian);
            }
            return d;
        }
        String[] s = stringsAt(i);
        double[] d = new double[s.length];
        try {
            for (int k = 0; k < s.length; k++) {
                d[k] = Double.parseDouble(s[k]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return d;
    }

    // ---- sequences ----

    public Sequence getSequence(int tag) {
        return getValue(tag) instanceof Sequence s ? s : null;
    }

    /** First item of a sequence, or {@code null}. */
    public Attributes getNestedDataset(int tag) {
        Sequence s = getSequence(tag);
        return s == null || s.isEmpty() ? null : s.get(0);
    }

    /** The value of the private creator that reserves the block of {@code tag}, or {@code null}. */
    public String privateCreatorOf(int tag) {
        return Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag) ? getString(Tag.privateCreatorOf(tag)) : null;
    }

    public static boolean isEmptyValue(Object v) {
        return v == null
                || (v instanceof byte[] b && b.length == 0)
                || (v instanceof String s && s.isEmpty())
                || (v instanceof String[] a && a.length == 0)
                || (v instanceof Sequence q && q.isEmpty());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(Tag.toString(tags[i])).append(' ').append(vrs[i]).append(' ');
            Object v = values[i];
            if (v instanceof Sequence s) {
                sb.append("SQ[").append(s.size()).append(" items]");
            } else if (v instanceof Fragments f) {
                sb.append("Fragments[").append(f.size()).append(']');
            } else if (v instanceof BulkData bd) {
                sb.append(bd);
            } else if (vrs[i].kind() == VR.Kind.BULK) {
                sb.append('#').append(((byte[]) v).length);
            } else {
                sb.append(String.join("\\", stringsAt(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
