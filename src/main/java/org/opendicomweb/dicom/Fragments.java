package org.opendicomweb.dicom;

import java.io.IOException;
import java.util.ArrayList;

/**
 * Encapsulated pixel data (PS3.5 §A.4): item 0 is the Basic Offset Table (possibly empty), the others the
 * compressed fragments. Each element is a {@code byte[]}, a {@link BulkData} reference or a {@link Deferred}
 * fragment that is made only when it is written.
 */
public final class Fragments extends ArrayList<Object> {
    private final VR vr;
    private final boolean bigEndian;

    public Fragments(VR vr, boolean bigEndian, int initialCapacity) {
        super(initialCapacity);
        this.vr = vr;
        this.bigEndian = bigEndian;
    }

    /**
     * A fragment made when it is written, such as a frame compressed on its way out: a writer asks for it once, when
     * it reaches it, so only one such fragment is in memory at a time.
     */
    @FunctionalInterface
    public interface Deferred {
        byte[] bytes() throws IOException;
    }

    public VR vr() {
        return vr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** Length of fragment {@code i} in bytes; -1 for a {@link Deferred} one, which is known only once it is made. */
    public long lengthOf(int i) {
        Object item = get(i);
        if (item instanceof Deferred) {
            return -1;
        }
        return item instanceof byte[] b ? b.length : ((BulkData) item).length();
    }
}
