package org.opendicomweb.integrity;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.web.DicomwebException;

/**
 * Runs the {@link Scrub} in the background, one pass at a time in the whole cluster (under the lease
 * {@value #LEASE}), on request, and tells how far it got. A request while a pass runs on this node changes nothing:
 * the pass in progress is the answer; a request while another node runs one is refused with that node's name, since
 * the progress is kept by the node that runs the pass.
 */
@ApplicationScoped
public class ScrubJob {
    private static final Logger LOG = Logger.getLogger(ScrubJob.class);
    static final String LEASE = "scrub";

    /** Where the scrub stands. */
    public enum State {
        /** No pass has run since the start. */
        IDLE,
        RUNNING,
        FINISHED,
        /** The last pass stopped before its end: see {@link Status#error}. */
        FAILED
    }

    /**
     * The current or last pass: objects checked of the total, what was found, how fast it read (bytes and objects a
     * second, over the pass so far).
     */
    public record Status(
            State state,
            long checked,
            long total,
            long intact,
            long checksumsFilled,
            long mismatches,
            long missing,
            long unreadable,
            long bytesRead,
            double bytesPerSecond,
            double objectsPerSecond,
            Instant started,
            Instant finished,
            String error) {}

    private final Scrub scrub;
    private final ClusterLease lease;
    private final Object lock = new Object();
    private Thread worker;
    private volatile Scrub.Tally tally = new Scrub.Tally();
    private volatile State state = State.IDLE;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile String error;

    @Inject
    ScrubJob(Scrub scrub, ClusterLease lease) {
        this.scrub = scrub;
        this.lease = lease;
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (lock) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    /**
     * Starts a pass unless one is running here; returns at once.
     *
     * @throws DicomwebException 409 naming the node when another node runs a pass
     */
    public void start() {
        synchronized (lock) {
            if (worker != null) {
                return;
            }
            refuseWhileElsewhere();
            tally = new Scrub.Tally();
            state = State.RUNNING;
            started = Instant.now();
            finished = null;
            error = null;
            worker = Thread.ofVirtual().name("scrub").unstarted(this::work);
            worker.start();
        }
    }

    /** Waits until no pass runs. */
    public void awaitIdle() throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = worker;
        }
        if (t != null) {
            t.join();
        }
    }

    public Status status() {
        Scrub.Tally t = tally;
        Instant begun = started;
        Instant end = finished == null ? Instant.now() : finished;
        double seconds =
                begun == null ? 0 : Math.max(1e-3, Duration.between(begun, end).toNanos() / 1e9);
        long checked = t.checked.get();
        long bytes = t.bytesRead.get();
        return new Status(
                state,
                checked,
                t.total.get(),
                t.intact.get(),
                t.checksumsFilled.get(),
                t.mismatches.get(),
                t.missing.get(),
                t.unreadable.get(),
                bytes,
                begun == null ? 0 : Math.round(bytes / seconds),
                begun == null ? 0 : Math.round(checked / seconds * 10) / 10.0,
                begun,
                finished,
                error);
    }

    private void refuseWhileElsewhere() {
        try {
            lease.holderOf(LEASE)
                    .filter(h -> !h.node().equals(lease.node().id()))
                    .ifPresent(h -> {
                        throw new DicomwebException(
                                409,
                                "A scrub is running on node " + h.host() + " since " + h.acquired()
                                        + "; its progress is shown by that node");
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Reading who runs the scrub failed: " + e.getMessage(), e);
        }
    }

    private void work() {
        Scrub.Tally t = tally;
        try {
            if (!lease.runExclusively(LEASE, () -> scrub.run(t))) {
                error = "another node took the scrub's lease first; its progress is shown by that node";
                state = State.FAILED;
                return;
            }
            state = State.FINISHED;
            LOG.infof(
                    "Scrub checked %d stored objects: %d mismatched, %d missing, %d unreadable, %d checksums filled",
                    t.checked.get(), t.mismatches.get(), t.missing.get(), t.unreadable.get(), t.checksumsFilled.get());
        } catch (InterruptedException e) {
            error = "stopped";
            state = State.FAILED;
        } catch (Exception e) {
            error = e.getMessage();
            state = State.FAILED;
            LOG.warnf("Scrub stopped after %d objects: %s", t.checked.get(), e.getMessage());
        } finally {
            finished = Instant.now();
            synchronized (lock) {
                worker = null;
            }
        }
    }
}
