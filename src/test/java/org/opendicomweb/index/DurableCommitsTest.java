package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Group commit: each writer returns only after a sync that began after its commit; concurrent writers share syncs. */
class DurableCommitsTest {

    @Test
    void everyWriterWaitsForASyncThatBeganAfterItsCommit() throws Exception {
        int writers = 16;
        AtomicLong clock = new AtomicLong();
        List<Long> syncStarts = new ArrayList<>();
        DurableCommits commits = new DurableCommits(c -> {
            synchronized (syncStarts) {
                syncStarts.add(clock.incrementAndGet());
            }
            pause(20);
        });
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long committedAt = clock.incrementAndGet();
                    commits.afterCommit(null);
                    return new long[] {committedAt, clock.get()};
                }));
            }
            start.countDown();
            for (Future<long[]> result : results) {
                long committedAt = result.get(10, TimeUnit.SECONDS)[0];
                synchronized (syncStarts) {
                    assertTrue(
                            syncStarts.stream().anyMatch(s -> s > committedAt),
                            "a writer committed at " + committedAt + " returned without a later sync: " + syncStarts);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(syncStarts.size() < writers, writers + " concurrent writers needed " + syncStarts.size() + " syncs");
    }

    @Test
    void aFailedSyncFailsItsWriterAndTheNextWriterSyncsAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DurableCommits commits = new DurableCommits(c -> {
            if (calls.incrementAndGet() == 1) {
                throw new SQLException("disk full");
            }
        });
        assertThrows(SQLException.class, () -> commits.afterCommit(null));
        commits.afterCommit(null);
        assertEquals(2, calls.get());
    }

    @Test
    void postgresqlCommitsNeedNoSync() throws Exception {
        DurableCommits.of(org.opendicomweb.config.DicomwebConfig.DatabaseKind.POSTGRESQL)
                .afterCommit(null);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
