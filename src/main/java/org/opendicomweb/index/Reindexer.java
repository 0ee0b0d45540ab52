package org.opendicomweb.index;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.json.JsonReader;

/**
 * Fills the keys that stores write for new instances into the index for instances stored before those keys
 * existed: the sequence items and UTC instants of schema version 4 (task {@value #BUILTIN}), the references graph of
 * schema version 12 (task {@value #REFERENCES}), the SOP authorization of schema version 14 (task
 * {@value #AUTHORIZATION}), and the values (and sequence items) of each extended query tag configured since (task
 * {@code extended:LEVEL:TTTTTTTT}). Reads every stored instance's
 * metadata document (the JSON WADO-RS serves; no file is opened), in primary key order, 500 at a time.
 *
 * <p>Runs in the background once the index is migrated, whenever some task is incomplete, and again on request
 * ({@link #reindexAll}). Each batch commits its rows together with how far each task got
 * ({@code reindex_task.through_pk}), so an interrupted run resumes after the last committed batch; writing an
 * instance twice changes nothing ({@link KeyTables}), so running it again is harmless. Progress is logged every
 * 10 seconds and served by {@link #status()}.
 *
 * <p>A tag no longer configured has its values and task removed at the next start.
 *
 * <p>Server nodes sharing one database take turns: the work runs on the node holding the lease {@value #LEASE}
 * ({@link ClusterLease}). A node that finds it taken follows the other's progress in the task table (which
 * {@link #status()} serves on every node, with the node running the work) until its tasks are complete, and takes
 * over when the other node stops before the end (killed: once its lease has expired). A full new run asked of a
 * node while another runs the work begins once that run has ended. A node whose lease was taken over while it ran
 * (it stalled past the lease's expiry) writes nothing more, since each of its transactions commits only while it
 * holds the lease, and follows the node that took over; what it was asked to do and had not done yet it does when
 * the lease is its own again.
 */
@ApplicationScoped
public class Reindexer {
    private static final Logger LOG = Logger.getLogger(Reindexer.class);
    /** The name of the reindexer's lease. */
    public static final String LEASE = "reindex";

    static final String BUILTIN = "builtin-keys-4";
    static final String REFERENCES = "references-12";
    /** SOP Authorization DateTime and Comment (schema version 14), which the integrity report compares. */
    static final String AUTHORIZATION = "builtin-keys-14";

    private static final String EXTENDED = "extended:";
    private static final int BATCH = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final IndexDatabase index;
    private final ExtendedQueryTags extendedTags;
    private final DicomwebConfig config;
    private final ClusterLease lease;
    /** Task name to completeness, as last read or written; empty until the first run has registered the tasks. */
    private final Map<String, Boolean> complete = new ConcurrentHashMap<>();

    private final Object lock = new Object();
    private Thread worker;
    private boolean again;
    private volatile boolean resetRequested;
    private volatile boolean stopping;
    private volatile Progress progress = new Progress(false, 0, 0, null, null, null);

    /** What a run on this node has done so far; {@code error} is why the last run stopped, if it failed. */
    public record Progress(
            boolean running, long processed, long total, Instant started, Instant finished, String error) {}

    /** One task: what it fills and how far it got. */
    public record Task(String name, long throughPk, boolean complete) {}

    /**
     * The tasks (how far each got, whichever node did the work), the current or last run of this node, and the
     * node running the work now ({@code host (pid N)}), if any.
     */
    public record Status(List<Task> tasks, Progress progress, String runningOn) {}

    @Inject
    Reindexer(IndexDatabase index, ExtendedQueryTags extendedTags, DicomwebConfig config, ClusterLease lease) {
        this.index = index;
        this.lease = lease;
        this.extendedTags = extendedTags;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        synchronized (lock) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    /**
     * Whether every stored instance has its values of {@code tag} in the index. False only when known to be
     * incomplete: before the first run has registered the tasks, nothing is known yet.
     */
    public boolean isIncomplete(ExtendedQueryTag tag) {
        return Boolean.FALSE.equals(complete.get(taskName(tag)));
    }

    /**
     * Starts over from the first instance for every task (e.g. after restoring the database); returns at once. A
     * run in progress stops after its current batch; the worker resets the tasks itself, so that no batch of the
     * old run can move a task past the reset.
     */
    public void reindexAll() {
        resetRequested = true;
        start();
    }

    /** Waits until no run is in progress (one that is started again meanwhile included). */
    public void awaitIdle() throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = worker;
        }
        if (t != null) {
            t.join();
        }
    }

    public Status status() throws SQLException {
        List<Task> tasks = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select name, through_pk, complete from reindex_task order by name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tasks.add(new Task(rs.getString(1), rs.getLong(2), rs.getBoolean(3)));
            }
        }
        String runningOn = lease.holderOf(LEASE).map(ClusterLease.Holder::host).orElse(null);
        return new Status(tasks, progress, runningOn);
    }

    /** Runs the work in the background, or once more after the run in progress. */
    private void start() {
        synchronized (lock) {
            if (worker != null) {
                again = true;
                return;
            }
            worker = Thread.ofVirtual().name("reindex").unstarted(this::work);
            worker.start();
        }
    }

    private void work() {
        try {
            while (!index.isMigrated()) {
                Thread.sleep(config.db().retryInterval().toMillis());
            }
            while (true) {
                runOnOneNode();
                synchronized (lock) {
                    if (!again) {
                        worker = null; // with the check, under the lock: a later start() begins a new worker
                        return;
                    }
                    again = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            progress = new Progress(
                    false, progress.processed(), progress.total(), progress.started(), Instant.now(), e.getMessage());
            LOG.warnf(
                    "Reindexing stopped: %s (it resumes at the next start, or on POST /dicom-web/admin/reindex)",
                    e.getMessage());
        } finally {
            synchronized (lock) {
                if (worker == Thread.currentThread()) {
                    worker = null; // stopped by a fault: the next start() or POST begins again
                    again = false;
                }
            }
        }
    }

    /**
     * Runs the work under the lease. While another node holds it, follows that node's progress in the task table
     * until this node's tasks are complete; tries the lease again meanwhile, so that this node takes over when the
     * other one stops before the end, and runs a requested new run once the other one's has ended.
     */
    private void runOnOneNode() throws Exception {
        while (!ranOnThisNode()) {
            if (!resetRequested && completeAsRecorded()) {
                return;
            }
            Thread.sleep(config.db().retryInterval().toMillis());
        }
    }

    /**
     * Runs the work if this node takes the lease; false when another node holds it, also when another node took it
     * over while this node ran (this node stalled, or cut off from the database, past the lease's expiry). This node
     * has then written nothing since ({@link #whileLeased}) and follows that node's progress like any node that
     * found the lease taken; a new run asked of it and not begun yet is still to run.
     */
    private boolean ranOnThisNode() throws Exception {
        try {
            return lease.runExclusively(LEASE, this::run);
        } catch (LeaseLostException | InterruptedException | SQLException | IOException e) {
            // Losing the lease interrupts the run, which may then fail in whatever it was doing.
            String other = stopping ? null : otherHolder();
            if (other == null) {
                throw e;
            }
            progress = new Progress(
                    false,
                    progress.processed(),
                    progress.total(),
                    progress.started(),
                    Instant.now(),
                    "node " + other + " took the reindexing over");
            LOG.warnf(
                    "Reindexing stopped on this node after %d instances: node %s took its lease over; following its"
                            + " progress",
                    progress.processed(), other);
            return false;
        }
    }

    /** The node holding the lease when it is not this one, or null (also when the index cannot tell). */
    private String otherHolder() {
        try {
            return lease.holderOf(LEASE)
                    .filter(h -> !h.node().equals(lease.node().id()))
                    .map(ClusterLease.Holder::host)
                    .orElse(null);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads how far the tasks got without changing them (the node holding the lease does that); true when every
     * task this node's configuration has is registered and complete.
     */
    private boolean completeAsRecorded() throws SQLException {
        Map<String, Boolean> recorded = new LinkedHashMap<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select name, complete from reindex_task");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                recorded.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        complete.putAll(recorded);
        boolean allComplete = !recorded.containsValue(false);
        for (ExtendedQueryTag t : extendedTags.all()) {
            allComplete &= recorded.containsKey(taskName(t));
        }
        return allComplete;
    }

    private void run() throws SQLException, IOException, InterruptedException, LeaseLostException {
        if (resetRequested) {
            resetRequested = false;
            try {
                whileLeased(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "update reindex_task set through_pk = 0, complete = false, updated = ?")) {
                        ps.setTimestamp(1, Timestamp.from(Instant.now()));
                        return ps.executeUpdate();
                    }
                });
            } catch (SQLException | IOException | LeaseLostException | RuntimeException e) {
                resetRequested = true; // asked for and not done: whichever run of this node comes next does it
                throw e;
            }
        }
        Map<String, Long> pending = register();
        if (pending.isEmpty()) {
            return;
        }
        Instant started = Instant.now();
        long from = pending.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long target;
        long total;
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select coalesce(max(pk), 0), count(*) from instance where pk > ?")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                target = Math.max(from, rs.getLong(1));
                total = rs.getLong(2);
            }
        }
        LOG.infof("Reindexing %d instances for %s", total, String.join(", ", pending.keySet()));
        progress = new Progress(true, 0, total, started, null, null);
        if (pending.containsKey(BUILTIN)) {
            fillUtcInstants();
        }
        Map<String, ExtendedQueryTag> tagsByTask = new LinkedHashMap<>();
        for (ExtendedQueryTag t : extendedTags.all()) {
            if (pending.containsKey(taskName(t))) {
                tagsByTask.put(taskName(t), t);
            }
        }
        long processed = 0;
        long cursor = from;
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        while (cursor < target) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (resetRequested) {
                return; // the next run starts over
            }
            Batch b = batch(cursor, target, pending, tagsByTask);
            if (b.count() == 0) {
                break;
            }
            processed += b.count();
            cursor = b.lastPk();
            progress = new Progress(true, processed, total, started, null, null);
            if (Instant.now().isAfter(nextReport)) {
                LOG.infof(
                        "Reindexing: %d of %d instances (%.0f/s)",
                        processed,
                        total,
                        processed
                                / Math.max(
                                        0.001,
                                        Duration.between(started, Instant.now()).toMillis() / 1000.0));
                nextReport = Instant.now().plus(PROGRESS_EVERY);
            }
        }
        whileLeased(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update reindex_task set complete = true, through_pk = ?, updated = ? where name = ?")) {
                for (String name : pending.keySet()) {
                    ps.setLong(1, target);
                    ps.setTimestamp(2, Timestamp.from(Instant.now()));
                    ps.setString(3, name);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        pending.keySet().forEach(name -> complete.put(name, true));
        progress = new Progress(false, processed, total, started, Instant.now(), null);
        LOG.infof(
                "Reindexing done: %d instances in %d s",
                processed, Duration.between(started, Instant.now()).toSeconds());
    }

    private record Batch(int count, long lastPk) {}

    /**
     * One batch of instances after {@code cursor}, in one transaction with the tasks' new positions. Committed
     * without waiting for durability ({@link Sql#inTransaction} does): nothing is acknowledged to a client, and a
     * batch lost in a crash is done again from the position that survived.
     */
    private Batch batch(long cursor, long target, Map<String, Long> pending, Map<String, ExtendedQueryTag> tagsByTask)
            throws SQLException, IOException, LeaseLostException {
        return whileLeased(c -> {
            int n = 0;
            long lastPk = cursor;
            try (PreparedStatement ps = c.prepareStatement("""
                        select i.pk, se.study_fk, i.series_fk, i.metadata, i.blob_key
                          from instance i join series se on se.pk = i.series_fk
                         where i.pk > ? and i.pk <= ? order by i.pk""")) {
                ps.setLong(1, cursor);
                ps.setLong(2, target);
                ps.setMaxRows(BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long pk = rs.getLong(1);
                        byte[] metadata = rs.getBytes(4);
                        if (metadata != null) {
                            reindex(
                                    c,
                                    pk,
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    metadata,
                                    rs.getString(5),
                                    pending,
                                    tagsByTask);
                        }
                        lastPk = pk;
                        n++;
                    }
                }
            }
            if (n > 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "update reindex_task set through_pk = ?, updated = ? where name = ? and through_pk < ?")) {
                    for (String name : pending.keySet()) {
                        ps.setLong(1, lastPk);
                        ps.setTimestamp(2, Timestamp.from(Instant.now()));
                        ps.setString(3, name);
                        ps.setLong(4, lastPk);
                        ps.executeUpdate();
                    }
                }
            }
            return new Batch(n, lastPk);
        });
    }

    /** Writes of the reindexer, in one transaction. */
    @FunctionalInterface
    private interface Writes<T> {
        T write(Connection c) throws SQLException, IOException;
    }

    /** This node no longer holds the reindexer's lease: another node took it over. */
    private static final class LeaseLostException extends Exception {
        LeaseLostException() {
            super("another node holds the reindexer's lease", null, false, false);
        }
    }

    /**
     * Runs {@code writes} in one transaction that commits only if this node still holds the lease, checked last with
     * the lease's row locked until the commit: a node that lost its lease without noticing yet (stalled, or cut off
     * from the database, past its expiry) then writes nothing more, not even the batch it was in the middle of, so
     * it cannot move a task past where the node that took over reset it or mark a task complete that is not; and a
     * node taking the lease over waits for a commit in progress.
     */
    private <T> T whileLeased(Writes<T> writes) throws SQLException, IOException, LeaseLostException {
        try (Connection c = index.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = writes.write(c);
                try (PreparedStatement ps =
                        c.prepareStatement("select holder from cluster_lease where name = ? for update")) {
                    ps.setString(1, LEASE);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || !lease.node().id().equals(rs.getString(1))) {
                            throw new LeaseLostException();
                        }
                    }
                }
                c.commit();
                return result;
            } catch (SQLException | IOException | LeaseLostException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private void reindex(
            Connection c,
            long pk,
            long studyPk,
            long seriesPk,
            byte[] metadata,
            String blobKey,
            Map<String, Long> pending,
            Map<String, ExtendedQueryTag> tagsByTask)
            throws SQLException, IOException {
        Attributes ds = JsonReader.readDataset(new ByteArrayInputStream(metadata));
        List<ExtendedQueryTag> tags = new ArrayList<>();
        tagsByTask.forEach((name, tag) -> {
            if (pending.get(name) < pk) {
                tags.add(tag);
            }
        });
        InstanceKeys keys = InstanceKeys.of(ds, tags);
        Long builtin = pending.get(BUILTIN);
        if (builtin != null && builtin < pk) {
            KeyTables.addItems(c, studyPk, seriesPk, keys);
        }
        Long authorization = pending.get(AUTHORIZATION);
        if (authorization != null && authorization < pk) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update instance set sop_authorization_datetime = ?, sop_authorization_comment = ? where pk = ?")) {
                Sql.bind(ps, keys.sopAuthorizationDateTime(), keys.sopAuthorizationComment(), pk);
                ps.executeUpdate();
            }
        }
        KeyTables.addExtended(c, studyPk, seriesPk, pk, keys);
        Long references = pending.get(REFERENCES);
        if (references != null && references < pk && stillStoredAs(c, pk, blobKey)) {
            ReferenceRows.replace(c, pk, keys.references());
        }
    }

    /**
     * Locks the instance row (as a replacement or deletion does first) and tells whether it still holds the file
     * whose metadata was read: one replaced meanwhile has had its new references written by the replacement, which
     * the old ones must not overwrite.
     */
    private static boolean stillStoredAs(Connection c, long pk, String blobKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select blob_key from instance where pk = ? for update")) {
            ps.setLong(1, pk);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1).equals(blobKey);
            }
        }
    }

    /**
     * The UTC instants of studies and series indexed before they existed, from the rows' own date, time and
     * offset (a series takes its study's offset: the index keeps one per study).
     */
    private void fillUtcInstants() throws SQLException {
        try (Connection c = index.dataSource().getConnection()) {
            fill(c, """
                    select pk, study_date, study_time, timezone_offset from study
                     where study_datetime_utc is null and timezone_offset is not null and study_time is not null""", "update study set study_datetime_utc = ? where pk = ?");
            fill(c, """
                    select se.pk, se.pps_start_date, se.pps_start_time, st.timezone_offset
                      from series se join study st on st.pk = se.study_fk
                     where se.pps_datetime_utc is null and st.timezone_offset is not null
                       and se.pps_start_time is not null""", "update series set pps_datetime_utc = ? where pk = ?");
        }
    }

    private static void fill(Connection c, String select, String update) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(select);
                PreparedStatement write = c.prepareStatement(update);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String utc = UtcDateTime.of(rs.getString(2), rs.getString(3), rs.getString(4));
                if (utc != null) {
                    write.setString(1, utc);
                    write.setLong(2, rs.getLong(1));
                    write.executeUpdate();
                }
            }
        }
    }

    /**
     * Brings the task table in line with the configuration: a task for every configured tag (complete at once
     * when nothing is stored yet), and the values and tasks of tags no longer configured removed. Returns the
     * incomplete tasks with how far each got.
     */
    private Map<String, Long> register() throws SQLException {
        Map<String, ExtendedQueryTag> configured = new LinkedHashMap<>();
        extendedTags.all().forEach(t -> configured.put(taskName(t), t));
        Map<String, Long> pending = new LinkedHashMap<>();
        try (Connection c = index.dataSource().getConnection()) {
            Map<String, Boolean> known = new LinkedHashMap<>();
            Map<String, Long> through = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select name, through_pk, complete from reindex_task");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1), rs.getBoolean(3));
                    through.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (String name : configured.keySet()) {
                if (!known.containsKey(name)) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            insert into reindex_task (name, through_pk, complete, updated)
                            select ?, 0, not exists (select 1 from instance), ?""")) {
                        ps.setString(1, name);
                        ps.setTimestamp(2, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                    }
                    known.put(name, isEmpty(c));
                    through.put(name, 0L);
                    LOG.infof(
                            "Extended query tag %s (%s level) configured",
                            configured.get(name).describe(),
                            configured.get(name).level().name().toLowerCase());
                }
            }
            for (String name : List.copyOf(known.keySet())) {
                if (name.startsWith(EXTENDED) && !configured.containsKey(name)) {
                    forget(c, name);
                    known.remove(name);
                }
            }
            complete.clear();
            complete.putAll(known);
            known.forEach((name, done) -> {
                if (!done) {
                    pending.put(name, through.get(name));
                }
            });
        }
        return pending;
    }

    private static boolean isEmpty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from instance");
                ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        }
    }

    /** Removes the values and the task of a tag that is no longer configured. */
    private static void forget(Connection c, String name) throws SQLException {
        String[] parts = name.split(":");
        try (PreparedStatement values =
                        c.prepareStatement("delete from extended_key where owner_level = ? and tag = ?");
                PreparedStatement task = c.prepareStatement("delete from reindex_task where name = ?")) {
            values.setString(1, parts[1]);
            values.setInt(2, Integer.parseUnsignedInt(parts[2], 16));
            int removed = values.executeUpdate();
            removed += StudyAggregates.deleteWhere(
                    c,
                    "delete from sequence_item_key where item_fk in"
                            + " (select pk from sequence_item where owner_level = ? and sequence_tag = ?)",
                    parts[1],
                    Integer.parseUnsignedInt(parts[2], 16));
            removed += StudyAggregates.deleteWhere(
                    c,
                    "delete from sequence_item where owner_level = ? and sequence_tag = ?",
                    parts[1],
                    Integer.parseUnsignedInt(parts[2], 16));
            task.setString(1, name);
            task.executeUpdate();
            LOG.infof(
                    "Extended query tag %s %s is no longer configured: %d values removed", parts[1], parts[2], removed);
        }
    }

    static String taskName(ExtendedQueryTag tag) {
        return EXTENDED + tag.level().name() + ":" + String.format("%08X", tag.tag());
    }
}
