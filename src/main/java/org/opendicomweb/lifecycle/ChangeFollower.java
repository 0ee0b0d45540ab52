package org.opendicomweb.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.ChangeFeedQuery;
import org.opendicomweb.index.ChangeFeedQuery.Change;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.wado.KeptCopies;

/**
 * Keeps what this node keeps of instances (their locations, frame tables, compressed metadata) honest when any node
 * sharing the index deletes, rejects or replaces them: it reads the change feed every
 * {@code dicomweb.wado.change-poll-interval}, from the latest entry at start-up on, and forgets the instance, and
 * the compressed metadata of its study, of each entry that ends what was stored before: a delete entry, or a create
 * entry of an instance that has older entries (a replacement is a create entry like a first store; only its older
 * entries become replaced). A first store leaves what this node keeps alone: nothing of it can be outdated.
 *
 * <p>The read is one range of the primary key after the last sequence seen, which a sequence number taken but not
 * yet committed cannot pass (see {@code ChangeFeed}), so no change is missed.
 */
@ApplicationScoped
public class ChangeFollower {
    private static final Logger LOG = Logger.getLogger(ChangeFollower.class);
    /** Entries read at once; a longer backlog is read batch after batch in one round. */
    static final int BATCH = 1000;

    private final ChangeFeedQuery feed;
    private final IndexDatabase index;
    private final KeptCopies kept;
    private final DicomwebConfig config;
    /** The last sequence read; -1 until the first round has found where the feed ends. */
    private long position = -1;

    private volatile Thread worker;

    @Inject
    ChangeFollower(ChangeFeedQuery feed, IndexDatabase index, KeptCopies kept, DicomwebConfig config) {
        this.feed = feed;
        this.index = index;
        this.kept = kept;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Duration interval = config.wado().changePollInterval();
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        worker = Thread.ofVirtual().name("change-follower").start(() -> run(interval));
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run(Duration interval) {
        boolean failing = false;
        try {
            while (!index.isMigrated()) {
                Thread.sleep(config.db().retryInterval().toMillis());
            }
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    follow();
                    if (failing) {
                        LOG.info("Reading the change feed works again");
                        failing = false;
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!failing) {
                        LOG.warnf(
                                "Reading the change feed failed: %s (retried every %s; until then this node may"
                                        + " serve what it keeps of instances deleted or replaced elsewhere)",
                                e.getMessage(), interval);
                        failing = true;
                    }
                }
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the entries committed since the last round and forgets what this node keeps of their instances. The
     * first round only finds where the feed ends. Returns how many entries were read.
     */
    public synchronized int follow() throws SQLException {
        if (position < 0) {
            position = feed.lastSequence();
            return 0;
        }
        int read = 0;
        List<Change> batch;
        do {
            batch = feed.changesAfter(position, BATCH);
            forget(batch);
            if (!batch.isEmpty()) {
                position = batch.getLast().sequence();
            }
            read += batch.size();
        } while (batch.size() == BATCH);
        return read;
    }

    private void forget(List<Change> changes) {
        List<KeptCopies.Outdated> outdated = new ArrayList<>();
        for (Change change : changes) {
            if (change.supersedes()) {
                outdated.add(new KeptCopies.Outdated(
                        change.studyInstanceUid(), change.seriesInstanceUid(), change.sopInstanceUid()));
                LOG.debugf(
                        "Change %d: what this node kept of %s is forgotten",
                        change.sequence(), change.sopInstanceUid());
            }
        }
        kept.forget(outdated);
    }
}
