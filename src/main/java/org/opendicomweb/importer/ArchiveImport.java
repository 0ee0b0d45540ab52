package org.opendicomweb.importer;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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
 *      [--url http://localhost:8080/dicom-web] [--batch 10] [--clients 4] [--journal FILE] FOLDER
 * </pre>
 *
 * Exit status: 0 when every file was stored or already journalled, 1 when some failed, 2 on bad arguments.
 */
public final class ArchiveImport {
    private static final Pattern PART_NUMBER = Pattern.compile("part (\\d+): ");
    private final URI stowUri;
    private final int batchSize;
    private final int clients;
    private final Path journal;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> done;
    private BufferedWriter journalWriter;

    ArchiveImport(URI root, int batchSize, int clients, Path journal) throws IOException {
        this.stowUri = URI.create(root.toString().replaceAll("/+$", "") + "/studies");
        this.batchSize = batchSize;
        this.clients = clients;
        this.journal = journal;
        this.done = Files.exists(journal) ? new HashSet<>(Files.readAllLines(journal)) : new HashSet<>();
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080/dicom-web";
        int batch = 10;
        int clients = 4;
        Path journal = null;
        Path folder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--journal" -> journal = Path.of(args[++i]);
                default -> folder = Path.of(args[i]);
            }
        }
        if (folder == null || !Files.isDirectory(folder) || batch < 1 || clients < 1) {
            System.err.println("usage: ArchiveImport [--url ROOT] [--batch N] [--clients N] [--journal FILE] FOLDER");
            System.exit(2);
        }
        if (journal == null) {
            journal = Path.of(folder.getFileName() + ".import-journal");
        }
        ArchiveImport job = new ArchiveImport(URI.create(url), batch, clients, journal);
        System.exit(job.run(folder) ? 0 : 1);
    }

    boolean run(Path folder) throws Exception {
        List<Path> pending;
        try (Stream<Path> walk = Files.walk(folder)) {
            pending = walk.filter(Files::isRegularFile)
                    .filter(p -> !done.contains(p.toAbsolutePath().toString()))
                    .sorted()
                    .toList();
        }
        System.out.printf(
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
        System.out.printf(
                "%d/%d files, %.1f files/s, %.1f MB/s, %d failed%n",
                files.get(), total, files.get() / seconds, bytes.get() / seconds / 1e6, failures.get());
    }

    /** One multipart/related request for a batch, streamed from disk file by file. */
    private void send(List<Path> batch) {
        String boundary = "import-" + UUID.randomUUID();
        List<InputStream> pieces = new ArrayList<>();
        long size = 0;
        for (Path p : batch) {
            pieces.add(ascii("\r\n--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n"));
            pieces.add(lazyFile(p));
            try {
                size += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pieces.add(ascii("\r\n--" + boundary + "--\r\n"));
        HttpRequest request = HttpRequest.newBuilder(stowUri)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(Collections.enumeration(pieces))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
                        System.err.println(batch.get(part - 1) + ": "
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
                System.err.printf(
                        "HTTP %d for %d files starting with %s: %s%n",
                        status, batch.size(), batch.get(0), response.body());
            }
        } catch (IOException e) {
            failures.addAndGet(batch.size());
            System.err.printf("Request failed for %d files starting with %s: %s%n", batch.size(), batch.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
