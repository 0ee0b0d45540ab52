package org.opendicomweb.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.jboss.logging.Logger;

/**
 * A response body written while it is sent, which must never look complete when writing it failed: once the
 * status line and headers are out, a failure resets the stream (HTTP/2) or closes the connection before the
 * last chunk (HTTP/1.1), so the client sees a broken transfer instead of a short "200". A failure before
 * anything was sent still becomes an ordinary error response through {@link ErrorMapper}.
 *
 * <p>Stored files go into the body through {@link #transfer}: on a plain HTTP/1.x connection as file regions
 * ({@link FileRegionWriter}), never read into the heap.
 */
public final class StreamingBody {
    private static final Logger LOG = Logger.getLogger(StreamingBody.class);
    private static final int BUFFER = 64 * 1024;
    private static final int WRITE_QUEUE = 4 * 1024 * 1024;
    /** Smaller ranges are copied: for them a file region's round trip through the event loop costs more. */
    private static final int MIN_REGION = BUFFER;
    /** Read size when a file range is copied. */
    private static final int COPY_BUFFER = 256 * 1024;

    /** Writes the body to a buffered stream; flushing and closing are taken care of. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private StreamingBody() {}

    /** A response broken off after its head was sent; logged where it was broken off, so not again. */
    public static final class AbortedException extends RuntimeException {
        AbortedException(String what, Throwable cause) {
            super("The response of " + what + " was aborted: " + cause.getMessage(), cause);
        }
    }

    public static StreamingOutput of(HttpServerRequest request, String what, Writer writer) {
        // Block for the client only when a few MiB are queued, not at every 64 KiB (Netty's default mark):
        // each wait is a round trip through the event loop.
        request.response().setWriteQueueMaxSize(WRITE_QUEUE);
        return target -> {
            try {
                Output out = new Output(target, request);
                writer.write(out);
                out.flush();
            } catch (IOException | RuntimeException e) {
                if (request.response().headWritten()) {
                    LOG.warnf("Aborting the response of %s after a failure while sending it: %s", what, e.toString());
                    request.response().reset();
                    throw new AbortedException(what, e);
                }
                throw e;
            }
        };
    }

    /**
     * Writes {@code length} bytes of {@code file} from {@code offset} to {@code out}: as a file region when
     * {@code out} is a response body whose connection can take one, else copied through positional reads (the
     * channel's position is left alone).
     */
    public static void transfer(FileChannel file, long offset, long length, OutputStream out) throws IOException {
        long end = offset + length;
        if (out instanceof Output body && body.regions != null && length >= MIN_REGION) {
            // A region must follow the response head; when nothing was written yet, the head goes out with the
            // first bytes of the file.
            long copied = body.headWritten() ? offset : copy(file, offset, Math.min(end, offset + BUFFER), body);
            if (body.headWritten()) {
                body.regions.send(file, copied, end - copied);
                return;
            }
            offset = copied;
        }
        copy(file, offset, end, out);
    }

    /** Copies {@code [from, to)} of the file through positional reads; answers {@code to}. */
    private static long copy(FileChannel file, long from, long to, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(COPY_BUFFER, Math.max(1, to - from)));
        for (long position = from; position < to; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), to - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("The file ends at " + position + ", before " + to);
            }
            out.write(buffer.array(), 0, n);
            position += n;
        }
        return to;
    }

    /** The body stream a writer gets: buffered, and able to hand file ranges to the connection. */
    private static final class Output extends OutputStream {
        private final OutputStream target;
        private final HttpServerRequest request;
        private final FileRegionWriter regions;
        private final byte[] buffer = new byte[BUFFER];
        private int count;

        Output(OutputStream target, HttpServerRequest request) {
            this.target = target;
            this.request = request;
            this.regions = FileRegionWriter.of(request);
        }

        /** Flushes what is buffered; whether the response head is out, as it is once any byte was flushed. */
        boolean headWritten() throws IOException {
            flush();
            return request.response().headWritten();
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                drain();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= buffer.length) {
                drain();
                target.write(b, off, len);
                return;
            }
            if (len > buffer.length - count) {
                drain();
            }
            System.arraycopy(b, off, buffer, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            drain();
            target.flush();
        }

        private void drain() throws IOException {
            if (count > 0) {
                target.write(buffer, 0, count);
                count = 0;
            }
        }
    }
}
