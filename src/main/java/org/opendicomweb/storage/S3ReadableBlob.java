package org.opendicomweb.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An object of an {@link S3BlobStore} opened for reading. Holds no connection: each range is one ranged GetObject,
 * streamed, on the version of the object seen at open (its ETag), so that a frame or a bulk data value costs what it
 * weighs and never the whole object.
 */
final class S3ReadableBlob implements ReadableBlob {
    private static final int TRANSFER_BUFFER = 64 * 1024;

    private final S3BlobStore store;
    private final String object;
    private final long size;
    private final String eTag;

    S3ReadableBlob(S3BlobStore store, String object, long size, String eTag) {
        this.store = store;
        this.object = object;
        this.size = size;
        this.eTag = eTag;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void transferTo(long offset, long length, WritableByteChannel target) throws IOException {
        checkRange(offset, length);
        byte[] buffer = new byte[(int) Math.min(TRANSFER_BUFFER, Math.max(1, length))];
        try (InputStream in = inputStream(offset, length)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    target.write(chunk);
                }
            }
        }
    }

    @Override
    public InputStream inputStream(long offset, long length) throws IOException {
        checkRange(offset, length);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            ResponseInputStream<GetObjectResponse> in = store.client()
                    .getObject(r ->
                            r.bucket(store.bucket()).key(object).range(range).ifMatch(eTag));
            return new RangeStream(in, length);
        } catch (SdkException e) {
            if (e instanceof S3Exception s && s.statusCode() == 412) {
                throw new IOException("The object " + object + " changed while it was being read", e);
            }
            throw store.failure("Reading " + range + " of", object, e);
        }
    }

    @Override
    public Optional<FileChannel> fileChannel() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // Every range closes its own response.
    }

    private void checkRange(long offset, long length) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new IllegalArgumentException(
                    "Range " + offset + "+" + length + " is outside a blob of " + size + " bytes");
        }
    }

    /**
     * One response's body: fails when it ends short of the range, and drops the connection when closed before the end
     * (the codec stops reading at the pixel data) rather than reading the rest of a large object to keep it.
     */
    private static final class RangeStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private long remaining;

        RangeStream(ResponseInputStream<GetObjectResponse> response, long length) {
            super(response);
            this.response = response;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("The object ended " + remaining + " bytes before the requested range");
            }
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() throws IOException {
            if (remaining > 0) {
                response.abort();
            }
            response.close();
        }
    }
}
