package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opendicomweb.index.CommitNotDurableException;
import org.opendicomweb.index.IndexUnavailableException;
import org.opendicomweb.index.InstanceIndex;
import org.opendicomweb.index.InstanceIndex.AlreadyIndexedException;
import org.opendicomweb.index.InstanceIndex.SeriesInOtherStudyException;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.index.RejectionNote;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.storage.StorageUnavailableException;

/**
 * Commits a {@link Batch}: the duplicate policy first, then the files (synced, renamed, their folders synced
 * once), then the index rows in one transaction. A row is only written once its file is committed, and a file
 * whose row could not be written is deleted again, so an acknowledged instance is always complete and a
 * refused one leaves nothing behind (a crash in between leaves a file that {@link OrphanBlobSweep} removes).
 */
@ApplicationScoped
class BatchCommit {
    private static final Logger LOG = Logger.getLogger(BatchCommit.class);

    private final BlobStore blobs;
    private final InstanceIndex index;
    private final DuplicatePolicy duplicates;
    private final Event<RejectionNote> rejections;

    @Inject
    BatchCommit(BlobStore blobs, InstanceIndex index, DuplicatePolicy duplicates, Event<RejectionNote> rejections) {
        this.blobs = blobs;
        this.index = index;
        this.duplicates = duplicates;
        this.rejections = rejections;
    }

    /**
     * Gives every part of the batch its outcome and empties the batch. If the one index transaction fails, each
     * instance is indexed on its own, so one bad instance (a series reused across studies, a concurrent
     * duplicate) fails alone.
     */
    void commit(Batch batch, List<PartOutcome> outcomes) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            duplicates.judge(batch, outcomes);
            judgeRejections(batch, outcomes);
            if (!batch.isEmpty()) {
                commitJudged(batch, outcomes);
                announceRejections(batch, outcomes);
            }
        } finally {
            batch.clear(); // also resets its byte count, which settled parts left behind
        }
    }

    private void commitJudged(Batch batch, List<PartOutcome> outcomes) {
        try {
            blobs.commitAll(
                    batch.stream().map(p -> Map.entry(p.staged(), p.key())).toList());
        } catch (IOException | StorageUnavailableException e) {
            for (Batch.Pending p : batch) {
                PartOutcome failed =
                        p.received().refused(FailureReason.OUT_OF_RESOURCES, "storage write failed: " + e.getMessage());
                outcomes.set(p.position(), e instanceof StorageUnavailableException ? failed.asUnavailable() : failed);
            }
            return;
        }
        List<Batch.Pending> inserts = batch.stream().filter(p -> !p.replaces()).toList();
        boolean indexedTogether = false;
        if (inserts.size() > 1) {
            try {
                index.insertAll(inserts.stream().map(Batch.Pending::indexed).toList());
                inserts.forEach(p -> outcomes.set(p.position(), PartOutcome.stored(p.keys(), null)));
                indexedTogether = true;
            } catch (CommitNotDurableException e) {
                // The rows are written: their files stay, and no instance may be indexed again or acknowledged.
                LOG.errorf(e, "Indexing %d instances: %s", inserts.size(), e.getMessage());
                inserts.forEach(p -> outcomes.set(p.position(), notDurable(p, e)));
                indexedTogether = true;
            } catch (IndexUnavailableException e) {
                // Down or timed out: one by one would only wait as long again for each instance.
                for (Batch.Pending p : inserts) {
                    deleteQuietly(p.key());
                    outcomes.set(
                            p.position(),
                            p.received()
                                    .refused(FailureReason.PROCESSING_FAILURE, e.getMessage())
                                    .asUnavailable());
                }
                indexedTogether = true;
            } catch (SQLException | SeriesInOtherStudyException | AlreadyIndexedException | RuntimeException e) {
                LOG.debugf(
                        "Indexing %d instances together failed (%s); indexing them one by one",
                        inserts.size(), e.getMessage());
            }
        }
        for (Batch.Pending p : batch) {
            if (!indexedTogether || p.replaces()) {
                outcomes.set(p.position(), indexOne(p));
            }
        }
    }

    /**
     * Refuses the rejection notes that reject stored instances of another patient (IHE IOCM requires a note to stay
     * within its patient): a note sent with the wrong patient would hide another patient's images. Instances of the
     * same batch count as stored. Instances not stored yet cannot be checked; they are hidden when they arrive.
     */
    private void judgeRejections(Batch batch, List<PartOutcome> outcomes) {
        if (batch.stream().noneMatch(p -> p.rejection() != null)) {
            return;
        }
        List<String> referenced = batch.stream()
                .filter(p -> p.rejection() != null)
                .flatMap(p -> p.rejection().references().stream())
                .map(RejectionNote.Reference::sopUid)
                .distinct()
                .toList();
        Map<String, List<String>> patients;
        try {
            patients = new HashMap<>(index.patientsOf(referenced));
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Looking up the patients of %d rejected instances failed", referenced.size());
            batch.settle(
                    outcomes,
                    p -> p.rejection() == null
                            ? null
                            : p.received()
                                    .refused(FailureReason.PROCESSING_FAILURE, "the index could not be read")
                                    .asUnavailable());
            return;
        }
        for (Batch.Pending p : batch) {
            patients.putIfAbsent(p.keys().sopInstanceUid(), patientOf(p.keys()));
        }
        batch.settle(outcomes, p -> {
            if (p.rejection() == null) {
                return null;
            }
            List<String> own = patientOf(p.keys());
            for (RejectionNote.Reference r : p.rejection().references()) {
                List<String> other = patients.get(r.sopUid());
                if (other != null && !other.equals(own)) {
                    return p.received()
                            .refused(
                                    FailureReason.REJECTION_OF_OTHER_PATIENT,
                                    "the rejection note of patient " + describe(own) + " references instance "
                                            + r.sopUid() + " of patient " + describe(other));
                }
            }
            return null;
        });
    }

    /** Tells this node's caches (the instance locations of WADO) what the notes just indexed reject. */
    private void announceRejections(Batch batch, List<PartOutcome> outcomes) {
        for (Batch.Pending p : batch) {
            PartOutcome outcome = outcomes.get(p.position());
            if (p.rejection() != null && outcome != null && outcome.isStored()) {
                LOG.infof(
                        "Rejection note %s (%s, DCM) rejects %d instances",
                        p.rejection().noteUid(),
                        p.rejection().code().codeValue(),
                        p.rejection().references().size());
                outcomes.set(p.position(), outcome.rejecting(p.rejection()));
                rejections.fire(p.rejection());
            }
        }
    }

    private static List<String> patientOf(InstanceKeys k) {
        return Arrays.asList(k.patientId(), k.issuerOfPatientId() == null ? "" : k.issuerOfPatientId());
    }

    private static String describe(List<String> patient) {
        return "'" + patient.get(0) + "'" + (patient.get(1).isEmpty() ? "" : " (issuer '" + patient.get(1) + "')");
    }

    /** Indexes one committed instance; whatever fails removes its file again. */
    private PartOutcome indexOne(Batch.Pending p) {
        ReceivedInstance r = p.received();
        InstanceKeys keys = p.keys();
        String sop = keys.sopInstanceUid();
        try {
            if (p.replaces()) {
                String replaced = index.replace(keys, p.blob(), p.metadata());
                deleteQuietly(replaced);
                LOG.infof("Replaced SOP Instance %s of study %s", sop, keys.studyInstanceUid());
                return PartOutcome.stored(keys, FailureReason.WARNING_REPLACED_EXISTING);
            }
            index.insert(p.indexed());
            return PartOutcome.stored(keys, null);
        } catch (AlreadyIndexedException e) {
            // A concurrent store of the same instance won the race: judge it as a duplicate now.
            try {
                Optional<InstanceIndex.StoredInstance> winner = index.find(sop);
                boolean identical = winner.isPresent() && duplicates.identical(winner.get(), r, () -> readCommitted(p));
                return identical
                        ? PartOutcome.stored(keys, null)
                        : r.refused(FailureReason.DUPLICATE_SOP_INSTANCE, e.getMessage() + " with different content");
            } catch (SQLException lookup) {
                return r.refused(FailureReason.PROCESSING_FAILURE, "the index could not be read");
            } catch (IndexUnavailableException lookup) {
                return r.refused(FailureReason.PROCESSING_FAILURE, lookup.getMessage())
                        .asUnavailable();
            } catch (IOException read) {
                return r.refused(
                        FailureReason.PROCESSING_FAILURE,
                        "the stored instance with this SOPInstanceUID could not be read for comparison");
            } finally {
                deleteQuietly(p.key());
            }
        } catch (SeriesInOtherStudyException e) {
            deleteQuietly(p.key());
            recordConflict(e, keys);
            return r.refused(FailureReason.SERIES_IN_OTHER_STUDY, e.getMessage());
        } catch (CommitNotDurableException e) {
            LOG.errorf(e, "Indexing SOP Instance %s of study %s: %s", sop, keys.studyInstanceUid(), e.getMessage());
            return notDurable(p, e);
        } catch (IndexUnavailableException e) {
            deleteQuietly(p.key());
            return r.refused(FailureReason.PROCESSING_FAILURE, e.getMessage()).asUnavailable();
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(p.key());
            LOG.errorf(e, "Indexing SOP Instance %s of study %s failed", sop, keys.studyInstanceUid());
            return r.refused(FailureReason.PROCESSING_FAILURE, "the index could not be written");
        }
    }

    /** A failure the client may retry: the bytes it sent are then found identical, and acknowledged once durable. */
    private static PartOutcome notDurable(Batch.Pending p, CommitNotDurableException e) {
        return p.received()
                .refused(FailureReason.PROCESSING_FAILURE, e.getMessage())
                .asUnavailable();
    }

    /** Keeps the refusal for the integrity report; failing to do so must not change the instance's outcome. */
    private void recordConflict(SeriesInOtherStudyException e, InstanceKeys keys) {
        try {
            index.recordSeriesConflict(e, keys.studyInstanceUid(), keys.sopInstanceUid());
        } catch (SQLException | RuntimeException failure) {
            LOG.warnf(
                    "Could not record the refusal of series %s in study %s for the integrity report: %s",
                    e.seriesUid(), keys.studyInstanceUid(), failure.getMessage());
        }
    }

    /** The bytes of a part already committed to its key, as a stream that closes the blob with it. */
    private InputStream readCommitted(Batch.Pending p) throws IOException {
        ReadableBlob blob = blobs.open(p.key());
        try {
            InputStream in = blob.inputStream(0, blob.size());
            return new FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        blob.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            blob.close();
            throw e;
        }
    }

    private void deleteQuietly(String key) {
        if (key == null) {
            return;
        }
        try {
            blobs.delete(key);
        } catch (IOException e) {
            LOG.warnf("Could not delete blob %s: %s (it will be swept as an orphan)", key, e.getMessage());
        }
    }
}
