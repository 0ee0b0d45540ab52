package org.opendicomweb.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendicomweb.cluster.ClusterNode;

/**
 * Where a process stages bytes before committing them: {@code <root>/.staging/<host>_<pid>_<random>}, one
 * folder per server process, so that several server nodes can share one storage root (a mounted volume).
 *
 * <p>At start-up a process removes what dead writers left: the folders of processes on the same host that no
 * longer run (or whose pid is now its own: a restarted container), at once; anything else (other hosts'
 * folders, files of the layout without per-process folders) only once untouched for the grace period, since
 * an upload in progress on another node keeps writing to its file.
 */
final class StagingArea {
    static final String FOLDER = ".staging";
    private static final Pattern OWNER = Pattern.compile("(.+)_(\\d+)_[0-9a-f]{8}");

    private final Path parent;
    private final Path folder;
    private final String host;
    private final long pid;
    private final Duration grace;

    StagingArea(Path root, Duration grace) {
        this.parent = root.resolve(FOLDER);
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.folder = parent.resolve(newOwnerName());
        this.grace = grace;
    }

    /** This process's staging folder. */
    Path folder() {
        return folder;
    }

    void create() throws IOException {
        Files.createDirectories(folder);
    }

    /** Removes what writers that can no longer commit left behind; returns the number of files removed. */
    int sweep() throws IOException {
        Instant cutoff = Instant.now().minus(grace);
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                if (entry.equals(folder)) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    boolean dead = writerIsGone(entry.getFileName().toString());
                    removed += removeFiles(entry, dead ? Instant.MAX : cutoff);
                    removeIfEmpty(entry, dead ? Instant.MAX : cutoff);
                } else if (dead(entry, cutoff) && Files.deleteIfExists(entry)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** A name no other process uses: this host, this pid and a random part (a store opened twice in one process). */
    static String newOwnerName() {
        return hostName() + "_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private boolean writerIsGone(String name) {
        return writerIsGone(name, host, pid);
    }

    /**
     * Whether the process that named its staging place {@code name} ({@link #newOwnerName()}) can no longer commit:
     * a process of this host that has ended, or whose pid is now ours (a restarted container). Another host's
     * process: not known, only age tells.
     */
    static boolean writerIsGone(String name, String host, long pid) {
        Matcher m = OWNER.matcher(name);
        if (!m.matches() || !m.group(1).equals(host)) {
            return false; // another host's process: only age tells
        }
        long owner = Long.parseLong(m.group(2));
        return owner == pid || ProcessHandle.of(owner).map(p -> !p.isAlive()).orElse(true);
    }

    private static int removeFiles(Path folder, Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (dead(file, cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static void removeIfEmpty(Path folder, Instant cutoff) throws IOException {
        if (!dead(folder, cutoff)) {
            return;
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
            if (left.iterator().hasNext()) {
                return;
            }
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Another node's writer started using it in between; it stays.
        }
    }

    /** Older than the cutoff ({@link Instant#MAX}: whatever its age); gone counts as not dead, nothing to do. */
    private static boolean dead(Path path, Instant cutoff) throws IOException {
        try {
            return cutoff == Instant.MAX
                    || Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** This machine's host name as a key segment: lower case, only letters, digits, dots and dashes. */
    static String hostName() {
        String safe = ClusterNode.hostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return safe.isEmpty() ? "localhost" : safe;
    }
}
