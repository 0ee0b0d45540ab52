import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Load client for the side-by-side benchmark. One JVM measures every target, interleaved (target order
 * alternates from round to round), with the same requests on the same data.
 *
 * <pre>
 * java Client.java --corpus DIR --out results.tsv --mode quick|full --scratch DIR
 *                  --target NAME=BASE_URL@PID[+PID...] [--target ...] [--zero URL] [--aux NAME:LABEL=PID[+PID...]]
 *                  [--rounds N]
 * </pre>
 *
 * A target served by several processes (server nodes behind a load balancer) names them all: its server CPU is
 * their sum. {@code --aux} names processes the target uses that are not the server itself (a database, an object
 * store, a load balancer); each is counted with its children, and its CPU per operation is recorded on its own
 * (section {@code aux}, the label in the note), never added to the server's.
 *
 * Every loop is bounded by a request count and a time cap. Every measurement also records this client's
 * own CPU use and the server process's CPU use (from /proc/PID/stat), so a reader can tell whether the
 * client was the bottleneck. Any non-2xx answer, or a STOW answer with a failed SOP, ends the run with
 * exit status 2 and a message naming the target and the URL.
 */
public class Client {

    /**
     * A server under test; {@code bearer}, when not null, gives the access token sent with each of its requests that
     * carries none of its own (bench/AuthCost.java: a server in authentication mode {@code oidc}).
     */
    record Target(String name, String base, long pid, java.util.function.Supplier<String> bearer) {
        Target(String name, String base, long pid) {
            this(name, base, pid, null);
        }
    }

    /**
     * stowClients: client count of each CT STOW, each a fresh copy of the series (repeats are summed; the
     * target order alternates per entry, so list each count once early and once late). rounds: how often
     * each read measurement is repeated, target order alternating. Loops stop at their request count or
     * at loopCapS seconds, whichever comes first.
     */
    record Mode(
            int[] stowClients,
            int rounds,
            int qidoLatencyN,
            int qidoThroughputN,
            double loopCapS,
            int warmMetadataN,
            int zeroN,
            double stowCapS,
            int wadoPasses,
            int scrollPasses,
            double streamCapS,
            int warmUpPasses) {}

    // An even number of rounds, so each target goes first equally often.
    static final Mode QUICK = new Mode(new int[] {4, 1, 2, 2, 1, 4}, 4, 40, 200, 1.0, 16, 20_000, 90, 2, 2, 3, 2);
    static final Mode FULL = new Mode(new int[] {4, 1, 2, 2, 1, 4}, 4, 60, 750, 5, 10, 100_000, 240, 2, 2, 12, 1);

    static final String DICOM_JSON = "application/dicom+json";
    static final String ACCEPT_INSTANCE = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    static final String ACCEPT_FRAME = "multipart/related; type=application/octet-stream; transfer-syntax=*";
    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final long CLK_TCK = 100; // USER_HZ on Linux
    static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    final List<Target> targets = new ArrayList<>();
    final Properties manifest = new Properties();
    Path corpus;
    Path scratch;
    Mode mode;
    String zeroUrl;
    /** Which measurement groups run: stow, metadata, qido, wado, frames, transcode (all when empty). */
    Set<String> only = Set.of();
    /** CT series of other matrix sizes (one folder per size, each with ct/), for STOW against instance size. */
    Path sizes;
    /** A static file server (nginx) over the corpus folder: the baseline of instance retrieval. */
    Target staticServer;

    PrintWriter out;

    public static void main(String[] args) throws Exception {
        Client c = new Client();
        Map<String, List<String>> opt = parseArgs(args);
        c.corpus = Path.of(one(opt, "corpus"));
        c.scratch = Path.of(one(opt, "scratch"));
        c.mode = one(opt, "mode").equals("full") ? FULL : QUICK;
        if (opt.containsKey("rounds")) {
            // Fewer rounds of the reads, for runs with many targets; still even, so each order comes equally often.
            int rounds = Integer.parseInt(one(opt, "rounds"));
            if (rounds < 2 || rounds % 2 != 0) {
                throw new IllegalArgumentException("--rounds must be even and at least 2");
            }
            Mode m = c.mode;
            c.mode = new Mode(
                    m.stowClients(),
                    rounds,
                    m.qidoLatencyN(),
                    m.qidoThroughputN(),
                    m.loopCapS(),
                    m.warmMetadataN(),
                    m.zeroN(),
                    m.stowCapS(),
                    m.wadoPasses(),
                    m.scrollPasses(),
                    m.streamCapS(),
                    m.warmUpPasses());
        }
        c.zeroUrl = opt.containsKey("zero") ? one(opt, "zero") : null;
        if (opt.containsKey("sizes")) {
            c.sizes = Path.of(one(opt, "sizes"));
        }
        if (opt.containsKey("static")) {
            String st = one(opt, "static");
            int at = st.lastIndexOf('@');
            c.staticServer = new Target("static", st.substring(0, at), Long.parseLong(st.substring(at + 1)));
        }
        if (opt.containsKey("only")) {
            c.only = Set.of(one(opt, "only").split(","));
        }
        for (String t : opt.getOrDefault("target", List.of())) {
            int eq = t.indexOf('=');
            int at = t.lastIndexOf('@');
            long[] pids = pids(t.substring(at + 1));
            c.targets.add(new Target(t.substring(0, eq), t.substring(eq + 1, at), pids[0]));
            SERVER_PIDS.put(t.substring(0, eq), pids);
        }
        for (String a : opt.getOrDefault("aux", List.of())) {
            int colon = a.indexOf(':');
            int eq = a.indexOf('=');
            AUX.computeIfAbsent(a.substring(0, colon), k -> new LinkedHashMap<>())
                    .put(a.substring(colon + 1, eq), pids(a.substring(eq + 1)));
        }
        try (InputStream in = Files.newInputStream(c.corpus.resolve("manifest.properties"))) {
            c.manifest.load(in);
        }
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(one(opt, "out"))))) {
            c.out = pw;
            pw.println("section\tmetric\ttarget\tvalue\tunit\tclient_cpu_cores\tserver_cpu_cores\tnote");
            try {
                c.run();
            } catch (BenchFailure f) {
                pw.flush();
                System.err.println("BENCHMARK FAILED: " + f.getMessage());
                System.exit(2);
            }
        }
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        machineLimits();
        warmUp();
        // Later groups read what STOW stored, so STOW always runs; --only leaves out the others.
        stowSmallStudies();
        stowCtSeries();
        stowMultiFrame();
        if (sizes != null) {
            stowBySize();
        }
        warmUpReads();
        if (enabled("metadata")) {
            seriesMetadata();
        }
        if (enabled("qido")) {
            qido();
        }
        if (enabled("wado")) {
            wadoInstances();
        }
        if (enabled("frames")) {
            frames();
        }
        if (enabled("transcode")) {
            transcoding();
        }
        for (Target t : targets) {
            record(
                    "server",
                    "peak_rss",
                    t,
                    Arrays.stream(SERVER_PIDS.getOrDefault(t.name, new long[] {t.pid}))
                            .mapToDouble(Client::vmHwmMiB)
                            .max()
                            .orElse(Double.NaN),
                    "MiB",
                    Double.NaN,
                    Double.NaN,
                    SERVER_PIDS.getOrDefault(t.name, new long[1]).length > 1
                            ? "VmHWM from /proc/PID/status, the largest of the target's processes"
                            : "VmHWM from /proc/PID/status");
        }
        log("done in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    boolean enabled(String group) {
        return only.isEmpty() || only.contains(group);
    }

    // ---------------------------------------------------------------- machine limits

    void machineLimits() throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (Path p : ctFiles()) {
            files.add(Files.readAllBytes(p));
        }
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        for (boolean durable : new boolean[] {true, false}) {
            Path dir = Files.createTempDirectory(scratch, durable ? "fsync-" : "nosync-");
            AtomicInteger next = new AtomicInteger();
            Meter m = Meter.start(null);
            runWorkers(4, mode.stowCapS, () -> {
                int i = next.getAndIncrement();
                if (i >= files.size()) {
                    return false;
                }
                try (FileChannel ch = FileChannel.open(
                        dir.resolve("f" + i), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer b = ByteBuffer.wrap(files.get(i));
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    if (durable) {
                        ch.force(true);
                    }
                }
                return true;
            });
            Meter.Result r = m.stop();
            int n = Math.min(next.get(), files.size());
            String kind = durable ? "durable_write" : "plain_write";
            String note = (durable ? "write + fsync per file" : "write, no fsync") + ", 4 writers, " + n + " CT files";
            record("machine", kind + "_files", null, n / r.seconds, "files/s", r.clientCores, Double.NaN, note);
            record(
                    "machine",
                    kind + "_mb",
                    null,
                    bytes * ((double) n / files.size()) / 1e6 / r.seconds,
                    "MB/s",
                    r.clientCores,
                    Double.NaN,
                    note);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        if (zeroUrl != null) {
            Req req = new Req("GET", URI.create(zeroUrl), "text/plain", null, null);
            for (int i = 0; i < 200; i++) {
                send(null, req, 200);
            }
            AtomicInteger next = new AtomicInteger();
            Meter m = Meter.start(null);
            runWorkers(4, mode.streamCapS, () -> {
                if (next.getAndIncrement() >= mode.zeroN) {
                    return false;
                }
                send(null, req, 200);
                return true;
            });
            Meter.Result r = m.stop();
            int n = Math.min(next.get(), mode.zeroN);
            record(
                    "machine",
                    "zero_work_http",
                    null,
                    n / r.seconds,
                    "req/s",
                    r.clientCores,
                    Double.NaN,
                    "JDK HttpServer serving 2 bytes, 4 clients, " + n + " requests");
        }
    }

    // ---------------------------------------------------------------- STOW

    /**
     * Every target first stores throwaway copies of the CT series (epochs 9000 and up) and of the small studies
     * (other UIDs, the same patients), unmeasured, so that no STOW figure is a JIT compiler's warm-up: a server is
     * measured as it runs after its first minutes. The small studies warm what a series of one study does not: a
     * new study and series every few instances.
     */
    void warmUp() throws Exception {
        List<Path> files = ctFiles();
        for (int pass = 0; pass < mode.warmUpPasses; pass++) {
            for (Target t : order(pass)) {
                Stowed w = stowOnce(t, "warm-up", files, 9000 + pass, 4);
                log(
                        "warm-up  %-34s %-9s %12.1f instances/s (not recorded)",
                        "stow_ct_c4 copy " + (pass + 1), t.name, w.instances / w.seconds);
            }
        }
        List<Path> small = smallFiles();
        for (Target t : targets) {
            Stowed w = stowOnce(t, "warm-up", small, f -> replaceInHeader(f, "2.25.2", "2.25.9"), 4);
            log(
                    "warm-up  %-34s %-9s %12.1f instances/s (not recorded)",
                    "stow_small copy", t.name, w.instances / w.seconds);
        }
    }

    List<Path> smallFiles() throws IOException {
        try (Stream<Path> s = Files.list(corpus.resolve("small"))) {
            return s.sorted().toList();
        }
    }

    /** A warm-up pass of reads counts as steady once its rate is within this share of the pass before. */
    static final double STEADY = 0.05;
    /** Warm-up requests of reads per target at least: about where a JIT compiler has compiled a request's path. */
    static final int MIN_READ_WARM_UP_REQUESTS = 10_000;
    /** Warm-up passes of reads per target at most, however the rate moves. */
    static final int MAX_READ_WARM_UP_PASSES = 20;

    /**
     * Before the reads are measured, each target serves the requests they are made of, unmeasured, from the
     * first warm-up copy (epoch 9000): instances, frames and the series' metadata, pass after pass, at least
     * {@value #MIN_READ_WARM_UP_REQUESTS} requests and then until two passes in a row run at rates within
     * {@value #STEADY} of each other (at most {@value #MAX_READ_WARM_UP_PASSES} passes, within stowCapS seconds).
     * A JIT-compiled server compiles the code a request runs through only after some thousands of requests:
     * with 2,000 warm-up requests, our server's first measured rounds ran at 45% and 85% of its later rate, at
     * up to twice the CPU per request, and a short run reported its warm-up. The measured copy (epoch 0)
     * stays unread, so its first metadata request is still a first request.
     */
    void warmUpReads() throws Exception {
        int count = Integer.parseInt(manifest.getProperty("ct.count"));
        String prefix = withEpoch(
                "/studies/" + manifest.getProperty("ct.study") + "/series/" + manifest.getProperty("ct.series"), 9000);
        for (Target t : targets) {
            List<Req> reqs = new ArrayList<>();
            reqs.add(get(t, prefix + "/metadata", DICOM_JSON));
            for (int i = 1; i <= count; i++) {
                String instance = prefix + "/instances/" + withEpoch(manifest.getProperty("ct.sop." + i), 9000);
                reqs.add(get(t, instance, ACCEPT_INSTANCE));
                reqs.add(get(t, instance + "/frames/1", ACCEPT_FRAME));
            }
            long t0 = System.nanoTime();
            long deadline = t0 + (long) (mode.stowCapS * 1e9);
            List<String> rates = new ArrayList<>();
            double previous = Double.NaN;
            int passes = 0;
            int requests = 0;
            while (passes < MAX_READ_WARM_UP_PASSES && System.nanoTime() < deadline) {
                AtomicInteger next = new AtomicInteger();
                long p0 = System.nanoTime();
                runWorkers(4, (deadline - p0) / 1e9, () -> {
                    int i = next.getAndIncrement();
                    if (i >= reqs.size()) {
                        return false;
                    }
                    send(t, reqs.get(i), 200);
                    return true;
                });
                int done = Math.min(next.get(), reqs.size());
                double rate = done / ((System.nanoTime() - p0) / 1e9);
                requests += done;
                passes++;
                rates.add(String.format(Locale.ROOT, "%.0f", rate));
                boolean steady = Math.abs(rate - previous) <= STEADY * previous;
                previous = rate;
                if (requests >= MIN_READ_WARM_UP_REQUESTS && steady) {
                    break;
                }
            }
            log(
                    "warm-up  %-34s %-9s %12d requests in %.1f s, %d passes at %s req/s (not recorded)",
                    "instances, frames, metadata",
                    t.name,
                    requests,
                    (System.nanoTime() - t0) / 1e9,
                    passes,
                    String.join(", ", rates));
        }
    }

    /**
     * STOW of CT series of several matrix sizes (epochs 8000 and up, so each is a new series), 4 clients, two
     * copies of each with the target order swapped: how
     * throughput grows with the instance size, from per-instance costs to per-byte costs.
     */
    void stowBySize() throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(sizes)) {
            dirs = s.filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt(
                            d -> Integer.parseInt(d.getFileName().toString())))
                    .toList();
        }
        for (int k = 0; k < dirs.size(); k++) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dirs.get(k).resolve("ct"))) {
                files = s.sorted().toList();
            }
            long bytes = Files.size(files.get(0));
            String px = dirs.get(k).getFileName().toString();
            // Two copies, A B then B A: one short upload per target is at the mercy of a moment's drift.
            Map<String, Stowed> sum = new LinkedHashMap<>();
            for (int copy = 0; copy < 2; copy++) {
                for (Target t : order(copy)) {
                    sum.merge(t.name, stowOnce(t, "stow_size_" + px, files, 8000 + 2 * k + copy, 4), Stowed::plus);
                }
            }
            for (Target t : targets) {
                recordStow(
                        t,
                        "stow_size_" + px,
                        sum.get(t.name),
                        files.size() + " CT instances of " + px + "x" + px + " (" + bytes / 1024
                                + " KiB each), 4 clients, 2 copies");
            }
        }
    }

    void stowSmallStudies() throws Exception {
        List<Path> files = smallFiles();
        // Two halves, A B then B A: the first writes into an empty index are not all one target's.
        List<List<Path>> halves =
                List.of(files.subList(0, files.size() / 2), files.subList(files.size() / 2, files.size()));
        Map<String, Stowed> sum = new LinkedHashMap<>();
        for (int h = 0; h < halves.size(); h++) {
            for (Target t : order(h)) {
                sum.merge(t.name, stowOnce(t, "stow_small", halves.get(h), 0, 4), Stowed::plus);
            }
        }
        for (Target t : targets) {
            recordStow(
                    t,
                    "stow_small",
                    sum.get(t.name),
                    "small studies (64x64), " + files.size() + " instances, 4 clients, in two halves");
        }
    }

    void stowCtSeries() throws Exception {
        List<Path> files = ctFiles();
        Map<Integer, Map<String, Stowed>> byClients = new TreeMap<>();
        for (int level = 0; level < mode.stowClients.length; level++) {
            int clients = mode.stowClients[level];
            // Level 0 stores the series with its own UIDs (epoch 0): the copy every read test uses.
            for (Target t : order(level)) {
                byClients
                        .computeIfAbsent(clients, k -> new LinkedHashMap<>())
                        .merge(t.name, stowOnce(t, "stow_ct_c" + clients, files, level, clients), Stowed::plus);
            }
        }
        for (Map.Entry<Integer, Map<String, Stowed>> e : byClients.entrySet()) {
            for (Target t : targets) {
                Stowed st = e.getValue().get(t.name);
                recordStow(
                        t,
                        "stow_ct_c" + e.getKey(),
                        st,
                        files.size() + "-slice CT series, " + e.getKey() + " clients, " + st.instances / files.size()
                                + " fresh copies");
            }
        }
    }

    void stowMultiFrame() throws Exception {
        List<Path> files = List.of(corpus.resolve("mf/mf-0001.dcm"));
        Map<String, Stowed> sum = new LinkedHashMap<>();
        for (int round = 0; round < mode.rounds; round++) {
            for (Target t : order(round)) {
                sum.merge(t.name, stowOnce(t, "stow_multiframe", files, round, 1), Stowed::plus);
            }
        }
        for (Target t : targets) {
            recordStow(
                    t,
                    "stow_multiframe",
                    sum.get(t.name),
                    manifest.getProperty("mf.frames") + "-frame instance, one request, " + mode.rounds
                            + " fresh copies");
        }
    }

    /** {@code auxCpuSeconds}: the CPU of each of the target's {@code --aux} processes, in their order. */
    record Stowed(
            int instances,
            long bytes,
            double seconds,
            double clientCpuSeconds,
            double serverCpuSeconds,
            double[] auxCpuSeconds) {
        Stowed plus(Stowed o) {
            return new Stowed(
                    instances + o.instances,
                    bytes + o.bytes,
                    seconds + o.seconds,
                    clientCpuSeconds + o.clientCpuSeconds,
                    serverCpuSeconds + o.serverCpuSeconds,
                    sum(auxCpuSeconds, o.auxCpuSeconds));
        }
    }

    static double[] sum(double[] a, double[] b) {
        double[] s = new double[Math.max(a.length, b.length)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
        }
        return s;
    }

    void recordStow(Target t, String metric, Stowed s, String note) {
        double cc = s.clientCpuSeconds / s.seconds;
        double sc = s.serverCpuSeconds / s.seconds;
        record("stow", metric + "_instances", t, s.instances / s.seconds, "instances/s", cc, sc, note);
        record("stow", metric + "_mb", t, s.bytes / 1e6 / s.seconds, "MB/s", cc, sc, note);
        recordAux(t, metric + "_instances", s.auxCpuSeconds, s.instances, "ms/instance");
    }

    /** The CPU of each of the target's --aux processes per operation, one row each, its label in the note. */
    void recordAux(Target t, String metric, double[] cpuSeconds, int operations, String unit) {
        int i = 0;
        for (String label : AUX.getOrDefault(t.name, Map.of()).keySet()) {
            double v = i < cpuSeconds.length ? cpuSeconds[i] * 1e3 / Math.max(1, operations) : Double.NaN;
            record("aux", metric, t, v, unit, Double.NaN, Double.NaN, label);
            i++;
        }
    }

    /** Stores files, 10 per multipart/related request, by `clients` workers; fails unless all are stored. */
    Stowed stowOnce(Target t, String metric, List<Path> files, int epoch, int clients) throws Exception {
        return stowOnce(t, metric, files, f -> withEpoch(f, epoch), clients);
    }

    /** As above, each file's UIDs rewritten by {@code rewrite} (the small studies: 2.25.2... see Generator.smallUid). */
    Stowed stowOnce(
            Target t, String metric, List<Path> files, java.util.function.UnaryOperator<byte[]> rewrite, int clients)
            throws Exception {
        int perRequest = 10;
        int requests = (files.size() + perRequest - 1) / perRequest;
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicInteger stored = new AtomicInteger();
        URI uri = URI.create(t.base + "/studies");
        Meter m = Meter.start(t);
        runWorkers(clients, mode.stowCapS, () -> {
            int r = next.getAndIncrement();
            if (r >= requests) {
                return false;
            }
            String boundary = "bench-" + Long.toHexString(System.nanoTime()) + "-" + r;
            ByteArrayOutputStream body = new ByteArrayOutputStream(6 << 20);
            int parts = 0;
            for (int i = r * perRequest; i < Math.min(files.size(), (r + 1) * perRequest); i++) {
                byte[] dicom = rewrite.apply(Files.readAllBytes(files.get(i)));
                body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                body.writeBytes(dicom);
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                bytes.addAndGet(dicom.length);
                parts++;
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            Req req = new Req(
                    "POST",
                    uri,
                    DICOM_JSON,
                    "multipart/related; type=\"application/dicom\"; boundary=" + boundary,
                    body.toByteArray());
            Resp resp = send(t, req, 200);
            String json = new String(resp.body(), StandardCharsets.UTF_8);
            if (hasFailedSops(json)) {
                throw new BenchFailure(t.name + ": STOW reported failed SOPs: " + excerpt(json));
            }
            stored.addAndGet(parts);
            return true;
        });
        Meter.Result res = m.stop();
        if (stored.get() != files.size()) {
            throw new BenchFailure(t.name + ": " + metric + " stored " + stored.get() + " of " + files.size()
                    + " instances within the time cap of " + mode.stowCapS + " s");
        }
        return new Stowed(
                stored.get(),
                bytes.get(),
                res.seconds,
                res.clientCores * res.seconds,
                res.serverCores * res.seconds,
                res.auxCpuSeconds);
    }

    /** Rewrites the 4-digit epoch in every UID of the header (never inside pixel data), same length. */
    static String withEpoch(String path, int epoch) {
        return path.replace("2.25.10000", String.format(Locale.ROOT, "2.25.1%04d", epoch));
    }

    static byte[] withEpoch(byte[] file, int epoch) {
        if (epoch == 0) {
            return file;
        }
        return replaceInHeader(file, "2.25.10000", String.format(Locale.ROOT, "2.25.1%04d", epoch));
    }

    /** Replaces a UID prefix of the same length everywhere before the pixel data. */
    static byte[] replaceInHeader(byte[] file, String fromPrefix, String toPrefix) {
        byte[] from = fromPrefix.getBytes(StandardCharsets.US_ASCII);
        byte[] to = toPrefix.getBytes(StandardCharsets.US_ASCII);
        int end = indexOf(file, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00}, 132);
        end = end < 0 ? file.length : end;
        for (int i = indexOf(file, from, 0); i >= 0 && i < end; i = indexOf(file, from, i + from.length)) {
            System.arraycopy(to, 0, file, i, to.length);
        }
        return file;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------- reads

    void seriesMetadata() throws Exception {
        String path = "/studies/" + manifest.getProperty("ct.study") + "/series/" + manifest.getProperty("ct.series")
                + "/metadata";
        int expected = Integer.parseInt(manifest.getProperty("ct.count"));
        // Cold: the first metadata request for a series since it was stored (the OS page cache is warm);
        // every stored copy of the CT series gives one sample.
        Map<String, List<Double>> cold = new LinkedHashMap<>();
        Map<String, double[]> coldCpu = new LinkedHashMap<>();
        long bodyBytes = 0;
        for (int epoch = 0; epoch < mode.stowClients.length; epoch++) {
            String copy = withEpoch(path, epoch);
            for (Target t : order(epoch)) {
                Meter m = Meter.start(t);
                Resp resp = send(t, get(t, copy, DICOM_JSON), 200);
                Meter.Result r = m.stop();
                int n = count(resp.body(), "\"00080018\"");
                if (n != expected) {
                    throw new BenchFailure(
                            t.name + ": series metadata listed " + n + " instances, expected " + expected);
                }
                bodyBytes = resp.body().length;
                cold.computeIfAbsent(t.name, k -> new ArrayList<>()).add(r.seconds * 1000);
                double[] cpu = coldCpu.computeIfAbsent(t.name, k -> new double[3]);
                cpu[0] += r.seconds;
                cpu[1] += r.clientCores * r.seconds;
                cpu[2] += r.serverCores * r.seconds;
            }
        }
        for (Target t : targets) {
            double[] v = cold.get(t.name).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            double[] cpu = coldCpu.get(t.name);
            record(
                    "metadata",
                    "series_metadata_cold",
                    t,
                    pct(v, 50),
                    "ms",
                    cpu[1] / cpu[0],
                    cpu[2] / cpu[0],
                    expected + " instances, " + bodyBytes / 1024
                            + " KiB of JSON, first request per stored copy, median of " + v.length);
        }
        for (int round = 0; round < mode.rounds; round++) {
            interleavedLoop(
                    "metadata",
                    "series_metadata_warm",
                    t -> repeat(get(t, path, DICOM_JSON), mode.warmMetadataN),
                    mode.loopCapS,
                    expected + " instances, repeated");
        }
        // As a browser asks (Accept-Encoding: gzip): the first such request per stored copy, then repeated.
        Map<String, List<Double>> first = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int epoch = 0; epoch < mode.stowClients.length; epoch++) {
            for (Target t : order(epoch)) {
                Req req = gzip(get(t, withEpoch(path, epoch), DICOM_JSON));
                long s0 = System.nanoTime();
                Resp resp = send(t, req, 200);
                first.computeIfAbsent(t.name, k -> new ArrayList<>()).add((System.nanoTime() - s0) / 1e6);
                int n = count(resp.decoded(), "\"00080018\"");
                if (n != expected) {
                    throw new BenchFailure(
                            t.name + ": gzip series metadata listed " + n + " instances, expected " + expected);
                }
                sizes.put(t.name, (long) resp.body().length);
            }
        }
        for (Target t : targets) {
            double[] v = first.get(t.name).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            record(
                    "metadata",
                    "series_metadata_gzip_first",
                    t,
                    pct(v, 50),
                    "ms",
                    Double.NaN,
                    Double.NaN,
                    expected + " instances, Accept-Encoding: gzip, " + sizes.get(t.name) / 1024
                            + " KiB sent, first such request per stored copy, median of " + v.length);
        }
        for (int round = 0; round < mode.rounds; round++) {
            interleavedLoop(
                    "metadata",
                    "series_metadata_gzip_warm",
                    t -> repeat(gzip(get(t, path, DICOM_JSON)), mode.warmMetadataN),
                    mode.loopCapS,
                    expected + " instances, Accept-Encoding: gzip, repeated");
        }
    }

    static Req gzip(Req r) {
        return new Req(r.method(), r.uri(), r.accept(), r.contentType(), r.body(), "gzip", r.authorization());
    }

    void qido() throws Exception {
        String study = manifest.getProperty("ct.study");
        String series = manifest.getProperty("ct.series");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(
                "qido_study_list", "/studies?limit=101&offset=0&fuzzymatching=false&includefield=00081030%2C00080060");
        queries.put("qido_patient_name_prefix", "/studies?PatientName=ABC*");
        queries.put("qido_study_date_range", "/studies?StudyDate=20200101-20201231");
        queries.put("qido_modalities_in_study", "/studies?ModalitiesInStudy=MR");
        queries.put("qido_accession_number", "/studies?AccessionNumber=" + manifest.getProperty("query.accession"));
        queries.put("qido_series_of_study", "/studies/" + study + "/series");
        queries.put("qido_instances_of_series", "/studies/" + study + "/series/" + series + "/instances");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            String key = q.getKey().contains("instances")
                    ? "\"00080018\""
                    : q.getKey().contains("series") ? "\"0020000E\"" : "\"0020000D\"";
            for (Target t : targets) {
                Resp resp = send(t, get(t, q.getValue(), DICOM_JSON), 200);
                record(
                        "qido",
                        q.getKey() + "_matches",
                        t,
                        count(resp.body(), key),
                        "results",
                        Double.NaN,
                        Double.NaN,
                        q.getValue());
            }
            for (int round = 0; round < mode.rounds; round++) {
                interleavedLoop(
                        "qido",
                        q.getKey(),
                        t -> repeat(get(t, q.getValue(), DICOM_JSON), mode.qidoLatencyN),
                        mode.loopCapS,
                        "1 client: " + q.getValue());
                for (Target t : order(round)) {
                    latencyLoop(
                            t,
                            "qido",
                            q.getKey() + "_c4",
                            get(t, q.getValue(), DICOM_JSON),
                            4,
                            mode.qidoThroughputN,
                            "4 clients: " + q.getValue());
                }
            }
        }
    }

    void wadoInstances() throws Exception {
        int count = Integer.parseInt(manifest.getProperty("ct.count"));
        String prefix = "/studies/" + manifest.getProperty("ct.study") + "/series/" + manifest.getProperty("ct.series")
                + "/instances/";
        for (int round = 0; round < mode.rounds; round++) {
            for (Target t : order(round)) {
                List<Req> reqs = new ArrayList<>();
                for (int pass = 0; pass < mode.wadoPasses; pass++) {
                    for (int i = 1; i <= count; i++) {
                        reqs.add(get(t, prefix + manifest.getProperty("ct.sop." + i), ACCEPT_INSTANCE));
                    }
                }
                throughputLoop(
                        t,
                        "wado",
                        "wado_instance",
                        reqs,
                        4,
                        mode.streamCapS,
                        "4 clients, the " + count + " CT instances " + mode.wadoPasses
                                + " times per round, multipart/related");
            }
            if (staticServer != null) {
                staticFiles(round);
            }
        }
        if (staticServer != null) {
            flushPending();
            Acc a = staticAcc;
            String note = "nginx (sendfile) serving the same CT files as plain GETs, 4 clients, the " + count
                    + " files " + mode.wadoPasses + " times per round, n=" + a.n;
            record(
                    "machine",
                    "static_file_rate",
                    null,
                    a.n / a.seconds,
                    "req/s",
                    a.clientCpu / a.seconds,
                    Double.NaN,
                    note);
            record(
                    "machine",
                    "static_file_mb",
                    null,
                    a.bytes / 1e6 / a.seconds,
                    "MB/s",
                    a.clientCpu / a.seconds,
                    Double.NaN,
                    note);
        }
    }

    final Acc staticAcc = new Acc();

    /** The baseline of instance retrieval: the same files, from a static file server, by the same client. */
    void staticFiles(int round) throws Exception {
        List<Path> files = ctFiles();
        List<Req> reqs = new ArrayList<>();
        for (int pass = 0; pass < mode.wadoPasses; pass++) {
            for (Path f : files) {
                reqs.add(new Req(
                        "GET",
                        URI.create(staticServer.base + "/ct/" + f.getFileName()),
                        "application/dicom",
                        null,
                        null));
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Meter m = Meter.start(staticServer);
        runWorkers(4, mode.streamCapS, () -> {
            int i = next.getAndIncrement();
            if (i >= reqs.size()) {
                return false;
            }
            bytes.addAndGet(send(staticServer, reqs.get(i), 200).body().length);
            return true;
        });
        Meter.Result r = m.stop();
        staticAcc.n += Math.min(next.get(), reqs.size());
        staticAcc.seconds += r.seconds;
        staticAcc.bytes += bytes.get();
        staticAcc.clientCpu += r.clientCores * r.seconds;
    }

    void frames() throws Exception {
        int count = Integer.parseInt(manifest.getProperty("ct.count"));
        String prefix = "/studies/" + manifest.getProperty("ct.study") + "/series/" + manifest.getProperty("ct.series")
                + "/instances/";
        int frames = Integer.parseInt(manifest.getProperty("mf.frames"));
        String mfPrefix = "/studies/" + manifest.getProperty("mf.study") + "/series/"
                + manifest.getProperty("mf.series") + "/instances/" + manifest.getProperty("mf.sop") + "/frames/";
        for (int round = 0; round < mode.rounds; round++) {
            interleavedLoop(
                    "frames",
                    "frame_stack_scroll",
                    t -> {
                        List<Req> reqs = new ArrayList<>();
                        for (int pass = 0; pass < mode.scrollPasses; pass++) {
                            // Down the stack, then back up, as a reader scrolls.
                            for (int k = 1; k <= count; k++) {
                                int i = pass % 2 == 0 ? k : count + 1 - k;
                                reqs.add(get(
                                        t, prefix + manifest.getProperty("ct.sop." + i) + "/frames/1", ACCEPT_FRAME));
                            }
                        }
                        return reqs;
                    },
                    mode.streamCapS,
                    "1 client, frame 1 of each CT slice in order, " + mode.scrollPasses
                            + " passes down and up per round");
            interleavedLoop(
                    "frames",
                    "frame_multiframe_scroll",
                    t -> {
                        List<Req> mf = new ArrayList<>();
                        for (int f = 1; f <= frames; f++) {
                            mf.add(get(t, mfPrefix + f, ACCEPT_FRAME));
                        }
                        return mf;
                    },
                    mode.streamCapS,
                    "1 client, frames 1.." + frames + " of the multi-frame instance");
        }
    }

    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";
    static final String JPEG_LS = "1.2.840.10008.1.2.4.80";

    /**
     * Retrieval that makes the server compress what it stores uncompressed: the CT series as JPEG Lossless SV1 and
     * as JPEG-LS Lossless instances (4 clients, each instance once per round) and frame 1 of each slice as image/jpeg
     * (1 client, as a viewer that takes compressed frames scrolls). Orthanc 1.10 answers 500 ("cannot transcode")
     * for RLE Lossless and JPEG 2000, so these are the syntaxes both servers can be asked for.
     */
    void transcoding() throws Exception {
        int count = Integer.parseInt(manifest.getProperty("ct.count"));
        String prefix = "/studies/" + manifest.getProperty("ct.study") + "/series/" + manifest.getProperty("ct.series")
                + "/instances/";
        String frameAccept = "multipart/related; type=\"image/jpeg\"; transfer-syntax=" + JPEG_LOSSLESS;
        for (int round = 0; round < mode.rounds; round++) {
            for (String[] syntax : new String[][] {
                {"jpeg_lossless", JPEG_LOSSLESS, "JPEG Lossless SV1"}, {"jpeg_ls", JPEG_LS, "JPEG-LS Lossless"}
            }) {
                for (Target t : order(round)) {
                    List<Req> reqs = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        reqs.add(get(
                                t,
                                prefix + manifest.getProperty("ct.sop." + i),
                                "multipart/related; type=\"application/dicom\"; transfer-syntax=" + syntax[1]));
                    }
                    throughputLoop(
                            t,
                            "transcode",
                            "wado_instance_" + syntax[0],
                            reqs,
                            4,
                            mode.streamCapS,
                            "4 clients, the " + count + " CT instances once per round as " + syntax[2]
                                    + " (transfer-syntax=" + syntax[1] + ")");
                }
            }
            interleavedLoop(
                    "transcode",
                    "frame_jpeg_lossless_scroll",
                    t -> {
                        List<Req> reqs = new ArrayList<>();
                        for (int k = 1; k <= count; k++) {
                            reqs.add(get(t, prefix + manifest.getProperty("ct.sop." + k) + "/frames/1", frameAccept));
                        }
                        return reqs;
                    },
                    mode.streamCapS,
                    "1 client, frame 1 of each CT slice in order as image/jpeg (JPEG Lossless SV1)");
        }
    }

    // ---------------------------------------------------------------- loops

    final Map<String, List<Double>> samples = new TreeMap<>();

    /** The same request n times by `clients` workers; latencies accumulate over rounds. */
    void latencyLoop(Target t, String section, String metric, Req req, int clients, int n, String note)
            throws Exception {
        throughputLoop(t, section, metric, repeat(req, n), clients, mode.loopCapS, note);
    }

    /** Each request once, handed to `clients` workers in order; records latency percentiles and rates. */
    void throughputLoop(Target t, String section, String metric, List<Req> reqs, int clients, double capS, String note)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        double[] lat = new double[reqs.size()];
        Meter m = Meter.start(t);
        runWorkers(clients, capS, () -> {
            int i = next.getAndIncrement();
            if (i >= reqs.size()) {
                return false;
            }
            long s = System.nanoTime();
            Resp resp = send(t, reqs.get(i), 200);
            lat[i] = (System.nanoTime() - s) / 1e6;
            bytes.addAndGet(resp.body().length);
            return true;
        });
        Meter.Result r = m.stop();
        int done = Math.min(next.get(), reqs.size());
        // Each loop's own figures, so warm-up and drift between rounds show in the log (the results sum them).
        log(
                "round    %-34s %-9s %12d requests at %.0f/s, server %.2f ms CPU each, client %.2f cores",
                metric,
                t.name,
                done,
                done / r.seconds,
                r.serverCores * r.seconds * 1e3 / Math.max(1, done),
                r.clientCores);
        String key = section + "\t" + metric + "\t" + t.name;
        List<Double> all = samples.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = 0; i < done; i++) {
            all.add(lat[i]);
        }
        // Rates and CPU are summed over rounds; percentiles are over every sample so far.
        Acc acc = accs.computeIfAbsent(key, k -> new Acc());
        acc.n += done;
        acc.seconds += r.seconds;
        acc.wall += r.seconds;
        acc.bytes += bytes.get();
        acc.clientCpu += r.clientCores * r.seconds;
        acc.serverCpu += r.serverCores * r.seconds;
        acc.auxCpu = sum(acc.auxCpu, r.auxCpuSeconds);
        acc.capped |= done < reqs.size();
        acc.note = note;
    }

    static List<Req> repeat(Req req, int n) {
        return java.util.Collections.nCopies(n, req);
    }

    /**
     * One client, the targets taking turns request by request (A B, then B A at the next request), each target's
     * i-th request right after the other's: drift on the shared machine hits both alike, which separate loops of a
     * second each cannot promise. Latency and rate are over each target's own requests. A server's CPU is all it
     * used during the loop (work after answering included), given per second of its own requests so that CPU per
     * request stays cores / rate; the client's share is over the whole loop, both targets' requests. Stops at the
     * request count or after capS seconds per target.
     */
    void interleavedLoop(String section, String metric, Function<Target, List<Req>> requests, double capS, String note)
            throws Exception {
        Map<Target, List<Req>> reqs = new LinkedHashMap<>();
        Map<Target, Acc> round = new LinkedHashMap<>();
        Map<Target, Double> serverStart = new LinkedHashMap<>();
        Map<Target, double[]> auxStart = new LinkedHashMap<>();
        for (Target t : targets) {
            reqs.put(t, requests.apply(t));
            round.put(t, new Acc());
            serverStart.put(t, serverCpuSeconds(t));
            auxStart.put(t, auxCpuSeconds(t));
        }
        int n = reqs.get(targets.get(0)).size();
        long start = System.nanoTime();
        long clientStart = OS.getProcessCpuTime();
        long deadline = start + (long) (capS * targets.size() * 1e9);
        int done = 0;
        try {
            for (; done < n && System.nanoTime() < deadline; done++) {
                for (Target t : order(done)) {
                    long w0 = System.nanoTime();
                    Resp resp = send(t, reqs.get(t).get(done), 200);
                    long w1 = System.nanoTime();
                    Acc a = round.get(t);
                    a.seconds += (w1 - w0) / 1e9;
                    a.bytes += resp.body().length;
                    samples.computeIfAbsent(section + "\t" + metric + "\t" + t.name, k -> new ArrayList<>())
                            .add((w1 - w0) / 1e6);
                }
            }
        } finally {
            Http.closeThreadConnections();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double clientCpu = (OS.getProcessCpuTime() - clientStart) / 1e9;
        for (Target t : targets) {
            Acc a = round.get(t);
            Acc acc = accs.computeIfAbsent(section + "\t" + metric + "\t" + t.name, k -> new Acc());
            acc.n += done;
            acc.seconds += a.seconds;
            acc.wall += wall;
            acc.bytes += a.bytes;
            acc.clientCpu += clientCpu; // the client's CPU over the whole loop: both targets' requests
            acc.serverCpu += serverCpuSeconds(t) - serverStart.get(t);
            double[] aux = auxCpuSeconds(t);
            double[] a0 = auxStart.get(t);
            for (int i = 0; i < aux.length; i++) {
                aux[i] -= a0[i];
            }
            acc.auxCpu = sum(acc.auxCpu, aux);
            acc.capped |= done < n;
            acc.note = note + ", targets interleaved request by request";
        }
    }

    static final class Acc {
        int n;
        /** Seconds the target's own requests took: what rates are over. */
        double seconds;
        /** Seconds the loop ran: what the client's CPU share is over. Equal to seconds unless targets were interleaved. */
        double wall;

        long bytes;
        double clientCpu;
        double serverCpu;
        double[] auxCpu = new double[0];
        boolean capped;
        String note;
    }

    final Map<String, Acc> accs = new LinkedHashMap<>();

    void flushLoops() {
        for (Map.Entry<String, Acc> e : accs.entrySet()) {
            String[] k = e.getKey().split("\t");
            Target t = targets.stream()
                    .filter(x -> x.name.equals(k[2]))
                    .findFirst()
                    .orElseThrow();
            Acc a = e.getValue();
            double[] s = samples.get(e.getKey()).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            // Server cores per second of its own requests, so that cores / rate is its CPU per request.
            double cc = a.clientCpu / a.wall;
            double sc = a.serverCpu / a.seconds;
            String note = a.note + ", n=" + a.n + (a.capped ? ", loops ended by the time cap" : "");
            record(k[0], k[1] + "_p50", t, pct(s, 50), "ms", cc, sc, note);
            record(k[0], k[1] + "_p95", t, pct(s, 95), "ms", cc, sc, note);
            record(k[0], k[1] + "_rate", t, a.n / a.seconds, "req/s", cc, sc, note);
            if (!k[0].equals("qido") && !k[0].equals("metadata")) {
                record(k[0], k[1] + "_mb", t, a.bytes / 1e6 / a.seconds, "MB/s", cc, sc, note);
            }
            recordAux(t, k[1], a.auxCpu, a.n, "ms/req");
            for (int p = 0; p <= 100; p += 5) {
                record("dist", k[1], t, pct(s, Math.max(p, 1)), "ms", Double.NaN, Double.NaN, "p" + p);
            }
        }
        accs.clear();
    }

    static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    interface Step {
        boolean next() throws Exception;
    }

    /** `workers` threads call step until it returns false or the time cap passes; the first failure wins. */
    static void runWorkers(int workers, double capSeconds, Step step) throws Exception {
        long deadline = System.nanoTime() + (long) (capSeconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                fs.add(pool.submit(() -> {
                    try {
                        while (System.nanoTime() < deadline && step.next()) {
                            // next request
                        }
                    } finally {
                        Http.closeThreadConnections();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof BenchFailure b) {
                        throw b;
                    }
                    throw new BenchFailure("request failed: " + e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- HTTP

    Req get(Target t, String path, String accept) {
        return new Req("GET", URI.create(t.base + path), accept, null, null);
    }

    Resp send(Target t, Req req, int expected) throws IOException {
        if (t != null && t.bearer != null && req.authorization() == null) {
            req = req.withBearer(t.bearer.get());
        }
        Resp resp = Http.exchange(req);
        if (resp.status() != expected) {
            throw new BenchFailure((t == null ? "machine" : t.name) + ": " + req.method() + " " + req.uri()
                    + " answered " + resp.status() + " (expected " + expected + "): "
                    + excerpt(new String(resp.body(), StandardCharsets.UTF_8)));
        }
        return resp;
    }

    /** Failed SOP Sequence (0008,1198), PS3.18 Table 10.5.3-1: present but empty is success. */
    static boolean hasFailedSops(String json) {
        int at = json.indexOf("\"00081198\"");
        if (at < 0) {
            return false;
        }
        int close = json.indexOf('}', at);
        int value = json.indexOf("\"Value\"", at);
        if (value < 0 || (close >= 0 && close < value)) {
            return false;
        }
        int open = json.indexOf('[', value);
        return open >= 0 && !json.substring(open + 1).stripLeading().startsWith("]");
    }

    static String excerpt(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static int count(byte[] body, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        int c = 0;
        for (int i = indexOf(body, n, 0); i >= 0; i = indexOf(body, n, i + n.length)) {
            c++;
        }
        return c;
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Alternates the order of targets from round to round (A B, then B A) so drift hits both alike. */
    List<Target> order(int round) {
        List<Target> l = new ArrayList<>(targets);
        if (round % 2 == 1) {
            java.util.Collections.reverse(l);
        }
        return l;
    }

    List<Path> ctFiles() throws IOException {
        try (Stream<Path> s = Files.list(corpus.resolve("ct"))) {
            return s.sorted().toList();
        }
    }

    void record(
            String section,
            String metric,
            Target t,
            double value,
            String unit,
            double clientCores,
            double serverCores,
            String note) {
        if (!section.equals("dist")) {
            flushPending();
        }
        String line = String.join(
                "\t",
                section,
                metric,
                t == null ? "-" : t.name,
                num(value),
                unit,
                num(clientCores),
                num(serverCores),
                note);
        out.println(line);
        out.flush();
        if (!section.equals("dist")) {
            log(
                    "%-8s %-34s %-9s %12s %-11s client %s cores, server %s cores",
                    section, metric, t == null ? "-" : t.name, num(value), unit, num(clientCores), num(serverCores));
        }
    }

    boolean flushing;

    void flushPending() {
        if (!flushing && !accs.isEmpty()) {
            flushing = true;
            flushLoops();
            flushing = false;
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    static final long STARTED = System.nanoTime();

    static void log(String fmt, Object... args) {
        System.out.printf(Locale.ROOT, "[%6.1fs] " + fmt + "%n", prepend((System.nanoTime() - STARTED) / 1e9, args));
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static double vmHwmMiB(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static double processCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLK_TCK; // utime, stime
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Each target's server processes, when given as several (--target NAME=URL@PID+PID). */
    static final Map<String, long[]> SERVER_PIDS = new HashMap<>();
    /** Each target's --aux processes by label, in the order given. */
    static final Map<String, Map<String, long[]>> AUX = new HashMap<>();

    static long[] pids(String spec) {
        return Arrays.stream(spec.split("\\+")).mapToLong(Long::parseLong).toArray();
    }

    /** The target's server CPU: its one process, or the sum over its processes. */
    static double serverCpuSeconds(Target t) {
        long[] pids = SERVER_PIDS.get(t.name);
        if (pids == null) {
            return processCpuSeconds(t.pid);
        }
        double sum = 0;
        for (long pid : pids) {
            sum += processCpuSeconds(pid);
        }
        return sum;
    }

    /** CPU of each --aux process group of the target, each process with its children (PostgreSQL's backends). */
    static double[] auxCpuSeconds(Target t) {
        Map<String, long[]> groups = t == null ? Map.of() : AUX.getOrDefault(t.name, Map.of());
        if (groups.isEmpty()) {
            return new double[0];
        }
        Map<Long, List<Long>> children = childrenByParent();
        double[] cpu = new double[groups.size()];
        int i = 0;
        for (long[] roots : groups.values()) {
            for (long pid : roots) {
                cpu[i] += treeCpuSeconds(pid, children);
            }
            i++;
        }
        return cpu;
    }

    /** A process, the children it has waited for (cutime, cstime) and those still running, recursively. */
    static double treeCpuSeconds(long pid, Map<Long, List<Long>> children) {
        double sum = 0;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            sum = (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                    / (double) CLK_TCK;
        } catch (IOException | RuntimeException e) {
            return 0; // gone: its time went to its parent's cutime
        }
        for (long child : children.getOrDefault(pid, List.of())) {
            sum += treeCpuSeconds(child, children);
        }
        return sum;
    }

    static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p :
                    s.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    long ppid = Long.parseLong(
                            stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    children.computeIfAbsent(ppid, k -> new ArrayList<>())
                            .add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // the process ended while the list was read
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return children;
    }

    record Meter(Target target, long wall, long clientCpu, double serverCpu, double[] auxCpu) {
        static Meter start(Target t) {
            return new Meter(
                    t,
                    System.nanoTime(),
                    OS.getProcessCpuTime(),
                    t == null ? Double.NaN : serverCpuSeconds(t),
                    auxCpuSeconds(t));
        }

        Result stop() {
            double s = (System.nanoTime() - wall) / 1e9;
            double c = (OS.getProcessCpuTime() - clientCpu) / 1e9 / s;
            double sv = target == null ? Double.NaN : (serverCpuSeconds(target) - serverCpu) / s;
            double[] aux = auxCpuSeconds(target);
            for (int i = 0; i < aux.length; i++) {
                aux[i] -= auxCpu[i];
            }
            return new Result(s, c, sv, aux);
        }

        /** {@code auxCpuSeconds}: CPU seconds of each of the target's --aux process groups over the span. */
        record Result(double seconds, double clientCores, double serverCores, double[] auxCpuSeconds) {}
    }

    /**
     * A request; {@code acceptEncoding} is sent when not null (as browsers send {@code gzip} for metadata), and so is
     * {@code authorization}, the value of an Authorization header ({@code Bearer <token>}, RFC 6750 §2.1).
     */
    record Req(
            String method,
            URI uri,
            String accept,
            String contentType,
            byte[] body,
            String acceptEncoding,
            String authorization) {
        Req(String method, URI uri, String accept, String contentType, byte[] body) {
            this(method, uri, accept, contentType, body, null, null);
        }

        /** The same request with a bearer token. */
        Req withBearer(String token) {
            return new Req(method, uri, accept, contentType, body, acceptEncoding, "Bearer " + token);
        }
    }

    /** A response; {@code body} is as received, compressed when {@code contentEncoding} says so. */
    record Resp(int status, byte[] body, String contentEncoding) {
        /** The body with its content coding undone. */
        byte[] decoded() throws IOException {
            if (contentEncoding == null || contentEncoding.equalsIgnoreCase("identity")) {
                return body;
            }
            if (!contentEncoding.equalsIgnoreCase("gzip")) {
                throw new IOException("unexpected Content-Encoding " + contentEncoding);
            }
            try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * A minimal HTTP/1.1 client over plain sockets: one keep-alive connection per thread and server,
     * TCP_NODELAY, the request head written in one piece. On the 2-core benchmark machine the JDK's
     * HttpClient reached about a tenth of wrk's rate against the zero-work endpoint, so it would have
     * been the bottleneck of every small-request measurement.
     */
    static final class Http {
        static final ThreadLocal<Map<String, Http>> CONNECTIONS = ThreadLocal.withInitial(HashMap::new);
        final Socket socket;
        final BufferedInputStream in;
        final OutputStream out;
        /** Where a chunked body is put together; grows to the largest body on this connection. */
        byte[] scratch = new byte[1 << 16];

        Http(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        static Resp exchange(Req req) throws IOException {
            String key = req.uri().getHost() + ":" + req.uri().getPort();
            Map<String, Http> conns = CONNECTIONS.get();
            Http c = conns.get(key);
            if (c != null) {
                try {
                    return c.roundTrip(req, conns, key);
                } catch (EOFException | java.net.SocketException e) {
                    // The server closed an idle keep-alive connection: open a new one and send again.
                    c.close();
                    conns.remove(key);
                }
            }
            c = new Http(req.uri().getHost(), req.uri().getPort());
            conns.put(key, c);
            return c.roundTrip(req, conns, key);
        }

        static void closeThreadConnections() {
            for (Http c : CONNECTIONS.get().values()) {
                c.close();
            }
            CONNECTIONS.get().clear();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }

        Resp roundTrip(Req req, Map<String, Http> conns, String key) throws IOException {
            StringBuilder head = new StringBuilder(256);
            String target = req.uri().getRawPath()
                    + (req.uri().getRawQuery() == null ? "" : "?" + req.uri().getRawQuery());
            head.append(req.method())
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(req.uri().getHost())
                    .append(':')
                    .append(req.uri().getPort())
                    .append("\r\n")
                    .append("Accept: ")
                    .append(req.accept())
                    .append("\r\n");
            if (req.acceptEncoding() != null) {
                head.append("Accept-Encoding: ").append(req.acceptEncoding()).append("\r\n");
            }
            if (req.authorization() != null) {
                head.append("Authorization: ").append(req.authorization()).append("\r\n");
            }
            if (req.body() != null) {
                head.append("Content-Type: ")
                        .append(req.contentType())
                        .append("\r\n")
                        .append("Content-Length: ")
                        .append(req.body().length)
                        .append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (req.body() != null) {
                out.write(req.body());
            }
            out.flush();
            String status = line();
            if (status == null) {
                throw new EOFException("connection closed before the status line");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String encoding = null;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    case "content-encoding" -> encoding = value;
                    default -> {}
                }
            }
            byte[] body;
            if (chunked) {
                int n = 0;
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    if (n + size > scratch.length) {
                        scratch = Arrays.copyOf(scratch, Math.max(n + size, 2 * scratch.length));
                    }
                    readFully(scratch, n, size);
                    n += size;
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
                body = Arrays.copyOf(scratch, n);
            } else if (length >= 0) {
                body = new byte[(int) length];
                readFully(body, 0, body.length);
            } else if (code == 204 || code == 304 || req.method().equals("HEAD")) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
                close = true;
            }
            if (close) {
                close();
                conns.remove(key);
            }
            return new Resp(code, body, encoding);
        }

        /**
         * Reads exactly {@code len} bytes. Chunked and sized bodies cost the client the same copies, so that
         * its CPU share does not depend on how a server frames its answers: each body is copied once from the
         * socket buffer, a chunked one once more out of the connection's scratch array.
         */
        void readFully(byte[] b, int off, int len) throws IOException {
            int n = in.readNBytes(b, off, len);
            if (n != len) {
                throw new IOException("body ended after " + n + " of " + len + " bytes");
            }
        }

        int chunkSize() throws IOException {
            String l = line();
            if (l == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semi = l.indexOf(';');
            return Integer.parseInt((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
        }

        String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.isEmpty() ? null : sb.toString();
        }
    }

    static final class BenchFailure extends IOException {
        BenchFailure(String m) {
            super(m);
        }
    }

    static Map<String, List<String>> parseArgs(String[] args) {
        Map<String, List<String>> m = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            m.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        return m;
    }

    static String one(Map<String, List<String>> m, String k) {
        List<String> v = m.get(k);
        if (v == null || v.size() != 1) {
            throw new IllegalArgumentException("expected exactly one --" + k);
        }
        return v.get(0);
    }
}
