package org.opendicomweb.stow;

import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.UidRegistry;
import org.opendicomweb.dicom.Uids;

/** The rules a received instance must pass before it is stored (PS3.18 §10.5.1, PS3.10 §7.1). */
final class InstanceValidator {
    private InstanceValidator() {}

    /** A rule broken: the reason code and words that name the attribute and the problem. */
    record Violation(FailureReason reason, String detail) {}

    static Violation check(
            Attributes fileMeta,
            Attributes ds,
            TransferSyntax ts,
            boolean encodingDiffersFromMeta,
            String studyInPath) {
        if (fileMeta == null || fileMeta.isEmpty()) {
            return new Violation(
                    FailureReason.CANNOT_UNDERSTAND,
                    "not a DICOM Part 10 file: no File Meta Information (PS3.10 §7.1)");
        }
        if (encodingDiffersFromMeta) {
            // Stored as received, such a file would break every client that trusts (0002,0010).
            return new Violation(
                    FailureReason.CANNOT_UNDERSTAND,
                    "the dataset is implicit VR although TransferSyntaxUID " + "(0002,0010) declares explicit VR "
                            + fileMeta.getString(Tag.TransferSyntaxUID));
        }
        if (ts.encapsulated() && !UidRegistry.isTransferSyntax(ts.uid())) {
            return new Violation(
                    FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED, "unknown Transfer Syntax UID " + ts.uid());
        }
        Violation v = requireUid(ds, Tag.SOPClassUID, "SOPClassUID");
        if (v == null) {
            v = requireUid(ds, Tag.SOPInstanceUID, "SOPInstanceUID");
        }
        if (v == null) {
            v = requireUid(ds, Tag.StudyInstanceUID, "StudyInstanceUID");
        }
        if (v == null) {
            v = requireUid(ds, Tag.SeriesInstanceUID, "SeriesInstanceUID");
        }
        if (v != null) {
            return v;
        }
        String sopClass = Uids.normalise(ds.getString(Tag.SOPClassUID));
        if (UID.MediaStorageDirectoryStorage.equals(sopClass)) {
            return new Violation(
                    FailureReason.SOP_CLASS_NOT_SUPPORTED,
                    "a DICOMDIR (Media Storage Directory) is not an instance to store");
        }
        String study = Uids.normalise(ds.getString(Tag.StudyInstanceUID));
        if (studyInPath != null && !studyInPath.equals(study)) {
            return new Violation(
                    FailureReason.STUDY_INSTANCE_UID_MISMATCH,
                    "StudyInstanceUID " + study + " differs from the study in the request path " + studyInPath);
        }
        return null;
    }

    private static Violation requireUid(Attributes ds, int tag, String keyword) {
        String raw = ds.getString(tag);
        if (raw == null) {
            return new Violation(
                    FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, keyword + " " + Tag.toString(tag) + " is missing");
        }
        String problem = Uids.problemWith(Uids.normalise(raw));
        if (problem != null) {
            return new Violation(
                    FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    keyword + " " + Tag.toString(tag) + " '" + raw + "' " + problem);
        }
        return null;
    }
}
