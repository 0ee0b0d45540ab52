package org.opendicomweb.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body as a blocking {@link InputStream} for a (virtual) worker thread, fed by the event loop.
 *
 * <p>Why not the framework's body stream: it asks the event loop for one more chunk (8 KiB) each time the reader
 * has used the last one, so every chunk costs two cross-thread wake-ups, a selector wake-up and a thread unpark,
 * the largest cost of receiving a STOW body (docs/architecture.md). Here the connection flows freely into a
 * bounded window: the event loop queues chunks, the reader is woken only when {@value #WAKE_BYTES} bytes wait (or
 * the body ends), and the connection is paused only while more than {@value #HIGH_WATER} bytes are unread, so a
 * slow reader (a full disk, a slow fsync) still pushes back on the client and memory stays bounded.
 */
public final class RequestBodyStream extends InputStream {
    /** Above this many unread bytes the connection is paused. */
    static final int HIGH_WATER = 1 << 20;
    /** Paused connections resume once the reader is down to this many. */
    static final int LOW_WATER = HIGH_WATER / 4;
    /** The reader is woken once this many bytes wait, or at the end of the body. */
    static final int WAKE_BYTES = 64 * 1024;

    /** The body is larger than the configured limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("The request body exceeds the limit of " + limit + " bytes (quarkus.http.limits.max-body-size)");
        }
    }

    private final RoutingContext routing;
    private final HttpServerRequest request;
    private final long limit;
    private final long timeoutMillis;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    // Guarded by lock.
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private long queued;
    private long received;
    private boolean paused;
    private boolean ended;
    private boolean readerWaiting;
    private boolean closed;
    private IOException failure;

    // The reader's own: the buffer being read and the position in it.
    private Buffer current;
    private int currentPos;

    /**
     * Starts receiving the body of the request, which must not have been read yet. {@code limit}: the most bytes
     * accepted (0: no limit); {@code timeoutMillis}: how long a read waits for the client before it fails.
     */
    public static RequestBodyStream open(RoutingContext routing, long limit, long timeoutMillis) {
        return new RequestBodyStream(routing, limit, timeoutMillis);
    }

    private RequestBodyStream(RoutingContext routing, long limit, long timeoutMillis) {
        this.routing = routing;
        this.request = routing.request();
        this.limit = limit;
        this.timeoutMillis = timeoutMillis;
        // Paused first, so no chunk and no end can arrive before every handler is in place.
        request.pause();
        if (request.isEnded()) {
            ended = true;
            return;
        }
        request.exceptionHandler(this::failed);
        request.endHandler(v -> ended());
        request.handler(this::arrived);
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // curl and other clients wait for this before sending a large body (RFC 9110 §10.1.1).
            request.response().writeContinue();
        }
        request.resume();
    }

    /** On the event loop: one chunk of the body. */
    private void arrived(Buffer chunk) {
        int n = chunk.length();
        if (n == 0) {
            return;
        }
        lock.lock();
        try {
            if (closed || failure != null) {
                return; // nobody reads it any more: drop it, so that the rest of the body drains
            }
            received += n;
            if (limit > 0 && received > limit) {
                failure = new TooLargeException(limit);
                abandon();
                readable.signal();
                return;
            }
            queue.add(chunk);
            queued += n;
            if (queued > HIGH_WATER && !paused) {
                paused = true;
                request.pause();
            }
            if (readerWaiting && queued >= WAKE_BYTES) {
                readable.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void ended() {
        lock.lock();
        try {
            ended = true;
            readable.signal();
        } finally {
            lock.unlock();
        }
    }

    private void failed(Throwable t) {
        lock.lock();
        try {
            if (failure == null) {
                failure = t instanceof IOException io
                        ? io
                        : new IOException("the request body could not be received: " + t.getMessage(), t);
            }
            readable.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The rest of the body will not be read: the connection ends with the answer (as the framework's own body
     * limit does), rather than draining gigabytes or leaving the client blocked in its upload.
     */
    private void abandon() {
        request.pause();
        routing.response().putHeader("Connection", "close");
        routing.addEndHandler(done -> request.connection().close());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null && !next(true)) {
            return -1;
        }
        int done = 0;
        while (done < len) {
            int k = Math.min(len - done, current.length() - currentPos);
            current.getBytes(currentPos, currentPos + k, b, off + done);
            currentPos += k;
            done += k;
            if (currentPos == current.length()) {
                current = null;
                // Go on with what is already queued, but do not wait for more: the caller has data to work on.
                if (done == len || !next(false)) {
                    break;
                }
            }
        }
        return done;
    }

    /**
     * Takes the next queued chunk into {@link #current}. {@code false}: the body has ended (when waiting), or
     * nothing is queued right now (when not). A failure is thrown only when waiting, once the queue is empty.
     */
    private boolean next(boolean wait) throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new IOException("The request body stream is closed");
            }
            if (wait) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                while (queue.isEmpty() && !ended && failure == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        failure = new IOException("No request data received for " + timeoutMillis + " ms");
                        abandon();
                        break;
                    }
                    readerWaiting = true;
                    try {
                        readable.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading the request body");
                    } finally {
                        readerWaiting = false;
                    }
                }
            }
            Buffer chunk = queue.poll();
            if (chunk == null) {
                // Not when only topping up a read: the bytes it already copied go to the caller first.
                if (wait && failure != null) {
                    throw failure;
                }
                return false;
            }
            queued -= chunk.length();
            if (paused && queued <= LOW_WATER && failure == null) {
                paused = false;
                request.resume();
            }
            current = chunk;
            currentPos = 0;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The exception that ended reading because the body outgrew its limit, or {@code null}. */
    public TooLargeException limitExceeded() {
        lock.lock();
        try {
            return failure instanceof TooLargeException tooLarge ? tooLarge : null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, queued + (current == null ? 0 : current.length() - currentPos));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops reading: what is queued is dropped, and what still arrives is discarded as it comes, so the
     * connection can carry the response and the next request.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            queued = 0;
            current = null;
            if (paused && failure == null) {
                paused = false;
                request.resume();
            }
        } finally {
            lock.unlock();
        }
    }
}
