package org.opendicomweb.storage;

import java.io.Closeable;
import java.io.IOException;
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

    /** Discards the bytes unless they were committed. */
    @Override
    void close();
}
