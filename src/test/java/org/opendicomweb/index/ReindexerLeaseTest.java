package org.opendicomweb.index;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.cluster.OtherNode;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * Of nodes sharing the index, one reindexes; every node shows which, and a new run asked meanwhile waits for it. A
 * node whose lease another node takes over while it runs writes nothing more and follows that node.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ReindexerLeaseTest {
    private static final String BOUNDARY = "reindex-lease-boundary";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Reindexer reindexer;

    @Inject
    ClusterLease lease;

    @Inject
    IndexDatabase index;

    @Test
    void aNodeWhoseLeaseIsTakenOverMidwayWritesNothingMoreAndRunsOnceTheLeaseIsItsOwnAgain() throws Exception {
        reindexer.awaitIdle();
        DicomFiles.Builder ct = DicomFiles.ctImage().with(Tag.SliceThickness, VR.DS, "2.5");
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, ct))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        long pk = single("select pk from instance where sop_iuid = '" + ct.sopInstanceUid() + "'");
        String sliceThickness = "select count(*) from extended_key where owner_level = 'INSTANCE' and owner_pk = " + pk
                + " and tag = " + Tag.SliceThickness;
        assertEquals(1, single(sliceThickness), "indexed when stored");
        List<Reindexer.Task> before = reindexer.status().tasks();
        assertTrue(before.stream().allMatch(Reindexer.Task::complete), before.toString());

        ClusterLease other = OtherNode.lease(Duration.ofMinutes(5));
        try (Connection hold = index.dataSource().getConnection()) {
            // The task rows locked, so that this node's run, asked to start over, stalls at its first write.
            hold.setAutoCommit(false);
            try (Statement s = hold.createStatement();
                    ResultSet rs = s.executeQuery("select name from reindex_task for update")) {
                while (rs.next()) {
                    assertTrue(rs.getString(1) != null);
                }
            }
            reindexer.reindexAll();
            awaitHolder(lease.node().id());
            takeOver(other); // as another node would once this one had stalled past the lease's expiry
            hold.rollback();
        }
        Reindexer.Status stopped = awaitStatus(s -> s.progress().error() != null
                && s.progress().error().contains(other.node().describe()));
        assertFalse(stopped.progress().running(), stopped.toString());
        assertEquals(before, stopped.tasks(), "the run that lost its lease wrote nothing: no task was reset");
        assertEquals(other.node().describe(), stopped.runningOn());

        // The other node stops before doing the work; meanwhile the instance's values went (a restored database).
        try (Connection c = index.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("delete from extended_key where owner_level = 'INSTANCE' and owner_pk = " + pk);
        }
        Instant released = Instant.now();
        other.release(Reindexer.LEASE);
        reindexer.awaitIdle();

        Reindexer.Status done = reindexer.status();
        assertNull(done.progress().error(), done.toString());
        assertTrue(!done.progress().started().isBefore(released), "run once the lease was free again: " + done);
        assertTrue(done.tasks().stream().allMatch(Reindexer.Task::complete), done.toString());
        assertEquals(1, single(sliceThickness), "the run this node was asked for was done, from the first instance");
    }

    private void awaitHolder(String node) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lease.holderOf(Reindexer.LEASE)
                .filter(h -> h.node().equals(node))
                .isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "this node takes the lease");
            Thread.sleep(5);
        }
    }

    private void takeOver(ClusterLease other) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update cluster_lease set holder = ?, holder_host = ?, expires = ? where name = ?")) {
            ps.setString(1, other.node().id());
            ps.setString(2, other.node().describe());
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
            ps.setString(4, Reindexer.LEASE);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private Reindexer.Status awaitStatus(Predicate<Reindexer.Status> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Reindexer.Status status = reindexer.status();
        while (!condition.test(status)) {
            assertTrue(System.nanoTime() < deadline, "not within " + WAIT + ": " + status);
            Thread.sleep(20);
            status = reindexer.status();
        }
        return status;
    }

    private long single(String sql) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

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
