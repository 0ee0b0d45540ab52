package org.opendicomweb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/** Writes through to a channel and keeps the CRC-32C of exactly the bytes the channel took. */
final class ChecksummingChannel implements WritableByteChannel {
    private final WritableByteChannel target;
    private final CRC32C crc = new CRC32C();

    ChecksummingChannel(WritableByteChannel target) {
        this.target = target;
    }

    long crc32c() {
        return crc.getValue();
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ByteBuffer written = src.duplicate();
        int n = target.write(src);
        if (n > 0) {
            written.limit(written.position() + n);
            crc.update(written);
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return target.isOpen();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
