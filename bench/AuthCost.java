import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load client of {@code bench/auth.sh}: what authentication costs. Two servers hold the same data, one in mode
 * {@code none}, one in mode {@code oidc}; this client stores the data into both, then measures WADO-RS instance
 * retrieval and a QIDO-RS study query against both in rounds, the order alternating (none, oidc, then oidc, none),
 * with the same connections, requests and concurrency, the oidc server called with an access token of user
 * {@code reader}. It writes the figures as a note for {@code docs/benchmarks.md}.
 *
 * <pre>
 * java bench/AuthCost.java --corpus DIR --none URL@PID --oidc URL@PID --issuer URL --note FILE.md
 *                          [--rounds 16] [--loop-seconds 1] [--warm-up-seconds 90] [--fresh-tokens 200]
 *                          [--control true]
 *                          [--server-version TEXT] [--issuer-version TEXT] [--command TEXT]
 * </pre>
 *
 * <p>With {@code --control true} the second server runs in mode {@code none} too and gets the same requests, token
 * included (which mode none does not read): the same method then measures two equal servers, and its ratios show how
 * far this machine and harness stray by chance.
 *
 * It runs as a source program of several files (JEP 458): the HTTP client, the STOW and the bookkeeping are those of
 * {@code bench/Client.java}, so that its figures are taken as the side-by-side benchmark takes its own. Every loop
 * stops at its request count or its time cap; any answer but the expected status ends the run with exit status 2.
 */
public class AuthCost {

    /** The realm's password client and reader (src/test/resources/keycloak/dicomweb-realm.json). */
    static final String PASSWORD_CLIENT = "dicomweb-test";

    static final String READER = "reader";
    /**
     * The realm's confidential client with the roles to read and write: it stores the data into the oidc server. Its
     * secret is fixed in the test realm, which this benchmark runs on loopback only.
     */
    static final String IMPORT_CLIENT = "dicomweb-import";

    static final String IMPORT_SECRET = "dicomweb-import-secret";
    /** A token is renewed before a loop when less than this is left of its lifetime (the realm gives five minutes). */
    static final long RENEW_BEFORE_S = 60;

    static final int CLIENTS = 4;
    /**
     * Requests per target and measurement before measuring: a JIT compiler compiles a request's path only after some
     * thousands of requests; after 2,000 to 5,000, the servers' CPU per request still fell by half and more over the
     * measured rounds.
     */
    static final int WARM_UP_REQUESTS = 20_000;
    /** At most this long in all, unless --warm-up-seconds says otherwise. */
    static final double WARM_UP_CAP_S = 90;
    /** Requests per target and measurement in one step of the warm-up. */
    static final int WARM_UP_STEP = 500;
    /** Request pairs per measurement when the servers take turns request by request, and the time cap of each. */
    static final int TURNS = 3_000;

    static final double TURNS_CAP_S = 10;
    /** Fresh tokens are sent in blocks (first use, again, mode none), so that drift spreads over the three kinds. */
    static final int FIRST_USE_BLOCK = 50;

    /** The throughput target of the issue this measures: authentication costs at most this share. */
    static final double TARGET_COST = 0.05;

    /** One measurement: a label for the note, and the requests of one loop against a target. */
    record Measure(
            String key,
            String label,
            String unit,
            String cpuLabel,
            Function<Client.Target, List<Client.Req>> requests) {}

    /** One loop against one target. */
    record Sample(int n, double seconds, double serverCpu, double clientCpu) {
        double rate() {
            return n / seconds;
        }

        double cpuPerRequestMs() {
            return serverCpu * 1e3 / n;
        }
    }

    final Client c = new Client();
    Client.Target none;
    Client.Target oidc;
    String issuer;
    Tokens reader;
    int rounds;
    double loopSeconds;
    double warmUpSeconds;
    int freshTokens;
    Map<String, String> opt;
    String loadStart;
    String warmUpSummary;
    /** Whether the second server is a control in mode none (see the class comment). */
    boolean control;

    public static void main(String[] args) throws Exception {
        AuthCost a = new AuthCost();
        Map<String, List<String>> o = Client.parseArgs(args);
        a.opt = new LinkedHashMap<>();
        for (String k : List.of(
                "corpus",
                "none",
                "oidc",
                "issuer",
                "note",
                "rounds",
                "loop-seconds",
                "warm-up-seconds",
                "fresh-tokens",
                "control",
                "server-version",
                "issuer-version",
                "command")) {
            if (o.containsKey(k)) {
                a.opt.put(k, Client.one(o, k));
            }
        }
        try {
            a.run();
        } catch (Client.BenchFailure f) {
            System.err.println("BENCHMARK FAILED: " + f.getMessage());
            System.exit(2);
        }
    }

    String required(String key) {
        String v = opt.get(key);
        if (v == null) {
            throw new IllegalArgumentException("expected --" + key);
        }
        return v;
    }

    static Client.Target target(String name, String spec, java.util.function.Supplier<String> bearer) {
        int at = spec.lastIndexOf('@');
        return new Client.Target(name, spec.substring(0, at), Long.parseLong(spec.substring(at + 1)), bearer);
    }

    void run() throws Exception {
        loadStart = loadAverage();
        c.corpus = Path.of(required("corpus"));
        c.mode = Client.QUICK;
        try (InputStream in = Files.newInputStream(c.corpus.resolve("manifest.properties"))) {
            c.manifest.load(in);
        }
        rounds = Integer.parseInt(opt.getOrDefault("rounds", "16"));
        loopSeconds = Double.parseDouble(opt.getOrDefault("loop-seconds", "1"));
        warmUpSeconds = Double.parseDouble(opt.getOrDefault("warm-up-seconds", Double.toString(WARM_UP_CAP_S)));
        freshTokens = Integer.parseInt(opt.getOrDefault("fresh-tokens", "200"));
        control = Boolean.parseBoolean(opt.getOrDefault("control", "false"));
        if (rounds < 6) {
            throw new IllegalArgumentException("--rounds must be 6 at least, for a confidence interval of the median");
        }
        issuer = required("issuer");
        Tokens importer = Tokens.clientCredentials(c, issuer, IMPORT_CLIENT, IMPORT_SECRET);
        reader = Tokens.password(c, issuer, PASSWORD_CLIENT, READER);
        none = target("none", required("none"), null);
        oidc = target(control ? "control" : "oidc", required("oidc"), null);
        c.targets.add(none);
        c.targets.add(oidc);

        load(none);
        load(target(oidc.name(), required("oidc"), importer::access));
        checkAccessControl();

        int count = Integer.parseInt(c.manifest.getProperty("ct.count"));
        String prefix = "/studies/" + c.manifest.getProperty("ct.study") + "/series/"
                + c.manifest.getProperty("ct.series") + "/instances/";
        String query = "/studies?AccessionNumber=" + c.manifest.getProperty("query.accession");
        List<Measure> measures = List.of(
                new Measure(
                        "wado_instance",
                        "WADO-RS instance, as stored (" + count + " CT instances of 512x512 in turn)",
                        "instances/s",
                        "server CPU per instance",
                        t -> {
                            List<Client.Req> reqs = new ArrayList<>();
                            for (int pass = 0; pass * count < WARM_UP_REQUESTS; pass++) {
                                for (int i = 1; i <= count; i++) {
                                    reqs.add(c.get(
                                            t, prefix + c.manifest.getProperty("ct.sop." + i), Client.ACCEPT_INSTANCE));
                                }
                            }
                            return reqs;
                        }),
                new Measure(
                        "qido_accession",
                        "QIDO-RS study query, one match (`"
                                + query.replace(c.manifest.getProperty("query.accession"), "…")
                                + "`)",
                        "requests/s",
                        "server CPU per query",
                        t -> Client.repeat(c.get(t, query, Client.DICOM_JSON), WARM_UP_REQUESTS)));

        warmUp(measures);
        Map<String, Map<String, List<Sample>>> samples = measure(measures);
        Map<String, Turns> turns = new LinkedHashMap<>();
        for (Measure m : measures) {
            turns.put(m.key(), turns(m));
        }
        FirstUse first = control ? null : firstUse(query);
        String note = note(measures, samples, turns, first, count);
        Files.writeString(Path.of(required("note")), note);
        System.out.println();
        System.out.print(note);
    }

    // ---------------------------------------------------------------- data and checks

    /** The CT series and the small studies, 10 instances per STOW request, 4 clients (Client.stowOnce). */
    void load(Client.Target t) throws Exception {
        List<Path> ct = c.ctFiles();
        List<Path> small = c.smallFiles();
        Client.Stowed s = c.stowOnce(t, "load", ct, 0, CLIENTS).plus(c.stowOnce(t, "load", small, 0, CLIENTS));
        Client.log(
                "load     %-34s %-9s %12d instances in %.1f s",
                "CT series and small studies", t.name(), s.instances(), s.seconds());
    }

    /**
     * The oidc server refuses a request without a token and answers it with the reader's; mode none (the control
     * too) answers without.
     */
    void checkAccessControl() throws Exception {
        String path = "/studies?AccessionNumber=" + c.manifest.getProperty("query.accession");
        c.send(none, c.get(none, path, Client.DICOM_JSON), 200);
        c.send(oidc, c.get(oidc, path, Client.DICOM_JSON), control ? 200 : 401);
        c.send(oidc, c.get(oidc, path, Client.DICOM_JSON).withBearer(reader.access()), 200);
        Client.Http.closeThreadConnections();
        Client.log(
                control
                        ? "checked  both servers answer without a token (control: both in mode none)"
                        : "checked  mode oidc answers 401 without a token and 200 with the reader's; mode none 200 without");
    }

    // ---------------------------------------------------------------- loops

    /** The requests of one loop against a target: the oidc server's with the reader's current token. */
    List<Client.Req> requests(Measure m, Client.Target t) throws IOException {
        List<Client.Req> reqs = m.requests().apply(t);
        if (t != oidc) {
            return reqs;
        }
        String token = reader.renewed();
        // Built before the loop, so that the client's work per request differs by the header's bytes only.
        return reqs.stream().map(r -> r.withBearer(token)).toList();
    }

    Sample loop(Client.Target t, List<Client.Req> reqs, double capS) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Client.Meter meter = Client.Meter.start(t);
        Client.runWorkers(CLIENTS, capS, () -> {
            int i = next.getAndIncrement();
            if (i >= reqs.size()) {
                return false;
            }
            c.send(t, reqs.get(i), 200);
            return true;
        });
        Client.Meter.Result r = meter.stop();
        int done = Math.min(next.get(), reqs.size());
        return new Sample(done, r.seconds(), r.serverCores() * r.seconds(), r.clientCores() * r.seconds());
    }

    /**
     * Unmeasured: both targets at once (nothing is measured, and on a shared machine two loads at once take a larger
     * share of it), in steps of {@value #WARM_UP_STEP} requests of each measurement per target, both targets finishing a
     * step before the next starts, so that each serves as many as the other: until each has answered
     * {@value #WARM_UP_REQUESTS} of each measurement, or the warm-up's time ({@value #WARM_UP_CAP_S} s unless set) has
     * passed.
     */
    void warmUp(List<Measure> measures) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (warmUpSeconds * 1e9);
        int served = 0;
        while (served < WARM_UP_REQUESTS && System.nanoTime() < deadline) {
            int from = served;
            for (Measure m : measures) {
                together(t -> requests(m, t).subList(from, from + WARM_UP_STEP), warmUpSeconds);
            }
            served += WARM_UP_STEP;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        warmUpSummary = String.format(
                Locale.ROOT,
                "%,d requests of each measurement per server, both servers at once, in %.0f s%s",
                served,
                seconds,
                served < WARM_UP_REQUESTS
                        ? String.format(
                                Locale.ROOT, ", ended by its time cap short of the %,d intended", WARM_UP_REQUESTS)
                        : "");
        Client.log("warm-up  %s (not recorded)", warmUpSummary);
    }

    interface Requests {
        List<Client.Req> of(Client.Target t) throws IOException;
    }

    /** A loop against each target at the same time, each with its own {@value #CLIENTS} connections. */
    Map<Client.Target, Sample> together(Requests requests, double capS) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(c.targets.size());
        try {
            Map<Client.Target, Future<Sample>> running = new LinkedHashMap<>();
            for (Client.Target t : c.targets) {
                List<Client.Req> reqs = requests.of(t);
                running.put(t, both.submit(() -> loop(t, reqs, capS)));
            }
            Map<Client.Target, Sample> samples = new LinkedHashMap<>();
            for (Map.Entry<Client.Target, Future<Sample>> e : running.entrySet()) {
                try {
                    samples.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException x) {
                    throw x.getCause() instanceof Client.BenchFailure b
                            ? b
                            : new Client.BenchFailure("loop: " + x.getCause());
                }
            }
            return samples;
        } finally {
            both.shutdownNow();
        }
    }

    /**
     * Rounds of every measurement against both targets, one after the other, the order alternating from round to
     * round (A B, then B A), so that drift between two loops run back to back hits both alike. Samples by measurement,
     * then by target name.
     */
    Map<String, Map<String, List<Sample>>> measure(List<Measure> measures) throws Exception {
        Map<String, Map<String, List<Sample>>> all = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Measure m : measures) {
                Map<Client.Target, Sample> pair = new LinkedHashMap<>();
                for (Client.Target t : c.order(round)) {
                    pair.put(t, loop(t, requests(m, t), loopSeconds));
                }
                keep(all, round, m, pair);
            }
        }
        return all;
    }

    void keep(Map<String, Map<String, List<Sample>>> all, int round, Measure m, Map<Client.Target, Sample> s) {
        for (Map.Entry<Client.Target, Sample> e : s.entrySet()) {
            all.computeIfAbsent(m.key(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getKey().name(), k -> new ArrayList<>())
                    .add(e.getValue());
        }
        StringBuilder line = new StringBuilder();
        for (Client.Target t : c.targets) {
            Sample x = s.get(t);
            line.append(String.format(
                    Locale.ROOT, "  %s %5d at %5.0f/s, %.3f ms CPU", t.name(), x.n(), x.rate(), x.cpuPerRequestMs()));
        }
        Client.log("round %-2d %-15s%s", round + 1, m.key(), line);
    }

    // ---------------------------------------------------------------- taking turns

    /** Latencies of request pairs, one request to each server, and the paired differences (second minus none). */
    record Turns(double[] none, double[] second, double[] differences) {}

    /**
     * One client, the servers taking turns request by request (A B, then B A at the next pair), each server's i-th
     * request right after the other's, as bench/Client.java's interleaved loops do: drift hits both alike, so a fixed
     * cost per request shows as the median of the paired latency differences, down to microseconds. Stops after
     * {@value #TURNS} pairs or {@value #TURNS_CAP_S} s.
     */
    Turns turns(Measure m) throws Exception {
        List<Client.Req> a = requests(m, none);
        List<Client.Req> b = requests(m, oidc);
        double[] la = new double[TURNS];
        double[] lb = new double[TURNS];
        long deadline = System.nanoTime() + (long) (TURNS_CAP_S * 1e9);
        int done = 0;
        try {
            for (; done < TURNS && System.nanoTime() < deadline; done++) {
                for (Client.Target t : c.order(done)) {
                    Client.Req r = (t == none ? a : b).get(done % a.size());
                    long s0 = System.nanoTime();
                    c.send(t, r, 200);
                    (t == none ? la : lb)[done] = (System.nanoTime() - s0) / 1e6;
                }
            }
        } finally {
            Client.Http.closeThreadConnections();
        }
        double[] d = new double[done];
        for (int i = 0; i < done; i++) {
            d[i] = lb[i] - la[i];
        }
        la = Arrays.copyOf(la, done);
        lb = Arrays.copyOf(lb, done);
        Arrays.sort(la);
        Arrays.sort(lb);
        Arrays.sort(d);
        Client.log(
                "turns    %-15s %d pairs: none %.3f ms, %s %.3f ms, difference %.1f µs (median)",
                m.key(), done, median(la), oidc.name(), median(lb), median(d) * 1e3);
        return new Turns(la, lb, d);
    }

    // ---------------------------------------------------------------- the first request of a token

    /** Requests of one kind, one at a time: their latencies and the server CPU they took. */
    final class Phase {
        final List<Double> latencies = new ArrayList<>();
        double serverCpu;

        void send(Client.Target t, List<Client.Req> reqs) throws IOException {
            double cpu0 = Client.processCpuSeconds(t.pid());
            try {
                for (Client.Req r : reqs) {
                    long s = System.nanoTime();
                    c.send(t, r, 200);
                    latencies.add((System.nanoTime() - s) / 1e6);
                }
            } finally {
                Client.Http.closeThreadConnections();
            }
            serverCpu += Client.processCpuSeconds(t.pid()) - cpu0;
        }

        double medianMs() {
            return median(
                    latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }

        double cpuPerRequestMs() {
            return serverCpu * 1e3 / latencies.size();
        }
    }

    record FirstUse(int tokens, Phase first, Phase again, Phase none) {}

    /**
     * What verifying a token costs, once per token and minute (VerifiedTokens): {@code freshTokens} new access tokens
     * of the reader (refresh grants, so no password hashing at the issuer), each sent once with the cheap query (its
     * signature, issuer, audience and expiry verified), then each once more (the verified caller reused), then the
     * same number of requests to mode none. One client, one request at a time.
     */
    FirstUse firstUse(String query) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < freshTokens; i++) {
            tokens.add(reader.fresh());
        }
        Client.Req req = c.get(oidc, query, Client.DICOM_JSON);
        Client.Req plain = c.get(none, query, Client.DICOM_JSON);
        Phase first = new Phase();
        Phase again = new Phase();
        Phase none = new Phase();
        for (int from = 0; from < tokens.size(); from += FIRST_USE_BLOCK) {
            List<String> block = tokens.subList(from, Math.min(tokens.size(), from + FIRST_USE_BLOCK));
            first.send(this.oidc, block.stream().map(req::withBearer).toList());
            again.send(this.oidc, block.stream().map(req::withBearer).toList());
            none.send(this.none, Client.repeat(plain, block.size()));
        }
        Client.log(
                "first use of a token: %.3f ms (%.3f ms CPU), again %.3f ms (%.3f ms CPU), mode none %.3f ms (%.3f ms CPU)",
                first.medianMs(),
                first.cpuPerRequestMs(),
                again.medianMs(),
                again.cpuPerRequestMs(),
                none.medianMs(),
                none.cpuPerRequestMs());
        return new FirstUse(tokens.size(), first, again, none);
    }

    // ---------------------------------------------------------------- the note

    String note(
            List<Measure> measures,
            Map<String, Map<String, List<Sample>>> samples,
            Map<String, Turns> turns,
            FirstUse first,
            int count) {
        String second = control ? "control" : "oidc";
        StringBuilder md = new StringBuilder();
        md.append(
                control
                        ? "## The noise floor of bench/auth.sh (mode `none` against mode `none`)\n\n"
                        : "## What authentication costs (mode `oidc` against mode `none`)\n\n");
        md.append(String.format(
                Locale.ROOT,
                """
                `%s`, %s: two packaged servers of this repository (%s), each with its embedded H2 index and its own \
                copy of the same data (the %d-slice CT series of 512x512 and %s small studies, stored through \
                STOW-RS), %s, called with an access token of user `reader` from %s on loopback (password grant, role \
                `dicomweb-read`; mode `oidc` verifies a token with quarkus-oidc once, then reuses its caller for up \
                to 60 s). After an unmeasured warm-up (%s), one load client (bench/Client.java's HTTP client, %d \
                connections) measured both in %d rounds of %.1f-second loops, one server after the other, the order \
                alternating (none first, then %s first), so that drift between two loops run back to back hits both \
                alike. The query is the cheapest study query, where a fixed cost per request weighs most. Server CPU \
                is the server process's user and system time (/proc/PID/stat) over each loop, divided by the requests \
                it answered; the audit trail (one line per request, on in both modes) is part of it. A round's ratio \
                is %s's figure over none's in that round (above 1: faster, or more CPU per request); the confidence \
                interval of their median is that of its order statistics (binomial, assuming nothing about how the \
                rounds are distributed).%s Machine: %s; load average %s at the start, %s at the end (the machine is \
                shared with other work).

                | measurement | mode `none` | %s | %s/none: median of %d rounds | its 95%% confidence interval | all rounds pooled |
                |---|---:|---:|---:|---:|---:|
                """,
                opt.getOrDefault("command", "bench/auth.sh"),
                LocalDate.now(ZoneOffset.UTC),
                opt.getOrDefault("server-version", "unknown version"),
                count,
                c.manifest.getProperty("small.studies"),
                control
                        ? "both in mode `none` (a control: the second is sent the token, which mode `none` does not read)"
                        : "one in mode `none`, one in mode `oidc`",
                opt.getOrDefault("issuer-version", "Keycloak"),
                warmUpSummary,
                CLIENTS,
                rounds,
                loopSeconds,
                second,
                second,
                control
                        ? ""
                        : " How far two equal servers stray, measured the same way: `bench/auth.sh --control` (\"The"
                                + " noise floor of bench/auth.sh\").",
                machine(),
                loadStart,
                loadAverage(),
                control ? "control (mode `none`)" : "mode `oidc`",
                second,
                rounds));
        List<String> verdicts = new ArrayList<>();
        for (Measure m : measures) {
            List<Sample> a = samples.get(m.key()).get(none.name());
            List<Sample> b = samples.get(m.key()).get(oidc.name());
            for (boolean cpuRow : new boolean[] {false, true}) {
                double[] ratios = new double[a.size()];
                for (int i = 0; i < a.size(); i++) {
                    ratios[i] = cpuRow
                            ? b.get(i).cpuPerRequestMs() / a.get(i).cpuPerRequestMs()
                            : b.get(i).rate() / a.get(i).rate();
                }
                Arrays.sort(ratios);
                double pooledA = cpuRow
                        ? total(a, Sample::serverCpu) * 1e3 / total(a, Sample::n)
                        : total(a, Sample::n) / total(a, Sample::seconds);
                double pooledB = cpuRow
                        ? total(b, Sample::serverCpu) * 1e3 / total(b, Sample::n)
                        : total(b, Sample::n) / total(b, Sample::seconds);
                double[] ci = interval(ratios);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %.3f | %.3f to %.3f | %.3f |%n",
                        cpuRow ? m.cpuLabel() : m.label() + ", " + CLIENTS + " clients",
                        cpuRow ? String.format(Locale.ROOT, "%.3f ms", pooledA) : Client.num(pooledA) + " " + m.unit(),
                        cpuRow ? String.format(Locale.ROOT, "%.3f ms", pooledB) : Client.num(pooledB),
                        median(ratios),
                        ci[0],
                        ci[1],
                        pooledB / pooledA));
                if (!cpuRow) {
                    verdicts.add(ci[0] >= 1 - TARGET_COST ? "within" : ci[1] < 1 - TARGET_COST ? "over" : "undecided");
                }
            }
        }
        md.append(String.format(Locale.ROOT, """

                A fixed cost per request, measured finely: one client, the servers taking turns request by request \
                (A B, then B A), up to %,d pairs per measurement; the confidence interval is that of the median of \
                the paired differences.

                | measurement, 1 client, taking turns | median latency, mode `none` | %s | median of the paired differences | its 95%% confidence interval | relative to mode `none` |
                |---|---:|---:|---:|---:|---:|
                """, TURNS, control ? "control" : "mode `oidc`"));
        List<String> turnVerdicts = new ArrayList<>();
        List<String> turnCosts = new ArrayList<>();
        for (Measure m : measures) {
            Turns t = turns.get(m.key());
            double[] ci = interval(t.differences());
            // Were the server bound by its CPU and the difference all CPU work, its rate would fall by d / (c + d).
            List<Sample> a = samples.get(m.key()).get(none.name());
            double cpu = total(a, Sample::serverCpu) / total(a, Sample::n) * 1e3;
            double low = ci[0] / (cpu + ci[0]);
            double high = ci[1] / (cpu + ci[1]);
            turnVerdicts.add(high <= TARGET_COST ? "within" : low > TARGET_COST ? "over" : "undecided");
            turnCosts.add(String.format(
                    Locale.ROOT,
                    "%s %.1f%% to %.1f%% (%+.1f to %+.1f µs on %.3f ms)",
                    m.key(),
                    low * 100,
                    high * 100,
                    ci[0] * 1e3,
                    ci[1] * 1e3,
                    cpu));
            md.append(String.format(
                    Locale.ROOT,
                    "| %s (%d pairs) | %.3f ms | %.3f ms | %+.1f µs | %+.1f to %+.1f µs | %+.1f%% |%n",
                    m.label(),
                    t.differences().length,
                    median(t.none()),
                    median(t.second()),
                    median(t.differences()) * 1e3,
                    ci[0] * 1e3,
                    ci[1] * 1e3,
                    median(t.differences()) / median(t.none()) * 100));
        }
        if (control) {
            md.append(String.format(
                    Locale.ROOT,
                    "%nTwo equal servers: whatever separates them is chance, the floor under which a cost cannot be "
                            + "told from it in a run of this length on this machine. Their paired differences can sit a "
                            + "few microseconds off zero, beyond their own confidence interval, as JIT compilation and "
                            + "memory layout differ from one JVM to the next: a difference of that size between the modes "
                            + "is not the mode's.%n"));
            return md.toString();
        }
        String byRounds = verdict(verdicts);
        md.append(String.format(
                Locale.ROOT,
                "%nVerdict against the target of at most %.0f%%: %s. The rounds measure the rates themselves and decide "
                        + "when they can: within when each rate ratio's confidence interval lies above %.2f, over when "
                        + "one lies wholly below; in this run they %s. %s the fixed cost per request, taken as a share of "
                        + "mode `none`'s server CPU per request (the share of its rate a CPU-bound server would lose): "
                        + "%s.%n%n",
                TARGET_COST * 100,
                byRounds.equals("undecided")
                        ? "**" + verdict(turnVerdicts) + "**, by the cost per request"
                        : "**" + byRounds + "**",
                1 - TARGET_COST,
                byRounds.equals("undecided")
                        ? "do not: their confidence intervals are wider than the target on this machine"
                        : "do",
                byRounds.equals("undecided") ? "Then the verdict is that of" : "For comparison,",
                String.join("; ", turnCosts)));
        md.append(String.format(
                Locale.ROOT,
                """
                What the reuse of a verified token saves, for the record: %d fresh access tokens of `reader` (refresh \
                grants), in blocks of %d: each token of a block sent once with the one-match study query, then each \
                once more, then as many requests to mode `none`; one client, one request at a time.

                | request | median latency | server CPU per request |
                |---|---:|---:|
                | mode `oidc`, a token never seen before (verified) | %.3f ms | %.3f ms |
                | mode `oidc`, the same token again (its caller reused) | %.3f ms | %.3f ms |
                | mode `none`, no token | %.3f ms | %.3f ms |

                Verifying a token cost about %.2f ms of server CPU here, once per token and minute (CPU from clock \
                ticks of 10 ms: good to about a tenth of a millisecond per request at this count). That is an upper \
                bound: %d verifications are too few for the JIT compiler to compile their code as it compiles the \
                paths the rounds ran thousands of times. Were every request verified, each would cost that much more.
                """,
                first.tokens(),
                FIRST_USE_BLOCK,
                first.first().medianMs(),
                first.first().cpuPerRequestMs(),
                first.again().medianMs(),
                first.again().cpuPerRequestMs(),
                first.none().medianMs(),
                first.none().cpuPerRequestMs(),
                first.first().cpuPerRequestMs() - first.again().cpuPerRequestMs(),
                first.tokens()));
        return md.toString();
    }

    /** Over if one measurement is over, within if all are within, else undecided. */
    static String verdict(List<String> each) {
        return each.contains("over") ? "over" : each.stream().allMatch("within"::equals) ? "within" : "undecided";
    }

    /**
     * A distribution-free 95% confidence interval of the median of sorted values: the order statistics x(r) and
     * x(n+1-r) (1-based), r the largest rank with P(X &lt; r) &le; 2.5% for X ~ Binomial(n, 1/2). Needs 6 values at
     * least; beyond 1,000 the normal approximation gives r.
     */
    static double[] interval(double[] sorted) {
        int n = sorted.length;
        int r = 0;
        if (n > 1000) {
            // 0.5^n underflows: the normal approximation of the binomial, which is close at this size.
            r = (int) Math.floor((n - 1.96 * Math.sqrt(n)) / 2);
        } else {
            double below = 0;
            for (double p = Math.pow(0.5, n); below + p <= 0.025; r++) {
                below += p;
                p = p * (n - r) / (r + 1);
            }
        }
        return new double[] {sorted[r - 1], sorted[n - r]};
    }

    static double total(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> f) {
        return samples.stream().mapToDouble(f).sum();
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String machine() {
        String model = "unknown CPU";
        double memGiB = Double.NaN;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    model = l.substring(l.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    memGiB = Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0;
                }
            }
        } catch (IOException e) {
            // the machine line says what it could read
        }
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.1f GiB memory, %s %s, %s",
                Runtime.getRuntime().availableProcessors(),
                model,
                memGiB,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                "Java " + Runtime.version());
    }

    // ---------------------------------------------------------------- tokens

    /**
     * Access tokens from the issuer's token endpoint (RFC 6749 §4.3 password, §4.4 client credentials, §6 refresh),
     * sent through the load client's own HTTP client.
     */
    static final class Tokens {
        static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
        static final Pattern EXPIRES = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

        final Client client;
        final Client.Target endpoint;
        final Map<String, String> grant;
        final String clientId;
        volatile String access;
        String refresh;
        Instant expiry;

        private Tokens(Client client, String issuer, String clientId, Map<String, String> grant) throws IOException {
            this.client = client;
            this.endpoint = new Client.Target("issuer", issuer + "/protocol/openid-connect/token", 0);
            this.clientId = clientId;
            this.grant = grant;
            take(request(grant));
        }

        static Tokens password(Client client, String issuer, String clientId, String user) throws IOException {
            // The test realm's passwords are the users' names.
            return new Tokens(
                    client,
                    issuer,
                    clientId,
                    Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", user));
        }

        static Tokens clientCredentials(Client client, String issuer, String clientId, String secret)
                throws IOException {
            return new Tokens(
                    client,
                    issuer,
                    clientId,
                    Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        }

        String access() {
            return access;
        }

        /** The current token, renewed first when less than {@value AuthCost#RENEW_BEFORE_S} s of it are left. */
        synchronized String renewed() throws IOException {
            if (Instant.now().plusSeconds(RENEW_BEFORE_S).isAfter(expiry)) {
                take(request(grant));
                Client.log("token    renewed for %s", grant.getOrDefault("username", clientId));
            }
            return access;
        }

        /** A new access token of the same user by a refresh grant; the current one stays as it was. */
        String fresh() throws IOException {
            if (refresh == null) {
                throw new Client.BenchFailure("the issuer gave no refresh token to " + clientId);
            }
            String body =
                    request(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refresh));
            return match(ACCESS, body);
        }

        private void take(String body) throws IOException {
            access = match(ACCESS, body);
            Matcher r = REFRESH.matcher(body);
            refresh = r.find() ? r.group(1) : null;
            expiry = Instant.now().plusSeconds(Long.parseLong(match(EXPIRES, body)));
        }

        private String request(Map<String, String> form) throws IOException {
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, String> e : form.entrySet()) {
                body.append(body.isEmpty() ? "" : "&")
                        .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
            Client.Req req = new Client.Req(
                    "POST",
                    URI.create(endpoint.base()),
                    "application/json",
                    "application/x-www-form-urlencoded",
                    body.toString().getBytes(StandardCharsets.US_ASCII));
            Client.Resp resp = client.send(endpoint, req, 200);
            return new String(resp.body(), StandardCharsets.UTF_8);
        }

        private static String match(Pattern p, String body) throws IOException {
            Matcher m = p.matcher(body);
            if (!m.find()) {
                throw new Client.BenchFailure(
                        "the issuer's token answer has no " + p.pattern().split("\"")[1]);
            }
            return m.group(1);
        }
    }
}
