package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.opendicomweb.config.DicomwebConfig.DatabaseKind;

/**
 * Makes a committed index transaction durable before anything is acknowledged to a client.
 *
 * <p>PostgreSQL needs nothing: its commit returns once the WAL record is flushed (synchronous_commit on, the
 * default). H2's MVStore does not: a commit changes memory only, and a background thread writes the changes
 * about every WRITE_DELAY (500 ms) without an fsync. A process killed in that window loses what it had
 * acknowledged; a power loss, whatever the operating system had not written yet. {@code CHECKPOINT SYNC}
 * stores the pending changes as a chunk and fsyncs the file.
 *
 * <p>Writers that commit while a sync runs wait for the next one, which covers all of them: one fsync per
 * group of concurrent commits, not one per commit (group commit).
 */
final class DurableCommits {
    /** What makes every commit so far durable, run on a connection of the database. */
    @FunctionalInterface
    interface Sync {
        void run(Connection c) throws SQLException;
    }

    private final Sync sync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    /** Commits announced so far; each writer takes the next number after its own commit returned. */
    private long announced;
    /** Every commit announced up to this number is on disk. */
    private long durableThrough;

    private boolean syncing;

    DurableCommits(Sync sync) {
        this.sync = sync;
    }

    /** For the database in use: H2 syncs after commits, PostgreSQL's commit is durable by itself. */
    static DurableCommits of(DatabaseKind kind) {
        return new DurableCommits(kind == DatabaseKind.H2 ? DurableCommits::checkpointSync : null);
    }

    /**
     * Returns once the transaction just committed on {@code c} is on disk. The connection must be in auto-commit
     * mode again; it may be used to run the sync.
     */
    void afterCommit(Connection c) throws SQLException {
        if (sync == null) {
            return;
        }
        lock.lock();
        try {
            long mine = ++announced;
            while (durableThrough < mine) {
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                // Lead a sync covering every commit announced so far, including those of the writers waiting.
                long covers = announced;
                syncing = true;
                lock.unlock();
                boolean done = false;
                try {
                    sync.run(c);
                    done = true;
                } finally {
                    lock.lock();
                    syncing = false;
                    if (done) {
                        durableThrough = Math.max(durableThrough, covers);
                    }
                    synced.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void checkpointSync(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }
}
