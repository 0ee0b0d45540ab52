package org.opendicomweb.stow;

import org.jboss.logging.Logger;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.index.RejectionNote;

/**
 * What happened to one instance of a STOW request. UIDs are those that could be read, possibly null.
 * {@code failure} is null for stored instances; {@code warning} is a Warning Reason code or null.
 * {@code unavailable}: the instance failed because the index or the storage could not be used at all, which a
 * client should retry later rather than correct. {@code source} says where in the request the instance was
 * ("dataset 2 of metadata part 1"); null means its own part, named by its position. {@code rejection}: the stored
 * instance is a rejection note (IHE IOCM), and what it rejected.
 */
public record PartOutcome(
        String sopClassUid,
        String sopInstanceUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        FailureReason failure,
        Integer warning,
        String detail,
        boolean unavailable,
        String source,
        RejectionNote rejection) {
    private static final Logger LOG = Logger.getLogger(PartOutcome.class);

    public static PartOutcome stored(
            String sopClass, String sopInstance, String study, String series, Integer warning) {
        return new PartOutcome(sopClass, sopInstance, study, series, null, warning, null, false, null, null);
    }

    public static PartOutcome failed(
            String sopClass, String sopInstance, String study, String series, FailureReason reason, String detail) {
        return new PartOutcome(sopClass, sopInstance, study, series, reason, null, detail, false, null, null);
    }

    static PartOutcome stored(InstanceKeys k, Integer warning) {
        return stored(k.sopClassUid(), k.sopInstanceUid(), k.studyInstanceUid(), k.seriesInstanceUid(), warning);
    }

    /** A refused instance, named and logged by the UIDs its dataset gave, as far as it gave them. */
    static PartOutcome refused(Attributes ds, FailureReason reason, String detail) {
        String sopClass = ds == null ? null : Uids.normalise(ds.getString(Tag.SOPClassUID));
        String sop = ds == null ? null : Uids.normalise(ds.getString(Tag.SOPInstanceUID));
        String study = ds == null ? null : Uids.normalise(ds.getString(Tag.StudyInstanceUID));
        String series = ds == null ? null : Uids.normalise(ds.getString(Tag.SeriesInstanceUID));
        LOG.warnf(
                "STOW instance refused (0x%04X): %s [study %s, series %s, instance %s]",
                reason.code(), detail, study, series, sop);
        return failed(sopClass, sop, study, series, reason, detail);
    }

    PartOutcome asUnavailable() {
        return with(true, source);
    }

    PartOutcome from(String where) {
        return with(unavailable, where);
    }

    private PartOutcome with(boolean unavailable, String source) {
        return with(unavailable, source, rejection);
    }

    PartOutcome rejecting(RejectionNote note) {
        return with(unavailable, source, note);
    }

    private PartOutcome with(boolean unavailable, String source, RejectionNote rejection) {
        return new PartOutcome(
                sopClassUid,
                sopInstanceUid,
                studyInstanceUid,
                seriesInstanceUid,
                failure,
                warning,
                detail,
                unavailable,
                source,
                rejection);
    }

    public boolean isStored() {
        return failure == null;
    }
}
