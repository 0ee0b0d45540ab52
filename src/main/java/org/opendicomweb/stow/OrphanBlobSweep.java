package org.opendicomweb.stow;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.InstanceBlobKey;

/**
 * Removes instance files that were committed but never indexed: a store commits the file before the index row
 * (so a row never points at a missing file), and a crash between the two leaves the file behind. Runs once in
 * the background after start-up, once the index is reachable.
 *
 * <p>Only files written before this process started, less a grace period
 * ({@code dicomweb.stow.orphan-grace}), are candidates: another node that shares the storage may be between
 * its commit and its index write right now.
 */
@ApplicationScoped
public class OrphanBlobSweep {
    private static final Logger LOG = Logger.getLogger(OrphanBlobSweep.class);
    private static final int BATCH = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final BlobStore blobs;
    private final IndexDatabase index;
    private final DicomwebConfig config;
    private final Instant started = Instant.now();
    private volatile Thread worker;

    @Inject
    OrphanBlobSweep(BlobStore blobs, IndexDatabase index, DicomwebConfig config) {
        this.blobs = blobs;
        this.index = index;
        this.config = config;
    }

    /** What a sweep found: files looked at, and orphans removed. */
    public record Result(long checked, long removed) {}

    void onStart(@Observes StartupEvent event) {
        if (!config.stow().sweepOrphansAtStartup()) {
            return;
        }
        worker = Thread.ofVirtual().name("orphan-blob-sweep").start(() -> {
            try {
                while (!index.isMigrated()) {
                    Thread.sleep(config.db().retryInterval().toMillis());
                }
                sweep(started.minus(config.stow().orphanGrace()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.warnf(
                        "Orphan file sweep of %s stopped: %s (it runs again at the next start)",
                        blobs.location(), e.getMessage());
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Removes instance files written before {@code cutoff} that no index row points at. */
    public Result sweep(Instant cutoff) throws IOException, SQLException {
        long checked = 0;
        long removed = 0;
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        try (Stream<String> keys = blobs.keysWrittenBefore(cutoff)) {
            Iterator<String> it = keys.filter(InstanceBlobKey::isInstanceKey).iterator();
            List<String> batch = new ArrayList<>(BATCH);
            while (it.hasNext() && !Thread.currentThread().isInterrupted()) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    checked += batch.size();
                    removed += removeUnindexed(batch);
                    batch.clear();
                }
                if (Instant.now().isAfter(nextReport)) {
                    LOG.infof("Orphan file sweep: %d files checked, %d removed so far", checked, removed);
                    nextReport = Instant.now().plus(PROGRESS_EVERY);
                }
            }
        }
        if (removed > 0) {
            LOG.warnf(
                    "Orphan file sweep removed %d files that were stored but never indexed (of %d checked)",
                    removed, checked);
        } else {
            LOG.infof("Orphan file sweep: %d files checked, none orphaned", checked);
        }
        return new Result(checked, removed);
    }

    private long removeUnindexed(List<String> keys) throws SQLException, IOException {
        Set<String> indexed = new HashSet<>();
        String placeholders = String.join(",", Collections.nCopies(keys.size(), "?"));
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select blob_key from instance where blob_key in (" + placeholders + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexed.add(rs.getString(1));
                }
            }
        }
        long removed = 0;
        for (String key : keys) {
            if (!indexed.contains(key) && blobs.delete(key)) {
                LOG.debugf("Removed orphan file %s", key);
                removed++;
            }
        }
        return removed;
    }
}
