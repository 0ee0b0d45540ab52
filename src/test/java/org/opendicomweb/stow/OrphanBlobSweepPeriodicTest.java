package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.storage.StagedBlob;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * The orphan sweep runs again every {@code dicomweb.stow.orphan-sweep-interval} while the server runs (what a crash
 * between a deletion's commit and its file deletions leaves), and never takes the files of a store still running
 * on this node for orphans, however short the grace.
 */
@QuarkusTest
@TestProfile(OrphanBlobSweepPeriodicTest.EverySecond.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OrphanBlobSweepPeriodicTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicomweb.stow.orphan-sweep-interval", "1S", "dicomweb.stow.orphan-grace", "0S");
        }
    }

    @Inject
    OrphanBlobSweep sweep;

    @Inject
    StoresInFlight stores;

    @Inject
    BlobStore blobs;

    @Test
    void anOrphanWrittenWhileTheServerRunsIsRemovedByALaterRun() throws Exception {
        String orphan = writeOrphan();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (blobs.exists(orphan) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // waits for the background runs, one a second
        }
        assertFalse(blobs.exists(orphan), "removed by a periodic run");
    }

    @Test
    void aPeriodicRunSparesWhatRunningStoresMayHaveWritten() {
        Instant now = Instant.now();
        assertTrue(!sweep.periodicCutoff(now).isAfter(now), "with no store running: the grace before now");
        try (StoresInFlight.Store store = stores.begin()) {
            Instant began = Instant.now();
            Instant later = began.plus(Duration.ofMinutes(10));
            assertTrue(
                    sweep.periodicCutoff(later).isBefore(began),
                    "a run while a store runs takes only files written before the store began");
        }
        Instant afterwards = Instant.now().plus(Duration.ofMinutes(10));
        assertTrue(
                sweep.periodicCutoff(afterwards).isAfter(afterwards.minus(Duration.ofMinutes(1))),
                "once it has ended, the grace alone decides");
    }

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
