package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.IndexUnavailableException;
import org.opendicomweb.index.InstanceIndex;
import org.opendicomweb.index.InstanceIndex.StoredInstance;

/**
 * What a SOP Instance UID that is already stored means ({@code dicomweb.stow.duplicate-policy}): identical bytes
 * are a success that changes nothing; other bytes are refused (Duplicate SOP Instance, PS3.7 C.4.2) or replace
 * the stored instance with a warning. Decided before anything is committed, for a whole batch in one lookup.
 */
@ApplicationScoped
class DuplicatePolicy {
    private static final Logger LOG = Logger.getLogger(DuplicatePolicy.class);

    private final InstanceIndex index;
    private final DicomwebConfig config;

    @Inject
    DuplicatePolicy(InstanceIndex index, DicomwebConfig config) {
        this.index = index;
        this.config = config;
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
            if (existing.sha256().equals(p.received().sha256)) {
                return PartOutcome.stored(p.keys(), null).from(p.received().source);
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
}
