package org.opendicomweb.importer;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports an existing archive (a folder of DICOM files, recursively) through the server's own STOW-RS path,
 * so imported instances are validated, stored and indexed exactly like uploads. Prints progress (files/s,
 * MB/s, failures) every few seconds, and keeps a journal of finished files so an interrupted import resumes
 * where it stopped. Depends on the JDK only, so it runs from the application jar:
 *
 * <pre>
 * java -cp target/quarkus-app/app/opendicomweb-*.jar org.opendicomweb.importer.ArchiveImport \
 *      [--url http://localhost:8080/dicom-web] [--batch 10] [--clients 4] [--journal FILE] \
 *      [--token TOKEN | --oidc-issuer URL --client-id ID] FOLDER
 * </pre>
 *
 * A server that requires bearer tokens (RFC 6750) gets one given with {@code --token}, or tokens of the client
 * credentials grant (RFC 6749 §4.4) from an OpenID Connect issuer, with the client's secret from the environment
 * variable {@code DICOMWEB_CLIENT_SECRET} ({@link ImportOptions}). Neither the secret nor a token is ever printed.
 *
 * <p>Exit status: 0 when every file was stored or already journalled, 1 when some failed, 2 on bad arguments or
 * when no token could be obtained at the start.
 */
public final class ArchiveImport {
    private static final Pattern PART_NUMBER = Pattern.compile("part (\\d+): ");
    private final URI stowUri;
    private final int batchSize;
    private final int clients;
    private final Path journal;
    private final HttpClient http;
    private final Optional<BearerTokens> tokens;
    private final PrintStream out;
    private final PrintStream err;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> done;
    private BufferedWriter journalWriter;

    ArchiveImport(
            ImportOptions options, HttpClient http, Optional<BearerTokens> tokens, PrintStream out, PrintStream err)
            throws IOException {
        this.stowUri = URI.create(options.root().toString().replaceAll("/+$", "") + "/studies");
        this.batchSize = options.batch();
        this.clients = options.clients();
        this.journal = options.journal();
        this.http = http;
        this.tokens = tokens;
        this.out = out;
        this.err = err;
        this.done = Files.exists(journal) ? new HashSet<>(Files.readAllLines(journal)) : new HashSet<>();
    }

    public static void main(String[] args) throws Exception {
        System.exit(execute(List.of(args), System.getenv(), System.out, System.err));
    }

    /** The whole command: its exit status. */
    static int execute(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err)
            throws Exception {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("ArchiveImport: " + e.getMessage());
            err.println(ImportOptions.USAGE);
            return 2;
        }
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            Optional<BearerTokens> tokens = options.credentials().map(c -> switch (c) {
                case ImportOptions.Token t -> BearerTokens.fixed(t.value());
                case ImportOptions.ClientCredentials cc ->
                    new ClientCredentialsTokens(ClientCredentialsTokens.openIdConnect(http, cc), Instant::now);
            });
            if (tokens.isPresent()) {
                try {
                    // Wrong credentials or issuer: said once, before any file is sent.
                    tokens.get().token();
                } catch (IOException e) {
                    err.println("ArchiveImport: no access token: " + e.getMessage());
                    return 2;
                }
            }
            ArchiveImport job = new ArchiveImport(options, http, tokens, out, err);
            return job.run(options.folder()) ? 0 : 1;
        }
    }

    boolean run(Path folder) throws Exception {
        List<Path> pending;
        try (Stream<Path> walk = Files.walk(folder)) {
            pending = walk.filter(Files::isRegularFile)
                    .filter(p -> !done.contains(p.toAbsolutePath().toString()))
                    .sorted()
                    .toList();
        }
        out.printf(
                "Importing %d files from %s into %s (%d already done per %s)%n",
                pending.size(), folder, stowUri, done.size(), journal);
        journalWriter = Files.newBufferedWriter(
                journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < pending.size(); i += batchSize) {
                List<Path> batch = pending.subList(i, Math.min(pending.size(), i + batchSize));
                futures.add(pool.submit(() -> send(batch)));
            }
            long lastReport = System.nanoTime();
            for (Future<?> f : futures) {
                f.get();
                if (System.nanoTime() - lastReport > 3_000_000_000L) {
                    report(start, pending.size());
                    lastReport = System.nanoTime();
                }
            }
        } finally {
            pool.shutdown();
            journalWriter.close();
        }
        report(start, pending.size());
        return failures.get() == 0;
    }

    private void report(long start, int total) {
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        out.printf(
                "%d/%d files, %.1f files/s, %.1f MB/s, %d failed%n",
                files.get(), total, files.get() / seconds, bytes.get() / seconds / 1e6, failures.get());
    }

    /** One multipart/related request for a batch, streamed from disk file by file. */
    private void send(List<Path> batch) {
        String boundary = "import-" + UUID.randomUUID();
        long size = batch.stream().mapToLong(ArchiveImport::sizeOf).sum();
        try {
            HttpResponse<String> response = post(batch, boundary);
            int status = response.statusCode();
            if (status == 200) {
                finished(batch, size);
            } else if (status == 202 || status == 409) {
                // Some parts failed; the server names each ("part N: why") in a Warning header. Files not named
                // are journalled as done; when the count does not add up, the whole batch is retried on resume
                // (stored parts are then identical duplicates, a no-op).
                int failed = response.body().split("\"00081197\"", -1).length - 1;
                Set<Integer> named = new HashSet<>();
                for (String warning : response.headers().allValues("Warning")) {
                    Matcher m = PART_NUMBER.matcher(warning);
                    if (m.find()) {
                        int part = Integer.parseInt(m.group(1));
                        named.add(part);
                        err.println(batch.get(part - 1) + ": "
                                + warning.substring(m.end()).replaceAll("\"$", ""));
                    }
                }
                failures.addAndGet(failed);
                if (named.size() == failed) {
                    List<Path> stored = new ArrayList<>();
                    for (int k = 0; k < batch.size(); k++) {
                        if (!named.contains(k + 1)) {
                            stored.add(batch.get(k));
                        }
                    }
                    finished(
                            stored,
                            stored.stream().mapToLong(ArchiveImport::sizeOf).sum());
                }
            } else {
                failures.addAndGet(batch.size());
                err.printf(
                        "HTTP %d for %d files starting with %s: %s%s%n",
                        status, batch.size(), batch.get(0), response.body(), refusal(response));
            }
        } catch (IOException e) {
            failures.addAndGet(batch.size());
            err.printf("Request failed for %d files starting with %s: %s%n", batch.size(), batch.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends the batch with the current token, if any. A 401 means the token is no longer good (it expired early,
     * or the issuer's keys rotated): the batch goes once more with a fresh one, when the source can get one.
     */
    private HttpResponse<String> post(List<Path> batch, String boundary) throws IOException, InterruptedException {
        Optional<String> token = tokens.isPresent() ? Optional.of(tokens.get().token()) : Optional.empty();
        HttpResponse<String> response =
                http.send(request(batch, boundary, token), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 && token.isPresent() && tokens.get().rejected(token.get())) {
            token = Optional.of(tokens.get().token());
            response = http.send(request(batch, boundary, token), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private HttpRequest request(List<Path> batch, String boundary, Optional<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stowUri)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                // A fresh body each time it is asked for: the request may be sent twice.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(batch, boundary)));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request.build();
    }

    private static InputStream body(List<Path> batch, String boundary) {
        List<InputStream> pieces = new ArrayList<>();
        for (Path p : batch) {
            pieces.add(ascii("\r\n--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n"));
            pieces.add(lazyFile(p));
        }
        pieces.add(ascii("\r\n--" + boundary + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** What to do about a refusal of access (RFC 6750 §3.1), or nothing for other failures. */
    private String refusal(HttpResponse<String> response) {
        String challenge = response.headers()
                .firstValue("WWW-Authenticate")
                .map(c -> " [" + c + "]")
                .orElse("");
        return switch (response.statusCode()) {
            case 401 ->
                tokens.isEmpty()
                        ? " (the server requires a bearer token: give --token, or --oidc-issuer and --client-id)"
                        : " (the server refused the token" + challenge + ")";
            case 403 -> " (the token lacks the role that storing needs" + challenge + ")";
            default -> "";
        };
    }

    private synchronized void finished(List<Path> batch, long size) throws IOException {
        for (Path p : batch) {
            journalWriter.write(p.toAbsolutePath().toString());
            journalWriter.newLine();
        }
        journalWriter.flush();
        files.addAndGet(batch.size());
        bytes.addAndGet(size);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static InputStream ascii(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Opens the file only when the request body reaches it, so a batch holds one open file at a time. */
    private static InputStream lazyFile(Path p) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    in = Files.newInputStream(p);
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }
}
