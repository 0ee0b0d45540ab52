package org.opendicomweb.stow;

/**
 * Failure Reason (0008,1197) and Warning Reason (0008,1196) values a STOW response carries. The standard ones
 * come from PS3.18 Annex I Table I.2-2 and the C-STORE statuses of PS3.4 §B.2.3; the others are ours and
 * listed in docs/conformance.md.
 */
public enum FailureReason {
    /** PS3.4 B.2.3: Refused, out of resources (disk full, storage unwritable). */
    OUT_OF_RESOURCES(0xA700),
    /** PS3.4 B.2.3: Data Set does not match SOP Class (required UIDs missing or malformed). */
    DATA_SET_DOES_NOT_MATCH_SOP_CLASS(0xA900),
    /** PS3.4 B.2.3: Cannot understand (not DICOM, truncated, unparsable). */
    CANNOT_UNDERSTAND(0xC000),
    /** PS3.18 I.2-2: Referenced Transfer Syntax not supported. */
    TRANSFER_SYNTAX_NOT_SUPPORTED(0xC122),
    /** PS3.18 I.2-2: Referenced SOP Class not supported. */
    SOP_CLASS_NOT_SUPPORTED(0x0122),
    /** PS3.18 I.2-2: Processing failure (the index could not be written). */
    PROCESSING_FAILURE(0x0110),
    /** PS3.7 C.4.2 Duplicate SOP Instance: same SOP Instance UID, different content, duplicate policy "reject". */
    DUPLICATE_SOP_INSTANCE(0x0111),
    /** Ours: the Study Instance UID differs from the study in the request path (PS3.18 §10.5.1). */
    STUDY_INSTANCE_UID_MISMATCH(0xC409),
    /** Ours: the Series Instance UID is already indexed under another study (a reused series UID). */
    SERIES_IN_OTHER_STUDY(0xC40A),
    /**
     * Ours: a Key Object Selection whose DCM title is not in PS3.16 CID 7010, or a rejection note (IHE IOCM) that
     * references no instance, or one without its UIDs.
     */
    INVALID_REJECTION_NOTE(0xC40B),
    /** Ours: a rejection note (IHE IOCM) that references stored instances of another patient than its own. */
    REJECTION_OF_OTHER_PATIENT(0xC40C);

    private final int code;

    FailureReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Warning Reason (0008,1196) of ours: the instance replaced a stored one with different content. */
    public static final int WARNING_REPLACED_EXISTING = 0xB301;
}
