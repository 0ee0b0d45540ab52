package org.opendicomweb.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.jboss.logging.Logger;

/**
 * A whole response of known length that is one stored file between a head and a tail of a few bytes each (a
 * single-part multipart body): sent with Content-Length, the file as one file region, so the kernel copies all of
 * it from the page cache to the socket and nothing of it passes through the heap.
 *
 * <p>For routes outside the REST layer, on connections where {@link FileRegionWriter} can be used; the caller asks
 * {@link #possible} first. Called off the event loop: every write goes through the connection's own write queue, in
 * order.
 */
public final class SizedFileResponse {
    private static final Logger LOG = Logger.getLogger(SizedFileResponse.class);

    private SizedFileResponse() {}

    /** Whether this request's connection takes file regions (plain HTTP/1.x). */
    public static boolean possible(HttpServerRequest request) {
        return FileRegionWriter.of(request) != null;
    }

    /**
     * Sends status 200 with {@code contentType}, {@code head}, {@code length} bytes of {@code file} from its start,
     * and {@code tail}. A failure once the head is out resets the connection, so the client never takes a short body
     * for a whole one; it is logged here, naming {@code what}.
     */
    public static void send(HttpServerRequest request, String contentType, byte[] head, FileChannel file, long length,
            byte[] tail, String what) {
        FileRegionWriter regions = FileRegionWriter.of(request);
        if (regions == null) {
            throw new IllegalStateException("File regions cannot be used on this connection");
        }
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(head.length + length + tail.length))
                // The HTTP layer may compress responses; a file region would pass its compressor untouched.
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        response.write(Buffer.buffer(head));
        try {
            regions.send(file, 0, length);
        } catch (IOException e) {
            LOG.warnf("Aborting the response of %s after a failure while sending it: %s", what, e.toString());
            response.reset();
            return;
        }
        response.end(Buffer.buffer(tail));
    }
}
