package org.opendicomweb.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.jboss.logging.Logger;

/**
 * A response body written while it is sent, which must never look complete when writing it failed: once the
 * status line and headers are out, a failure resets the stream (HTTP/2) or closes the connection before the
 * last chunk (HTTP/1.1), so the client sees a broken transfer instead of a short "200". A failure before
 * anything was sent still becomes an ordinary error response through {@link ErrorMapper}.
 */
public final class StreamingBody {
    private static final Logger LOG = Logger.getLogger(StreamingBody.class);
    private static final int BUFFER = 64 * 1024;
    private static final int WRITE_QUEUE = 4 * 1024 * 1024;

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
                OutputStream out = new BufferedOutputStream(target, BUFFER);
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
}
