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
import org.opendicomweb.index.ScrubProgress;
import org.opendicomweb.index.ScrubProgress.Position;
import org.opendicomweb.web.DicomwebException;

/**
 * Runs the {@link Scrub} in the background, one pass at a time in the whole cluster (under the lease
 * {@value #LEASE}), on request, and tells how far it got. A request while a pass runs on this node changes nothing:
 * the pass in progress is the answer; a request while another node runs one is refused with that node's name, since
 * the live progress is kept by the node that runs the pass.
 *
 * <p>A pass keeps its position in the index ({@link ScrubProgress}) as it goes. A pass that stopped before its end
 * (its node stopped or killed, its lease lost, the index unreachable) is continued by the next request, on whichever
 * node, from the last object it saved, with the counts it had: every object is checked once per pass, give or take
 * the objects of the last second before a node was killed. A request with {@code restart} begins a new pass instead.
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
     * second, over this node's part of the pass). The counts are the whole pass's: a pass continued after it stopped
     * ({@code resumed}: when this node continued it) counts what it checked before ({@code resumedFrom} objects).
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
            String error,
            long resumedFrom,
            Instant resumed) {}

    private final Scrub scrub;
    private final ClusterLease lease;
    private final ScrubProgress progress;
    private final Object lock = new Object();
    private Thread worker;
    private volatile Scrub.Tally tally = new Scrub.Tally();
    private volatile State state = State.IDLE;
    private volatile Instant started;
    private volatile Instant resumed;
    private volatile Instant finished;
    private volatile String error;

    @Inject
    ScrubJob(Scrub scrub, ClusterLease lease, ScrubProgress progress) {
        this.scrub = scrub;
        this.lease = lease;
        this.progress = progress;
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (lock) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    /**
     * Starts a pass unless one is running here, or continues the pass that stopped before its end unless
     * {@code restart}; returns at once.
     *
     * @throws DicomwebException 409 naming the node when another node runs a pass
     */
    public void start(boolean restart) {
        synchronized (lock) {
            if (worker != null) {
                return;
            }
            refuseWhileElsewhere();
            tally = new Scrub.Tally();
            state = State.RUNNING;
            started = Instant.now();
            resumed = null;
            finished = null;
            error = null;
            worker = Thread.ofVirtual().name("scrub").unstarted(() -> work(restart));
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
        if (state == State.IDLE) {
            Status stopped = stoppedPass();
            if (stopped != null) {
                return stopped;
            }
        }
        Scrub.Tally t = tally;
        Instant begun = started;
        Instant here = resumed == null ? begun : resumed;
        Instant end = finished == null ? Instant.now() : finished;
        double seconds =
                here == null ? 0 : Math.max(1e-3, Duration.between(here, end).toNanos() / 1e9);
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
                here == null ? 0 : Math.round((bytes - t.bytesBefore) / seconds),
                here == null ? 0 : Math.round((checked - t.checkedBefore) / seconds * 10) / 10.0,
                begun,
                finished,
                error,
                t.checkedBefore,
                resumed);
    }

    /**
     * On a node that ran no pass since it started, the pass that stopped before its end, on whichever node, as saved;
     * null when there is none or the index cannot tell.
     */
    private Status stoppedPass() {
        try {
            return progress.unfinished(LEASE)
                    .map(p -> new Status(
                            State.IDLE,
                            p.checked(),
                            0,
                            p.intact(),
                            p.checksumsFilled(),
                            p.mismatches(),
                            p.missing(),
                            p.unreadable(),
                            p.bytesRead(),
                            0,
                            0,
                            p.started(),
                            null,
                            "a pass begun " + p.started() + " stopped after " + p.checked()
                                    + " objects; the next scrub request continues it",
                            0,
                            null))
                    .orElse(null);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
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

    private void work(boolean restart) {
        try {
            if (!lease.runExclusively(LEASE, () -> runPass(restart))) {
                error = "another node took the scrub's lease first; its progress is shown by that node";
                state = State.FAILED;
                return;
            }
            Scrub.Tally t = tally;
            state = State.FINISHED;
            LOG.infof(
                    "Scrub checked %d stored objects: %d mismatched, %d missing, %d unreadable, %d checksums filled",
                    t.checked.get(), t.mismatches.get(), t.missing.get(), t.unreadable.get(), t.checksumsFilled.get());
        } catch (InterruptedException e) {
            error = "stopped after " + tally.checked.get() + " objects; the next scrub request continues the pass";
            state = State.FAILED;
            LOG.warnf("Scrub %s", error);
        } catch (Exception e) {
            error = e.getMessage();
            state = State.FAILED;
            LOG.warnf("Scrub stopped after %d objects: %s", tally.checked.get(), e.getMessage());
        } finally {
            finished = Instant.now();
            synchronized (lock) {
                worker = null;
            }
        }
    }

    /** The pass, begun or continued, under the lease; its position saved as it goes and where it stops. */
    private void runPass(boolean restart) throws SQLException, InterruptedException {
        String node = lease.node().id();
        Position from = restart ? null : progress.unfinished(LEASE).orElse(null);
        Instant now = Instant.now();
        Instant passStarted = from == null ? now : from.started();
        Scrub.Tally t = from == null ? new Scrub.Tally() : new Scrub.Tally(from);
        progress.claim(LEASE, node, from == null ? Position.beginning(now) : from);
        tally = t;
        started = passStarted;
        resumed = from == null ? null : now;
        if (from != null) {
            LOG.infof(
                    "Scrub continues the pass begun %s after %d objects (instances after key %d)",
                    passStarted, from.checked(), from.afterPk());
        }
        try {
            scrub.run(t, () -> {
                if (!progress.save(LEASE, node, t.position(passStarted))) {
                    throw new InterruptedException("another node continues this pass");
                }
            });
            progress.finish(LEASE, node, t.position(passStarted));
        } catch (SQLException | InterruptedException | RuntimeException e) {
            saveOnStop(node, t.position(passStarted));
            throw e;
        }
    }

    /**
     * Saves where a stopped pass got to, so that the next request continues exactly there; with the thread's
     * interruption held back meanwhile, since it would break the connection that saves it.
     */
    private void saveOnStop(String node, Position at) {
        boolean interrupted = Thread.interrupted();
        try {
            progress.save(LEASE, node, at);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(
                    "Where the scrub stopped (%d objects) could not be saved (%s): it continues from its last save",
                    at.checked(), e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
