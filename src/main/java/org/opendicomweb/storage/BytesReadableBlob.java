package org.opendicomweb.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/** A blob held in memory: a derived copy of a stored one (an inflated dataset), read like the original. */
public final class BytesReadableBlob implements ReadableBlob {
    private final byte[] bytes;
    private final int length;

    public BytesReadableBlob(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public void transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        check(offset, count);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, (int) offset, (int) count);
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
    }

    @Override
    public InputStream inputStream(long offset, long count) {
        check(offset, count);
        return new ByteArrayInputStream(bytes, (int) offset, (int) count);
    }

    @Override
    public Optional<FileChannel> fileChannel() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    private void check(long offset, long count) {
        if (offset < 0 || count < 0 || offset + count > length) {
            throw new IllegalArgumentException(
                    "Range " + offset + "+" + count + " outside a blob of " + length + " bytes");
        }
    }
}
