package org.opendicomweb.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.WritableByteChannel;

/**
 * Bytes being written, not yet visible under any key. Obtained from {@link BlobStore#stage()}; finished by
 * {@link BlobStore#commit} or {@link BlobStore#discard}. Closing it without a commit discards it, so
 * try-with-resources never leaves staged data behind. Not thread-safe: one writer at a time.
 */
public interface StagedBlob extends Closeable {

    /** A stream over the staged bytes; unbuffered, so wrap small writes in a BufferedOutputStream. */
    OutputStream outputStream();

    /** The same bytes as a channel, for {@code transferFrom}-style copies. */
    WritableByteChannel channel();

    /** Bytes written so far. */
    long size() throws IOException;

    /**
     * The CRC-32C of the bytes written so far, computed as they were written (see {@link Crc32c}): the checksum the
     * index keeps and an object store is sent, so that no one reads the bytes again to compute it.
     */
    long crc32c();

    /**
     * The bytes written so far, from the first, for comparing them with a stored blob once writing is done. An
     * object store may have to finish its upload to the staging place to read them back; nothing becomes visible
     * under a key by it.
     */
    InputStream inputStream() throws IOException;

    /** Discards the bytes unless they were committed. */
    @Override
    void close();
}
