package org.opendicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request body stream over a real Vert.x HTTP server on loopback: what a reader gets, how much it may queue,
 * and how a body that is too large, cut off or stalled ends.
 */
class RequestBodyStreamTest {
    private static final long LIMIT = 4L << 20;
    private static final long TIMEOUT_MS = 500;

    private static Vertx vertx;
    private static HttpServer server;
    private static int port;

    /** What the reader of the last request saw. */
    private static volatile CompletableFuture<Outcome> outcome;

    record Outcome(String sha256, long bytes, int mostQueued, IOException failure) {}

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/slow").handler(ctx -> readOnVirtualThread(ctx, true));
        router.post("/").handler(ctx -> readOnVirtualThread(ctx, false));
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void expectAnOutcome() {
        outcome = new CompletableFuture<>();
    }

    /** Like the STOW resource: the body is read on a virtual thread, and the answer follows the reading. */
    private static void readOnVirtualThread(RoutingContext ctx, boolean slow) {
        ctx.request().pause(); // as the framework hands requests over: nothing read yet
        CompletableFuture<Outcome> result = outcome;
        Thread.ofVirtual().start(() -> {
            MessageDigest sha = sha256();
            long bytes = 0;
            int mostQueued = 0;
            IOException failure = null;
            try (RequestBodyStream body = RequestBodyStream.open(ctx, LIMIT, TIMEOUT_MS)) {
                byte[] buf = new byte[16 * 1024];
                for (int n; (n = body.read(buf, 0, buf.length)) >= 0; ) {
                    sha.update(buf, 0, n);
                    bytes += n;
                    mostQueued = Math.max(mostQueued, body.available());
                    if (slow && bytes % (256 * 1024) < n) {
                        Thread.sleep(5);
                    }
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            result.complete(new Outcome(HexFormat.of().formatHex(sha.digest()), bytes, mostQueued, failure));
            int status = failure instanceof RequestBodyStream.TooLargeException ? 413 : failure != null ? 400 : 200;
            String answer = failure == null ? String.valueOf(bytes) : failure.getMessage();
            ctx.response().setStatusCode(status).end(answer);
        });
    }

    @Test
    void aLargeBodyArrivesWholeAndInOrder() throws Exception {
        byte[] body = randomBytes(3 << 20);
        HttpResponse<String> response = post("/", body, false);
        assertEquals(200, response.statusCode(), response.body());
        Outcome seen = outcome.get(10, TimeUnit.SECONDS);
        assertEquals(body.length, seen.bytes());
        assertEquals(sha256Hex(body), seen.sha256());
    }

    @Test
    void aSlowReaderPausesTheClientInsteadOfQueueingTheBody() throws Exception {
        byte[] body = randomBytes(3 << 20);
        HttpResponse<String> response = post("/slow", body, false);
        assertEquals(200, response.statusCode(), response.body());
        Outcome seen = outcome.get(20, TimeUnit.SECONDS);
        assertEquals(sha256Hex(body), seen.sha256());
        // The connection is paused above the high-water mark; a chunk already on its way may still land.
        assertTrue(
                seen.mostQueued() <= RequestBodyStream.HIGH_WATER + 64 * 1024,
                "queued " + seen.mostQueued() + " bytes");
    }

    @Test
    void aClientThatWaitsForContinueGetsIt() throws Exception {
        byte[] body = randomBytes(1 << 20);
        HttpResponse<String> response = post("/", body, true);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(sha256Hex(body), outcome.get(10, TimeUnit.SECONDS).sha256());
    }

    @Test
    void aBodyOverTheLimitFailsTheReadAndTheConnectionEndsWithTheAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = randomBytes(256 * 1024);
            for (long sent = 0; sent <= LIMIT; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            Outcome seen = outcome.get(10, TimeUnit.SECONDS);
            assertInstanceOf(RequestBodyStream.TooLargeException.class, seen.failure());
            String answer = readToEnd(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        }
    }

    @Test
    void aClientThatGoesAwayMidBodyIsAFailureNotAnEnd() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(randomBytes(300_000));
            out.flush();
        }
        Outcome seen = outcome.get(10, TimeUnit.SECONDS);
        assertNotNull(seen.failure(), "a body that stops short must not read as complete");
        // Every byte that arrived before the failure is read first (the reader's copy is whole up to it).
        assertEquals(300_000, seen.bytes());
    }

    @Test
    void aStalledUploadFailsAfterTheReadTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(randomBytes(100_000));
            out.flush();
            Outcome seen = outcome.get(10, TimeUnit.SECONDS);
            assertNotNull(seen.failure());
            assertTrue(
                    seen.failure().getMessage().contains("No request data received"),
                    seen.failure().getMessage());
            String answer = readToEnd(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
    }

    @Test
    void anEmptyBodyEndsAtOnce() throws Exception {
        HttpResponse<String> response = post("/", new byte[0], false);
        assertEquals(200, response.statusCode());
        assertEquals(0, outcome.get(10, TimeUnit.SECONDS).bytes());
    }

    @Test
    void singleByteReadsSeeTheSameBytes() throws Exception {
        byte[] body = randomBytes(100_000);
        AtomicInteger mismatch = new AtomicInteger(-1);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Router router = Router.router(vertx);
        router.post("/").handler(ctx -> {
            ctx.request().pause();
            Thread.ofVirtual().start(() -> {
                try (RequestBodyStream in = RequestBodyStream.open(ctx, 0, TIMEOUT_MS)) {
                    int i = 0;
                    for (int b; (b = in.read()) >= 0; i++) {
                        if (mismatch.get() < 0 && (i >= body.length || (byte) b != body[i])) {
                            mismatch.set(i);
                        }
                    }
                    if (i != body.length) {
                        mismatch.compareAndSet(-1, i);
                    }
                } catch (IOException e) {
                    done.completeExceptionally(e);
                }
                ctx.response().end();
                done.complete(null);
            });
        });
        HttpServer second = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        try {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.actualPort() + "/"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            done.get(10, TimeUnit.SECONDS);
            assertEquals(-1, mismatch.get(), "first differing byte");
        } finally {
            second.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> post(String path, byte[] body, boolean expectContinue) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .expectContinue(expectContinue)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        } catch (IOException reset) {
            // the server closed the connection: what came before is the answer
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String sha256Hex(byte[] b) {
        return HexFormat.of().formatHex(sha256().digest(b));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
