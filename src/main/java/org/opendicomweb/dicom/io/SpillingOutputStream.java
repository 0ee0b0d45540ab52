package org.opendicomweb.dicom.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.opendicomweb.dicom.BulkData;

/**
 * Collects one decoded value in memory up to {@link BinarySpill#IN_MEMORY_LIMIT} bytes, and moves it to a
 * {@link BinarySpill} entry once it grows beyond, so memory stays bounded whatever the value's size. {@link #value()}
 * is then a {@code byte[]} or a {@link BulkData}.
 */
public final class SpillingOutputStream extends OutputStream {
    private final BinarySpill spill;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(4096);
    private BinarySpill.Entry entry;
    private OutputStream target;

    public SpillingOutputStream(BinarySpill spill) {
        this.spill = spill;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (entry == null && memory.size() + len > BinarySpill.IN_MEMORY_LIMIT) {
            entry = spill.create();
            target = entry.output();
            memory.writeTo(target);
            memory = null;
        }
        if (entry != null) {
            target.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    /** The value: its bytes, or the reference to where they were spilled. Call once, after the last write. */
    public Object value() throws IOException {
        return entry == null ? memory.toByteArray() : entry.finish();
    }

    /** Lets go of spilled bytes when the value will not be used. */
    public void discard() {
        if (entry != null) {
            entry.discard();
        }
    }
}
