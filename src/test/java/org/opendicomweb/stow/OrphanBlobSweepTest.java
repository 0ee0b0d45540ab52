package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.storage.StagedBlob;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OrphanBlobSweepTest {

    @Inject
    OrphanBlobSweep sweep;

    @Inject
    BlobStore blobs;

    @Inject
    IndexDatabase index;

    @Test
    void sweepRemovesFilesWithoutIndexRowsAndKeepsIndexedOnes() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(ct.toBytes())).statusCode(200);
        String indexedKey = blobKeyOf(ct.sopInstanceUid());
        // What a crash between committing the file and writing its row leaves behind.
        String orphanKey = InstanceBlobKey.of(Uids.generate(), Uids.generate(), Uids.generate(), "012345678901");
        try (StagedBlob staged = blobs.stage();
                OutputStream out = staged.outputStream()) {
            out.write(ct.toBytes());
            out.flush();
            blobs.commit(staged, orphanKey);
        }

        OrphanBlobSweep.Result result = sweep.sweep(Instant.now().plusSeconds(60));

        assertFalse(blobs.exists(orphanKey), "the orphan file is removed");
        assertTrue(blobs.exists(indexedKey), "the indexed file stays");
        assertTrue(result.removed() >= 1 && result.checked() >= 2, result.toString());
    }

    private String blobKeyOf(String sop) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select blob_key from instance where sop_iuid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
