package org.opendicomweb.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.LocalS3;
import org.opendicomweb.testing.Nginx;
import org.opendicomweb.testing.PackagedServer;
import org.opendicomweb.testing.StowBody;
import org.opentest4j.TestAbortedException;

/**
 * Two packaged server nodes behind nginx, as the server is scaled out: one S3 bucket (S3Proxy on loopback over its
 * filesystem backend), one PostgreSQL index (a scratch schema of the 'test' database on 127.0.0.1:5432), nginx
 * balancing round-robin over both and passing a request that a dead node cannot take to the other
 * ({@code proxy_next_upstream error timeout}).
 *
 * <p>What one node stores the other serves at once, directly and through the balancer; what one node replaces or
 * deletes the other does not serve once that is acknowledged. Then node A is killed with SIGKILL while clients
 * store and read through nginx: B keeps serving; every instance acknowledged (a 200 listing it in the Referenced
 * SOP Sequence) is retrievable from B with the bytes sent; whatever B lists is whole (an instance whose request the
 * kill cut off is there with the bytes sent, or not listed at all); and once A is started again (on its port, so
 * nginx takes it back, and with {@code orphan-grace=0S}, as nothing is in flight then), A serves the same, and its
 * start-up sweeps have left no multipart upload open, no staging object and no object without its index row. A
 * request that was on A at the instant of the kill may fail unanswered or with nginx's 502: nginx passes a POST it
 * has already sent to no other node, as the node may have stored it. Every request sent after the kill must
 * succeed.
 *
 * <p>PostgreSQL only: two processes cannot share one embedded H2 database. Each node has its own storage path, so
 * its own audit file and its own local temporary files. Load: system properties {@code cluster.writers} (3),
 * {@code cluster.readers} (2), {@code cluster.seconds-before-kill} (4) and {@code cluster.seconds-after-kill} (4).
 */
class NodesBehindNginxIT {
    private static final String POSTGRESQL =
            System.getProperty("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("test.postgresql.user", "postgres");
    private static final int WRITERS = Integer.getInteger("cluster.writers", 3);
    private static final int READERS = Integer.getInteger("cluster.readers", 2);
    private static final double BEFORE_KILL =
            Double.parseDouble(System.getProperty("cluster.seconds-before-kill", "4"));
    private static final double AFTER_KILL = Double.parseDouble(System.getProperty("cluster.seconds-after-kill", "4"));
    /**
     * Acknowledged STOW-RS requests before the kill, and successful STOW-RS requests and reads sent after it, that the
     * load waits for beyond its seconds on a slow machine; {@link #MAX_PHASE} bounds each wait.
     */
    private static final int AT_LEAST = 5;

    private static final Duration MAX_PHASE = Duration.ofSeconds(30);
    /** The most requests one client sends, whatever the time. */
    private static final int MAX_REQUESTS = 300;

    private static final int INSTANCES_PER_REQUEST = 5;
    /** 20 frames of 512 x 512 x 2 bytes: 10 MiB, more than one 8 MiB part, so a multipart upload. */
    private static final int LARGE_FRAMES = 20;

    private static final String BUCKET = "archive";
    private static final String PREFIX = "dicom/";
    private static final String BOUNDARY = "nodes-behind-nginx-boundary";
    private static final String ANY_SYNTAX = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final Pattern STORAGE_SWEPT =
            Pattern.compile("Blob storage ready at .* \\((\\d+) leftover staged upload\\(s\\) removed\\)");
    private static final Pattern ORPHANS_SWEPT =
            Pattern.compile("Orphan file sweep(?: removed (\\d+) files| of \\S+ stopped|: \\d+ files checked, none)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Both nodes, round-robin. A node that fails a request is left out for 10 s, so that the requests after the one
     * that found it dead go straight to the other; idle connections to the nodes are kept (keepalive, HTTP/1.1 with
     * no Connection header passed on).
     */
    private static final String UPSTREAM = """
            upstream dicomweb_nodes {
                server 127.0.0.1:%d max_fails=1 fail_timeout=10s;
                server 127.0.0.1:%d max_fails=1 fail_timeout=10s;
                keepalive 16;
            }
            log_format nodes '$request_method $status $upstream_addr $upstream_status $request_time';
            """;

    /**
     * A request a node cannot take (connection refused, reset, no answer in time) goes to the other node, but for a
     * POST that already went out: nginx does not send a non-idempotent request twice (the node may have stored it),
     * it answers 502.
     */
    private static final String BALANCER = """
            access_log nodes.log nodes;
            client_max_body_size 0;
            location / {
                proxy_pass http://dicomweb_nodes;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $http_host;
                proxy_next_upstream error timeout;
                proxy_connect_timeout 2s;
                proxy_read_timeout 60s;
            }
            """;

    private static LocalS3 s3;
    private static String schema;
    private static PackagedServer a;
    private static PackagedServer b;
    private static Nginx nginx;

    /** One instance sent: where it goes and the SHA-256 of its bytes. */
    private record Sent(String study, String series, String sop, String sha256) {
        String path() {
            return "/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop;
        }
    }

    /** One request of the load: when it was sent and answered (one clock), its status (0: no answer), what failed. */
    private record Exchange(String what, long sent, long answered, int status, String problem) {
        boolean failed() {
            return problem != null;
        }

        boolean stow() {
            return what.startsWith("STOW");
        }
    }

    @BeforeAll
    static void startTwoNodesBehindNginx() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        schema = "odw_nodes_nginx_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(POSTGRESQL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        // One after the other: the first migrates the schema.
        a = PackagedServer.start(settings());
        b = PackagedServer.start(settings());
        try {
            nginx = Nginx.start(UPSTREAM.formatted(a.port(), b.port()), BALANCER);
        } catch (TestAbortedException missing) {
            // This test is about the balancer: without nginx it would prove nothing, so it fails wherever it runs.
            fail(missing.getMessage());
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dicomweb.database", "postgresql");
        settings.put(
                "dicomweb.db.url", POSTGRESQL + (POSTGRESQL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        settings.put("dicomweb.db.user", USER);
        settings.put("quarkus.flyway.postgresql.schemas", schema);
        settings.put("dicomweb.storage.type", "s3");
        settings.put("dicomweb.storage.s3.bucket", BUCKET);
        settings.put("dicomweb.storage.s3.endpoint", s3.endpoint().toString());
        settings.put("dicomweb.storage.s3.path-style", "true");
        settings.put("dicomweb.storage.s3.prefix", PREFIX);
        settings.put("aws.accessKeyId", LocalS3.ACCESS_KEY);
        settings.put("aws.secretAccessKey", LocalS3.SECRET_KEY);
        settings.put("dicomweb.auth.mode", "none");
        settings.put("dicomweb.stow.duplicate-policy", "replace");
        settings.put("dicomweb.wado.change-poll-interval", "1S");
        return settings;
    }

    @AfterAll
    static void stopAll() throws Exception {
        try (LocalS3 bucket = s3;
                PackagedServer first = a;
                PackagedServer second = b;
                Nginx proxy = nginx) {
            // all stopped, then the schema dropped
        } finally {
            try (Connection c = DriverManager.getConnection(POSTGRESQL, USER, "");
                    Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    // ---- consistency ----

    @Test
    void whatOneNodeStoresReplacesOrDeletesTheOtherServesAtOnceDirectlyAndThroughNginx() throws Exception {
        String study = newUid();
        String series = newUid();
        String firstSop = newUid();
        byte[] small = ct(study, series, firstSop, 1);
        Sent first = new Sent(study, series, firstSop, sha256(small));
        assertEquals(200, stow(a.url("/dicom-web/studies"), List.of(small)).statusCode());
        assertServedEverywhere(first, small, "version 1");

        // The large one through nginx: a multipart upload on whichever node nginx picks.
        String secondSop = newUid();
        byte[] large = largeInstance(study, series, secondSop);
        Sent second = new Sent(study, series, secondSop, sha256(large));
        assertEquals(200, stow(nginx.url("/dicom-web/studies"), List.of(large)).statusCode());
        assertServedEverywhere(second, large, "large");
        assertEquals(List.of(), s3.openUploads(BUCKET), "the upload was completed");

        byte[] replacement = ct(study, series, firstSop, 2);
        // 202: stored with Warning Reason B301, the stored instance replaced
        assertEquals(
                202, stow(a.url("/dicom-web/studies"), List.of(replacement)).statusCode());
        assertServedEverywhere(new Sent(study, series, firstSop, sha256(replacement)), replacement, "version 2");

        assertEquals(204, delete(a.url(second.path())));
        for (String node : List.of(b.url(""), nginx.url(""), nginx.url(""))) {
            assertEquals(404, get(node + second.path(), ANY_SYNTAX).statusCode(), node + " serves it deleted");
            assertEquals(List.of(firstSop), qidoSops(node + seriesPath(first) + "/instances"), node);
            assertEquals(List.of(firstSop), metadataSops(node + seriesPath(first) + "/metadata"), node);
        }
    }

    /**
     * B, and nginx (twice, so both nodes), serve the instance as sent at once: QIDO-RS finds it in its series, WADO-RS
     * returns its bytes, the series metadata lists it with the series description sent.
     */
    private static void assertServedEverywhere(Sent s, byte[] bytes, String description) throws Exception {
        for (String node : List.of(b.url(""), nginx.url(""), nginx.url(""))) {
            HttpResponse<byte[]> instance = get(node + s.path(), ANY_SYNTAX);
            assertEquals(200, instance.statusCode(), node + s.path());
            assertArrayEquals(bytes, onlyPart(instance), node + " serves " + s.sop() + " as sent");
            assertTrue(qidoSops(node + seriesPath(s) + "/instances").contains(s.sop()), node + " QIDO-RS");
            HttpResponse<byte[]> metadata = get(node + seriesPath(s) + "/metadata", "application/dicom+json");
            assertEquals(200, metadata.statusCode(), node + " series metadata");
            String described = null;
            for (JsonNode i : JSON.readTree(metadata.body())) {
                if (s.sop().equals(text(i, "00080018"))) {
                    described = text(i, "0008103E");
                }
            }
            assertEquals(description, described, node + " series metadata of " + s.sop());
        }
    }

    // ---- kill -9 under load ----

    @Test
    void killingOneNodeUnderLoadLosesNothingAcknowledgedAndTheOtherServesOn() throws Exception {
        Load load = new Load();
        Figures figures;
        List<String> problems = new ArrayList<>();
        boolean restarted = false;
        try {
            load.runAndKill(a);
            // What B serves, A dead: every acknowledged instance, and nothing torn.
            Map<String, Sent> listed = listedOn(b, load.studies);
            int whole = checkServed(b, listed, load.sent, problems);
            for (Sent s : load.acknowledged.values()) {
                if (!listed.containsKey(s.sop())) {
                    problems.add("acknowledged but not listed by B: " + s.sop());
                }
            }
            int objectsWithoutRowAfterKill =
                    objectsWithoutRow(listedOn(b, allStudies(b))).size();

            // A again, on its port so that nginx finds it, with nothing in flight anywhere: its start-up sweeps may
            // remove whatever is not indexed at once.
            a.restartOnSamePort(Map.of("dicomweb.stow.orphan-grace", "0S"));
            restarted = true;
            int uploadsSwept = awaitLog(a, STORAGE_SWEPT);
            int orphansSwept = awaitLog(a, ORPHANS_SWEPT);
            List<String> onA = new ArrayList<>();
            checkServed(a, listed, load.sent, onA);
            onA.forEach(p -> problems.add("A after its restart: " + p));
            figures = new Figures(
                    List.copyOf(load.exchanges),
                    load.killAt,
                    load.killedAt,
                    load.sent.size(),
                    load.acknowledged.size(),
                    listed.size(),
                    whole,
                    load.uploadsOpenAtKill,
                    uploadsSwept,
                    objectsWithoutRowAfterKill,
                    orphansSwept,
                    retriedByNginx());
        } finally {
            if (load.killedAt != 0 && !restarted) {
                a.restartOnSamePort(Map.of());
            }
        }
        System.out.println(figures);
        figures.failuresAtKill().forEach(e -> System.out.println("  in flight at the kill: " + e));
        assertEquals(List.of(), problems, figures.toString());
        assertTrue(figures.acknowledgedAfterKill() > 0, "B acknowledged nothing after the kill: " + figures);
        assertTrue(figures.readsAfterKill() > 0, "nothing was read after the kill: " + figures);
        assertEquals(List.of(), figures.failuresBeforeKill(), "requests failed before the kill");
        assertEquals(List.of(), figures.failuresAfterKill(), "requests sent after the kill failed");
        assertTrue(figures.uploadsOpenAtKill() > 0, "the held upload was open at the kill: " + figures);
        assertEquals(
                List.of(),
                s3.openUploads(BUCKET).stream()
                        .map(u -> u.key() + " (begun " + u.initiated() + ")")
                        .toList(),
                "multipart uploads left open after A's start-up sweep");
        assertEquals(
                List.of(),
                s3.keys(BUCKET).stream()
                        .filter(k -> k.startsWith(PREFIX + ".staging/"))
                        .toList(),
                "staging objects left after A's start-up sweep");
        assertEquals(
                List.of(),
                objectsWithoutRow(listedOn(b, allStudies(b))),
                "objects without index row after A's start-up sweep");
    }

    /** The load through nginx, and what it was sent, promised and answered. */
    private static final class Load {
        final Map<String, Sent> sent = new ConcurrentHashMap<>();
        final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
        final List<Sent> readable = new ArrayList<>();
        final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
        final Set<String> studies = ConcurrentHashMap.newKeySet();
        long killAt;
        long killedAt;
        int uploadsOpenAtKill;

        /**
         * Writers (one of them of large instances) and readers through nginx; the node killed after
         * {@link #BEFORE_KILL} seconds, the load stopped {@link #AFTER_KILL} seconds later (each phase longer on a slow
         * machine, until {@link #AT_LEAST} requests succeeded in it). Before, a large instance
         * sent straight to the node and held after its first part: a multipart upload surely open at the kill.
         */
        void runAndKill(PackagedServer node) throws Exception {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(WRITERS + 1 + READERS);
            try (Socket held = holdUploadOpen(node, sent, studies)) {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < WRITERS + 1; c++) {
                    boolean large = c == WRITERS;
                    String study = newUid();
                    studies.add(study);
                    running.add(clients.submit(() -> {
                        write(study, large, stop, sent, acknowledged, readable, exchanges);
                        return null;
                    }));
                }
                for (int r = 0; r < READERS; r++) {
                    Random random = new Random(r);
                    running.add(clients.submit(() -> {
                        read(random, stop, readable, exchanges);
                        return null;
                    }));
                }
                awaitPhase(BEFORE_KILL, () -> succeeded(true, 0) >= AT_LEAST);
                killAt = System.nanoTime();
                node.crash();
                killedAt = System.nanoTime();
                uploadsOpenAtKill = s3.openUploads(BUCKET).size();
                awaitPhase(
                        AFTER_KILL,
                        () -> succeeded(true, killedAt) >= AT_LEAST && succeeded(false, killedAt) >= AT_LEAST);
                stop.set(true);
                for (Future<?> client : running) {
                    client.get(120, TimeUnit.SECONDS);
                }
            } finally {
                stop.set(true);
                clients.shutdownNow();
            }
        }

        /** STOW-RS requests (or reads) sent after {@code since} and answered as they should be. */
        private long succeeded(boolean stow, long since) {
            return exchanges.stream()
                    .filter(e -> e.sent() >= since && e.stow() == stow && !e.failed())
                    .count();
        }

        /** Waits the seconds, and then until {@code done}, at most {@link #MAX_PHASE} in all. */
        private static void awaitPhase(double seconds, BooleanSupplier done) throws InterruptedException {
            long start = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            while (!done.getAsBoolean() && System.nanoTime() - start < MAX_PHASE.toNanos()) {
                Thread.sleep(50);
            }
        }
    }

    /** One client of the load: STOW-RS through nginx of new series of its study, until stopped. */
    private static void write(
            String study,
            boolean large,
            AtomicBoolean stop,
            Map<String, Sent> sent,
            Map<String, Sent> acknowledged,
            List<Sent> readable,
            ConcurrentLinkedQueue<Exchange> exchanges)
            throws Exception {
        for (int r = 0; r < MAX_REQUESTS && !stop.get(); r++) {
            String series = newUid();
            List<byte[]> files = new ArrayList<>();
            for (int i = 1; i <= (large ? 1 : INSTANCES_PER_REQUEST); i++) {
                String sop = newUid();
                byte[] file = large ? largeInstance(study, series, sop) : ct(study, series, sop, i);
                Sent s = new Sent(study, series, sop, sha256(file));
                sent.put(s.sop(), s);
                files.add(file);
            }
            long start = System.nanoTime();
            String what = "STOW-RS of " + files.size() + " instance(s) in series " + series;
            try {
                HttpResponse<String> response = stow(nginx.url("/dicom-web/studies"), files);
                long end = System.nanoTime();
                // nginx answers 502 with a page of its own for a request the killed node took and never answered.
                Set<String> referenced = response.statusCode() == 200 ? referencedSops(response) : Set.of();
                String problem = null;
                if (response.statusCode() != 200 || referenced.size() != files.size()) {
                    String body = response.body().replaceAll("\\s+", " ");
                    problem = response.statusCode() + " " + body.substring(0, Math.min(200, body.length()));
                }
                for (String sop : referenced) {
                    Sent s = sent.get(sop);
                    acknowledged.put(sop, s);
                    synchronized (readable) {
                        readable.add(s);
                    }
                }
                exchanges.add(new Exchange(what, start, end, response.statusCode(), problem));
            } catch (IOException e) {
                exchanges.add(new Exchange(what, start, System.nanoTime(), 0, "no answer: " + e));
            }
        }
    }

    /** One client of the load: QIDO-RS and WADO-RS through nginx of instances acknowledged, until stopped. */
    private static void read(
            Random random, AtomicBoolean stop, List<Sent> readable, ConcurrentLinkedQueue<Exchange> exchanges)
            throws Exception {
        for (int r = 0; r < 10 * MAX_REQUESTS && !stop.get(); r++) {
            Sent s;
            synchronized (readable) {
                if (readable.isEmpty()) {
                    Thread.sleep(50);
                    continue;
                }
                s = readable.get(random.nextInt(readable.size()));
            }
            long start = System.nanoTime();
            try {
                List<String> found = qidoSops(nginx.url(seriesPath(s) + "/instances?SOPInstanceUID=" + s.sop()));
                exchanges.add(new Exchange(
                        "QIDO-RS of " + s.sop(),
                        start,
                        System.nanoTime(),
                        200,
                        found.equals(List.of(s.sop())) ? null : "found " + found));
            } catch (IOException | AssertionError e) {
                exchanges.add(new Exchange("QIDO-RS of " + s.sop(), start, System.nanoTime(), 0, e.toString()));
            }
            start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = get(nginx.url(s.path()), ANY_SYNTAX);
                boolean same = response.statusCode() == 200 && s.sha256().equals(sha256(onlyPart(response)));
                exchanges.add(new Exchange(
                        "WADO-RS of " + s.sop(),
                        start,
                        System.nanoTime(),
                        response.statusCode(),
                        same ? null : "not as sent: " + response.statusCode()));
            } catch (IOException e) {
                exchanges.add(new Exchange("WADO-RS of " + s.sop(), start, System.nanoTime(), 0, e.toString()));
            }
        }
    }

    /**
     * Sends the headers and the first 9 MiB of a 10 MiB instance straight to the node, and waits until the node has
     * begun its multipart upload. The socket stays open, the rest never comes.
     */
    private static Socket holdUploadOpen(PackagedServer node, Map<String, Sent> sent, Set<String> studies)
            throws Exception {
        assertEquals(List.of(), s3.openUploads(BUCKET), "no upload open before");
        String study = newUid();
        String series = newUid();
        String sop = newUid();
        byte[] file = largeInstance(study, series, sop);
        Sent s = new Sent(study, series, sop, sha256(file));
        sent.put(s.sop(), s);
        studies.add(study);
        byte[] body = StowBody.of(BOUNDARY, List.of(file));
        Socket socket = new Socket("127.0.0.1", node.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /dicom-web/studies HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nContent-Type: "
                        + StowBody.contentType(BOUNDARY) + "\r\nAccept: application/dicom+json\r\nContent-Length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 9 * 1024 * 1024);
        out.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (s3.openUploads(BUCKET).isEmpty()) {
            if (System.nanoTime() > deadline) {
                socket.close();
                fail("no multipart upload begun for a held 10 MiB instance:\n" + node.log());
            }
            Thread.sleep(100);
        }
        return socket;
    }

    // ---- checking ----

    /** Every instance QIDO-RS on the node lists in these studies, by SOP Instance UID (study and series known). */
    private static Map<String, Sent> listedOn(PackagedServer node, Set<String> studies) throws Exception {
        Map<String, Sent> listed = new HashMap<>();
        for (String study : studies) {
            for (JsonNode i : pages(node.url(
                    "/dicom-web/studies/" + study + "/instances?includefield=0020000E&includefield=00080018"))) {
                String sop = text(i, "00080018");
                listed.put(sop, new Sent(study, text(i, "0020000E"), sop, null));
            }
        }
        return listed;
    }

    private static Set<String> allStudies(PackagedServer node) throws Exception {
        return pages(node.url("/dicom-web/studies?includefield=0020000D")).stream()
                .map(s -> text(s, "0020000D"))
                .collect(Collectors.toSet());
    }

    /**
     * Retrieves every listed instance, series by series, from the node: each must come with the bytes sent for it.
     * Returns how many did.
     */
    private static int checkServed(
            PackagedServer node, Map<String, Sent> listed, Map<String, Sent> sent, List<String> problems)
            throws Exception {
        Map<String, Sent> bySha = sent.values().stream().collect(Collectors.toMap(Sent::sha256, s -> s, (x, y) -> x));
        Map<String, List<Sent>> bySeries = listed.values().stream()
                .collect(Collectors.groupingBy(s -> s.study() + "/" + s.series(), TreeMap::new, Collectors.toList()));
        int whole = 0;
        for (List<Sent> series : bySeries.values()) {
            Sent any = series.get(0);
            HttpResponse<byte[]> response = get(node.url(seriesPath(any)), ANY_SYNTAX);
            if (response.statusCode() != 200) {
                problems.add("series " + any.series() + " listed but answered " + response.statusCode());
                continue;
            }
            Set<String> served = new HashSet<>();
            for (byte[] part : parts(response)) {
                Sent s = bySha.get(sha256(part));
                if (s == null) {
                    problems.add("series " + any.series() + " served bytes that were never sent");
                } else {
                    served.add(s.sop());
                }
            }
            for (Sent s : series) {
                if (served.contains(s.sop())) {
                    whole++;
                } else {
                    problems.add("listed but not served as sent: " + s.sop() + " of " + s.series());
                }
            }
        }
        return whole;
    }

    /** Instance objects in the bucket whose instance is not indexed, and instances with more than one object. */
    private static List<String> objectsWithoutRow(Map<String, Sent> indexed) {
        Map<String, List<String>> objects = s3.keys(BUCKET).stream()
                .filter(k -> k.startsWith(PREFIX))
                .map(k -> k.substring(PREFIX.length()))
                .filter(InstanceBlobKey::isInstanceKey)
                .collect(Collectors.groupingBy(InstanceBlobKey::instanceOf));
        List<String> without = new ArrayList<>();
        objects.forEach((sop, keys) -> {
            if (!indexed.containsKey(sop) || keys.size() > 1) {
                without.addAll(indexed.containsKey(sop) ? keys.subList(1, keys.size()) : keys);
            }
        });
        return without;
    }

    /** Waits for a start-up line of the node; returns its first group as a number (0 when it has none). */
    private static int awaitLog(PackagedServer node, Pattern line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = line.matcher(node.console());
            if (m.find()) {
                assertTrue(!m.group(0).contains("stopped"), m.group(0));
                return m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line " + line + " after the restart:\n" + node.log());
    }

    /** Requests nginx sent to one node and then, that one failing, to the other: its log lists both addresses. */
    private static int retriedByNginx() {
        return (int)
                nginx.file("nodes.log").lines().filter(l -> l.contains(", ")).count();
    }

    /** What the load did around the kill, and what was found after it. */
    private record Figures(
            List<Exchange> exchanges,
            long killAt,
            long killedAt,
            int sent,
            int acknowledged,
            int listed,
            int whole,
            int uploadsOpenAtKill,
            int uploadsSwept,
            int objectsWithoutRowAfterKill,
            int orphansSwept,
            int retriedByNginx) {
        List<Exchange> failuresBeforeKill() {
            return exchanges.stream()
                    .filter(e -> e.answered() < killAt && e.failed())
                    .toList();
        }

        /** Sent before A was dead, answered (or not) after the kill began. */
        List<Exchange> failuresAtKill() {
            return exchanges.stream()
                    .filter(e -> e.sent() < killedAt && e.answered() >= killAt && e.failed())
                    .toList();
        }

        List<Exchange> failuresAfterKill() {
            return exchanges.stream()
                    .filter(e -> e.sent() >= killedAt && e.failed())
                    .toList();
        }

        long acknowledgedAfterKill() {
            return exchanges.stream()
                    .filter(e -> e.sent() >= killedAt && e.stow() && !e.failed())
                    .count();
        }

        long readsAfterKill() {
            return exchanges.stream()
                    .filter(e -> e.sent() >= killedAt && !e.stow() && !e.failed())
                    .count();
        }

        /** From the kill to the first successful answer of a STOW-RS request (or read) sent after it, in ms. */
        long firstAnswerAfterKill(boolean stow) {
            return exchanges.stream()
                    .filter(e -> e.sent() >= killAt && e.stow() == stow && !e.failed())
                    .mapToLong(e -> (e.answered() - killAt) / 1_000_000)
                    .min()
                    .orElse(-1);
        }

        /** The longest a successful STOW-RS request (or read) sent after the kill took, in ms. */
        long slowestAfterKill(boolean stow) {
            return exchanges.stream()
                    .filter(e -> e.sent() >= killedAt && e.stow() == stow && !e.failed())
                    .mapToLong(e -> (e.answered() - e.sent()) / 1_000_000)
                    .max()
                    .orElse(-1);
        }

        long count(String kind) {
            return exchanges.stream().filter(e -> e.what().startsWith(kind)).count();
        }

        @Override
        public String toString() {
            return ("two nodes behind nginx, kill -9 of A under load: %d STOW-RS requests (%d sent after the kill),"
                            + " %d QIDO-RS and %d WADO-RS reads; instances sent %d, acknowledged %d, listed by B %d,"
                            + " served whole by B %d; requests failed before the kill %d, in flight at the kill %d,"
                            + " sent after it %d; first STOW-RS answered %d ms after the kill, first read %d ms,"
                            + " slowest after the kill %d ms (STOW-RS), %d ms (read); requests nginx passed on to"
                            + " the other node %d; multipart uploads open at the kill %d, swept at A's restart %d;"
                            + " objects without index row after the kill %d, swept at A's restart %d")
                    .formatted(
                            count("STOW"),
                            exchanges.stream()
                                    .filter(e -> e.sent() >= killedAt && e.stow())
                                    .count(),
                            count("QIDO"),
                            count("WADO"),
                            sent,
                            acknowledged,
                            listed,
                            whole,
                            failuresBeforeKill().size(),
                            failuresAtKill().size(),
                            failuresAfterKill().size(),
                            firstAnswerAfterKill(true),
                            firstAnswerAfterKill(false),
                            slowestAfterKill(true),
                            slowestAfterKill(false),
                            retriedByNginx,
                            uploadsOpenAtKill,
                            uploadsSwept,
                            objectsWithoutRowAfterKill,
                            orphansSwept);
        }
    }

    // ---- requests ----

    private static HttpResponse<String> stow(String url, List<byte[]> files) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", StowBody.contentType(BOUNDARY))
                        .header("Accept", "application/dicom+json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(StowBody.of(BOUNDARY, files)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The SOP Instance UIDs a STOW-RS response lists as stored (Referenced SOP Sequence). */
    private static Set<String> referencedSops(HttpResponse<String> response) throws IOException {
        if (response.body().isEmpty()) {
            return Set.of();
        }
        Set<String> sops = new HashSet<>();
        JSON.readTree(response.body()).path("00081199").path("Value").forEach(item -> sops.add(text(item, "00081155")));
        return sops;
    }

    private static int delete(String url) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpResponse<byte[]> get(String url, String accept) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The SOP Instance UIDs a QIDO-RS search answers. */
    private static List<String> qidoSops(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(url, "application/dicom+json");
        if (response.statusCode() == 204) {
            return List.of();
        }
        assertEquals(200, response.statusCode(), url);
        List<String> sops = new ArrayList<>();
        JSON.readTree(response.body()).forEach(i -> sops.add(text(i, "00080018")));
        return sops;
    }

    private static List<String> metadataSops(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(url, "application/dicom+json");
        assertEquals(200, response.statusCode(), url);
        List<String> sops = new ArrayList<>();
        JSON.readTree(response.body()).forEach(i -> sops.add(text(i, "00080018")));
        return sops;
    }

    private static List<JsonNode> pages(String url) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        int page = 1000;
        for (int offset = 0; offset < 100 * page; offset += page) {
            HttpResponse<byte[]> response = get(url + "&limit=" + page + "&offset=" + offset, "application/dicom+json");
            if (response.statusCode() == 204 || response.statusCode() == 404) {
                break; // nothing (more) found; 404: no such study at all
            }
            assertEquals(200, response.statusCode(), url);
            JsonNode found = JSON.readTree(response.body());
            found.forEach(all::add);
            if (found.size() < page) {
                break;
            }
        }
        return all;
    }

    private static String text(JsonNode attributes, String tag) {
        return attributes.path(tag).path("Value").path(0).asText();
    }

    /** The body of the one part of a multipart/related response. */
    private static byte[] onlyPart(HttpResponse<byte[]> response) {
        List<byte[]> parts = parts(response);
        return parts.size() == 1 ? parts.get(0) : new byte[0];
    }

    /** The bodies of the parts of a multipart/related response. */
    private static List<byte[]> parts(HttpResponse<byte[]> response) {
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)")
                .matcher(response.headers().firstValue("Content-Type").orElse(""));
        if (!m.find()) {
            return List.of();
        }
        String delimiter = "\r\n--" + m.group(1);
        byte[] body = response.body();
        // The first delimiter may come without the line break before it.
        String text = "\r\n" + new String(body, StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        int at = text.indexOf(delimiter);
        while (at >= 0 && !text.startsWith("--", at + delimiter.length())) {
            int start = text.indexOf("\r\n\r\n", at + delimiter.length());
            int end = text.indexOf(delimiter, start < 0 ? at + 1 : start);
            if (start < 0 || end < 0) {
                break;
            }
            parts.add(Arrays.copyOfRange(body, start + 4 - 2, end - 2));
            at = end;
        }
        return parts;
    }

    private static String seriesPath(Sent s) {
        return "/dicom-web/studies/" + s.study() + "/series/" + s.series();
    }

    // ---- instances ----

    /** A small CT image; {@code version} goes into the series description, so that a replacement differs. */
    private static byte[] ct(String study, String series, String sop, int version) {
        return DicomFiles.ctImage()
                .patient("Nodes^Nginx", "NODES-1")
                .studyUid(study)
                .seriesUid(series)
                .instance(sop, 1)
                .seriesDescription("version " + version)
                .size(64, 64)
                .toBytes();
    }

    private static byte[] largeInstance(String study, String series, String sop) {
        return DicomFiles.multiFrame(LARGE_FRAMES)
                .patient("Nodes^Nginx", "NODES-1")
                .studyUid(study)
                .seriesUid(series)
                .instance(sop, 1)
                .seriesDescription("large")
                .size(512, 512)
                .toBytes();
    }

    private static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b =
                ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
