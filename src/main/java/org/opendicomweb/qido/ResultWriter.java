package org.opendicomweb.qido;

import java.io.IOException;
import org.opendicomweb.dicom.Attributes;

/** Writes query results in one representation while the rows are read. */
interface ResultWriter {

    /** One result: the index attributes and, when the template needs it, the representative's stored metadata. */
    void write(Attributes fromIndex, byte[] metadata, ResultTemplate template) throws IOException;

    /** Completes the body; only called when every result was written. */
    void finish() throws IOException;
}
