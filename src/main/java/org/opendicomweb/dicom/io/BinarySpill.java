package org.opendicomweb.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import org.opendicomweb.dicom.BulkData;

/**
 * Where a reader of DICOM JSON or XML puts an InlineBinary value too large to keep in memory (a whole image sent
 * inline): the bytes go to storage the caller chooses, and the value becomes a {@link BulkData} whose URI the
 * caller can resolve later. Without one, such readers decode InlineBinary into memory.
 */
public interface BinarySpill {

    /** Values up to this many decoded bytes stay in memory. */
    int IN_MEMORY_LIMIT = 64 * 1024;

    /** Room for one value's bytes. */
    Entry create() throws IOException;

    /** One value being written. */
    interface Entry {
        OutputStream output();

        /** All bytes are written: the reference that stands for them in the dataset. */
        BulkData finish() throws IOException;

        /** The value will not be used (the document failed): let go of the bytes. */
        void discard();
    }
}
