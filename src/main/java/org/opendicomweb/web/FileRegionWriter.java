package org.opendicomweb.web;

import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultFileRegion;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Sends ranges of stored files into a chunked HTTP/1.x response as Netty file regions: the kernel copies them from
 * the page cache to the socket (sendfile), where the byte-stream path reads each file into the heap, copies it into
 * a response buffer and once more into a direct buffer for the socket.
 *
 * <p>The framework's public response API can send a file only as a whole response. A DICOMweb multipart body frames
 * every file with part headers, so each region is handed to the connection's own write queue, the queue the
 * response's other writes take, which keeps them in order; the HTTP encoder then frames it as one chunk.
 *
 * <p>Only where that is sound: HTTP/1.x without TLS or traffic shaping, on a transport that has file regions (the
 * conditions the framework's own sendFile checks), and only in bodies the framework does not compress, since a
 * region passes the compressor untouched. The multipart types are not among {@code quarkus.http.compress-media-types}
 * and the endpoints that send files do not carry {@code @Compressed}.
 */
final class FileRegionWriter {
    /** Bytes handed to the kernel as file regions since start, for the metrics (ResponseMetrics). */
    static final LongAdder BYTES_SENT = new LongAdder();

    private final ConnectionBase connection;

    private FileRegionWriter(ConnectionBase connection) {
        this.connection = connection;
    }

    /** A writer for this request's connection, or {@code null} when file regions cannot be used on it. */
    static FileRegionWriter of(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return null;
        }
        // The connection's own TLS state: behind a TLS-terminating proxy the request reports the forwarded scheme,
        // while the bytes cross plain TCP, where regions are sound.
        HttpConnection c = request.connection();
        if (!(c instanceof ConnectionBase base)
                || c.isSsl()
                || base.isTrafficShaped()
                || !base.getContext().owner().transport().supportFileRegion()) {
            return null;
        }
        return new FileRegionWriter(base);
    }

    /**
     * Queues {@code length} bytes of {@code file} from {@code offset} and waits until the socket took them, so the
     * caller may close the file afterwards. Everything written to the response before must have been flushed to
     * the connection; the response head must be out.
     */
    void send(FileChannel file, long offset, long length) throws IOException {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        queue(file, offset, length, failure -> {
            if (failure == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(failure);
            }
        });
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while sending a file");
        } catch (ExecutionException e) {
            throw new IOException("Sending a file to the client failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Queues {@code length} bytes of {@code file} from {@code offset} behind what was written to the response
     * before; {@code done} gets {@code null}, or the failure, on the event loop once the socket took them. The file
     * must stay open until then.
     */
    void queue(FileChannel file, long offset, long length, Consumer<Throwable> done) {
        ChannelPromise promise = connection.channelHandlerContext().newPromise();
        promise.addListener(f -> {
            if (f.isSuccess()) {
                BYTES_SENT.add(length);
            }
            done.accept(f.isSuccess() ? null : f.cause());
        });
        connection.writeToChannel(new BorrowedFileRegion(file, offset, length), promise);
    }

    /** A region over a channel its caller owns: releasing the region must not close the file. */
    private static final class BorrowedFileRegion extends DefaultFileRegion {
        BorrowedFileRegion(FileChannel file, long position, long count) {
            super(file, position, count);
        }

        @Override
        protected void deallocate() {
            // The caller closes the channel once the region was sent.
        }
    }
}
