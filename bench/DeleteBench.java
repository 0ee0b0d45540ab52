import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The client of bench/delete.sh: the same study (the corpus's CT series) stored into every target, then deleted
 * whole, target after target, in rounds whose order alternates (A B C, then C B A), so drift on a shared machine
 * hits all alike. Ours is deleted with DICOMweb's {@code DELETE {root}/studies/{uid}}, Orthanc with its REST API's
 * {@code DELETE /studies/{id}} after {@code POST /tools/lookup} of the Study Instance UID. Each deletion is timed to
 * its answer and to the moment its last file is gone from the storage folder (a server may remove files after it
 * answers); the server's CPU (/proc/PID/stat) is taken over the same span. After each deletion both the server
 * (search, retrieve) and the storage folder must show nothing of the study: otherwise the run fails.
 *
 * <pre>
 * java DeleteBench.java --corpus DIR --rounds N --note FILE --command TEXT --meta KEY=VALUE...
 *      --target KIND,NAME,URL,PID,STORAGE,LABEL...     (KIND: ours or orthanc; URL without the DICOMweb root)
 * </pre>
 */
public class DeleteBench {
    static final long CLK_TCK = 100; // USER_HZ on Linux
    static final int PER_REQUEST = 10;
    static final int STORE_CLIENTS = 4;
    static final String BOUNDARY = "delete-bench-boundary";
    static final Duration FILES_GONE_CAP = Duration.ofSeconds(120);
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * A server; {@code dbApplication}, when not empty, is the application_name its PostgreSQL connections carry, so
     * that the database backends' CPU is counted with the server's.
     */
    record Target(String kind, String name, String url, long pid, Path storage, String dbApplication, String label) {
        boolean ours() {
            return kind.equals("ours");
        }

        /** The files that hold stored instances: ours keeps study/series/instance-version, Orthanc xx/yy/uuid. */
        long instanceFiles() throws IOException {
            if (!Files.isDirectory(storage)) {
                return 0;
            }
            Predicate<Path> counted = ours()
                    ? p -> {
                        String[] segments = storage.relativize(p).toString().split("/");
                        return segments.length == 3
                                && UID.matcher(segments[0]).matches()
                                && UID.matcher(segments[1]).matches();
                    }
                    : p -> true;
            try (Stream<Path> files = Files.walk(storage)) {
                return files.filter(Files::isRegularFile).filter(counted).count();
            }
        }
    }

    static final Pattern FAILED_SOPS = Pattern.compile("\"00081198\"\\s*:\\s*\\{[^}]*\"Value\"");
    static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)+");

    /** One timed deletion. */
    record Sample(
            int round,
            String target,
            double answerSeconds,
            double goneSeconds,
            double cpuSeconds,
            double dbCpuSeconds,
            double lookupSeconds) {}

    public static void main(String[] args) throws Exception {
        Path corpus = null;
        Path note = null;
        int rounds = 4;
        int warmUps = 2;
        String command = "";
        List<Target> targets = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--note" -> note = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warm-up" -> warmUps = Integer.parseInt(args[++i]);
                case "--command" -> command = args[++i];
                case "--meta" -> {
                    String[] kv = args[++i].split("=", 2);
                    meta.put(kv[0], kv[1]);
                }
                case "--target" -> {
                    String[] f = args[++i].split(",", 7);
                    targets.add(new Target(f[0], f[1], f[2], Long.parseLong(f[3]), Path.of(f[4]), f[5], f[6]));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Properties manifest = new Properties();
        try (var in = Files.newInputStream(corpus.resolve("manifest.properties"))) {
            manifest.load(in);
        }
        String study = manifest.getProperty("ct.study");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve("ct"))) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "study %s: %d instances, %.1f MB%n", study, files.size(), bytes / 1e6);

        // Unmeasured rounds first (numbered 0 and below): the JIT compiler and the caches warm up on them.
        List<Sample> samples = new ArrayList<>();
        for (int round = 1 - warmUps; round <= rounds; round++) {
            List<Target> order = new ArrayList<>(targets);
            if ((round - 1 + warmUps) % 2 == 1) {
                order = order.reversed();
            }
            for (Target t : order) {
                store(t, files, study);
                Sample s = delete(t, study, files.size(), round);
                System.out.printf(
                        Locale.ROOT,
                        "%s %-8s %6.0f instances/s to the answer, %6.0f until the files are gone; CPU %.3f ms/instance%n",
                        round <= 0 ? "warm-up" : "round " + round,
                        t.name(),
                        files.size() / s.answerSeconds(),
                        files.size() / s.goneSeconds(),
                        s.cpuSeconds() * 1000 / files.size());
                if (round > 0) {
                    samples.add(s);
                }
            }
        }
        Files.writeString(note, note(samples, targets, files.size(), bytes, rounds, warmUps, command, meta));
    }

    // ---- storing ----

    static void store(Target t, List<Path> files, String study) throws Exception {
        long before = t.instanceFiles();
        ExecutorService pool = Executors.newFixedThreadPool(STORE_CLIENTS);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < files.size(); i += PER_REQUEST) {
                List<Path> part = files.subList(i, Math.min(files.size(), i + PER_REQUEST));
                requests.add(pool.submit(() -> {
                    stow(t, part);
                    return null;
                }));
            }
            for (Future<?> f : requests) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long stored = t.instanceFiles() - before;
        if (stored < files.size()) {
            fail(t, "holds " + stored + " new instance files after storing " + files.size());
        }
    }

    static void stow(Target t, List<Path> part) throws IOException, InterruptedException {
        List<byte[]> body = new ArrayList<>();
        for (Path f : part) {
            body.add(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.add(Files.readAllBytes(f));
            body.add("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.add(("--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(t.url() + "/dicom-web/studies"))
                        .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                        .header("Accept", "application/dicom+json")
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // 00081198: Failed SOP Sequence, with items (Orthanc sends it empty).
        if (r.statusCode() != 200 || FAILED_SOPS.matcher(r.body()).find()) {
            fail(
                    t,
                    "STOW answered " + r.statusCode() + ": "
                            + r.body().substring(0, Math.min(500, r.body().length())));
        }
    }

    // ---- deleting ----

    static Sample delete(Target t, String study, int instances, int round) throws Exception {
        double lookup = 0;
        URI uri;
        if (t.ours()) {
            uri = URI.create(t.url() + "/dicom-web/studies/" + study);
        } else {
            long l0 = System.nanoTime();
            HttpResponse<String> found = HTTP.send(
                    HttpRequest.newBuilder(URI.create(t.url() + "/tools/lookup"))
                            .POST(HttpRequest.BodyPublishers.ofString(study))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            lookup = (System.nanoTime() - l0) / 1e9;
            var m = Pattern.compile("\"ID\"\\s*:\\s*\"([^\"]+)\"[^}]*\"Type\"\\s*:\\s*\"Study\"")
                    .matcher(found.body());
            if (found.statusCode() != 200 || !m.find()) {
                fail(t, "/tools/lookup of " + study + " answered " + found.statusCode() + ": " + found.body());
            }
            uri = URI.create(t.url() + "/studies/" + m.group(1));
        }
        int expected = t.ours() ? 204 : 200;
        double db0 = backendCpuSeconds(t.dbApplication());
        double cpu0 = cpuSeconds(t.pid());
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(300))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (r.statusCode() != expected) {
            fail(t, "DELETE " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        long deadline = answered + FILES_GONE_CAP.toNanos();
        long left;
        while ((left = t.instanceFiles()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long gone = System.nanoTime();
        double cpu1 = cpuSeconds(t.pid());
        double db1 = backendCpuSeconds(t.dbApplication());
        if (left > 0) {
            fail(
                    t,
                    left + " instance files still in " + t.storage() + " " + FILES_GONE_CAP.toSeconds()
                            + " s after the deletion was answered");
        }
        checkGone(t, study);
        return new Sample(
                round, t.name(), (answered - t0) / 1e9, (gone - t0) / 1e9, cpu1 - cpu0 + db1 - db0, db1 - db0, lookup);
    }

    /** The server knows nothing of the study any more: no search match, nothing to retrieve. */
    static void checkGone(Target t, String study) throws Exception {
        HttpResponse<String> search = HTTP.send(
                HttpRequest.newBuilder(URI.create(t.url() + "/dicom-web/studies?StudyInstanceUID=" + study))
                        .header("Accept", "application/dicom+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (!(search.statusCode() == 204
                || (search.statusCode() == 200 && search.body().strip().equals("[]")))) {
            fail(t, "QIDO-RS still finds the deleted study: " + search.statusCode() + " " + search.body());
        }
        HttpResponse<String> metadata = HTTP.send(
                HttpRequest.newBuilder(URI.create(t.url() + "/dicom-web/studies/" + study + "/metadata"))
                        .header("Accept", "application/dicom+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (metadata.statusCode() != 404) {
            fail(t, "WADO-RS metadata of the deleted study answered " + metadata.statusCode());
        }
    }

    /** CPU of the PostgreSQL backends serving connections named {@code application}; 0 for none. */
    static double backendCpuSeconds(String application) throws IOException, InterruptedException {
        if (application.isEmpty()) {
            return 0;
        }
        Process psql = new ProcessBuilder(
                        "psql",
                        "-qAt",
                        "-h",
                        "127.0.0.1",
                        "-U",
                        "postgres",
                        "-d",
                        "test",
                        "-c",
                        "select pid from pg_stat_activity where application_name = '" + application + "'")
                .redirectErrorStream(true)
                .start();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (psql.waitFor() != 0) {
            throw new IOException("psql: " + out);
        }
        double sum = 0;
        for (String pid : out.strip().split("\\s+")) {
            if (!pid.isEmpty()) {
                try {
                    sum += cpuSeconds(Long.parseLong(pid));
                } catch (IOException gone) {
                    // a connection closed meanwhile
                }
            }
        }
        return sum;
    }

    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLK_TCK; // utime, stime
    }

    static void fail(Target t, String why) {
        throw new IllegalStateException(t.name() + ": " + why);
    }

    // ---- the note ----

    static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    static List<Double> of(List<Sample> samples, Target t, java.util.function.ToDoubleFunction<Sample> f) {
        return samples.stream()
                .filter(s -> s.target().equals(t.name()))
                .sorted(Comparator.comparingInt(Sample::round))
                .map(s -> f.applyAsDouble(s))
                .toList();
    }

    static String note(
            List<Sample> samples,
            List<Target> targets,
            int instances,
            long bytes,
            int rounds,
            int warmUps,
            String command,
            Map<String, String> meta) {
        Target base = targets.stream().filter(t -> !t.ours()).findFirst().orElse(targets.get(0));
        StringBuilder md = new StringBuilder();
        md.append("## Deleting a study (bench/delete.sh)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`%s`, %s: the same study of %d CT instances of 512x512 (%.0f MB, the corpus of `bench/run.sh`) stored"
                        + " through STOW-RS (10 instances per request, 4 clients, unmeasured) into each server, then deleted"
                        + " whole, one server after the other, in %d rounds after %d unmeasured warm-up rounds, the order"
                        + " alternating. Ours: `DELETE /dicom-web/studies/{uid}` (204). Orthanc: `DELETE /studies/{id}` (200),"
                        + " its id found first with `POST /tools/lookup` of the Study Instance UID (not timed; median %.1f ms)."
                        + " Each deletion is timed to its answer and to the moment its last instance file is gone from the"
                        + " storage folder (polled every 10 ms); server CPU is the server process's user and system time"
                        + " (/proc/PID/stat, 10 ms ticks) over that span, per deleted instance; for ours on PostgreSQL it"
                        + " includes the PostgreSQL backends of the server's connections (found by their application_name),"
                        + " as Orthanc's SQLite and our H2 run inside their server's process. After each deletion the"
                        + " run checks that QIDO-RS finds no study, WADO-RS metadata answers 404 and no instance file is left,"
                        + " or fails. Machine: %s; load average %s at the start, %s at the end (the machine is shared).\n\n",
                command,
                meta.getOrDefault("date", ""),
                instances,
                bytes / 1e6,
                rounds,
                warmUps,
                median(of(samples, base, Sample::lookupSeconds)) * 1000,
                meta.getOrDefault("machine", ""),
                meta.getOrDefault("load.start", ""),
                meta.getOrDefault("load.end", "")));
        md.append(
                        "| server | version | deleted instances/s, to the answer (median) | until the files are gone | server CPU per instance | of it, PostgreSQL backends | ratio to ")
                .append(base.name())
                .append(" (until gone, median of per-round ratios) | CPU per instance, ratio to ")
                .append(base.name())
                .append(" | per round, instances/s until gone |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        List<Double> baseCpu = of(samples, base, s -> s.cpuSeconds() * 1000 / instances);
        for (Target t : targets) {
            List<Double> answer = of(samples, t, s -> instances / s.answerSeconds());
            List<Double> gone = of(samples, t, s -> instances / s.goneSeconds());
            List<Double> cpu = of(samples, t, s -> s.cpuSeconds() * 1000 / instances);
            List<Double> baseGone = of(samples, base, s -> instances / s.goneSeconds());
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < gone.size(); i++) {
                ratios.add(gone.get(i) / baseGone.get(i));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %,.0f | %.3f ms | %s | %.2f | %.2f | %s |%n",
                    t.label(),
                    meta.getOrDefault("version." + t.name(), ""),
                    median(answer),
                    median(gone),
                    median(cpu),
                    t.dbApplication().isEmpty()
                            ? "-"
                            : String.format(
                                    Locale.ROOT,
                                    "%.3f ms",
                                    median(of(samples, t, s -> s.dbCpuSeconds() * 1000 / instances))),
                    median(ratios),
                    median(cpu) / median(baseCpu),
                    String.join(
                            ", ",
                            gone.stream()
                                    .map(v -> String.format(Locale.ROOT, "%.0f", v))
                                    .toList())));
        }
        List<String> walls = new ArrayList<>();
        for (Target t : targets) {
            walls.add(String.format(
                    Locale.ROOT,
                    "%s %.2f ms",
                    t.name(),
                    median(of(samples, t, s -> s.goneSeconds() * 1000 / instances))));
        }
        md.append('\n')
                .append("Wall time per deleted instance (median): ")
                .append(String.join(", ", walls))
                .append(", several times the server CPU per instance: a deletion mostly waits (on the disk for the"
                        + " unlinks and the index's sync, and on a shared machine for the CPU other jobs hold), so the"
                        + " CPU per instance is the steadier measure of the work each server does.\n");
        return md.toString();
    }
}
