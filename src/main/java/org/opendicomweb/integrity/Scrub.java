package org.opendicomweb.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.ScrubProgress.Position;
import org.opendicomweb.index.StoredObjects;
import org.opendicomweb.index.StoredObjects.Problem;
import org.opendicomweb.index.StoredObjects.StoredObject;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.Crc32c;
import org.opendicomweb.storage.ReadableBlob;

/**
 * One pass over every stored object: each is read back whole, streaming, from the blob store (the filesystem or S3
 * alike) and checked against what the index says it holds: its size and CRC-32C, or, for an object stored before the
 * index kept a CRC-32C, its SHA-256 (a match then fills in the CRC-32C). An object that is gone or holds other bytes
 * becomes a finding of the integrity report; one found intact loses its finding. Reads are paced to
 * {@code dicomweb.scrub.rate-limit}.
 *
 * <p>{@link #run} is the whole pass, or the rest of a pass stopped midway, and its only entry point, so that whatever
 * decides where it runs (one node of several) and where it continues from only has to wrap that call.
 */
@ApplicationScoped
public class Scrub {
    private static final Logger LOG = Logger.getLogger(Scrub.class);
    private static final int PAGE = 500;
    private static final int CHUNK = 256 * 1024;
    /**
     * How often a pass saves its position: a node killed redoes at most this long a stretch, and the saves cost one
     * small update a second however small the objects.
     */
    static final int CHECKPOINT_SECONDS = 1;

    private final StoredObjects index;
    private final BlobStore blobs;
    private final DicomwebConfig config;

    @Inject
    Scrub(StoredObjects index, BlobStore blobs, DicomwebConfig config) {
        this.index = index;
        this.blobs = blobs;
        this.config = config;
    }

    /**
     * What a pass has counted so far, read by others while the pass runs: counts of the whole pass, those of the
     * node that ran it before this one included; {@code after}, the primary key of the last instance checked.
     */
    public static final class Tally {
        final AtomicLong total = new AtomicLong();
        final AtomicLong checked = new AtomicLong();
        final AtomicLong intact = new AtomicLong();
        final AtomicLong checksumsFilled = new AtomicLong();
        final AtomicLong mismatches = new AtomicLong();
        final AtomicLong missing = new AtomicLong();
        final AtomicLong unreadable = new AtomicLong();
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicLong after = new AtomicLong();
        /** Objects and bytes the pass had checked when this node began or continued it. */
        final long checkedBefore;

        final long bytesBefore;

        Tally() {
            this(Position.beginning(Instant.EPOCH));
        }

        /** A pass that continues from {@code p}. */
        Tally(Position p) {
            checked.set(p.checked());
            intact.set(p.intact());
            checksumsFilled.set(p.checksumsFilled());
            mismatches.set(p.mismatches());
            missing.set(p.missing());
            unreadable.set(p.unreadable());
            bytesRead.set(p.bytesRead());
            after.set(p.afterPk());
            checkedBefore = p.checked();
            bytesBefore = p.bytesRead();
        }

        /**
         * Where the pass stands, to save; read between two objects by the thread running the pass, so that the
         * counts and the position agree.
         */
        Position position(Instant started) {
            return new Position(
                    after.get(),
                    started,
                    checked.get(),
                    intact.get(),
                    checksumsFilled.get(),
                    mismatches.get(),
                    missing.get(),
                    unreadable.get(),
                    bytesRead.get());
        }
    }

    /** Saves a pass's position; called by the thread running the pass, between two objects. */
    @FunctionalInterface
    public interface Checkpoint {
        void save() throws SQLException, InterruptedException;
    }

    /** The outcome of checking one object. */
    sealed interface Verdict {
        record Intact() implements Verdict {}

        record Filled(long crc32c) implements Verdict {}

        record Damaged(Problem problem, String detail) implements Verdict {}

        record Unreadable(String reason) implements Verdict {}
    }

    /**
     * Checks every object the index holds after {@code tally}'s position, in primary key order, counting into
     * {@code tally}, and has {@code checkpoint} save the position about once every {@value #CHECKPOINT_SECONDS}
     * second.
     */
    public void run(Tally tally, Checkpoint checkpoint) throws SQLException, InterruptedException {
        tally.total.set(index.count());
        Pace pace = new Pace(config.scrub().rateLimit().asLongValue(), tally.bytesRead);
        long after = tally.after.get();
        long saved = System.nanoTime();
        while (true) {
            List<StoredObject> page = index.page(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            Set<Long> withFindings =
                    index.withFindings(page.getFirst().pk(), page.getLast().pk());
            for (StoredObject o : page) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("scrub stopped");
                }
                Verdict verdict = check(o, pace);
                settle(o, verdict, withFindings.contains(o.pk()), tally);
                tally.checked.incrementAndGet();
                tally.after.set(o.pk());
                if (System.nanoTime() - saved >= CHECKPOINT_SECONDS * 1_000_000_000L) {
                    checkpoint.save();
                    saved = System.nanoTime();
                }
            }
            after = page.getLast().pk();
        }
    }

    private void settle(StoredObject o, Verdict verdict, boolean hadFinding, Tally tally) throws SQLException {
        switch (verdict) {
            case Verdict.Intact i -> {
                tally.intact.incrementAndGet();
                if (hadFinding) {
                    index.clear(o.pk());
                }
            }
            case Verdict.Filled f -> {
                tally.checksumsFilled.incrementAndGet();
                index.fillCrc32c(o, f.crc32c());
                if (hadFinding) {
                    index.clear(o.pk());
                }
            }
            case Verdict.Damaged d -> {
                (d.problem() == Problem.MISSING ? tally.missing : tally.mismatches).incrementAndGet();
                LOG.errorf(
                        "Scrub: SOP Instance %s of study %s: object %s is %s: %s",
                        o.sopInstanceUid(),
                        o.studyInstanceUid(),
                        o.blobKey(),
                        d.problem().name().toLowerCase(),
                        d.detail());
                index.record(o, d.problem(), d.detail());
            }
            case Verdict.Unreadable u -> {
                // A failed read says nothing about the bytes (a network error, a timeout): no finding, the next pass
                // reads it again.
                tally.unreadable.incrementAndGet();
                LOG.warnf("Scrub: object %s could not be read: %s", o.blobKey(), u.reason());
            }
        }
    }

    /** Reads the object whole and compares it with what the index says it holds. */
    Verdict check(StoredObject o, Pace pace) throws InterruptedException {
        MessageDigest sha = o.crc32c() == null && o.sha256() != null ? sha256() : null;
        CRC32C crc = new CRC32C();
        long size = 0;
        try (ReadableBlob blob = blobs.open(o.blobKey())) {
            if (blob.size() != o.size()) {
                return new Verdict.Damaged(
                        Problem.MISMATCH, "holds " + blob.size() + " bytes; " + o.size() + " were stored");
            }
            try (InputStream in = blob.inputStream(0, blob.size())) {
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = in.readNBytes(buffer, 0, CHUNK)) > 0; ) {
                    crc.update(buffer, 0, n);
                    if (sha != null) {
                        sha.update(buffer, 0, n);
                    }
                    size += n;
                    pace.read(n);
                }
            }
        } catch (NoSuchFileException e) {
            return new Verdict.Damaged(Problem.MISSING, "no object under this key");
        } catch (InterruptedIOException e) {
            throw new InterruptedException("scrub stopped while reading " + o.blobKey());
        } catch (IOException e) {
            return new Verdict.Unreadable(e.toString());
        }
        if (size != o.size()) {
            return new Verdict.Damaged(Problem.MISMATCH, "holds " + size + " bytes; " + o.size() + " were stored");
        }
        if (o.crc32c() != null) {
            return crc.getValue() == o.crc32c()
                    ? new Verdict.Intact()
                    : new Verdict.Damaged(
                            Problem.MISMATCH,
                            "CRC-32C " + Crc32c.hex(crc.getValue()) + "; " + Crc32c.hex(o.crc32c()) + " was stored");
        }
        if (sha != null && !HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(o.sha256())) {
            return new Verdict.Damaged(Problem.MISMATCH, "SHA-256 differs from the one stored");
        }
        return new Verdict.Filled(crc.getValue());
    }

    /** Keeps reads at or below a rate by sleeping whenever they got ahead of it. */
    static final class Pace {
        private final long bytesPerSecond;
        private final AtomicLong read;
        private final long start = System.nanoTime();
        private long bytes;

        Pace(long bytesPerSecond, AtomicLong read) {
            this.bytesPerSecond = bytesPerSecond;
            this.read = read;
        }

        void read(long n) throws InterruptedException {
            bytes += n;
            read.addAndGet(n);
            if (bytesPerSecond <= 0) {
                return;
            }
            long due = (long) (bytes * 1e9 / bytesPerSecond);
            long ahead = due - (System.nanoTime() - start);
            if (ahead > 1_000_000) {
                Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
