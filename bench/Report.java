import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Renders docs/benchmarks.md from every stored run (docs/bench-runs/RUN.tsv and RUN.properties, written
 * by bench/run.sh) and draws its plots with gnuplot into docs/img/. Stored runs are kept, so the
 * fairness run (Orthanc against Orthanc) stays in the page next to later comparisons.
 *
 * <pre>java Report.java DOCS_DIR</pre>
 */
public class Report {

    record Row(
            String section,
            String metric,
            String target,
            double value,
            String unit,
            double clientCpu,
            double serverCpu,
            String note) {}

    record Run(String name, Properties meta, List<Row> rows, List<String> targets) {
        Row get(String metric, String target) {
            return rows.stream()
                    .filter(r -> r.metric.equals(metric) && r.target.equals(target))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The headline table: metric id, what it measures, and whether higher is better. */
    static final String[][] HEADLINE = {
        {"stow_ct_c4_instances", "STOW CT series, 4 clients", "higher"},
        {"stow_ct_c4_mb", "STOW CT series, 4 clients", "higher"},
        {"stow_ct_c2_mb", "STOW CT series, 2 clients", "higher"},
        {"stow_ct_c1_mb", "STOW CT series, 1 client", "higher"},
        {"stow_small_instances", "STOW small studies, 4 clients", "higher"},
        {"stow_multiframe_mb", "STOW multi-frame instance", "higher"},
        {"qido_study_list_p50", "QIDO study list (OHIF), p50", "lower"},
        {"qido_study_list_p95", "QIDO study list (OHIF), p95", "lower"},
        {"qido_study_list_c4_rate", "QIDO study list (OHIF), 4 clients", "higher"},
        {"qido_patient_name_prefix_p50", "QIDO PatientName=ABC*, p50", "lower"},
        {"qido_patient_name_prefix_c4_rate", "QIDO PatientName=ABC*, 4 clients", "higher"},
        {"qido_study_date_range_p50", "QIDO StudyDate range, p50", "lower"},
        {"qido_study_date_range_c4_rate", "QIDO StudyDate range, 4 clients", "higher"},
        {"qido_modalities_in_study_p50", "QIDO ModalitiesInStudy=MR, p50", "lower"},
        {"qido_modalities_in_study_c4_rate", "QIDO ModalitiesInStudy=MR, 4 clients", "higher"},
        {"qido_accession_number_p50", "QIDO AccessionNumber, p50", "lower"},
        {"qido_accession_number_c4_rate", "QIDO AccessionNumber, 4 clients", "higher"},
        {"qido_series_of_study_p50", "QIDO series of a study, p50", "lower"},
        {"qido_series_of_study_c4_rate", "QIDO series of a study, 4 clients", "higher"},
        {"qido_instances_of_series_p50", "QIDO instances of the CT series, p50", "lower"},
        {"qido_instances_of_series_c4_rate", "QIDO instances of the CT series, 4 clients", "higher"},
        {"wado_instance_rate", "WADO instance, 4 clients", "higher"},
        {"wado_instance_mb", "WADO instance, 4 clients", "higher"},
        {"wado_instance_p95", "WADO instance, 4 clients, p95", "lower"},
        {"series_metadata_cold", "Series metadata, first request", "lower"},
        {"series_metadata_warm_p50", "Series metadata, repeated, p50", "lower"},
        {"series_metadata_gzip_first", "Series metadata with gzip, first request", "lower"},
        {"series_metadata_gzip_warm_p50", "Series metadata with gzip, repeated, p50", "lower"},
        {"frame_stack_scroll_p50", "Frame, stack scroll, p50", "lower"},
        {"frame_stack_scroll_p95", "Frame, stack scroll, p95", "lower"},
        {"frame_stack_scroll_rate", "Frame, stack scroll", "higher"},
        {"frame_multiframe_scroll_p50", "Frame of the multi-frame instance, p50", "lower"},
        {"wado_instance_jpeg_lossless_rate", "WADO instance compressed to JPEG Lossless, 4 clients", "higher"},
        {"wado_instance_jpeg_ls_rate", "WADO instance compressed to JPEG-LS, 4 clients", "higher"},
        {"frame_jpeg_lossless_scroll_p50", "Frame compressed to JPEG Lossless, stack scroll, p50", "lower"},
        {"peak_rss", "Peak RSS of the server process", "lower"},
    };

    static final String[][] QIDO = {
        {"qido_study_list", "study list"}, {"qido_patient_name_prefix", "PatientName=ABC*"},
        {"qido_study_date_range", "StudyDate range"}, {"qido_modalities_in_study", "ModalitiesInStudy"},
        {"qido_accession_number", "AccessionNumber"}, {"qido_series_of_study", "series of study"},
        {"qido_instances_of_series", "instances of series"}
    };

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args[0]);
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> s = Files.list(docs.resolve("bench-runs"))) {
            // A side-by-side run is a .tsv with its .properties; other harnesses keep their own files here.
            for (Path tsv : s.filter(p -> p.toString().endsWith(".tsv"))
                    .filter(p -> Files.exists(Path.of(p.toString().replaceAll("\\.tsv$", ".properties"))))
                    .sorted()
                    .toList()) {
                runs.add(load(tsv));
            }
        }
        runs.sort((a, b) -> Boolean.compare(!isFairness(a), !isFairness(b)));
        Files.createDirectories(docs.resolve("img"));
        StringBuilder md = new StringBuilder();
        header(md, runs);
        for (Run run : runs) {
            section(md, run);
            plots(docs.resolve("img"), run);
        }
        largeUploads(md, docs.resolve("bench-runs"));
        notes(md, docs.resolve("bench-runs"));
        Files.writeString(docs.resolve("benchmarks.md"), md.toString());
    }

    /**
     * Measurements that are no side-by-side run of two targets (an A/B of two builds, a cost of one setting): each
     * {@code bench-runs/*.md} is a section of its own, as written, after the runs.
     */
    static void notes(StringBuilder md, Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            for (Path note :
                    s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                md.append('\n').append(Files.readString(note).strip()).append('\n');
            }
        }
    }

    /**
     * The memory proof of {@code bench/stow-large.sh --record}: one STOW request of several ~500 MB instances
     * against the packaged server in a small heap (bench-runs/stow-large.txt and .properties).
     */
    static void largeUploads(StringBuilder md, Path runs) throws IOException {
        Path results = runs.resolve("stow-large.txt");
        if (!Files.exists(results)) {
            return;
        }
        Properties m = new Properties();
        try (var in = Files.newBufferedReader(runs.resolve("stow-large.properties"))) {
            m.load(in);
        }
        md.append("## Large uploads in a small heap\n\n");
        md.append("`bench/stow-large.sh` runs the packaged server (`java -Xmx")
                .append(m.getProperty("heap"))
                .append(" -jar target/quarkus-app/quarkus-run.jar`, ")
                .append(m.getProperty("database"))
                .append(", storage in a temporary folder) and sends one STOW-RS request of multi-frame instances of ")
                .append(m.getProperty("instance_mb"))
                .append(" MiB (1024×1024 frames of 16 bits) per upload size (")
                .append(m.getProperty("sizes_gb", "4").trim().replace(" ", ", "))
                .append(
                        " GiB), each to a freshly started server, generated while it is sent with chunked transfer coding"
                                + " by `bench/StowLarge.java`: as Part 10 parts (`dicom`) and in the metadata-and-bulk-data"
                                + " form (`json`: one DICOM JSON part, then the pixel data as application/octet-stream parts,"
                                + " which the server spools to disk before it assembles each file). Peak heap is read from"
                                + " the GC log (the most in use before a collection, and after one), peak RSS is `VmHWM`; the"
                                + " disk figure is `dd if=/dev/zero bs=1M count=2048 conv=fdatasync` in the same run.\n\n");
        md.append("Run ")
                .append(m.getProperty("date", "?"))
                .append(" on ")
                .append(m.getProperty("machine", "?"))
                .append("; load average before the uploads ")
                .append(m.getProperty("load", "?"))
                .append(".\n\n");
        List<String> lines = Files.readAllLines(results);
        String[] head = lines.get(0).trim().split("\\s+");
        md.append("| ").append(String.join(" | ", head)).append(" |\n|");
        md.append("---|".repeat(head.length)).append("\n");
        for (String line : lines.subList(1, lines.size())) {
            md.append("| ")
                    .append(String.join(" | ", line.trim().split("\\s+")))
                    .append(" |\n");
        }
        md.append("\n").append(m.getProperty("note", "")).append("\n");
        if (lines.size() > 3) {
            plotLargeUploads(lines, head, runs.getParent().resolve("img"));
            md.append("\n![Memory against upload size](img/stow-large-memory.png)\n");
        }
    }

    /** Removes a flat temporary folder of plot inputs. */
    static void deleteFolder(Path work) throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            for (Path f : s.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(work);
    }

    /** Peak heap after a collection and peak RSS against the size of the upload, one line per form. */
    static void plotLargeUploads(List<String> lines, String[] head, Path img) throws IOException {
        List<String> columns = List.of(head);
        int sent = columns.indexOf("MiB_sent");
        int live = columns.indexOf("peak_live_mb");
        int rss = columns.indexOf("peak_rss_mb");
        Path work = Files.createTempDirectory("odw-report");
        try {
            StringBuilder plot = new StringBuilder();
            for (String form : List.of("dicom", "json")) {
                StringBuilder dat = new StringBuilder();
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f[0].equals(form)) {
                        dat.append(f[sent])
                                .append(' ')
                                .append(f[live])
                                .append(' ')
                                .append(f[rss])
                                .append('\n');
                    }
                }
                Files.writeString(work.resolve(form + ".dat"), dat);
                plot.append(plot.isEmpty() ? "plot " : ", ")
                        .append("'")
                        .append(form)
                        .append(".dat' using ($1/1024):2 with linespoints lw 2 pt 7 title '")
                        .append(form)
                        .append(": heap after GC', '")
                        .append(form)
                        .append(".dat' using ($1/1024):3 with linespoints lw 2 dt 2 pt 6 title '")
                        .append(form)
                        .append(": RSS'");
            }
            String script = "set terminal pngcairo size 900,420 font 'sans,10'\nset grid ytics\nset key top left\n"
                    + "set output '" + img.resolve("stow-large-memory.png").toAbsolutePath() + "'\n"
                    + "set title 'Server memory against the size of one STOW request'\n"
                    + "set xlabel 'upload, GiB'\nset ylabel 'MiB'\nset yrange [0:*]\nset xrange [0:*]\n" + plot + "\n";
            Files.writeString(work.resolve("plot.gp"), script);
            Process p = new ProcessBuilder("gnuplot", "plot.gp")
                    .directory(work.toFile())
                    .inheritIO()
                    .start();
            try {
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("gnuplot failed for the large-upload plot");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        } finally {
            deleteFolder(work);
        }
    }

    static boolean isFairness(Run r) {
        return r.targets.equals(List.of("orthanc", "orthanc2"));
    }

    static Run load(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            rows.add(new Row(f[0], f[1], f[2], d(f[3]), f[4], d(f[5]), d(f[6]), f.length > 7 ? f[7] : ""));
            if (!f[2].equals("-")) {
                targets.add(f[2]);
            }
        }
        Properties meta = new Properties();
        Path props = Path.of(tsv.toString().replaceAll("\\.tsv$", ".properties"));
        if (Files.exists(props)) {
            try (var in = Files.newBufferedReader(props)) {
                meta.load(in);
            }
        }
        String name = tsv.getFileName().toString().replaceAll("\\.tsv$", "");
        return new Run(name, meta, rows, new ArrayList<>(targets));
    }

    static double d(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }

    static void header(StringBuilder md, List<Run> runs) {
        md.append("""
                # Benchmarks

                Side-by-side measurements of DICOMweb servers on one machine, produced by `bench/run.sh`
                (see `bench/README.md`). This page is generated by `bench/Report.java` from the stored runs in
                `docs/bench-runs/`; edit the generator, not this file.

                ## Method

                - **Corpus.** `bench/Generator.java` writes synthetic DICOM Part 10 files (Explicit VR Little
                  Endian) itself: one CT series of 512×512 16-bit slices (120 slices in quick mode, 500 in full
                  mode), one 100-frame multi-frame instance (256×256 frames in quick mode, 512×512 in full mode),
                  and many small studies (200 / 2,000) of 64×64 images with varied patient names, study dates,
                  modalities and accession numbers. A sample of each kind is checked with `dcmdump`.
                - **Same data, same client, interleaved.** One load client (`bench/Client.java`, its own
                  HTTP/1.1 over sockets with keep-alive) measures every target in turn, in an even number of
                  rounds whose target order alternates (A B, then B A) so drift on the shared machine hits both
                  alike. Single-client latencies (QIDO, repeated metadata, frames) interleave the targets request
                  by request: each target's i-th request follows the other's. Every loop is bounded by a request
                  count and a time cap; a measurement stopped by its cap says so.
                - **STOW**: 10 instances per `multipart/related; type="application/dicom"` request, 1, 2 or 4
                  concurrent clients, each count measured twice (early and late, target order swapped). Every
                  STOW of the CT series stores a fresh copy (the client rewrites the UIDs in the header, same
                  length, never in pixel data), so every STOW writes new instances. Small studies are stored
                  in two halves, target order swapped; the multi-frame instance once per round. Before any
                  STOW is measured, each target stores unmeasured copies of the CT series (two in quick mode,
                  one in full mode), so that no figure is a JIT compiler's warm-up. **STOW against instance
                  size** stores CT series of 64×64 to 1024×1024 slices (8 KiB to 2 MiB each), 4 clients, two
                  copies of each, target order swapped.
                - **Warm-up of reads**: before the reads are measured, each target serves every instance,
                  frame 1 of every slice and the series metadata of a warm-up copy, unmeasured, pass after
                  pass: at least 10,000 requests, then until two passes in a row run within 5% of each other
                  (at most 20 passes). A JIT-compiled server reaches its steady rate only after some thousands
                  of requests. The measured copy stays unread until its first-request sample.
                - **QIDO**: each query 1 client sequentially (latency p50/p95) and then 4 clients (req/s).
                - **WADO**: every CT instance once, 4 clients, `Accept: multipart/related; type="application/dicom"; transfer-syntax=*`.
                  Its baseline: nginx (`sendfile on`) serving the same files as plain GETs to the same client,
                  interleaved with the targets (machine limits: static file). What a server learns from the first
                  request of a series stays as a viewer would leave it: ours then reads where all the series'
                  files are (docs/architecture.md), which the first round pays for.
                - **Series metadata**: the first request after the series was stored ("first request": the
                  server has not served this series' metadata yet; the OS page cache is warm), then repeated;
                  then the same with `Accept-Encoding: gzip`, as browsers ask (the client undoes the coding to
                  check the instance count; the time is to the last compressed byte).
                - **Frames**: frame 1 of each CT slice in slice order, 1 client, as a viewer scrolls a stack;
                  and every frame of the multi-frame instance in order;
                  `Accept: multipart/related; type=application/octet-stream; transfer-syntax=*`.
                - **Compression on retrieval**: every CT instance once per round, 4 clients, as JPEG Lossless SV1
                  (`transfer-syntax=1.2.840.10008.1.2.4.70`) and as JPEG-LS Lossless (`.4.80`), which both servers
                  must make from the stored native pixels; and frame 1 of each slice as `image/jpeg` (JPEG Lossless
                  SV1), 1 client scrolling. RLE Lossless and JPEG 2000 are not measured: Orthanc 1.10 answers 500
                  ("cannot transcode") for them.
                - **CPU**: each figure carries the client's own CPU use and the server process's CPU use
                  (cores, from the JVM and `/proc/PID/stat`), so a reader can see when the client, not the
                  server, was the limit. In the interleaved single-client loops a server's CPU is all it used
                  during the loop, per second of its own requests (so CPU per request is still cores / rate),
                  and the client's share is over the whole loop. **Peak RSS** is `VmHWM` of the server process at
                  the end of the run.
                - **Machine limits**, measured in the same run: writing the CT files with 4 writers with and
                  without an fsync per file, and the request rate of a zero-work HTTP endpoint (the JDK's own
                  `com.sun.net.httpserver` answering two bytes) through the same client, with `wrk` on the same
                  endpoint as a second opinion on the client. For comparison, a zero-work Quarkus endpoint
                  measured about 6,800 req/s on this class of machine.
                - **Ratio** is the second target's figure divided by the first target's. For latencies and RSS
                  lower is better, for rates higher is better. Absolute figures are noisy on a shared 2-core
                  machine; ratios measured side by side in one run are what count.
                - **Errors fail the run.** Any answer other than 200, or a STOW answer listing failed SOPs,
                  stops the client with a message naming the target and URL, and nothing is written here.

                """);
    }

    static void section(StringBuilder md, Run run) {
        Properties m = run.meta;
        String a = run.targets.get(0);
        String b = run.targets.size() > 1 ? run.targets.get(1) : null;
        md.append("## ")
                .append(isFairness(run) ? "Fairness run: " : "Run: ")
                .append(String.join(" vs ", run.targets))
                .append(" (")
                .append(m.getProperty("mode", "?"))
                .append(" mode)\n\n");
        if (isFairness(run)) {
            md.append(
                    "Two identical Orthanc servers, each with its own empty storage and index: every ratio should be close to 1.0, "
                            + "and how far it strays is the noise floor of this harness on this machine.\n\n");
        }
        md.append("- Date: ").append(m.getProperty("date", "?")).append('\n');
        md.append("- Machine: ").append(m.getProperty("machine", "?")).append(", shared with other jobs\n");
        md.append("- Load average (1, 5, 15 min) before / after the run: ")
                .append(m.getProperty("load.start", "?"))
                .append(" / ")
                .append(m.getProperty("load.end", "?"))
                .append(" (above 2 means other jobs competed for the cores)\n");
        md.append("- Client JVM: ").append(m.getProperty("java", "?")).append('\n');
        md.append("- Command: `").append(m.getProperty("command", "?")).append("`\n\n");
        md.append("| Target | Server | Version | Durability of a stored instance |\n|---|---|---|---|\n");
        for (String t : run.targets) {
            md.append("| ")
                    .append(t)
                    .append(" | ")
                    .append(m.getProperty("target." + t + ".label", "?"))
                    .append(" | ")
                    .append(m.getProperty("target." + t + ".version", "?"))
                    .append(" | ")
                    .append(m.getProperty("target." + t + ".durability", "?"))
                    .append(" |\n");
        }

        md.append(
                "\n### Machine limits\n\n| Measurement | Value | Unit | Client CPU (cores) | How |\n|---|---:|---|---:|---|\n");
        for (Row r : run.rows) {
            if (r.section.equals("machine")) {
                md.append("| ")
                        .append(r.metric.replace('_', ' '))
                        .append(" | ")
                        .append(fmt(r.value))
                        .append(" | ")
                        .append(r.unit)
                        .append(" | ")
                        .append(fmt(r.clientCpu))
                        .append(" | ")
                        .append(r.note)
                        .append(" |\n");
            }
        }

        md.append("\n### Results\n\n");
        if (b == null) {
            md.append("Only one target in this run.\n\n");
            return;
        }
        md.append("| Measurement | ")
                .append(a)
                .append(" | ")
                .append(b)
                .append(" | Unit | Ratio ")
                .append(b)
                .append('/')
                .append(a)
                .append(" | Better | Client CPU (cores) | Server CPU (cores) ")
                .append(a)
                .append(" / ")
                .append(b)
                .append(" |\n")
                .append("|---|---:|---:|---|---:|---|---:|---:|\n");
        int within = 0;
        int total = 0;
        List<String> outside = new ArrayList<>();
        for (String[] h : HEADLINE) {
            Row ra = run.get(h[0], a);
            Row rb = run.get(h[0], b);
            if (ra == null || rb == null) {
                continue;
            }
            double ratio = rb.value / ra.value;
            total++;
            if (Math.abs(ratio - 1) <= 0.10) {
                within++;
            } else {
                outside.add(h[1] + shortUnit(ra.unit) + ": " + fmt(ratio));
            }
            md.append("| ")
                    .append(h[1])
                    .append(" | ")
                    .append(fmt(ra.value))
                    .append(" | ")
                    .append(fmt(rb.value))
                    .append(" | ")
                    .append(ra.unit)
                    .append(" | ")
                    .append(fmt(ratio))
                    .append(" | ")
                    .append(h[2])
                    .append(" | ")
                    .append(fmt(Math.max(ra.clientCpu, rb.clientCpu)))
                    .append(" | ")
                    .append(Double.isNaN(ra.serverCpu) ? "" : fmt(ra.serverCpu) + " / " + fmt(rb.serverCpu))
                    .append(" |\n");
        }
        md.append("\n").append(within).append(" of ").append(total).append(" ratios are within 10% of 1.0");
        md.append(outside.isEmpty() ? ".\n" : "; outside: " + String.join(", ", outside) + ".\n");
        if (isFairness(run)) {
            md.append("\nBetween two identical servers every departure from 1.0 is noise; read the comparison runs "
                    + "against this spread, not against a perfect 1.0.\n");
        }

        cpuPerOperation(md, run, a, b);
        againstLimits(md, run);
        stowBySize(md, run, a, b);

        List<String> mismatches = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        for (String[] q : QIDO) {
            Row ra = run.get(q[0] + "_matches", a);
            Row rb = run.get(q[0] + "_matches", b);
            if (ra == null || rb == null) {
                continue;
            }
            counts.append(counts.isEmpty() ? "" : ", ")
                    .append(q[1])
                    .append(": ")
                    .append((long) ra.value)
                    .append(ra.value == rb.value ? "" : " vs " + (long) rb.value);
            if (ra.value != rb.value) {
                mismatches.add(q[1]);
            }
        }
        md.append("\nQIDO results per query (same data, so both targets must agree): ")
                .append(counts)
                .append(".\n");
        if (!mismatches.isEmpty()) {
            md.append("\n**The targets disagree on " + String.join(", ", mismatches)
                    + "**: their latencies do not compare like for like.\n");
        }
        md.append("\n![QIDO latency](img/").append(run.name).append("-qido.png)\n\n");
        md.append("![STOW throughput vs clients](img/").append(run.name).append("-stow.png)\n\n");
        md.append("![Latency distributions](img/").append(run.name).append("-latency.png)\n\n");
    }

    /**
     * Server CPU time per operation (server cores / rate): far less sensitive than a rate to what else
     * runs on a shared machine, so it is the figure to compare when the rates are noisy.
     */
    static void cpuPerOperation(StringBuilder md, Run run, String a, String b) {
        md.append("\n### Server CPU per operation\n\nServer CPU time divided by operations done (lower is better). "
                        + "A shared machine steals time from a server, which lowers its rate but hardly changes the CPU "
                        + "time each request costs.\n\n| Operation | ")
                .append(a)
                .append(" | ")
                .append(b)
                .append(" | Unit | Ratio ")
                .append(b)
                .append('/')
                .append(a)
                .append(" |\n|---|---:|---:|---|---:|\n");
        int within = 0;
        int total = 0;
        for (String[] h : HEADLINE) {
            Row ra = run.get(h[0], a);
            Row rb = run.get(h[0], b);
            if (ra == null
                    || rb == null
                    || !(ra.unit.equals("req/s") || ra.unit.equals("instances/s"))
                    || Double.isNaN(ra.serverCpu)
                    || Double.isNaN(rb.serverCpu)) {
                continue;
            }
            double ca = ra.serverCpu * 1000 / ra.value;
            double cb = rb.serverCpu * 1000 / rb.value;
            total++;
            within += Math.abs(cb / ca - 1) <= 0.10 ? 1 : 0;
            String op = ra.unit.equals("req/s") ? "ms per request" : "ms per instance";
            md.append("| ")
                    .append(h[1])
                    .append(" | ")
                    .append(fmt(ca))
                    .append(" | ")
                    .append(fmt(cb))
                    .append(" | CPU ")
                    .append(op)
                    .append(" | ")
                    .append(fmt(cb / ca))
                    .append(" |\n");
        }
        md.append("\n").append(within).append(" of ").append(total).append(" ratios are within 10% of 1.0.\n");
    }

    /** Each target's figure as a share of what the machine itself did in the same run. */
    static void againstLimits(StringBuilder md, Run run) {
        String[][] pairs = {
            {
                "stow_ct_c4_instances",
                "durable_write_files",
                "STOW CT series, 4 clients / durable write of the same files, 4 writers"
            },
            {"wado_instance_mb", "static_file_mb", "WADO instance, 4 clients / nginx serving the same files"},
        };
        StringBuilder rows = new StringBuilder();
        for (String[] p : pairs) {
            Row limit = run.get(p[1], "-");
            if (limit == null || Double.isNaN(limit.value)) {
                continue;
            }
            rows.append("| ").append(p[2]);
            for (String t : run.targets) {
                Row r = run.get(p[0], t);
                rows.append(" | ")
                        .append(r == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * r.value / limit.value));
            }
            rows.append(" |\n");
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n### Against the machine's limits\n\nEach figure as a share of what the machine did with the same "
                        + "files in the same run (the machine limits table above).\n\n| Measurement | ")
                .append(String.join(" | ", run.targets))
                .append(" |\n|---|")
                .append("---:|".repeat(run.targets.size()))
                .append("\n")
                .append(rows);
    }

    /** STOW of CT series of several matrix sizes: how throughput moves from per-instance to per-byte costs. */
    static void stowBySize(StringBuilder md, Run run, String a, String b) {
        List<String> sizes = run.rows.stream()
                .map(Row::metric)
                .filter(m -> m.matches("stow_size_\\d+_mb"))
                .distinct()
                .sorted(java.util.Comparator.comparingInt(m -> Integer.parseInt(m.replaceAll("\\D", ""))))
                .toList();
        if (sizes.isEmpty()) {
            return;
        }
        md.append(
                        "\n### STOW against instance size\n\n4 clients, 10 instances per request, CT series of each matrix size "
                                + "(16 bits per pixel).\n\n| Matrix | Instance | ")
                .append(a)
                .append(" | ")
                .append(b)
                .append(" | ")
                .append(a)
                .append(" | ")
                .append(b)
                .append(" | Ratio ")
                .append(b)
                .append('/')
                .append(a)
                .append(" |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (String m : sizes) {
            String px = m.replaceAll("\\D", "");
            Row ma = run.get(m, a);
            Row mb = run.get(m, b);
            Row ia = run.get("stow_size_" + px + "_instances", a);
            Row ib = run.get("stow_size_" + px + "_instances", b);
            if (ma == null || mb == null || ia == null || ib == null) {
                continue;
            }
            String size = ma.note.replaceAll(".*\\((\\d+ KiB) each\\).*", "$1");
            md.append("| ")
                    .append(px)
                    .append("×")
                    .append(px)
                    .append(" | ")
                    .append(size)
                    .append(" | ")
                    .append(fmt(ia.value))
                    .append(" inst/s | ")
                    .append(fmt(ib.value))
                    .append(" inst/s | ")
                    .append(fmt(ma.value))
                    .append(" MB/s | ")
                    .append(fmt(mb.value))
                    .append(" MB/s | ")
                    .append(fmt(mb.value / ma.value))
                    .append(" |\n");
        }
        md.append("\n![STOW against instance size](img/").append(run.name).append("-stow-size.png)\n");
    }

    static String shortUnit(String unit) {
        return unit.equals("ms") || unit.equals("MiB") ? "" : " (" + unit + ")";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    // ---------------------------------------------------------------- plots

    static void plots(Path img, Run run) throws Exception {
        if (run.targets.size() < 2) {
            return;
        }
        String a = run.targets.get(0);
        String b = run.targets.get(1);
        Path work = Files.createTempDirectory("odw-report");
        try {
            StringBuilder qido = new StringBuilder("# query a_p50 a_p50 a_p95 b_p50 b_p50 b_p95\n");
            for (String[] q : QIDO) {
                Row a50 = run.get(q[0] + "_p50", a);
                Row a95 = run.get(q[0] + "_p95", a);
                Row b50 = run.get(q[0] + "_p50", b);
                Row b95 = run.get(q[0] + "_p95", b);
                if (a50 != null && b50 != null) {
                    qido.append('"')
                            .append(q[1])
                            .append("\" ")
                            .append(a50.value)
                            .append(' ')
                            .append(a50.value)
                            .append(' ')
                            .append(a95.value)
                            .append(' ')
                            .append(b50.value)
                            .append(' ')
                            .append(b50.value)
                            .append(' ')
                            .append(b95.value)
                            .append('\n');
                }
            }
            Files.writeString(work.resolve("qido.dat"), qido);

            StringBuilder stow = new StringBuilder("# clients a_mb b_mb\n");
            for (int c : new int[] {1, 2, 4}) {
                Row ra = run.get("stow_ct_c" + c + "_mb", a);
                Row rb = run.get("stow_ct_c" + c + "_mb", b);
                if (ra != null && rb != null) {
                    stow.append(c)
                            .append(' ')
                            .append(ra.value)
                            .append(' ')
                            .append(rb.value)
                            .append('\n');
                }
            }
            Files.writeString(work.resolve("stow.dat"), stow);

            StringBuilder bySize = new StringBuilder("# instance_kib a_inst b_inst a_mb b_mb\n");
            for (Row r : run.rows) {
                if (r.metric.matches("stow_size_\\d+_mb") && r.target.equals(a)) {
                    String px = r.metric.replaceAll("\\D", "");
                    Row rb = run.get(r.metric, b);
                    Row ia = run.get("stow_size_" + px + "_instances", a);
                    Row ib = run.get("stow_size_" + px + "_instances", b);
                    if (rb != null && ia != null && ib != null) {
                        bySize.append(r.note.replaceAll(".*\\((\\d+) KiB each\\).*", "$1"))
                                .append(' ')
                                .append(ia.value)
                                .append(' ')
                                .append(ib.value)
                                .append(' ')
                                .append(r.value)
                                .append(' ')
                                .append(rb.value)
                                .append('\n');
                    }
                }
            }
            boolean plotSizes = bySize.indexOf("\n") < bySize.length() - 1;
            Files.writeString(work.resolve("stow-size.dat"), bySize);

            Map<String, String> dists = new LinkedHashMap<>();
            dists.put("frame_stack_scroll", "frame, stack scroll");
            dists.put("wado_instance", "WADO instance, 4 clients");
            dists.put("qido_study_list", "QIDO study list");
            StringBuilder latPlot = new StringBuilder();
            int style = 1;
            for (Map.Entry<String, String> e : dists.entrySet()) {
                for (String t : List.of(a, b)) {
                    StringBuilder dat = new StringBuilder();
                    for (Row r : run.rows) {
                        if (r.section.equals("dist") && r.metric.equals(e.getKey()) && r.target.equals(t)) {
                            dat.append(r.note.substring(1))
                                    .append(' ')
                                    .append(r.value)
                                    .append('\n');
                        }
                    }
                    String file = "dist-" + e.getKey() + "-" + t + ".dat";
                    Files.writeString(work.resolve(file), dat);
                    latPlot.append(latPlot.isEmpty() ? "plot " : ", ")
                            .append("'")
                            .append(file)
                            .append("' using 1:2 with linespoints dt ")
                            .append(t.equals(a) ? 1 : 2)
                            .append(" lc ")
                            .append(style)
                            .append(" pt ")
                            .append(t.equals(a) ? 7 : 6)
                            .append(" title '")
                            .append(e.getValue())
                            .append(" (")
                            .append(t)
                            .append(")'");
                }
                style++;
            }

            String png = "set terminal pngcairo size 900,480 font 'sans,10'\nset grid ytics\nset key top left\n";
            String script = png
                    + "set output '" + img.resolve(run.name + "-qido.png").toAbsolutePath() + "'\n"
                    + "set title 'QIDO latency, 1 client: bar = p50, whisker = p95 (" + run.name + ")'\n"
                    + "set ylabel 'ms (log scale)'\nset logscale y\nset style data histograms\n"
                    + "set style histogram errorbars gap 2 lw 1\nset style fill solid 0.6 border -1\nset xtics rotate by -20\n"
                    + "plot 'qido.dat' using 2:3:4:xtic(1) title '" + a + "', '' using 5:6:7 title '" + b + "'\n"
                    + "unset logscale y\nunset style\nset xtics norotate\n"
                    + "set output '" + img.resolve(run.name + "-stow.png").toAbsolutePath() + "'\n"
                    + "set title 'STOW of the CT series, 10 instances per request (" + run.name + ")'\n"
                    + "set xlabel 'concurrent clients'\nset ylabel 'MB/s'\nset xtics (1,2,4)\nset xrange [0.5:4.5]\nset yrange [0:*]\n"
                    + "plot 'stow.dat' using 1:2 with linespoints lw 2 pt 7 title '" + a
                    + "', '' using 1:3 with linespoints lw 2 dt 2 pt 6 title '"
                    + b + "'\n"
                    + "set output '" + img.resolve(run.name + "-latency.png").toAbsolutePath() + "'\n"
                    + "set title 'Latency distribution (" + run.name
                    + ")'\nset xlabel 'percentile'\nset ylabel 'ms (log scale)'\n"
                    + "set xtics auto\nset xrange [0:100]\nset yrange [*:*]\nset logscale y\nset key top left\n"
                    + latPlot + "\n";
            if (plotSizes) {
                script += "unset logscale y\nset output '"
                        + img.resolve(run.name + "-stow-size.png").toAbsolutePath() + "'\n"
                        + "set title 'STOW against instance size, 4 clients, 10 instances per request (" + run.name
                        + ")'\n"
                        + "set xlabel 'instance size, KiB (log scale)'\nset logscale x\nset xrange [*:*]\nset xtics auto\n"
                        + "set ylabel 'instances/s (log scale)'\nset logscale y\nset y2label 'MB/s'\nset y2tics\nset y2range [0:*]\n"
                        + "set key top center\n"
                        + "plot 'stow-size.dat' using 1:2 with linespoints lw 2 pt 7 lc 1 title '" + a
                        + " instances/s',"
                        + " '' using 1:3 with linespoints lw 2 dt 2 pt 6 lc 1 title '" + b + " instances/s',"
                        + " '' using 1:4 axes x1y2 with linespoints lw 2 pt 5 lc 2 title '" + a + " MB/s',"
                        + " '' using 1:5 axes x1y2 with linespoints lw 2 dt 2 pt 4 lc 2 title '" + b + " MB/s'\n";
            }
            Files.writeString(work.resolve("plots.gp"), script);
            Process p = new ProcessBuilder("gnuplot", "plots.gp")
                    .directory(work.toFile())
                    .inheritIO()
                    .start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("gnuplot failed for run " + run.name);
            }
        } finally {
            deleteFolder(work);
        }
    }
}
