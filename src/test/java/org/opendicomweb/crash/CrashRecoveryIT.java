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
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PackagedServer;
import org.opendicomweb.testing.StowBody;

/**
 * What a STOW-RS acknowledgement and a DELETE acknowledgement promise, checked the hard way: the packaged server
 * is killed with SIGKILL while clients upload and delete, several times, and started again on what each crash
 * left. Then every instance acknowledged with a 200 and not deleted afterwards by an acknowledged DELETE must be
 * retrievable byte for byte and found by QIDO-RS; every instance a DELETE removed once acknowledged (204, or 404:
 * nothing matched) must be gone from WADO-RS and QIDO-RS; an instance whose DELETE raced its store, or was cut off
 * by the kill, must be whole either way (and what one cut-off DELETE removes goes all together or not at all);
 * every indexed instance must be readable, every stored file indexed (the orphan sweep removes files a crash left
 * between file commit and index commit, or between index commit and file removal); nothing may stay staged.
 *
 * <p>Runs on the embedded H2 database and on PostgreSQL (a scratch schema in the 'test' database on
 * 127.0.0.1:5432). Rounds, clients and seconds: system properties {@code crash.rounds} (3), {@code crash.clients}
 * (4), {@code crash.seconds} (load time before each kill, 4), {@code crash.delete-share} (the share of a client's
 * requests that delete something acknowledged earlier, 0.3), {@code crash.seed}.
 */
class CrashRecoveryIT {
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);
    private static final int CLIENTS = Integer.getInteger("crash.clients", 4);
    private static final double SECONDS = Double.parseDouble(System.getProperty("crash.seconds", "4"));
    private static final double DELETE_SHARE = Double.parseDouble(System.getProperty("crash.delete-share", "0.3"));
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int INSTANCES_PER_REQUEST = 10;
    private static final int PAGE = 1000;
    private static final int MISMATCHES_SHOWN = 20;
    private static final String BOUNDARY = "crash-test-boundary";
    private static final String ANY_SYNTAX = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final Pattern SWEEP =
            Pattern.compile("Orphan file sweep(?: removed (\\d+) files| of \\S+ stopped|: \\d+ files checked, none)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How an instance was found after the crashes. */
    private enum Found {
        /** Retrieved with the bytes sent, and listed by QIDO-RS. */
        WHOLE,
        /** 404 from WADO-RS, not listed by QIDO-RS. */
        GONE,
        /** Anything else: listed but not retrievable, retrievable but not listed, other bytes. */
        TORN
    }

    /** What one database kept and removed. */
    private record Report(
            String database,
            int acknowledged,
            int kept,
            int lost,
            int deleted,
            int undeleted,
            int either,
            int eitherThere,
            int torn,
            int deletesAnswered,
            int deletesCutOff,
            int cutOffPartial,
            long orphansSwept,
            long indexed,
            long unreadable,
            long filesWithoutRow,
            long rowsWithoutFile,
            long staged,
            int httpErrors) {
        @Override
        public String toString() {
            return ("crash test (%s): %d kill -9 rounds, %d clients: acknowledged %d instances, kept %d (lost %d),"
                            + " deleted %d (still there %d), raced or cut off %d (%d there, %d gone, torn %d);"
                            + " DELETEs answered %d, cut off %d (partly applied %d); orphan files swept %d;"
                            + " indexed instances %d (unreadable %d), files without row %d, rows without file %d,"
                            + " staged leftovers %d; HTTP errors %d")
                    .formatted(
                            database,
                            ROUNDS,
                            CLIENTS,
                            acknowledged,
                            kept,
                            lost,
                            deleted,
                            undeleted,
                            either,
                            eitherThere,
                            either - eitherThere - torn,
                            torn,
                            deletesAnswered,
                            deletesCutOff,
                            cutOffPartial,
                            orphansSwept,
                            indexed,
                            unreadable,
                            filesWithoutRow,
                            rowsWithoutFile,
                            staged,
                            httpErrors);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAcknowledgedStoreAndDeleteSurvivesKillNine(String database) throws Exception {
        Random random = new Random(SEED);
        System.out.println("crash test (" + database + "): seed " + SEED);
        try (ScratchSchema schema = ScratchSchema.of(database);
                PackagedServer server = PackagedServer.start(schema.settings())) {
            Ledger ledger = new Ledger();
            List<String> httpErrors = new ArrayList<>();
            long swept = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                swept += awaitSweep(server);
                httpErrors.addAll(loadUntilKilled(
                        server, ledger, random.nextLong(), (long) (SECONDS * 1000 * (0.75 + random.nextDouble() / 2))));
                server.restart();
            }
            swept += awaitSweep(server);
            Report report = check(database, server, ledger, swept, httpErrors.size());
            System.out.println(report);
            assertTrue(report.acknowledged() > 0, "no upload was acknowledged: " + report);
            assertTrue(report.deleted() > 0, "no deletion was acknowledged: " + report);
            assertEquals(List.of(), httpErrors, "STOW or DELETE answered errors before the kill");
            assertEquals(0, report.lost(), report.toString());
            assertEquals(0, report.undeleted(), report.toString());
            assertEquals(0, report.torn(), report.toString());
            assertEquals(0, report.cutOffPartial(), report.toString());
            assertEquals(0, report.unreadable(), "every indexed instance is readable: " + report);
            assertEquals(0, report.rowsWithoutFile(), report.toString());
            assertEquals(0, report.filesWithoutRow(), "every stored file has its index row: " + report);
            assertEquals(0, report.staged(), report.toString());
        }
    }

    // ---- the load ----

    /**
     * {@link #CLIENTS} clients upload new series of one study each; about {@link #DELETE_SHARE} of their requests
     * delete a study, series or instance acknowledged earlier (their own or another client's). After {@code millis}
     * the server is killed while their requests are in flight. Returns the HTTP errors answered before the kill.
     */
    private static List<String> loadUntilKilled(PackagedServer server, Ledger ledger, long seed, long millis)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(seed + c);
                running.add(clients.submit(() -> {
                    String study = newUid();
                    while (!stop.get()) {
                        boolean answered = random.nextDouble() < DELETE_SHARE
                                ? delete(http, server, ledger, random, errors)
                                : store(http, server, ledger, study, errors);
                        if (!answered) {
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

    /** One STOW-RS request of a new series; false when the server did not answer. */
    private static boolean store(
            HttpClient http, PackagedServer server, Ledger ledger, String study, Collection<String> errors)
            throws NoSuchAlgorithmException, InterruptedException {
        Map<String, String> sent = new LinkedHashMap<>();
        String series = newUid();
        byte[] body = request(study, series, sent);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(server.url("/dicom-web/studies")))
                            .header("Content-Type", StowBody.contentType(BOUNDARY))
                            .header("Accept", "application/dicom+json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (response.statusCode() == 200) {
                List<Ledger.Stored> acknowledged = new ArrayList<>();
                sent.forEach((sop, sha) -> acknowledged.add(new Ledger.Stored(study, series, sop, sha, start, end)));
                ledger.acknowledged(acknowledged);
            } else {
                errors.add("STOW " + response.statusCode() + " " + response.body());
            }
            return true;
        } catch (IOException killed) {
            return false;
        }
    }

    /** One DELETE of something acknowledged earlier; false when the server did not answer. */
    private static boolean delete(
            HttpClient http, PackagedServer server, Ledger ledger, Random random, Collection<String> errors)
            throws InterruptedException {
        Ledger.Deletion deletion = ledger.pick(random, System.nanoTime());
        if (deletion == null) {
            return true;
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(server.url("/dicom-web" + deletion.path())))
                            .timeout(Duration.ofSeconds(30))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Ledger.Deletion answered = Ledger.answered(deletion, System.nanoTime(), response.statusCode());
            // Any other answer promises nothing either way: the check still wants every instance whole.
            ledger.record(answered);
            if (!answered.promised()) {
                errors.add(answered.describe() + ": " + response.body());
            }
            return true;
        } catch (IOException killed) {
            ledger.record(Ledger.answered(deletion, System.nanoTime(), Ledger.Deletion.CUT_OFF));
            return false;
        }
    }

    /** One multipart/related body of new instances in a new series of {@code study}, noting their hashes. */
    private static byte[] request(String study, String series, Map<String, String> sent)
            throws NoSuchAlgorithmException {
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
            sent.put(sop, sha256(file));
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

    private static Report check(String database, PackagedServer server, Ledger ledger, long swept, int httpErrors)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // Every instance the index holds, by SOP Instance UID, with its study and series.
        Map<String, String[]> indexed = indexedInstances(http, server);
        int kept = 0;
        int lost = 0;
        int deleted = 0;
        int undeleted = 0;
        int either = 0;
        int eitherThere = 0;
        int torn = 0;
        Map<Ledger.Deletion, Set<Found>> cutOff = new HashMap<>();
        int mismatches = 0;
        for (Ledger.Stored s : ledger.stored().values()) {
            Found found = found(http, server, s, indexed.containsKey(s.sop()));
            Ledger.Fate fate = ledger.fate(s);
            switch (fate.kind()) {
                case KEPT -> {
                    kept++;
                    lost += found == Found.WHOLE ? 0 : 1;
                }
                case DELETED -> {
                    deleted++;
                    undeleted += found == Found.GONE ? 0 : 1;
                }
                case EITHER -> {
                    either++;
                    eitherThere += found == Found.WHOLE ? 1 : 0;
                    torn += found == Found.TORN ? 1 : 0;
                    if (fate.cutOff() != null) {
                        cutOff.computeIfAbsent(fate.cutOff(), d -> EnumSet.noneOf(Found.class))
                                .add(found);
                    }
                }
            }
            if ((found == Found.TORN || (fate.kind() != Ledger.Fate.Kind.EITHER && found != expected(fate)))
                    && ++mismatches <= MISMATCHES_SHOWN) {
                System.out.println("crash test (" + database + "): " + s + " is " + found + ", expected " + fate.kind()
                        + " after " + deletionsOf(ledger, s));
            }
        }
        int partial = 0;
        for (Map.Entry<Ledger.Deletion, Set<Found>> e : cutOff.entrySet()) {
            if (e.getValue().containsAll(EnumSet.of(Found.WHOLE, Found.GONE))) {
                partial++;
                System.out.println("crash test (" + database + "): partly applied: "
                        + e.getKey().describe());
            }
        }
        long unreadable = 0;
        for (Map.Entry<String, String[]> e : indexed.entrySet()) {
            if (!ledger.stored().containsKey(e.getKey())
                    && retrieve(http, server, e.getValue()[0], e.getValue()[1], e.getKey())
                                    .statusCode()
                            != 200) {
                if (++unreadable <= MISMATCHES_SHOWN) {
                    System.out.println("crash test (" + database + "): indexed but unreadable: " + e.getKey());
                }
            }
        }
        Map<String, Long> files = storedFiles(server.data());
        long filesWithoutRow = files.entrySet().stream()
                .mapToLong(e -> e.getValue() - (indexed.containsKey(e.getKey()) ? 1 : 0))
                .sum();
        long rowsWithoutFile =
                indexed.keySet().stream().filter(k -> !files.containsKey(k)).count();
        long staged = countAll(server.data().resolve(".staging"));
        List<Ledger.Deletion> deletions = ledger.deletions();
        int deletesCutOff =
                (int) deletions.stream().filter(Ledger.Deletion::cutOff).count();
        return new Report(
                database,
                ledger.stored().size(),
                kept,
                lost,
                deleted,
                undeleted,
                either,
                eitherThere,
                torn,
                deletions.size() - deletesCutOff,
                deletesCutOff,
                partial,
                swept,
                indexed.size(),
                unreadable,
                filesWithoutRow,
                rowsWithoutFile,
                staged,
                httpErrors);
    }

    private static Found expected(Ledger.Fate fate) {
        return fate.kind() == Ledger.Fate.Kind.KEPT ? Found.WHOLE : Found.GONE;
    }

    private static List<String> deletionsOf(Ledger ledger, Ledger.Stored s) {
        return ledger.deletions().stream()
                .filter(d -> d.covers(s))
                .map(d -> d.describe() + " sent " + (d.sent() - s.answered()) / 1_000_000
                        + " ms after the store's answer")
                .toList();
    }

    /** Whole (the bytes sent, and listed), gone (404 and not listed), or torn. */
    private static Found found(HttpClient http, PackagedServer server, Ledger.Stored s, boolean listed)
            throws Exception {
        HttpResponse<byte[]> response = retrieve(http, server, s.study(), s.series(), s.sop());
        if (response.statusCode() == 404 && !listed) {
            return Found.GONE;
        }
        boolean same = response.statusCode() == 200
                && s.sha256()
                        .equals(sha256(onlyPart(
                                response.body(),
                                response.headers().firstValue("Content-Type").orElse(""))));
        return same && listed ? Found.WHOLE : Found.TORN;
    }

    private static HttpResponse<byte[]> retrieve(
            HttpClient http, PackagedServer server, String study, String series, String sop)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                server.url("/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop)))
                        .header("Accept", ANY_SYNTAX)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every instance QIDO-RS finds, study by study, page by page: SOP Instance UID to {study, series}. */
    private static Map<String, String[]> indexedInstances(HttpClient http, PackagedServer server) throws Exception {
        Map<String, String[]> instances = new HashMap<>();
        for (JsonNode study : pages(http, server, "/dicom-web/studies?includefield=0020000D")) {
            String studyUid = study.path("0020000D").path("Value").path(0).asText();
            for (JsonNode instance : pages(
                    http,
                    server,
                    "/dicom-web/studies/" + studyUid + "/instances?includefield=0020000E&includefield=00080018")) {
                instances.put(instance.path("00080018").path("Value").path(0).asText(), new String[] {
                    studyUid, instance.path("0020000E").path("Value").path(0).asText()
                });
            }
        }
        return instances;
    }

    private static List<JsonNode> pages(HttpClient http, PackagedServer server, String path) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; offset < 100 * PAGE; offset += PAGE) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(server.url(path + "&limit=" + PAGE + "&offset=" + offset)))
                            .header("Accept", "application/dicom+json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 204) {
                break; // no (more) matches
            }
            assertEquals(200, response.statusCode(), "QIDO-RS " + path + ": " + response.body());
            JsonNode page = JSON.readTree(response.body());
            page.forEach(all::add);
            if (page.size() < PAGE) {
                break;
            }
        }
        return all;
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

    /** Stored instance files (their path below the storage root is an instance's key), counted by SOP Instance UID. */
    private static Map<String, Long> storedFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                    .filter(InstanceBlobKey::isInstanceKey)
                    .collect(Collectors.groupingBy(InstanceBlobKey::instanceOf, Collectors.counting()));
        }
    }

    private static long countAll(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).count();
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
