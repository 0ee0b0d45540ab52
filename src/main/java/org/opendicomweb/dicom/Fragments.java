package org.opendicomweb.dicom;

import java.util.ArrayList;

/**
 * Encapsulated pixel data (PS3.5 §A.4): item 0 is the Basic Offset Table (possibly empty), the others the
 * compressed fragments. Each element is a {@code byte[]} or a {@link BulkData} reference.
 */
public final class Fragments extends ArrayList<Object> {
    private final VR vr;
    private final boolean bigEndian;

    public Fragments(VR vr, boolean bigEndian, int initialCapacity) {
        super(initialCapacity);
        this.vr = vr;
        this.bigEndian = bigEndian;
    }

    public VR vr() {
        return vr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** Length of fragment {@code i} in bytes. */
    public long lengthOf(int i) {
        Object item = get(i);
        return item instanceof byte[] b ? b.length : ((BulkData) item).length();
    }
}
