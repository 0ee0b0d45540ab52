package org.opendicomweb.stow;

/**
 * What happened to one instance of a STOW request. UIDs are those that could be read, possibly null.
 * {@code failure} is null for stored instances; {@code warning} is a Warning Reason code or null.
 * {@code unavailable}: the instance failed because the index or the storage could not be used at all, which a
 * client should retry later rather than correct. {@code source} says where in the request the instance was
 * ("dataset 2 of metadata part 1"); null means its own part, named by its position.
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
        String source) {

    public static PartOutcome stored(String sopClass, String sopInstance, String study, String series, Integer warning) {
        return new PartOutcome(sopClass, sopInstance, study, series, null, warning, null, false, null);
    }

    public static PartOutcome failed(String sopClass, String sopInstance, String study, String series,
            FailureReason reason, String detail) {
        return new PartOutcome(sopClass, sopInstance, study, series, reason, null, detail, false, null);
    }

    PartOutcome asUnavailable() {
        return new PartOutcome(sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, failure, warning,
                detail, true, source);
    }

    PartOutcome from(String where) {
        return new PartOutcome(sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, failure, warning,
                detail, unavailable, where);
    }

    public boolean isStored() {
        return failure == null;
    }
}
