package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.cluster.OtherNode;
import org.opendicomweb.support.PostgresTestSchema;

/** Of nodes sharing the index, one reindexes; every node shows which, and a new run asked meanwhile waits for it. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ReindexerLeaseTest {

    @Inject
    Reindexer reindexer;

    @Test
    void aRunAskedWhileAnotherNodeReindexesBeginsOnceThatNodeIsDone() throws Exception {
        reindexer.awaitIdle(); // this node's own run after start-up
        ClusterLease other = OtherNode.lease(Duration.ofMinutes(5));
        assertTrue(other.tryAcquire(Reindexer.LEASE), "the other node runs the reindexing");
        Instant released;
        try {
            assertEquals(other.node().describe(), reindexer.status().runningOn(), "every node names it");
            Reindexer.Progress before = reindexer.status().progress();
            reindexer.reindexAll();
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                Reindexer.Status meanwhile = reindexer.status();
                assertEquals(before, meanwhile.progress(), "no run on this node while the other node holds the lease");
                assertTrue(meanwhile.tasks().stream().allMatch(Reindexer.Task::complete), "nor a reset");
                Thread.sleep(100);
            }
        } finally {
            released = Instant.now();
            other.release(Reindexer.LEASE);
        }

        reindexer.awaitIdle();

        Reindexer.Status status = reindexer.status();
        assertNull(status.runningOn(), "nobody runs it any more");
        assertTrue(
                status.progress().started() != null
                        && !status.progress().started().isBefore(released),
                "this node's run began once the other node had given the lease up: " + status.progress());
        assertTrue(status.tasks().stream().allMatch(Reindexer.Task::complete), "and completed: " + status.tasks());
    }
}
