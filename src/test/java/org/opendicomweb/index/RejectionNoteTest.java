package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.KeyObjectTitle.RejectionCode;

/** Which Key Object Selection documents are rejection notes (IHE IOCM, PS3.16 CID 7010), and what they reject. */
class RejectionNoteTest {

    private static Attributes kos(String scheme, String code, String... sopUids) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.KeyObjectSelectionDocumentStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.99");
        if (code != null) {
            Attributes title = ds.newSequence(Tag.ConceptNameCodeSequence, 1).addItem();
            title.setString(Tag.CodeValue, VR.SH, code);
            title.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        }
        if (sopUids.length > 0) {
            Attributes study = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence, 1)
                    .addItem();
            study.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
            Attributes series =
                    study.newSequence(Tag.ReferencedSeriesSequence, 1).addItem();
            series.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
            Sequence sops = series.newSequence(Tag.ReferencedSOPSequence, sopUids.length);
            for (String sop : sopUids) {
                sops.addItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, sop);
            }
        }
        return ds;
    }

    @Test
    void eachRejectionTitleRejectsTheReferencedInstances() {
        for (RejectionCode code : RejectionCode.values()) {
            RejectionNote.Reading reading = RejectionNote.read(kos("DCM", code.codeValue(), "1.2.3.4.5", "1.2.3.4.6"));
            RejectionNote note =
                    assertInstanceOf(RejectionNote.Note.class, reading).note();
            assertEquals(code, note.code());
            assertEquals("1.2.3.99", note.noteUid());
            assertEquals(
                    List.of(
                            new RejectionNote.Reference("1.2.3", "1.2.3.4", "1.2.3.4.5"),
                            new RejectionNote.Reference("1.2.3", "1.2.3.4", "1.2.3.4.6")),
                    note.references());
        }
    }

    @Test
    void otherTitlesAreOrdinaryDocuments() {
        for (String code : List.of("113000", "113030", "128181", "131360", "999999")) {
            assertInstanceOf(RejectionNote.NotANote.class, RejectionNote.read(kos("DCM", code, "1.2.3.4.5")), code);
        }
        assertInstanceOf(RejectionNote.NotANote.class, RejectionNote.read(kos("99LOCAL", "113099", "1.2.3.4.5")));
        assertInstanceOf(RejectionNote.NotANote.class, RejectionNote.read(kos("DCM", null, "1.2.3.4.5")));
        Attributes image = kos("DCM", "113001", "1.2.3.4.5");
        image.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        assertInstanceOf(RejectionNote.NotANote.class, RejectionNote.read(image));
    }

    @Test
    void aKeyObjectSelectionBlockCodeOutsideCid7010IsRefused() {
        for (String code : List.of("113026", "113040", "113099", "113011")) {
            assertInstanceOf(RejectionNote.Refused.class, RejectionNote.read(kos("DCM", code, "1.2.3.4.5")), code);
        }
    }

    @Test
    void aRejectionThatRejectsNothingOrItselfIsRefused() {
        assertInstanceOf(RejectionNote.Refused.class, RejectionNote.read(kos("DCM", "113001")));
        assertInstanceOf(RejectionNote.Refused.class, RejectionNote.read(kos("DCM", "113001", "1.2.3.99")));
        assertInstanceOf(RejectionNote.Refused.class, RejectionNote.read(kos("DCM", "113001", "1.2.x")));
    }
}
