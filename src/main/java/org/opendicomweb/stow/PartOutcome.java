package org.opendicomweb.stow;

/**
 * What happened to one part of a STOW request. UIDs are those that could be read, possibly null.
 * {@code failure} is null for stored instances; {@code warning} is a Warning Reason code or null.
 * {@code unavailable}: the part failed because the index or the storage could not be used at all, which a
 * client should retry later rather than correct.
 */
public record PartOutcome(
        String sopClassUid,
        String sopInstanceUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        FailureReason failure,
        Integer warning,
        String detail,
        boolean unavailable) {

    public static PartOutcome stored(String sopClass, String sopInstance, String study, String series, Integer warning) {
        return new PartOutcome(sopClass, sopInstance, study, series, null, warning, null, false);
    }

    public static PartOutcome failed(String sopClass, String sopInstance, String study, String series,
            FailureReason reason, String detail) {
        return new PartOutcome(sopClass, sopInstance, study, series, reason, null, detail, false);
    }

    PartOutcome asUnavailable() {
        return new PartOutcome(sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, failure, warning,
                detail, true);
    }

    public boolean isStored() {
        return failure == null;
    }
}
