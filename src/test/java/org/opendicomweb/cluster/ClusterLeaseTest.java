package org.opendicomweb.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;

/** Leases of two (or many) nodes over one index database: one holder at a time, whatever the timing. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ClusterLeaseTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(600);
    /** How long a test waits for a short lease to run out: its duration and ample slack for a busy machine. */
    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(15);

    @Test
    void onlyOneOfTwoNodesTakesTheLease() throws Exception {
        String job = newJob();
        ClusterLease a = OtherNode.lease(LONG);
        ClusterLease b = OtherNode.lease(LONG);

        assertTrue(a.tryAcquire(job), "the first node takes a lease nobody held");
        assertFalse(b.tryAcquire(job), "the other node does not");
        assertFalse(a.tryAcquire(job), "nor does the holder take it twice");
        assertEquals(a.node().describe(), a.holderOf(job).orElseThrow().host(), "the holder is named");
    }

    @Test
    void aReleasedLeaseGoesToTheOtherNode() throws Exception {
        String job = newJob();
        ClusterLease a = OtherNode.lease(LONG);
        ClusterLease b = OtherNode.lease(LONG);
        assertTrue(a.tryAcquire(job));

        a.release(job);

        assertTrue(b.tryAcquire(job), "free once released");
        assertFalse(a.renew(job), "the first node no longer holds it");
        b.release(job);
        assertTrue(a.holderOf(job).isEmpty(), "released: nobody holds it");
    }

    @Test
    void anExpiredLeaseGoesToTheOtherNode() throws Exception {
        String job = newJob();
        ClusterLease killed = OtherNode.lease(SHORT);
        ClusterLease b = OtherNode.lease(LONG);
        assertTrue(killed.tryAcquire(job));
        assertFalse(b.tryAcquire(job), "held until it expires");

        // the holder neither renews nor releases, as after kill -9
        assertTrue(takenWithin(b, job, EXPIRY_WAIT), "taken over once expired");
        assertFalse(killed.renew(job), "the node that held it before learns that it lost it");
    }

    @Test
    void renewalKeepsTheLeaseBeyondItsDuration() throws Exception {
        String job = newJob();
        ClusterLease a = OtherNode.lease(SHORT);
        ClusterLease b = OtherNode.lease(LONG);
        assertTrue(a.tryAcquire(job));

        long until = System.nanoTime() + SHORT.multipliedBy(4).toNanos();
        while (System.nanoTime() < until) {
            assertTrue(a.renew(job), "renewed by its holder");
            assertFalse(b.tryAcquire(job), "never taken while renewed");
            Thread.sleep(SHORT.toMillis() / 6);
        }
        assertTrue(takenWithin(b, job, EXPIRY_WAIT), "taken once renewals stop");
    }

    @Test
    void manyNodesRacingForOneLeaseGiveOneHolder() throws Exception {
        int nodes = 16;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 10; round++) {
                String job = newJob();
                List<ClusterLease> first = race(pool, nodes, job);
                assertEquals(1, first.size(), "one holder of a lease nobody held (round " + round + ")");
                first.get(0).release(job);
                ClusterLease expiring = OtherNode.lease(Duration.ofMillis(3));
                assertTrue(expiring.tryAcquire(job));
                awaitFree(job);
                List<ClusterLease> second = race(pool, nodes, job);
                assertEquals(1, second.size(), "one holder of an expired lease (round " + round + ")");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJobRunsOnlyWhereTheLeaseIsTakenAndKeepsItWhileItRuns() throws Exception {
        String job = newJob();
        ClusterLease a = OtherNode.lease(SHORT);
        ClusterLease b = OtherNode.lease(LONG);
        AtomicBoolean othersKeptOut = new AtomicBoolean(true);

        boolean ran = a.runExclusively(job, () -> {
            long until = System.nanoTime() + SHORT.multipliedBy(4).toNanos();
            while (System.nanoTime() < until) {
                othersKeptOut.compareAndSet(true, !b.runExclusively(job, () -> {}));
                Thread.sleep(SHORT.toMillis() / 6);
            }
        });

        assertTrue(ran, "the job ran where the lease was free");
        assertTrue(othersKeptOut.get(), "renewed while the job ran, past the lease's duration: the other node skipped");
        assertTrue(b.runExclusively(job, () -> {}), "given up when the job ended");
    }

    @Test
    void aJobWhoseLeaseIsLostIsInterrupted() throws Exception {
        String job = newJob();
        ClusterLease a = OtherNode.lease(SHORT);
        AtomicBoolean interrupted = new AtomicBoolean();

        a.runExclusively(job, () -> {
            // another node took it meanwhile (this node stalled past expiry)
            a.release(job);
            assertTrue(OtherNode.lease(LONG).tryAcquire(job));
            try {
                Thread.sleep(EXPIRY_WAIT.toMillis());
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });

        assertTrue(interrupted.get(), "the job is stopped at its next renewal");
        assertFalse(Thread.interrupted(), "the caller's thread is not left interrupted after the job returned");
    }

    /** Every node tries at once; returns those that took the lease. */
    private static List<ClusterLease> race(ExecutorService pool, int nodes, String job) throws Exception {
        CountDownLatch ready = new CountDownLatch(nodes);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        List<ClusterLease> racing = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ClusterLease node = OtherNode.lease(LONG);
            racing.add(node);
            attempts.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return node.tryAcquire(job);
            }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS));
        go.countDown();
        List<ClusterLease> holders = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            if (attempts.get(i).get(30, TimeUnit.SECONDS)) {
                holders.add(racing.get(i));
            }
        }
        return holders;
    }

    private static boolean takenWithin(ClusterLease node, String job, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (node.tryAcquire(job)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits until nobody holds the lease (a held one expires meanwhile). */
    private static void awaitFree(String job) throws SQLException, InterruptedException {
        ClusterLease observer = OtherNode.lease(LONG);
        long deadline = System.nanoTime() + EXPIRY_WAIT.toNanos();
        while (observer.holderOf(job).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(observer.holderOf(job).isEmpty(), "the lease of " + job + " ran out");
    }

    private static String newJob() {
        return "test-" + UUID.randomUUID();
    }
}
