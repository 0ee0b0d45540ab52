package org.opendicomweb.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/**
 * A committed blob opened for reading, with random access so that single frames and byte ranges can be
 * served without reading what precedes them. Safe for concurrent reads of different ranges. Close it.
 */
public interface ReadableBlob extends Closeable {

    /** Total size in bytes. */
    long size();

    /**
     * Copies {@code length} bytes starting at {@code offset} to {@code target}, zero-copy where the platform
     * allows (a file channel to a socket).
     *
     * @throws IllegalArgumentException when the range does not lie within the blob
     */
    void transferTo(long offset, long length, WritableByteChannel target) throws IOException;

    /** A stream over {@code length} bytes starting at {@code offset}; independent of other streams. */
    InputStream inputStream(long offset, long length) throws IOException;

    /** The whole blob as a stream. */
    default InputStream inputStream() throws IOException {
        return inputStream(0, size());
    }

    /** The underlying file channel when the blob is a local file (read-only; do not move its position). */
    Optional<FileChannel> fileChannel();

    @Override
    void close() throws IOException;
}
