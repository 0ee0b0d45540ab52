package org.opendicomweb.fhir;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A response body written from a virtual thread while it is sent: chunks of {@value #CHUNK} bytes go to the
 * connection as they fill, and the writer waits while the connection's queue is full, so that a page of large
 * studies never sits in memory whole and a slow client slows the writer rather than filling the heap.
 */
final class ResponseStream extends OutputStream {
    private static final int CHUNK = 64 * 1024;
    private static final int WRITE_QUEUE = 1024 * 1024;

    private final HttpServerResponse response;
    private final Context context;
    private final byte[] buffer = new byte[CHUNK];
    private int count;
    private volatile boolean closed;

    /** Before anything is written: the status and headers must be set on {@code response} already. */
    ResponseStream(HttpServerResponse response, Context context) {
        this.response = response;
        this.context = context;
        response.setChunked(true);
        response.setWriteQueueMaxSize(WRITE_QUEUE);
        response.closeHandler(v -> closed = true);
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            send();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                send();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Sends what is left and ends the response. Not {@link #close()}: a writer that fails must leave the response
     * unfinished, to be broken off, never ended as if it were complete.
     */
    void finish() throws IOException {
        if (closed) {
            throw new IOException("The client closed the connection");
        }
        Buffer last = Buffer.buffer(count);
        last.appendBytes(buffer, 0, count);
        count = 0;
        response.end(last);
    }

    private void send() throws IOException {
        if (closed) {
            throw new IOException("The client closed the connection");
        }
        Buffer chunk = Buffer.buffer(count);
        chunk.appendBytes(buffer, 0, count);
        count = 0;
        response.write(chunk);
        if (response.writeQueueFull()) {
            awaitDrain();
        }
    }

    /** Waits until the queue drains; the check and the handler are set on the event loop, so no drain is missed. */
    private void awaitDrain() throws IOException {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (closed || !response.writeQueueFull()) {
                drained.complete(null);
            } else {
                response.drainHandler(d -> drained.complete(null));
                response.closeHandler(c -> {
                    closed = true;
                    drained.complete(null);
                });
            }
        });
        try {
            drained.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the client was slow to read");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (closed) {
            throw new IOException("The client closed the connection");
        }
    }
}
