package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.IndexUnavailableException;
import org.opendicomweb.index.InstanceIndex;
import org.opendicomweb.index.InstanceIndex.StoredInstance;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.storage.StorageUnavailableException;

/**
 * What a SOP Instance UID that is already stored means ({@code dicomweb.stow.duplicate-policy}): identical bytes
 * (see {@link SameBytes}) are a success that changes nothing; other bytes are refused (Duplicate SOP Instance, PS3.7
 * C.4.2) or replace the stored instance with a warning. Decided before anything is committed, for a whole batch in one lookup.
 */
@ApplicationScoped
class DuplicatePolicy {
    private static final Logger LOG = Logger.getLogger(DuplicatePolicy.class);

    private final InstanceIndex index;
    private final DicomwebConfig config;
    private final BlobStore blobs;

    @Inject
    DuplicatePolicy(InstanceIndex index, DicomwebConfig config, BlobStore blobs) {
        this.index = index;
        this.config = config;
        this.blobs = blobs;
    }

    /**
     * Settles the parts whose outcome the policy decides; they leave the batch and their staged bytes are
     * discarded. Parts that replace a stored instance stay, marked with it ({@link Batch.Pending#replaces}).
     */
    void judge(Batch batch, List<PartOutcome> outcomes) {
        Map<String, StoredInstance> stored;
        try {
            stored = index.findAll(
                    batch.stream().map(p -> p.keys().sopInstanceUid()).toList());
        } catch (IndexUnavailableException e) {
            batch.settle(
                    outcomes,
                    p -> p.received()
                            .refused(FailureReason.PROCESSING_FAILURE, e.getMessage())
                            .asUnavailable());
            return;
        } catch (SQLException e) {
            LOG.errorf(
                    e,
                    "Looking up SOP Instances %s failed",
                    batch.stream().map(p -> p.keys().sopInstanceUid()).toList());
            batch.settle(
                    outcomes,
                    p -> p.received().refused(FailureReason.PROCESSING_FAILURE, "the index could not be read"));
            return;
        }
        batch.settle(outcomes, p -> {
            StoredInstance existing = stored.get(p.keys().sopInstanceUid());
            if (existing == null) {
                return null;
            }
            try {
                if (identical(existing, p.received(), p.staged()::inputStream)) {
                    return PartOutcome.stored(p.keys(), null).from(p.received().source);
                }
            } catch (IOException e) {
                LOG.errorf(
                        "Comparing SOP Instance %s with its stored copy %s failed: %s",
                        p.keys().sopInstanceUid(), existing.blobKey(), e);
                return p.received()
                        .refused(
                                FailureReason.PROCESSING_FAILURE,
                                "the stored instance with this SOPInstanceUID could not be read for comparison");
            } catch (StorageUnavailableException e) {
                return p.received()
                        .refused(FailureReason.PROCESSING_FAILURE, e.getMessage())
                        .asUnavailable();
            }
            if (config.stow().duplicatePolicy() == DicomwebConfig.DuplicatePolicy.REJECT) {
                return p.received()
                        .refused(
                                FailureReason.DUPLICATE_SOP_INSTANCE,
                                "SOPInstanceUID " + p.keys().sopInstanceUid()
                                        + " is already stored with different content (duplicate policy: reject)");
            }
            p.received().existing = existing;
            return null;
        });
    }

    /** Where the received bytes can be read from: its staged blob, or the blob it was committed to. */
    @FunctionalInterface
    interface ReceivedBytes {
        InputStream open() throws IOException;
    }

    /**
     * Whether the received instance is the stored one: same size and CRC-32C, then the same bytes. A stored
     * instance whose bytes are gone is not identical, so that the duplicate policy decides whether a copy replaces it.
     */
    boolean identical(StoredInstance existing, ReceivedInstance received, ReceivedBytes receivedBytes)
            throws IOException {
        if (!SameBytes.candidate(existing, received.size, received.crc32c)) {
            return false;
        }
        try (ReadableBlob stored = blobs.open(existing.blobKey());
                InputStream a = stored.inputStream(0, stored.size());
                InputStream b = receivedBytes.open()) {
            return SameBytes.equal(a, b);
        } catch (NoSuchFileException e) {
            LOG.warnf("The blob %s of a stored instance is missing; a new copy is not identical", existing.blobKey());
            return false;
        }
    }
}
