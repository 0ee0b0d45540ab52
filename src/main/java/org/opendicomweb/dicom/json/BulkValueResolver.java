package org.opendicomweb.dicom.json;

import java.io.IOException;
import java.io.InputStream;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BulkDataSource;

/**
 * The rules, shared by the JSON and XML writers, for how a binary value (OB, OD, OF, OL, OV, OW, UN) or a
 * {@link BulkData} reference is written:
 * <ol>
 * <li>If a {@link BulkDataPolicy} is set and answers a URI, the value is written as that URI.</li>
 * <li>Otherwise a reference that came with a URI (from a JSON/XML document) keeps its URI.</li>
 * <li>Pixel data ((7FE0,0008), (7FE0,0009), (7FE0,0010)) is never inlined when a policy is set, and
 *     encapsulated pixel data ({@link Fragments}) is never inlined at all: without a URI the attribute is
 *     written with its VR only.</li>
 * <li>Values in memory are inlined; a reference into a file is inlined by reading it from the
 *     {@link BulkDataSource} when one is set, and is an {@link IllegalStateException} otherwise (a dataset
 *     read with bulk data left in its file needs either a policy or a source).</li>
 * </ol>
 * Inline values are little endian whatever the byte order of the dataset (PS3.18 §F.2.7, PS3.19 §A.1.5).
 */
public final class BulkValueResolver {
    /** What to write: {@link #uri} when not null, else {@link #bytes} (little endian) when not null, else nothing. */
    public static final class Resolved {
        public String uri;
        public byte[] bytes;
    }

    private final BulkDataPolicy policy;
    private final BulkDataSource source;

    public BulkValueResolver(BulkDataPolicy policy, BulkDataSource source) {
        this.policy = policy;
        this.source = source;
    }

    public BulkDataPolicy policy() {
        return policy;
    }

    public BulkDataSource source() {
        return source;
    }

    /** Fills {@code out} for the value of a binary VR or a {@link BulkData} reference of any VR. */
    public void resolve(Attributes ds, int tag, VR vr, Object value, TagPath path, Resolved out) throws IOException {
        out.uri = null;
        out.bytes = null;
        if (policy != null) {
            out.uri = policy.uriFor(ds, tag, vr, value, path);
            if (out.uri != null) {
                return;
            }
        }
        if (value instanceof BulkData bd && bd.uri() != null) {
            out.uri = bd.uri();
            return;
        }
        if (value instanceof Fragments || (policy != null && isPixelData(tag))) {
            return;
        }
        if (value instanceof byte[] b) {
            out.bytes = ds.bigEndian() && vr.isSwapped() ? swapped(b, vr) : b;
        } else if (value instanceof BulkData bd) {
            if (source == null) {
                throw new IllegalStateException("Bulk data of " + Tag.toString(tag) + " at offset " + bd.offset()
                        + " has no URI, and no bulk data source was given to read it");
            }
            if (bd.length() > Integer.MAX_VALUE - 16) {
                throw new IOException(
                        "Bulk data of " + Tag.toString(tag) + " too large to write inline: " + bd.length());
            }
            byte[] b;
            try (InputStream in = source.open(bd)) {
                b = in.readNBytes((int) bd.length());
            }
            if (b.length != bd.length()) {
                throw new IOException("Bulk data of " + Tag.toString(tag) + " ends after " + b.length + " of "
                        + bd.length() + " bytes");
            }
            if (bd.bigEndian() && vr.isSwapped()) {
                Endianness.swap(b, 0, b.length, Endianness.swapWidth(vr));
            }
            out.bytes = b;
        }
    }

    private static byte[] swapped(byte[] b, VR vr) {
        byte[] c = b.clone();
        Endianness.swap(c, 0, c.length, Endianness.swapWidth(vr));
        return c;
    }

    public static boolean isPixelData(int tag) {
        return tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData;
    }

    /** Length in bytes of a binary value as held; -1 for encapsulated or unknown lengths. */
    public static long lengthOf(Object value) {
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof BulkData bd) {
            return bd.length();
        }
        return -1;
    }
}
