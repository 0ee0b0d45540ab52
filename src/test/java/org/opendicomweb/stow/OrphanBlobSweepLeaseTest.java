package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.cluster.OtherNode;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.storage.StagedBlob;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * One node of those sharing the index sweeps at a time, the one holding the sweep's lease; and a periodic round is
 * skipped when any node swept within the interval.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OrphanBlobSweepLeaseTest {

    @Inject
    OrphanBlobSweep sweep;

    @Inject
    BlobStore blobs;

    @Inject
    IndexDatabase index;

    @Test
    void aNodeSkipsTheSweepWhileAnotherHoldsItsLease() throws Exception {
        String orphan = writeOrphan();
        ClusterLease other = otherNodeHoldingTheLease();
        try {
            assertFalse(
                    sweep.sweepOnOneNode(Instant.now().plusSeconds(60), Duration.ZERO), "this node skips the round");
            assertTrue(blobs.exists(orphan), "and removes nothing");
        } finally {
            other.release(OrphanBlobSweep.LEASE);
        }

        assertTrue(sweep.sweepOnOneNode(Instant.now().plusSeconds(60), Duration.ZERO), "the lease free, it sweeps");
        assertFalse(blobs.exists(orphan), "and removes the orphan");
    }

    @Test
    void aPeriodicRoundIsSkippedWhenAnotherNodeSweptWithinTheInterval() throws Exception {
        String orphan = writeOrphan();
        otherNodeHoldingTheLease().release(OrphanBlobSweep.LEASE); // the other node's run has just ended
        Duration interval = Duration.ofHours(1);

        assertFalse(sweep.sweepOnOneNode(Instant.now().plusSeconds(60), interval), "swept a moment ago: skipped");
        assertTrue(blobs.exists(orphan));

        endedAgo(Duration.ofMinutes(55));
        assertTrue(sweep.sweepOnOneNode(Instant.now().plusSeconds(60), interval), "due again after the interval");
        assertFalse(blobs.exists(orphan));
    }

    private ClusterLease otherNodeHoldingTheLease() throws Exception {
        ClusterLease other = OtherNode.lease(Duration.ofMinutes(5));
        // this node's own start-up sweep may hold the lease for a moment
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!other.tryAcquire(OrphanBlobSweep.LEASE) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(
                other.holderOf(OrphanBlobSweep.LEASE)
                        .map(h -> h.node().equals(other.node().id()))
                        .orElse(false),
                "the other node holds the sweep's lease");
        return other;
    }

    /** As if the last run, on whichever node, had ended that long ago. */
    private void endedAgo(Duration ago) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("update cluster_lease set expires = ? where name = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(ago)));
            ps.setString(2, OrphanBlobSweep.LEASE);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** What a crash between committing a file and writing its index row leaves behind. */
    private String writeOrphan() throws Exception {
        String key = InstanceBlobKey.of(Uids.generate(), Uids.generate(), Uids.generate(), "0123456789ab");
        try (StagedBlob staged = blobs.stage();
                OutputStream out = staged.outputStream()) {
            out.write(DicomFiles.ctImage().toBytes());
            out.flush();
            blobs.commit(staged, key);
        }
        assertTrue(blobs.exists(key));
        return key;
    }
}
