package org.opendicomweb.web;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.jboss.logging.Logger;

/**
 * A whole response of known length that is one stored file between a head and a tail of a few bytes each (a
 * single-part multipart body): sent with Content-Length, the file as one file region, so the kernel copies all of
 * it from the page cache to the socket and nothing of it passes through the heap.
 *
 * <p>For routes outside the REST layer, on connections where {@link FileRegionWriter} can be used; the caller asks
 * {@link #possible} first. The whole response is written in one task on the request's event loop and nobody waits
 * for it: a write from another thread is a hand-over to the event loop each, and waiting for the socket parks the
 * caller for longer than the rest of the request takes.
 */
public final class SizedFileResponse {
    private static final Logger LOG = Logger.getLogger(SizedFileResponse.class);

    private SizedFileResponse() {}

    /** Whether this request's connection takes file regions (plain HTTP/1.x). */
    public static boolean possible(HttpServerRequest request) {
        return FileRegionWriter.of(request) != null;
    }

    /**
     * Sends status 200 with {@code contentType}, {@code head}, {@code length} bytes of {@code file} from
     * {@code offset}, and {@code tail}, on {@code context} (the request's: at once when called on it), and closes {@code owner} of the file once the socket took
     * it or sending failed. A failure once the head is out closes the connection, so the client never takes a short
     * body for a whole one; it is logged here, naming {@code what}.
     */
    public static void send(
            Context context,
            HttpServerRequest request,
            String contentType,
            byte[] head,
            FileChannel file,
            long offset,
            long length,
            byte[] tail,
            Closeable owner,
            String what) {
        FileRegionWriter regions = FileRegionWriter.of(request);
        if (regions == null) {
            throw new IllegalStateException("File regions cannot be used on this connection");
        }
        Runnable sending = () -> {
            HttpServerResponse response = request.response();
            boolean started = false;
            try {
                response.putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                        .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(head.length + length + tail.length))
                        // The HTTP layer may compress responses; a file region would pass its compressor untouched.
                        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
                started = true;
                response.write(Buffer.buffer(head));
                regions.queue(file, offset, length, failure -> {
                    close(owner, what);
                    if (failure == null) {
                        response.end(Buffer.buffer(tail));
                    } else {
                        LOG.warnf("Aborting the response of %s after a failure while sending it: %s", what, failure);
                        request.connection().close();
                    }
                });
            } catch (RuntimeException e) {
                close(owner, what);
                if (started) { // a sized body cut short must not look whole
                    LOG.warnf("Aborting the response of %s after a failure while sending it: %s", what, e);
                    request.connection().close();
                } else {
                    LOG.debugf("The response of %s was not sent (the client went away): %s", what, e);
                }
            }
        };
        // Inline only on the context's own event loop: a virtual thread may run with the context as its current one.
        if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
            sending.run();
        } else {
            context.runOnContext(v -> sending.run());
        }
    }

    private static void close(Closeable owner, String what) {
        try {
            owner.close();
        } catch (IOException e) {
            LOG.warnf("Could not close the file of %s: %s", what, e.getMessage());
        }
    }
}
