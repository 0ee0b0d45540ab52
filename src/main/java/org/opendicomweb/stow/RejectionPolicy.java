package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.RejectionNote;

/**
 * When the instances a rejection note rejects may be deleted (dicomweb.rejection.*): 113001 after the quality grace
 * period, 113039 at once, 113037 and 113038 never unless the setting says at once. The deadline is fixed when the
 * note is stored, so a changed setting applies to later notes only.
 */
@ApplicationScoped
class RejectionPolicy {
    private final DicomwebConfig.Rejection settings;

    @Inject
    RejectionPolicy(DicomwebConfig config) {
        this.settings = config.rejection();
    }

    RejectionNote deadline(RejectionNote note) {
        Instant now = Instant.now();
        Instant deleteAfter = switch (note.code()) {
            case QUALITY -> now.plus(settings.qualityGracePeriod());
            case RETENTION_EXPIRED -> now;
            case PATIENT_SAFETY, INCORRECT_WORKLIST_ENTRY -> settings.deleteSafetyRejections() ? now : null;
        };
        return note.withDeleteAfter(deleteAfter);
    }
}
