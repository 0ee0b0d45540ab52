package org.opendicomweb.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PackagedServer;
import org.opendicomweb.testing.StowBody;

/**
 * What a STOW-RS acknowledgement promises, checked the hard way: the packaged server is killed with SIGKILL while
 * clients upload, several times, and started again on what each crash left. Every instance acknowledged with a 200
 * must then be retrievable byte for byte and found by QIDO-RS; every stored file must have its index row (the
 * orphan sweep removes files a crash left between file commit and index commit); nothing may stay staged.
 *
 * <p>Runs on the embedded H2 database and on PostgreSQL (a scratch schema in the 'test' database on
 * 127.0.0.1:5432). Rounds, clients and seconds: system properties {@code crash.rounds} (3), {@code crash.clients}
 * (4), {@code crash.seconds} (upload time before each kill, 4), {@code crash.seed}.
 */
class CrashRecoveryIT {
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);
    private static final int CLIENTS = Integer.getInteger("crash.clients", 4);
    private static final double SECONDS = Double.parseDouble(System.getProperty("crash.seconds", "4"));
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int INSTANCES_PER_REQUEST = 10;
    private static final String BOUNDARY = "crash-test-boundary";
    private static final Pattern SWEEP =
            Pattern.compile("Orphan file sweep(?: removed (\\d+) files| stopped|: \\d+ files checked, none)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An acknowledged instance: where it is and the SHA-256 of the bytes sent. */
    private record Acked(String study, String series, String sha256) {}

    /** What one database kept. */
    private record Report(
            String database,
            int rounds,
            int acknowledged,
            int retrievable,
            int lost,
            long orphansSwept,
            long indexed,
            long files,
            long staged,
            long httpErrors) {
        @Override
        public String toString() {
            return ("crash test (%s): %d kill -9 rounds, %d clients: acknowledged %d, retrievable %d, lost %d; orphan files swept %d;"
                            + " indexed instances %d, stored files %d, staged leftovers %d; HTTP errors %d")
                    .formatted(
                            database,
                            rounds,
                            CLIENTS,
                            acknowledged,
                            retrievable,
                            lost,
                            orphansSwept,
                            indexed,
                            files,
                            staged,
                            httpErrors);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAcknowledgedInstanceSurvivesKillNine(String database) throws Exception {
        Random random = new Random(SEED);
        System.out.println("crash test (" + database + "): seed " + SEED);
        try (ScratchSchema schema = ScratchSchema.of(database);
                PackagedServer server = PackagedServer.start(schema.settings())) {
            Map<String, Acked> acked = new ConcurrentHashMap<>();
            List<String> httpErrors = new ArrayList<>();
            long swept = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                swept += awaitSweep(server);
                httpErrors.addAll(
                        uploadUntilKilled(server, acked, (long) (SECONDS * 1000 * (0.75 + random.nextDouble() / 2))));
                server.restart();
            }
            swept += awaitSweep(server);
            Report report = check(database, server, acked, swept, httpErrors.size());
            System.out.println(report);
            assertTrue(report.acknowledged() > 0, "no upload was acknowledged: " + report);
            assertEquals(List.of(), httpErrors, "STOW answered errors before the kill");
            assertEquals(0, report.lost(), report.toString());
            assertEquals(
                    report.indexed(), report.files(), "every stored file has its index row and no more: " + report);
            assertEquals(0, report.staged(), report.toString());
        }
    }

    // ---- uploading ----

    /**
     * {@link #CLIENTS} clients upload new series of one study each; after {@code millis} the server is killed while
     * their requests are in flight. Returns the HTTP errors answered before the kill.
     */
    private static List<String> uploadUntilKilled(PackagedServer server, Map<String, Acked> acked, long millis)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    String study = newUid();
                    while (!stop.get()) {
                        Map<String, Acked> sent = new LinkedHashMap<>();
                        byte[] body = request(study, sent);
                        try {
                            HttpResponse<String> response = http.send(
                                    HttpRequest.newBuilder(URI.create(server.url("/dicom-web/studies")))
                                            .header("Content-Type", StowBody.contentType(BOUNDARY))
                                            .header("Accept", "application/dicom+json")
                                            .timeout(Duration.ofSeconds(30))
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acked.putAll(sent);
                            } else {
                                errors.add(response.statusCode() + " " + response.body());
                            }
                        } catch (IOException killed) {
                            return null; // the server is gone: what was not answered was never promised
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(millis);
            server.crash();
            stop.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            return List.copyOf(errors);
        } finally {
            clients.shutdownNow();
        }
    }

    /** One multipart/related body of new instances in a new series of {@code study}, noting what it sends. */
    private static byte[] request(String study, Map<String, Acked> sent) throws NoSuchAlgorithmException {
        String series = newUid();
        List<byte[]> files = new ArrayList<>();
        for (int i = 1; i <= INSTANCES_PER_REQUEST; i++) {
            String sop = newUid();
            byte[] file = DicomFiles.ctImage()
                    .patient("Crash^Test", "CRASH-1")
                    .studyUid(study)
                    .seriesUid(series)
                    .instance(sop, i)
                    .size(128, 128)
                    .toBytes();
            sent.put(sop, new Acked(study, series, sha256(file)));
            files.add(file);
        }
        return StowBody.of(BOUNDARY, files);
    }

    // ---- checking ----

    /** Waits for the orphan sweep of this start to end; returns how many files it removed. */
    private static long awaitSweep(PackagedServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SWEEP.matcher(server.log());
            if (m.find()) {
                assertTrue(!m.group(0).endsWith("stopped"), "the orphan sweep failed:\n" + server.log());
                return m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no orphan sweep after start-up:\n" + server.log());
    }

    private static Report check(
            String database, PackagedServer server, Map<String, Acked> acked, long swept, int httpErrors)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int retrievable = 0;
        Map<String, List<String>> foundBySeries = new LinkedHashMap<>();
        for (Map.Entry<String, Acked> e : acked.entrySet()) {
            Acked a = e.getValue();
            List<String> found =
                    foundBySeries.computeIfAbsent(a.study() + "/" + a.series(), k -> qidoInstances(http, server, k));
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(server.url("/dicom-web/studies/" + a.study() + "/series/"
                                    + a.series() + "/instances/" + e.getKey())))
                            .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200
                    && found.contains(e.getKey())
                    && a.sha256()
                            .equals(sha256(onlyPart(
                                    response.body(),
                                    response.headers()
                                            .firstValue("Content-Type")
                                            .orElse(""))))) {
                retrievable++;
            }
        }
        long indexed = 0;
        JsonNode studies = JSON.readTree(get(http, server, "/dicom-web/studies?includefield=00201208&limit=1000"));
        for (JsonNode study : studies) {
            indexed += study.path("00201208").path("Value").path(0).asLong();
        }
        long files = countFiles(server.data(), false);
        long staged = countFiles(server.data().resolve(".staging"), true);
        return new Report(
                database,
                ROUNDS,
                acked.size(),
                retrievable,
                acked.size() - retrievable,
                swept,
                indexed,
                files,
                staged,
                httpErrors);
    }

    private static List<String> qidoInstances(HttpClient http, PackagedServer server, String studyAndSeries) {
        String[] uids = studyAndSeries.split("/");
        try {
            List<String> sops = new ArrayList<>();
            for (JsonNode instance : JSON.readTree(get(
                    http,
                    server,
                    "/dicom-web/studies/" + uids[0] + "/series/" + uids[1] + "/instances?includefield=00080018"))) {
                sops.add(instance.path("00080018").path("Value").path(0).asText());
            }
            return sops;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("QIDO-RS of series " + studyAndSeries + " failed", e);
        }
    }

    private static String get(HttpClient http, PackagedServer server, String path)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Accept", "application/dicom+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // 204: a search that matched nothing (a series lost whole).
        return response.statusCode() == 204 ? "[]" : response.body();
    }

    /** The body of the one part of a multipart/related response. */
    private static byte[] onlyPart(byte[] body, String contentType) {
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)").matcher(contentType);
        if (!m.find()) {
            return new byte[0];
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n");
        int end = text.lastIndexOf("\r\n--" + m.group(1));
        return start < 0 || end < start ? new byte[0] : Arrays.copyOfRange(body, start + 4, end);
    }

    /** Stored instance files (their path below the storage root is an instance's key), or every file below a folder. */
    private static long countFiles(Path folder, boolean all) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> all
                            || InstanceBlobKey.isInstanceKey(
                                    folder.relativize(p).toString().replace(File.separatorChar, '/')))
                    .count();
        }
    }

    private static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b =
                ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The database settings of a run; on PostgreSQL a schema of its own, dropped at the end. */
    private record ScratchSchema(Map<String, String> settings, String url, String name) implements AutoCloseable {
        private static final String SERVER =
                System.getProperty("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        private static final String USER = System.getProperty("test.postgresql.user", "postgres");

        static ScratchSchema of(String database) throws SQLException {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("dicomweb.database", database);
            settings.put("dicomweb.stow.orphan-grace", "0S");
            if (!database.equals("postgresql")) {
                return new ScratchSchema(settings, null, null);
            }
            String name = "odw_crash_"
                    + HexFormat.of()
                            .formatHex(BigInteger.valueOf(System.nanoTime()).toByteArray());
            try (Connection c = DriverManager.getConnection(SERVER, USER, "");
                    Statement s = c.createStatement()) {
                s.execute("create schema " + name);
            }
            settings.put("dicomweb.db.url", SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + name);
            settings.put("dicomweb.db.user", USER);
            settings.put("quarkus.flyway.postgresql.schemas", name);
            return new ScratchSchema(settings, SERVER, name);
        }

        @Override
        public void close() throws SQLException {
            if (name != null) {
                try (Connection c = DriverManager.getConnection(url, USER, "");
                        Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + name + " cascade");
                }
            }
        }
    }
}
