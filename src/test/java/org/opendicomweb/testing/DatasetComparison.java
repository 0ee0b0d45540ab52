package org.opendicomweb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BulkDataSource;

/**
 * Element-by-element comparison of two datasets as read, whatever byte order each was encoded in: same tags, same
 * VRs, same values, bulk data and fragments compared by their bytes (fetched through each side's
 * {@link BulkDataSource}). Values are compared in little endian, padded to even length, since a writer must pad
 * odd values (PS3.5 §7.1.1) and may change byte order. Group length elements are ignored: they are retired and
 * writers drop them.
 */
public final class DatasetComparison {
    private final BulkDataSource leftSource;
    private final BulkDataSource rightSource;
    private final List<String> differences = new ArrayList<>();
    /** A value too long for a 16-bit length may be written as UN (PS3.5 §6.2.2); that is not a difference. */
    private boolean allowUnForLongValues = true;

    public DatasetComparison(BulkDataSource leftSource, BulkDataSource rightSource) {
        this.leftSource = leftSource;
        this.rightSource = rightSource;
    }

    /** The differences, one line each naming the path to the element; empty when the datasets agree. */
    public static List<String> compare(
            Attributes left, BulkDataSource leftSource, Attributes right, BulkDataSource rightSource) {
        DatasetComparison c = new DatasetComparison(leftSource, rightSource);
        c.compare("", left, right);
        return c.differences;
    }

    private void compare(String path, Attributes a, Attributes b) {
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && Tag.isGroupLength(a.tagAt(i))) {
                i++;
                continue;
            }
            if (j < b.size() && Tag.isGroupLength(b.tagAt(j))) {
                j++;
                continue;
            }
            int ta = i < a.size() ? a.tagAt(i) : -1;
            int tb = j < b.size() ? b.tagAt(j) : -1;
            if (j >= b.size() || (i < a.size() && Integer.compareUnsigned(ta, tb) < 0)) {
                differences.add(path + Tag.toString(ta) + " only on the left");
                i++;
            } else if (i >= a.size() || Integer.compareUnsigned(tb, ta) < 0) {
                differences.add(path + Tag.toString(tb) + " only on the right");
                j++;
            } else {
                compareElement(path + Tag.toString(ta), a, i, b, j);
                i++;
                j++;
            }
        }
    }

    private void compareElement(String path, Attributes a, int i, Attributes b, int j) {
        VR va = a.vrAt(i);
        VR vb = b.vrAt(j);
        Object x = a.valueAt(i);
        Object y = b.valueAt(j);
        if (va != vb && !(allowUnForLongValues && vb == VR.UN && !va.longHeader() && length(x) > 0xFFFF)) {
            differences.add(path + " VR " + va + " vs " + vb);
            return;
        }
        if (x instanceof Sequence sx || y instanceof Sequence) {
            if (!(x instanceof Sequence s1) || !(y instanceof Sequence s2)) {
                differences.add(path + " sequence on one side only");
                return;
            }
            if (s1.size() != s2.size()) {
                differences.add(path + " " + s1.size() + " vs " + s2.size() + " items");
                return;
            }
            for (int k = 0; k < s1.size(); k++) {
                compare(path + "[" + k + "]", s1.get(k), s2.get(k));
            }
            return;
        }
        if (x instanceof Fragments || y instanceof Fragments) {
            if (!(x instanceof Fragments f1) || !(y instanceof Fragments f2)) {
                differences.add(path + " fragments on one side only");
                return;
            }
            if (f1.size() != f2.size()) {
                differences.add(path + " " + f1.size() + " vs " + f2.size() + " fragments");
                return;
            }
            for (int k = 0; k < f1.size(); k++) {
                byte[] p = padded(fragmentBytes(f1.get(k), leftSource), 0);
                byte[] q = padded(fragmentBytes(f2.get(k), rightSource), 0);
                if (!Arrays.equals(p, q)) {
                    differences.add(path + " fragment " + k + " differs (" + p.length + " vs " + q.length + " bytes)");
                }
            }
            return;
        }
        byte[] p = canonical(x, va, a.bigEndian(), leftSource);
        byte[] q = canonical(y, va, b.bigEndian(), rightSource);
        if (!Arrays.equals(p, q)) {
            differences.add(path + " " + va + " value " + show(p) + " vs " + show(q));
        }
    }

    private static long length(Object v) {
        if (v instanceof byte[] b) {
            return b.length;
        }
        if (v instanceof BulkData bd) {
            return bd.length();
        }
        return 0;
    }

    /** The value's bytes in little endian, padded to even length with the VR's padding byte. */
    private static byte[] canonical(Object v, VR vr, boolean bigEndian, BulkDataSource source) {
        byte[] b;
        boolean be = bigEndian;
        if (v instanceof byte[] bytes) {
            b = bytes.clone();
        } else if (v instanceof BulkData bd) {
            b = read(bd, source);
            be = bd.bigEndian();
        } else {
            throw new IllegalArgumentException("unexpected value " + v);
        }
        if (be && vr.isSwapped()) {
            Endianness.swap(b, 0, b.length, Endianness.swapWidth(vr));
        }
        return padded(b, vr.paddingByte());
    }

    private static byte[] fragmentBytes(Object fragment, BulkDataSource source) {
        return fragment instanceof byte[] b ? b : read((BulkData) fragment, source);
    }

    private static byte[] padded(byte[] b, int pad) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] c = Arrays.copyOf(b, b.length + 1);
        c[b.length] = (byte) pad;
        return c;
    }

    private static byte[] read(BulkData bd, BulkDataSource source) {
        try (InputStream in = source.open(bd)) {
            byte[] b = in.readNBytes((int) bd.length());
            if (b.length != bd.length()) {
                throw new IOException("bulk data ends early: " + bd);
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String show(byte[] b) {
        String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, 24));
        return "[" + b.length + "] " + hex + (b.length > 24 ? "..." : "");
    }
}
