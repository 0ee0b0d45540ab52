package org.opendicomweb.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import org.opendicomweb.dicom.BulkData;

/** Opens the bytes a {@link BulkData} reference points at, so a writer can stream them out. */
@FunctionalInterface
public interface BulkDataSource {
    InputStream open(BulkData bulkData) throws IOException;
}
