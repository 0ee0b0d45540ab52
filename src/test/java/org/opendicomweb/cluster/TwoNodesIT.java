package org.opendicomweb.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PackagedServer;
import org.opendicomweb.testing.StowBody;

/**
 * Two packaged server nodes over one PostgreSQL index (a scratch schema of the 'test' database on 127.0.0.1:5432)
 * and one storage folder, as the server scales out: what one node stores, the other serves at once; what one node
 * deletes or replaces, the other stops serving within its change-poll interval (1 s here), although its caches
 * (instance locations, frame tables, compressed metadata) held it; and the change feed read through either node
 * lists what both did, in sequence order. A rejection for quality reasons keeps the instance's file, so there only
 * the change feed keeps the other node from serving what it kept of the instance.
 *
 * <p>PostgreSQL only: two processes cannot share one embedded H2 file. Each node writes its own audit file, since
 * the audit file's size rotation assumes one writing process; the default, named after the host, is one per host,
 * and both nodes run on this one.
 */
class TwoNodesIT {
    private static final String POSTGRESQL =
            System.getProperty("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("test.postgresql.user", "postgres");
    private static final String BOUNDARY = "two-nodes-boundary";
    private static final String ANY_SYNTAX = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final String FRAMES = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
    /** How long the other node may take to see a deletion or replacement: the poll interval and some slack. */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(3);
    /** How long it is then watched for serving what it should have forgotten. */
    private static final Duration WATCHED_FOR = Duration.ofSeconds(2);

    private static final int FRAME_COUNT = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            // HTTP/1.1 as proxies speak it: the node then serves compressed metadata from its cache
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static String schema;
    private static Path storage;
    private static PackagedServer a;
    private static PackagedServer b;

    /** One stored instance and the bytes sent for it. */
    private record Sent(String study, String series, String sop, byte[] bytes, int frames, int seed) {
        String path() {
            return "/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop;
        }
    }

    /** A response, its body decoded where it came gzip-compressed. */
    private record Reply(int status, HttpHeaders headers, byte[] body) {}

    @BeforeAll
    static void startTwoNodes() throws Exception {
        schema = "odw_two_nodes_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(POSTGRESQL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        storage = Files.createTempDirectory("odw-two-nodes");
        a = PackagedServer.start(settings("a"));
        b = PackagedServer.start(settings("b"));
    }

    private static Map<String, String> settings(String node) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dicomweb.database", "postgresql");
        settings.put(
                "dicomweb.db.url", POSTGRESQL + (POSTGRESQL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        settings.put("dicomweb.db.user", USER);
        settings.put("quarkus.flyway.postgresql.schemas", schema);
        settings.put("dicomweb.storage.path", storage.toString());
        settings.put(
                "dicomweb.audit.file",
                storage.resolve("audit").resolve(node + ".log").toString());
        settings.put("dicomweb.auth.mode", "none");
        settings.put("dicomweb.stow.duplicate-policy", "replace");
        settings.put("dicomweb.wado.change-poll-interval", "1S");
        return settings;
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        try (PackagedServer first = a;
                PackagedServer second = b) {
            // both stopped, then their schema and storage removed
        } finally {
            try (Connection c = DriverManager.getConnection(POSTGRESQL, USER, "");
                    Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
            if (storage != null) {
                try (Stream<Path> paths = Files.walk(storage)) {
                    paths.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void whatOneNodeStoresDeletesAndReplacesTheOtherServesAccordingly() throws Exception {
        long feedStart = latestSequence(b);

        // stored through A, served by B at once
        String study = newUid();
        String seriesOne = newUid();
        String seriesTwo = newUid();
        Sent single = ct(study, seriesOne, 1);
        Sent multi = multiFrame(study, seriesOne, 2, 7);
        Sent third = ct(study, seriesTwo, 1);
        Sent fourth = ct(study, seriesTwo, 2);
        List<Sent> all = List.of(single, multi, third, fourth);
        assertEquals(200, stow(a, all));
        for (Sent s : all) {
            assertServed(b, s);
        }

        // B's caches hold them all; deleted through A, B forgets them
        for (Sent s : all) {
            assertServed(b, s);
        }
        assertEquals(204, delete(a, single.path()));
        assertForgotten(b, List.of(single), single.path() + "/metadata");
        assertServed(b, multi);
        assertEquals(204, delete(a, seriesPath(multi)));
        assertForgotten(b, List.of(multi), seriesPath(multi) + "/metadata");
        assertServed(b, third);
        assertEquals(204, delete(a, "/dicom-web/studies/" + study));
        assertForgotten(b, List.of(third, fourth), "/dicom-web/studies/" + study + "/metadata");
        assertQidoFinds(b, "/dicom-web/studies?StudyInstanceUID=" + study, 0);

        // rejected through A for quality reasons: the file stays for the grace period, so only the change feed
        // tells B that what it keeps of the instance is outdated
        Sent rejected = multiFrame(newUid(), newUid(), 1, 17);
        assertEquals(200, stow(a, List.of(rejected)));
        assertServed(b, rejected);
        assertServed(b, rejected);
        Sent note = qualityRejection(rejected);
        assertEquals(200, stow(a, List.of(note)));
        assertForgotten(b, List.of(rejected), seriesPath(rejected) + "/metadata");

        // replaced through A, B serves the new version
        Sent original = multiFrame(newUid(), newUid(), 1, 11);
        assertEquals(200, stow(a, List.of(original)));
        assertServed(b, original);
        assertServed(b, original);
        String oldTag = metadata(b, seriesPath(original), false)
                .headers()
                .firstValue("ETag")
                .orElse("");
        Sent replacement = multiFrame(original.study(), original.series(), original.sop(), 1, 23);
        int replaced = stow(a, List.of(replacement));
        assertTrue(replaced == 200 || replaced == 202, "replacement stored: " + replaced);
        awaitAndHold("the replacement served", () -> servedProblem(b, replacement));
        assertNotEquals(
                oldTag,
                metadata(b, seriesPath(original), false)
                        .headers()
                        .firstValue("ETag")
                        .orElse(""),
                "the replaced series has another entity tag");

        // the change feed read through B lists what A did, in sequence order
        List<Set<String>> expected = List.of(
                Set.of(
                        "create " + single.sop(),
                        "create " + multi.sop(),
                        "create " + third.sop(),
                        "create " + fourth.sop()),
                Set.of("delete " + single.sop()),
                Set.of("delete " + multi.sop()),
                Set.of("delete " + third.sop(), "delete " + fourth.sop()),
                Set.of("create " + rejected.sop()),
                Set.of("create " + note.sop(), "delete " + rejected.sop()),
                Set.of("create " + original.sop()),
                Set.of("create " + replacement.sop()));
        assertFeedLists(b, feedStart, expected);
    }

    // ---- what is served ----

    /** B (or A) serves the instance as sent: QIDO-RS finds it, WADO-RS returns its bytes, metadata and frames. */
    private static void assertServed(PackagedServer node, Sent s) throws Exception {
        String problem = servedProblem(node, s);
        if (problem != null) {
            fail(problem);
        }
    }

    /** Null when the node serves the instance as sent, else what differs. */
    private static String servedProblem(PackagedServer node, Sent s) throws Exception {
        if (qidoCount(node, "/dicom-web/studies?StudyInstanceUID=" + s.study()) != 1
                || qidoCount(node, "/dicom-web/series?SeriesInstanceUID=" + s.series()) != 1
                || qidoCount(node, "/dicom-web/instances?SOPInstanceUID=" + s.sop()) != 1) {
            return "QIDO-RS on " + node.port() + " does not find " + s.sop();
        }
        Reply instance = get(node, s.path(), ANY_SYNTAX, false);
        if (instance.status() != 200 || !Arrays.equals(s.bytes(), onlyPart(instance))) {
            return "instance " + s.sop() + " not served as sent: " + instance.status();
        }
        String description = "seed " + s.seed();
        for (boolean gzip : new boolean[] {false, true}) {
            Reply m = metadata(node, seriesPath(s), gzip);
            if (m.status() != 200) {
                return "series metadata (gzip " + gzip + "): " + m.status();
            }
            JsonNode found = null;
            for (JsonNode i : JSON.readTree(m.body())) {
                if (s.sop().equals(i.path("00080018").path("Value").path(0).asText())) {
                    found = i;
                }
            }
            if (found == null
                    || !description.equals(
                            found.path("0008103E").path("Value").path(0).asText())) {
                return "series metadata (gzip " + gzip + ") without " + s.sop() + " as sent";
            }
        }
        for (int f = 1; f <= s.frames(); f++) {
            Reply frame = get(node, s.path() + "/frames/" + f, FRAMES, false);
            if (frame.status() != 200 || !Arrays.equals(pixels(s.seed(), f - 1), onlyPart(frame))) {
                return "frame " + f + " of " + s.sop() + " not served as sent: " + frame.status();
            }
        }
        return null;
    }

    /** Within {@link #SEEN_WITHIN} the node serves none of the instances, and then keeps so. */
    private static void assertForgotten(PackagedServer node, List<Sent> deleted, String metadataPath) throws Exception {
        awaitAndHold("deleted " + deleted.stream().map(Sent::sop).toList(), () -> {
            if (get(node, metadataPath, "application/dicom+json", false).status() != 404) {
                return metadataPath + " still answered";
            }
            for (Sent s : deleted) {
                if (qidoCount(node, "/dicom-web/instances?SOPInstanceUID=" + s.sop()) != 0) {
                    return "QIDO-RS still finds " + s.sop();
                }
                for (String path : List.of(s.path(), s.path() + "/metadata", s.path() + "/frames/1")) {
                    String accept = path.endsWith("frames/1")
                            ? FRAMES
                            : path.endsWith("metadata") ? "application/dicom+json" : ANY_SYNTAX;
                    int status = get(node, path, accept, false).status();
                    if (status != 404) {
                        return path + " answered " + status;
                    }
                }
            }
            return null;
        });
    }

    private interface Check {
        /** Null when what is checked holds. */
        String problem() throws Exception;
    }

    /** Waits until the check holds, at most {@link #SEEN_WITHIN}; then it must hold for {@link #WATCHED_FOR}. */
    private static void awaitAndHold(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + SEEN_WITHIN.toNanos();
        String problem = check.problem();
        while (problem != null) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not seen by the other node within " + SEEN_WITHIN + ": " + problem);
            }
            Thread.sleep(100);
            problem = check.problem();
        }
        long until = System.nanoTime() + WATCHED_FOR.toNanos();
        while (System.nanoTime() < until) {
            problem = check.problem();
            if (problem != null) {
                fail(what + ": seen, then not any more: " + problem);
            }
            Thread.sleep(100);
        }
    }

    private static void assertQidoFinds(PackagedServer node, String path, int expected) throws Exception {
        assertEquals(expected, qidoCount(node, path), path);
    }

    /** The entries after {@code after} that concern these instances come in these groups, in this order. */
    private static void assertFeedLists(PackagedServer node, long after, List<Set<String>> expected) throws Exception {
        Set<String> ours = new HashSet<>();
        expected.forEach(group -> group.forEach(e -> ours.add(e.substring(e.indexOf(' ') + 1))));
        Reply response = get(node, "/dicom-web/changefeed?offset=" + after + "&limit=100", "application/json", false);
        assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
        List<String> listed = new ArrayList<>();
        long last = after;
        for (JsonNode e : JSON.readTree(response.body())) {
            long sequence = e.path("Sequence").asLong();
            assertTrue(sequence > last, "sequence order: " + sequence + " after " + last);
            last = sequence;
            if (ours.contains(e.path("SopInstanceUid").asText())) {
                listed.add(e.path("Action").asText() + " "
                        + e.path("SopInstanceUid").asText());
            }
        }
        List<Set<String>> grouped = new ArrayList<>();
        int at = 0;
        for (Set<String> group : expected) {
            int end = Math.min(listed.size(), at + group.size());
            grouped.add(new HashSet<>(listed.subList(at, end)));
            at = end;
        }
        assertEquals(expected, grouped, "the change feed through the other node: " + listed);
        assertEquals(at, listed.size(), "no other entries: " + listed);
    }

    // ---- requests ----

    private static int stow(PackagedServer node, List<Sent> instances) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url("/dicom-web/studies")))
                        .header("Content-Type", StowBody.contentType(BOUNDARY))
                        .header("Accept", "application/dicom+json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(StowBody.of(
                                BOUNDARY, instances.stream().map(Sent::bytes).toList())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.println("STOW-RS answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode();
    }

    private static int delete(PackagedServer node, String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(node.url(path)))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Reply metadata(PackagedServer node, String seriesPath, boolean gzip) throws Exception {
        Reply response = get(node, seriesPath + "/metadata", "application/dicom+json", gzip);
        if (gzip && response.status() == 200) {
            assertEquals(
                    "gzip",
                    response.headers().firstValue("Content-Encoding").orElse(""),
                    "metadata compressed when asked");
        }
        return response;
    }

    private static Reply get(PackagedServer node, String path, String accept, boolean gzip) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept", accept);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (!response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            return new Reply(response.statusCode(), response.headers(), response.body());
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new Reply(response.statusCode(), response.headers(), in.readAllBytes());
        }
    }

    private static int qidoCount(PackagedServer node, String path) throws Exception {
        Reply response = get(node, path, "application/dicom+json", false);
        if (response.status() == 204) {
            return 0;
        }
        assertEquals(200, response.status(), path);
        return JSON.readTree(response.body()).size();
    }

    private static long latestSequence(PackagedServer node) throws Exception {
        Reply response = get(node, "/dicom-web/changefeed/latest", "application/json", false);
        if (response.status() != 200 || response.body().length == 0) {
            return 0;
        }
        return JSON.readTree(response.body()).path("Sequence").asLong();
    }

    /** The body of the one part of a multipart/related response. */
    private static byte[] onlyPart(Reply response) {
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)")
                .matcher(response.headers().firstValue("Content-Type").orElse(""));
        if (!m.find()) {
            return new byte[0];
        }
        byte[] body = response.body();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n");
        int end = text.lastIndexOf("\r\n--" + m.group(1));
        return start < 0 || end < start ? new byte[0] : Arrays.copyOfRange(body, start + 4, end);
    }

    private static String seriesPath(Sent s) {
        return "/dicom-web/studies/" + s.study() + "/series/" + s.series();
    }

    // ---- instances ----

    private static Sent ct(String study, String series, int number) {
        String sop = newUid();
        int seed = number;
        byte[] bytes = DicomFiles.ctImage()
                .studyUid(study)
                .seriesUid(series)
                .instance(sop, number)
                .seriesDescription("seed " + seed)
                .pixelData(pixels(seed, 0))
                .toBytes();
        return new Sent(study, series, sop, bytes, 1, seed);
    }

    private static Sent multiFrame(String study, String series, int number, int seed) {
        return multiFrame(study, series, newUid(), number, seed);
    }

    /** A multi-frame instance whose pixels and series description follow {@code seed}, so versions differ. */
    private static Sent multiFrame(String study, String series, String sop, int number, int seed) {
        ByteBuffer all = ByteBuffer.allocate(FRAME_COUNT * 16 * 16 * 2);
        for (int f = 0; f < FRAME_COUNT; f++) {
            all.put(pixels(seed, f));
        }
        byte[] bytes = DicomFiles.multiFrame(FRAME_COUNT)
                .studyUid(study)
                .seriesUid(series)
                .instance(sop, number)
                .seriesDescription("seed " + seed)
                .pixelData(all.array())
                .toBytes();
        return new Sent(study, series, sop, bytes, FRAME_COUNT, seed);
    }

    /** A Key Object Selection in a series of its own that rejects the instance for quality reasons (113001). */
    private static Sent qualityRejection(Sent rejected) {
        String series = newUid();
        String sop = newUid();
        byte[] bytes = DicomFiles.keyObjectSelection(
                        "113001",
                        List.of(new DicomFiles.Reference(
                                rejected.study(),
                                rejected.series(),
                                UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage,
                                rejected.sop())))
                .studyUid(rejected.study())
                .seriesUid(series)
                .instance(sop, 1)
                .toBytes();
        return new Sent(rejected.study(), series, sop, bytes, 0, 0);
    }

    /** One 16x16 frame of 16-bit little-endian pixels, different for each seed and frame. */
    private static byte[] pixels(int seed, int frame) {
        ByteBuffer b = ByteBuffer.allocate(16 * 16 * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < 16 * 16; p++) {
            b.putShort((short) ((p * 7 + frame * 101 + seed * 13) & 0xFFF));
        }
        return b.array();
    }

    private static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b =
                ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
