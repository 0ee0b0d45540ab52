import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the note of bench/cluster.sh (docs/bench-runs/cluster.md, a section of docs/benchmarks.md) from the load
 * client's results and the large-instance retrievals.
 *
 * <pre>
 * java ClusterNote.java --results results.tsv --heap heap.tsv --out cluster.md --meta key=value ...
 * </pre>
 */
public class ClusterNote {

    static final List<String> TARGETS = List.of("orthanc", "fs1", "s3n1", "s3n2");
    static final Map<String, String> LABELS = Map.of(
            "orthanc", "Orthanc",
            "fs1", "1 node, file system",
            "s3n1", "1 node, S3",
            "s3n2", "2 nodes, S3, nginx");

    /** Rate metric, the aux metric of the same operation, what one operation is. */
    record Op(String rate, String aux, String what) {}

    static final List<Op> OPS = List.of(
            new Op("stow_small_instances", "stow_small_instances", "STOW small studies (64x64, 4 clients), instances"),
            new Op("stow_ct_c1_instances", "stow_ct_c1_instances", "STOW CT 512x512, 1 client, instances"),
            new Op("stow_ct_c4_instances", "stow_ct_c4_instances", "STOW CT 512x512, 4 clients, instances"),
            new Op("stow_multiframe_instances", "stow_multiframe_instances", "STOW multi-frame instance, instances"),
            new Op("wado_instance_rate", "wado_instance", "WADO-RS CT instance (4 clients), requests"),
            new Op("frame_stack_scroll_rate", "frame_stack_scroll", "WADO-RS frame, CT stack scroll (1 client)"),
            new Op(
                    "frame_multiframe_scroll_rate",
                    "frame_multiframe_scroll",
                    "WADO-RS frame of the multi-frame instance (1 client)"),
            new Op("qido_study_list_c4_rate", "qido_study_list_c4", "QIDO-RS study list, limit 101 (4 clients)"),
            new Op(
                    "qido_patient_name_prefix_c4_rate",
                    "qido_patient_name_prefix_c4",
                    "QIDO-RS PatientName=ABC* (4 clients)"),
            new Op("qido_study_date_range_c4_rate", "qido_study_date_range_c4", "QIDO-RS StudyDate range (4 clients)"),
            new Op("qido_accession_number_c4_rate", "qido_accession_number_c4", "QIDO-RS AccessionNumber (4 clients)"),
            new Op("qido_series_of_study_c4_rate", "qido_series_of_study_c4", "QIDO-RS series of a study (4 clients)"),
            new Op(
                    "qido_instances_of_series_c4_rate",
                    "qido_instances_of_series_c4",
                    "QIDO-RS instances of a series (4 clients)"));

    /** The --aux processes: target, label, column heading. */
    static final List<String[]> AUX = List.of(
            new String[] {"fs1", "postgresql", "1 node fs: PostgreSQL"},
            new String[] {"s3n1", "postgresql", "1 node S3: PostgreSQL"},
            new String[] {"s3n1", "s3proxy", "1 node S3: S3Proxy"},
            new String[] {"s3n2", "postgresql", "2 nodes: PostgreSQL"},
            new String[] {"s3n2", "s3proxy", "2 nodes: S3Proxy"},
            new String[] {"s3n2", "nginx", "2 nodes: nginx"});

    record Row(double value, String unit, double clientCores, double serverCores, String note) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        Path results = null;
        Path heap = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--results" -> results = Path.of(args[i + 1]);
                case "--heap" -> heap = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--meta" -> {
                    int eq = args[i + 1].indexOf('=');
                    meta.put(args[i + 1].substring(0, eq), args[i + 1].substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        double maxClient = 0;
        for (String line : Files.readAllLines(results)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("section") || f[0].equals("dist")) {
                continue;
            }
            Row r = new Row(num(f[3]), f[4], num(f[5]), num(f[6]), f.length > 7 ? f[7] : "");
            String key = f[0].equals("aux") ? "aux\t" + f[1] + "\t" + f[2] + "\t" + r.note : f[1] + "\t" + f[2];
            rows.put(key, r);
            if (!Double.isNaN(r.clientCores)) {
                maxClient = Math.max(maxClient, r.clientCores);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("## Scale-out on one machine (bench/cluster.sh)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`%s`, %s, %s s of wall time: four targets measured in one run by `bench/Client.java` (the load logic of"
                        + " `bench/run.sh`, %s mode, groups STOW, QIDO, WADO and frames), the targets taking turns:"
                        + " Orthanc (`bench/orthanc.sh`, default settings, SQLite index, %s); our packaged server (%s) as"
                        + " **1 node on a file system**, **1 node on S3** and **2 nodes on S3 behind nginx**, each a"
                        + " local cluster of `deploy/local-cluster/run.sh` with its own PostgreSQL. The S3 server is"
                        + " S3Proxy 2.6.0 over a folder, a stand-in for a real object store: its CPU is shown apart and is"
                        + " not ours. Machine: %s, %s; load average %s at the start, %s at the end (the machine is shared"
                        + " with other builds).\n\n",
                meta.get("command"),
                meta.get("date"),
                meta.get("wall"),
                meta.get("command").contains("full") ? "full" : "quick",
                meta.get("version.orthanc"),
                meta.get("version.ours"),
                meta.get("machine"),
                meta.get("java"),
                meta.get("load.start"),
                meta.get("load.end")));
        md.append("**On these 2 cores the second node shows correctness and overhead, not speed-up**: both nodes, the"
                + " load client, PostgreSQL, S3Proxy and nginx share the same two cores, so two nodes cannot serve more"
                + " than one. What the two-node column shows is that every request works through nginx whichever node"
                + " answers (nginx hands requests round robin to both, so reads often reach the node that did not"
                + " store; the run fails on any error and checks series metadata and QIDO match counts), and what the"
                + " extra hop and the second JVM cost per operation. Both nodes"
                + " served: ");
        md.append(meta.get("audit.node1"))
                .append(" and ")
                .append(meta.get("audit.node2"))
                .append(" audit lines (one per access) in their own audit files.\n\n");

        md.append("### Rates\n\nOperations per second (ratio to Orthanc in brackets).\n\n");
        header(md, "operation", TARGETS.stream().map(LABELS::get).toList());
        for (Op op : OPS) {
            Row base = rows.get(op.rate + "\torthanc");
            if (base == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String t : TARGETS) {
                Row r = rows.get(op.rate + "\t" + t);
                cells.add(
                        r == null
                                ? "-"
                                : t.equals("orthanc")
                                        ? fmt(r.value)
                                        : fmt(r.value) + " (" + String.format(Locale.ROOT, "%.2f", r.value / base.value)
                                                + ")");
            }
            line(md, op.what, cells);
        }

        md.append("\n### Server CPU per operation\n\nMilliseconds of server CPU (user + system, `/proc/PID/stat`) per"
                + " operation; for 2 nodes the sum over both node processes. Orthanc's SQLite runs in its process; our"
                + " PostgreSQL is in the next table.\n\n");
        header(md, "operation", TARGETS.stream().map(LABELS::get).toList());
        for (Op op : OPS) {
            if (rows.get(op.rate + "\torthanc") == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String t : TARGETS) {
                Row r = rows.get(op.rate + "\t" + t);
                cells.add(r == null ? "-" : fmt(r.serverCores / r.value * 1e3));
            }
            line(md, op.what, cells);
        }

        md.append("\n### Beside the server, CPU per operation\n\nMilliseconds per operation of the processes a"
                + " target uses besides its server, each counted with its children: PostgreSQL (the postmaster and its"
                + " backends; part of our cost), S3Proxy (the stand-in object store; not our cost: a real S3 service"
                + " spends its own) and nginx (the load balancer of the two-node target). CPU time comes in 10 ms"
                + " ticks: figures over few operations (the multi-frame STOW) are coarse.\n\n");
        header(md, "operation", AUX.stream().map(a -> a[2]).toList());
        for (Op op : OPS) {
            if (rows.get(op.rate + "\torthanc") == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String[] a : AUX) {
                Row r = rows.get("aux\t" + op.aux + "\t" + a[0] + "\t" + a[1]);
                cells.add(r == null ? "-" : fmt(r.value));
            }
            line(md, op.what, cells);
        }
        md.append(String.format(
                Locale.ROOT,
                "\nThe load client used at most %.2f cores in any measurement (it runs on the same machine).\n",
                maxClient));

        md.append("\n### WADO-RS of a large instance from S3: the heap\n\n");
        List<String[]> heapRows = new ArrayList<>();
        for (String l : Files.readAllLines(heap)) {
            if (!l.isBlank()) {
                heapRows.add(l.split("\t"));
            }
        }
        if (!heapRows.isEmpty()) {
            String[] first = heapRows.get(0);
            md.append(String.format(
                    Locale.ROOT,
                    "One multi-frame instance of %s frames of 1024x1024 (16-bit, %.0f MB) stored through STOW-RS into the"
                            + " one-node targets (`-Xmx1g`), then retrieved whole %s times (`transfer-syntax=*`) and"
                            + " frame by frame once, one client. Allocated: the growth of the"
                            + " server's `jvm_gc_memory_allocated_bytes_total` (`/q/metrics`) over the retrievals, each"
                            + " of the two readings right after a full collection (`jcmd GC.run`), so that no"
                            + " allocation waits uncounted in the young generation. Peak heap: the"
                            + " largest `jvm_memory_used_bytes{area=\"heap\"}` sampled every 0.2 s meanwhile (garbage"
                            + " included).\n\n",
                    first[3],
                    Double.parseDouble(first[1]) / 1e6,
                    first[2]));
            header(
                    md,
                    "target",
                    List.of(
                            "bytes sent",
                            "seconds",
                            "allocated",
                            "allocated per byte sent",
                            "peak heap in use",
                            "peak heap / instance size"));
            for (String[] h : heapRows) {
                double size = Double.parseDouble(h[1]);
                double sent = Double.parseDouble(h[4]);
                double alloc = Double.parseDouble(h[5]);
                double peak = Double.parseDouble(h[6]);
                line(
                        md,
                        LABELS.get(h[0]),
                        List.of(
                                String.format(Locale.ROOT, "%.0f MB", sent / 1e6),
                                h[7],
                                String.format(Locale.ROOT, "%.0f MB", alloc / 1e6),
                                String.format(Locale.ROOT, "%.3f", alloc / sent),
                                String.format(Locale.ROOT, "%.0f MB", peak / 1e6),
                                String.format(Locale.ROOT, "%.2f", peak / size)));
            }
            md.append("\nReading: an allocation near one byte per byte sent means every byte passed through a heap"
                    + " buffer on its way out, and, where the peak heap (garbage included) stays below one instance's"
                    + " size, in chunks rather than as whole objects; near zero means the bytes did not enter the heap (from the"
                    + " file system the server hands the file to the socket). A copy of whole objects through the heap"
                    + " would show as a peak of at least the instance's size (1.00) for each retrieval in flight.\n");
        }
        Files.writeString(out, md.toString());
    }

    static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    static void header(StringBuilder md, String first, List<String> columns) {
        md.append("| ").append(first);
        for (String c : columns) {
            md.append(" | ").append(c);
        }
        md.append(" |\n|---");
        for (int i = 0; i < columns.size(); i++) {
            md.append("|---:");
        }
        md.append("|\n");
    }

    static void line(StringBuilder md, String first, List<String> cells) {
        md.append("| ").append(first);
        for (String c : cells) {
            md.append(" | ").append(c);
        }
        md.append(" |\n");
    }
}
