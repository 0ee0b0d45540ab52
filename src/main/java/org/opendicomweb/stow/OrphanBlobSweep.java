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
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.InstanceBlobKey;

/**
 * Removes instance files that no index row points at: a store commits the file before the index row (so a row
 * never points at a missing file), and a crash between the two leaves the file behind; a deletion removes the rows
 * first and the files after the commit, and a crash or a storage error in between leaves the files behind. Runs in
 * the background once after start-up, once the index is reachable, and then every
 * {@code dicomweb.stow.orphan-sweep-interval}.
 *
 * <p>Only files written a grace period ({@code dicomweb.stow.orphan-grace}) before the run are candidates (before
 * start-up, for the first run): another node that shares the storage may be between its commit and its index write
 * right now. A periodic run also spares what this node's own running stores have written ({@link StoresInFlight}),
 * whatever the grace.
 *
 * <p>Nodes sharing the index take turns: a run happens on the node holding the lease {@value #LEASE}
 * ({@link ClusterLease}); the others skip that round. A periodic run also skips when any node swept within the
 * interval, so that the cluster sweeps about once per interval; the start-up run does not (it is there for what a
 * crash of this node left, and a restarted node should not wait an interval for it). The grace is what protects the stores of the other nodes: a
 * store commits a file (its time is the commit's, see the blob stores) and writes its index row in the same batch,
 * moments later, so a file that has waited two minutes for its row was left by a crash or a failed deletion.
 */
@ApplicationScoped
public class OrphanBlobSweep {
    private static final Logger LOG = Logger.getLogger(OrphanBlobSweep.class);
    /** The name of the sweep's lease: one node of the cluster sweeps at a time. */
    public static final String LEASE = "orphan-blob-sweep";

    private static final int BATCH = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** File times and the clock of this process may differ by this much (a file system's timestamp resolution). */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    private final BlobStore blobs;
    private final IndexDatabase index;
    private final DicomwebConfig config;
    private final StoresInFlight stores;
    private final ClusterLease lease;
    private final Instant started = Instant.now();
    private volatile Thread worker;

    @Inject
    OrphanBlobSweep(
            BlobStore blobs, IndexDatabase index, DicomwebConfig config, StoresInFlight stores, ClusterLease lease) {
        this.blobs = blobs;
        this.lease = lease;
        this.index = index;
        this.config = config;
        this.stores = stores;
    }

    /** What a sweep found: files looked at, and orphans removed. */
    public record Result(long checked, long removed) {}

    void onStart(@Observes StartupEvent event) {
        Duration interval = config.stow().orphanSweepInterval();
        boolean periodic = !interval.isZero() && !interval.isNegative();
        if (!config.stow().sweepOrphansAtStartup() && !periodic) {
            return;
        }
        worker = Thread.ofVirtual().name("orphan-blob-sweep").start(() -> {
            try {
                while (!index.isMigrated()) {
                    Thread.sleep(config.db().retryInterval().toMillis());
                }
                if (config.stow().sweepOrphansAtStartup()) {
                    sweepOnOneNode(started.minus(config.stow().orphanGrace()), Duration.ZERO);
                }
                while (periodic) {
                    Thread.sleep(interval.toMillis());
                    sweepOnOneNode(periodicCutoff(Instant.now()), interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * The cutoff of a run while the server runs: the grace before now, and never later than the start of the oldest
     * store this node is running, whose committed files may not be indexed yet.
     */
    Instant periodicCutoff(Instant now) {
        Instant graced = now.minus(config.stow().orphanGrace());
        Instant oldestStore = stores.oldestStart(now).minus(CLOCK_SLACK);
        return graced.isBefore(oldestStore) ? graced : oldestStore;
    }

    /**
     * One run if this node takes the sweep's lease and no node swept within {@code interval} (zero: whenever the
     * lease is free), else none (another node sweeps or swept the shared storage); true when it ran. A failure is logged and the next run tries again.
     */
    boolean sweepOnOneNode(Instant cutoff, Duration interval) {
        return lease.runIfDue(LEASE, interval, () -> sweepLogged(cutoff));
    }

    /** One run; a failure is logged and the next run tries again. */
    private void sweepLogged(Instant cutoff) {
        try {
            sweep(cutoff);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warnf(
                    "Orphan file sweep of %s stopped: %s (it runs again at the next start or period)",
                    blobs.location(), e.getMessage());
        }
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
