package org.opendicomweb.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.KeyObjectTitle.RejectionCode;

/**
 * A Key Object Selection document whose title rejects the instances it references (IHE IOCM): its code, the
 * instances (Current Requested Procedure Evidence Sequence (0040,A375) > Referenced Series Sequence (0008,1115) >
 * Referenced SOP Sequence (0008,1199)), and when they may be deleted (null: never by this note).
 */
public record RejectionNote(String noteUid, RejectionCode code, List<Reference> references, Instant deleteAfter) {

    /** One rejected instance, with the study and series the note places it in. */
    public record Reference(String studyUid, String seriesUid, String sopUid) {}

    /** What reading a stored instance as a possible rejection note gave. */
    public sealed interface Reading permits NotANote, Note, Refused {}

    /** Not a Key Object Selection with a rejection title: stored like any instance. */
    public record NotANote() implements Reading {}

    /** A rejection note; {@code deleteAfter} is still to be set by the policy. */
    public record Note(RejectionNote note) implements Reading {}

    /** A Key Object Selection that cannot be stored: why, in words that name the attribute. */
    public record Refused(String detail) implements Reading {}

    private static final NotANote NOT_A_NOTE = new NotANote();

    public RejectionNote withDeleteAfter(Instant when) {
        return new RejectionNote(noteUid, code, references, when);
    }

    /**
     * Reads a dataset as a rejection note. A Key Object Selection titled with a DCM code of the Key Object
     * Selection block (1130xx) that CID 7010 does not list is refused: it is a miscoded note (a reason of CID 7011
     * used as the title, say), a rejection that would otherwise be stored as a plain document and reject nothing.
     * Other titles, of other schemes too (CID 7010 is extensible), are stored as ordinary documents. A rejection
     * note that references no instance, or an instance without its UIDs, is refused as well: it could not do what
     * it says.
     */
    public static Reading read(Attributes ds) {
        if (!UID.KeyObjectSelectionDocumentStorage.equals(Uids.normalise(ds.getString(Tag.SOPClassUID)))) {
            return NOT_A_NOTE;
        }
        Sequence titles = ds.getSequence(Tag.ConceptNameCodeSequence);
        Attributes title = titles == null || titles.isEmpty() ? null : titles.get(0);
        if (title == null) {
            return NOT_A_NOTE; // Type 1 in the SR Document Content Module, but no title rejects nothing
        }
        String scheme = trim(title.getString(Tag.CodingSchemeDesignator));
        String value = trim(title.getString(Tag.CodeValue));
        if (!KeyObjectTitle.DCM.equals(scheme)) {
            return NOT_A_NOTE;
        }
        if (value == null || KeyObjectTitle.certainlyNotInCid7010(value)) {
            return new Refused("the document title (0040,A043) (" + value + ", DCM) of a Key Object Selection"
                    + " is not in PS3.16 CID 7010");
        }
        RejectionCode code = RejectionCode.of(value);
        if (code == null) {
            return NOT_A_NOTE;
        }
        List<Reference> references = new ArrayList<>();
        Sequence studies = ds.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence);
        for (Attributes study : studies == null ? List.<Attributes>of() : studies) {
            String studyUid = Uids.normalise(study.getString(Tag.StudyInstanceUID));
            Sequence series = study.getSequence(Tag.ReferencedSeriesSequence);
            for (Attributes s : series == null ? List.<Attributes>of() : series) {
                String seriesUid = Uids.normalise(s.getString(Tag.SeriesInstanceUID));
                Sequence sops = s.getSequence(Tag.ReferencedSOPSequence);
                for (Attributes sop : sops == null ? List.<Attributes>of() : sops) {
                    String sopUid = Uids.normalise(sop.getString(Tag.ReferencedSOPInstanceUID));
                    if (bad(studyUid) || bad(seriesUid) || bad(sopUid)) {
                        return new Refused("a reference of the Current Requested Procedure Evidence Sequence"
                                + " (0040,A375) lacks a valid Study, Series or Referenced SOP Instance UID");
                    }
                    references.add(new Reference(studyUid, seriesUid, sopUid));
                }
            }
        }
        if (references.isEmpty()) {
            return new Refused("the rejection note (" + value + ", DCM) references no instance in the Current"
                    + " Requested Procedure Evidence Sequence (0040,A375)");
        }
        String noteUid = Uids.normalise(ds.getString(Tag.SOPInstanceUID));
        if (references.stream().anyMatch(r -> r.sopUid().equals(noteUid))) {
            return new Refused("the rejection note references itself");
        }
        return new Note(new RejectionNote(noteUid, code, List.copyOf(references), null));
    }

    private static boolean bad(String uid) {
        return uid == null || Uids.problemWith(uid) != null;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
