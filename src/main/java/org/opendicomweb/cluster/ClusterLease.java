package org.opendicomweb.cluster;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.IndexDatabase;

/**
 * Background jobs that run on one node of the cluster at a time, whichever: a job's lease is a row of
 * {@code cluster_lease} that names the node holding it and when the lease expires. A node takes it with one
 * conditional statement when it is free or expired (the first time, with one insert that only one node can make),
 * renews it every third of
 * {@code dicomweb.cluster.lease-duration} while the job runs, and gives it up when the job ends; a node killed
 * meanwhile loses it at expiry. Times are the database's, so the nodes' clocks need not agree.
 *
 * <p>A row rather than a PostgreSQL advisory lock: it works the same on the embedded H2 index, it outlives no node
 * beyond its expiry whatever the connection pool does with the session that took it, and it shows who holds what
 * ({@link #holders()}).
 *
 * <p>A node that finds the lease taken skips the job; it is the job's next round, on whichever node, that does the
 * work. A periodic job ({@link #runIfDue}) also skips a round when the job ended on any node less than its period
 * ago: each node's timer ticks, but the job runs about once per period in the whole cluster, not once per node. A node that loses a lease while its job runs (the database unreachable longer than the lease, or the node
 * stalled as long) interrupts the job's thread: jobs stop at their next batch when interrupted.
 */
@ApplicationScoped
public class ClusterLease {
    private static final Logger LOG = Logger.getLogger(ClusterLease.class);
    private static final String SQLSTATE_UNIQUE_VIOLATION = "23505";
    /** Expiry from the database's clock; the cast lets both databases type the parameter. */
    private static final String EXPIRY = "current_timestamp + cast(? as bigint) * interval '0.001' second";
    /** The same, that far back. */
    private static final String AGO = "current_timestamp - cast(? as bigint) * interval '0.001' second";

    private final IndexDatabase index;
    private final Duration duration;
    private final ClusterNode node;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cluster-lease-renewal").factory());

    /** A job run under a lease; it may throw what the caller handles. */
    @FunctionalInterface
    public interface Job<E extends Exception> {
        void run() throws E;
    }

    /** Who holds a lease, as the database has it (an expired one included: it says who ran the job last). */
    public record Holder(String name, String node, String host, Instant acquired, Instant expires, boolean expired) {}

    @Inject
    ClusterLease(IndexDatabase index, DicomwebConfig config) {
        this(index, config.cluster().leaseDuration(), ClusterNode.current());
    }

    ClusterLease(IndexDatabase index, Duration duration, ClusterNode node) {
        if (duration.toMillis() < 3) {
            throw new IllegalArgumentException(
                    "dicomweb.cluster.lease-duration must be positive (a few seconds at least), not " + duration);
        }
        this.index = index;
        this.duration = duration;
        this.node = node;
    }

    /** Gives up what this node holds, so that another node need not wait for expiry to run the jobs. */
    void onStop(@Observes ShutdownEvent event) {
        renewals.shutdownNow();
        if (!index.isMigrated()) {
            return;
        }
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("update cluster_lease set expires = current_timestamp"
                        + " where holder = ? and expires > current_timestamp")) {
            ps.setString(1, node.id());
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Leases not given up at shutdown (%s): they expire within %s", e.getMessage(), duration);
        }
    }

    /** This node, as its leases name it. */
    public ClusterNode node() {
        return node;
    }

    /**
     * Runs {@code job} on this thread if this node takes the lease {@code name}, renewing it while the job runs and
     * giving it up afterwards; returns false at once, without running it, when another node holds the lease or the
     * index cannot be reached to find out.
     */
    public <E extends Exception> boolean runExclusively(String name, Job<E> job) throws E {
        return run(name, Duration.ZERO, job);
    }

    /**
     * Like {@link #runExclusively}, for a job that each node's timer starts every {@code period}: it runs only when
     * the last run, on whichever node, ended at least nine tenths of the period ago (the slack lets a node whose
     * timer ticks exactly one period after its own last run take its turn). A node that died holding the lease
     * counts as having ended its run at expiry.
     */
    public <E extends Exception> boolean runIfDue(String name, Duration period, Job<E> job) throws E {
        return run(name, period.minus(period.dividedBy(10)), job);
    }

    private <E extends Exception> boolean run(String name, Duration sinceLastRun, Job<E> job) throws E {
        try {
            if (!tryAcquire(name, sinceLastRun)) {
                LOG.debugf(
                        sinceLastRun.isZero()
                                ? "%s skipped on this node: another node holds its lease"
                                : "%s skipped on this node: another node holds its lease or ran it less than %s ago",
                        name,
                        sinceLastRun);
                return false;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("%s skipped on this node: its lease could not be taken (%s)", name, e.getMessage());
            return false;
        }
        Heartbeat heartbeat = new Heartbeat(name, Thread.currentThread());
        long every = Math.max(1, duration.toMillis() / 3);
        ScheduledFuture<?> renewing = renewals.scheduleAtFixedRate(heartbeat, every, every, TimeUnit.MILLISECONDS);
        try {
            job.run();
            return true;
        } finally {
            renewing.cancel(false);
            if (heartbeat.finish()) {
                Thread.interrupted(); // the job has ended: the caller's thread goes on, to the job's next round
            }
            releaseQuietly(name);
        }
    }

    /**
     * Takes the lease if it is free or expired; true when this node took it. A lease this node holds already is not
     * taken again: two runs of one job on one node do not overlap either.
     */
    public boolean tryAcquire(String name) throws SQLException {
        return tryAcquire(name, Duration.ZERO);
    }

    /** Takes the lease if it was freed (or expired) at least {@code sinceLastRun} ago; true when this node took it. */
    boolean tryAcquire(String name, Duration sinceLastRun) throws SQLException {
        try (Connection c = index.dataSource().getConnection()) {
            try (PreparedStatement take = c.prepareStatement("update cluster_lease set holder = ?, holder_host = ?,"
                    + " acquired = current_timestamp, expires = " + EXPIRY
                    + " where name = ? and expires <= " + AGO)) {
                take.setString(1, node.id());
                take.setString(2, node.describe());
                take.setLong(3, duration.toMillis());
                take.setString(4, name);
                take.setLong(5, Math.max(0, sinceLastRun.toMillis()));
                if (take.executeUpdate() == 1) {
                    return true;
                }
            }
            // No row yet (the job's first run ever), or held by another node: only one insert of a name succeeds.
            try (PreparedStatement first =
                    c.prepareStatement("insert into cluster_lease (name, holder, holder_host, acquired, expires)"
                            + " values (?, ?, ?, current_timestamp, " + EXPIRY + ")")) {
                first.setString(1, name);
                first.setString(2, node.id());
                first.setString(3, node.describe());
                first.setLong(4, duration.toMillis());
                return first.executeUpdate() == 1;
            } catch (SQLException e) {
                if (SQLSTATE_UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }
    }

    /**
     * Extends the lease by its duration from now; false when another node holds it now. A lease that expired but
     * that no other node has taken since is still this node's.
     */
    public boolean renew(String name) throws SQLException {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update cluster_lease set expires = " + EXPIRY + " where name = ? and holder = ?")) {
            ps.setLong(1, duration.toMillis());
            ps.setString(2, name);
            ps.setString(3, node.id());
            return ps.executeUpdate() == 1;
        }
    }

    /** Gives the lease up now, if this node holds it; the row stays, naming who ran the job last. */
    public void release(String name) throws SQLException {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("update cluster_lease set expires = current_timestamp"
                        + " where name = ? and holder = ? and expires > current_timestamp")) {
            ps.setString(1, name);
            ps.setString(2, node.id());
            ps.executeUpdate();
        }
    }

    /** Every lease the index knows of, by name. */
    public List<Holder> holders() throws SQLException {
        List<Holder> holders = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select name, holder, holder_host, acquired, expires,"
                        + " case when expires <= current_timestamp then 1 else 0 end"
                        + " from cluster_lease order by name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                holders.add(new Holder(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getInt(6) == 1));
            }
        }
        return holders;
    }

    /** The node holding the lease {@code name} now, if any. */
    public Optional<Holder> holderOf(String name) throws SQLException {
        return holders().stream()
                .filter(h -> h.name().equals(name) && !h.expired())
                .findFirst();
    }

    /** Given up even when the job's thread is interrupted (a lost lease, a shutdown): else others wait for expiry. */
    private void releaseQuietly(String name) {
        boolean interrupted = Thread.interrupted();
        try {
            release(name);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Lease %s not given up (%s): it expires within %s", name, e.getMessage(), duration);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Renews the lease of a running job; stops the job when the lease is lost, or may have been. */
    private final class Heartbeat implements Runnable {
        private final String name;
        private final Thread job;
        private long confirmed = System.nanoTime();
        private boolean stopped;
        private boolean interrupted;

        Heartbeat(String name, Thread job) {
            this.name = name;
            this.job = job;
        }

        /** No interruption after this; returns whether the job was interrupted for a lost lease. */
        synchronized boolean finish() {
            stopped = true;
            return interrupted;
        }

        @Override
        public synchronized void run() {
            if (stopped) {
                return;
            }
            try {
                if (renew(name)) {
                    confirmed = System.nanoTime();
                    return;
                }
                stop("another node holds it now");
            } catch (SQLException | RuntimeException e) {
                if (System.nanoTime() - confirmed >= duration.toNanos()) {
                    stop("not renewed for " + duration + ": " + e.getMessage());
                } else {
                    LOG.debugf("Lease %s not renewed this time: %s", name, e.getMessage());
                }
            }
        }

        private void stop(String why) {
            stopped = true;
            interrupted = true;
            LOG.warnf("%s lost its lease (%s): stopping it on this node", name, why);
            job.interrupt();
        }
    }
}
