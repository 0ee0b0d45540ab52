package org.opendicomweb.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Bytes kept only while one request is handled, e.g. a STOW-RS bulk data part waiting for the metadata that
 * names it: written once, then read back as often as needed, and deleted on {@link #close()}. Obtained from
 * {@link BlobStore#temporary()}; it lives where staged blobs live, so a crash leaves nothing that start-up does
 * not remove. Not thread-safe while being written.
 */
public interface TemporaryBlob extends Closeable {

    /** Where to write the bytes; unbuffered, so wrap small writes in a BufferedOutputStream. */
    OutputStream outputStream();

    /** Bytes written so far. */
    long size() throws IOException;

    /** A new stream over all bytes written, from the first; independent of other streams. */
    InputStream inputStream() throws IOException;

    /** Deletes the bytes; safe to call twice. */
    @Override
    void close();
}
