package org.opendicomweb.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;
import org.opendicomweb.index.IndexQueryException;
import org.opendicomweb.index.InstanceDeletion;
import org.opendicomweb.index.InstanceDeletion.DeletedInstance;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.wado.KeptCopies;

/**
 * Deletes studies, series and instances: one index transaction decides ({@link InstanceDeletion}); once it is
 * durable the files go, and what this node keeps about them is dropped. A file that cannot be deleted now (or
 * whose deletion a crash interrupts) has no row left, and the orphan sweep removes it. Each method returns what was
 * deleted: empty when nothing matched.
 */
@ApplicationScoped
public class DeleteService {
    private static final Logger LOG = Logger.getLogger(DeleteService.class);

    private final InstanceDeletion deletion;
    private final BlobStore blobs;
    private final KeptCopies kept;

    @Inject
    DeleteService(InstanceDeletion deletion, BlobStore blobs, KeptCopies kept) {
        this.deletion = deletion;
        this.blobs = blobs;
        this.kept = kept;
    }

    @FunctionalInterface
    private interface Deletion {
        List<DeletedInstance> run() throws SQLException;
    }

    public List<DeletedInstance> deleteStudy(String studyUid) {
        return delete(() -> deletion.deleteStudy(studyUid));
    }

    public List<DeletedInstance> deleteSeries(String studyUid, String seriesUid) {
        return delete(() -> deletion.deleteSeries(studyUid, seriesUid));
    }

    public List<DeletedInstance> deleteInstance(String studyUid, String seriesUid, String sopUid) {
        return delete(() -> deletion.deleteInstance(studyUid, seriesUid, sopUid));
    }

    /** Deletes the instances among these SOP Instance UIDs that are stored, in whatever studies they are. */
    public List<DeletedInstance> deleteInstances(List<String> sopUids) {
        return delete(() -> deletion.deleteInstances(sopUids));
    }

    private List<DeletedInstance> delete(Deletion work) {
        List<DeletedInstance> deleted;
        try {
            deleted = work.run();
        } catch (SQLException e) {
            // Also a commit not made durable (CommitNotDurableException): its rows could come back after a crash, so
            // their files stay; the orphan sweep removes them once the deletion is seen to have lasted.
            throw new IndexQueryException(e);
        }
        forgetLocally(deleted);
        for (DeletedInstance d : deleted) {
            try {
                blobs.delete(d.blobKey());
            } catch (IOException | RuntimeException e) {
                LOG.warnf(
                        "The file %s of deleted instance %s stays until the orphan sweep removes it: %s",
                        d.blobKey(), d.sopUid(), e.getMessage());
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof(
                    "Deleted %d instance(s) of study %s%s",
                    deleted.size(),
                    deleted.get(0).studyUid(),
                    deleted.stream().map(DeletedInstance::studyUid).distinct().count() > 1 ? " and others" : "");
        }
        return deleted;
    }

    /** What this node keeps about the deleted instances, their series and studies. */
    private void forgetLocally(List<DeletedInstance> deleted) {
        kept.forget(deleted.stream()
                .map(d -> new KeptCopies.Outdated(d.studyUid(), d.seriesUid(), d.sopUid()))
                .toList());
    }
}
