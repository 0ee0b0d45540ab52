package org.opendicomweb.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.RejectedInstances;
import org.opendicomweb.index.RejectionNote;

/**
 * Deletes rejected instances (IHE IOCM) once their rejection allows it: at once after a note that allows it now
 * (113039, and 113037/113038 with dicomweb.rejection.delete-safety-rejections), and every
 * dicomweb.rejection.sweep-interval for those whose grace period (113001) has passed. The deletion is
 * {@link DeleteService}'s: rows, counters and change feed in one transaction, then the files. The periodic sweep
 * runs on the node holding the lease {@value #LEASE} ({@link ClusterLease}), once per interval in the cluster; the
 * others skip that round. The
 * deletion right after a note runs on the node that stored it, whoever holds the lease: an instance deleted by one
 * node is simply not found by another.
 */
@ApplicationScoped
public class RejectionSweep {
    private static final Logger LOG = Logger.getLogger(RejectionSweep.class);
    /** Instances deleted per transaction: a large rejection does not hold its studies locked for long. */
    private static final int BATCH = 200;
    /** The name of the periodic sweep's lease. */
    public static final String LEASE = "rejection-sweep";

    private final RejectedInstances rejected;
    private final DeleteService deletes;
    private final DicomwebConfig.Rejection settings;
    private final ClusterLease lease;
    private ScheduledExecutorService timer;

    @Inject
    RejectionSweep(RejectedInstances rejected, DeleteService deletes, DicomwebConfig config, ClusterLease lease) {
        this.rejected = rejected;
        this.lease = lease;
        this.deletes = deletes;
        this.settings = config.rejection();
    }

    void onStart(@Observes StartupEvent event) {
        long every = Math.max(1, settings.sweepInterval().toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("rejection-sweep").factory());
        timer.scheduleWithFixedDelay(this::sweepOnOneNode, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** A note just stored whose instances may go now: they go before the store is answered. */
    void rejected(@Observes RejectionNote note) {
        if (note.deleteAfter() != null && !note.deleteAfter().isAfter(Instant.now())) {
            sweepQuietly();
        }
    }

    /** Deletes every stored instance whose rejection allows deletion at {@code now}; returns how many went. */
    public int sweep(Instant now) throws SQLException {
        int deleted = 0;
        while (true) {
            List<String> due = rejected.due(now, BATCH);
            if (due.isEmpty()) {
                return deleted;
            }
            int gone = deletes.deleteInstances(due).size();
            deleted += gone;
            if (gone == 0) {
                return deleted; // found due but deleted by another node meanwhile: the next round sees the rest
            }
        }
    }

    /** A periodic round: a sweep if this node holds the lease; true when it ran. */
    boolean sweepOnOneNode() {
        return lease.runIfDue(LEASE, settings.sweepInterval(), this::sweepQuietly);
    }

    private void sweepQuietly() {
        try {
            int deleted = sweep(Instant.now());
            if (deleted > 0) {
                LOG.infof("Deleted %d rejected instance(s) whose rejection allowed it", deleted);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Deleting rejected instances failed; the next sweep tries again: %s", e.getMessage());
        }
    }
}
