package org.opendicomweb.stow;

/**
 * What happened to one part of a STOW request. UIDs are those that could be read, possibly null.
 * {@code failure} is null for stored instances; {@code warning} is a Warning Reason code or null.
 */
public record PartOutcome(
        String sopClassUid,
        String sopInstanceUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        FailureReason failure,
        Integer warning,
        String detail) {

    public static PartOutcome stored(String sopClass, String sopInstance, String study, String series, Integer warning) {
        return new PartOutcome(sopClass, sopInstance, study, series, null, warning, null);
    }

    public static PartOutcome failed(String sopClass, String sopInstance, String study, String series,
            FailureReason reason, String detail) {
        return new PartOutcome(sopClass, sopInstance, study, series, reason, null, detail);
    }

    public boolean isStored() {
        return failure == null;
    }
}
