package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.VR;

/** Which references of a dataset the references graph keeps, under which path and with which study and series. */
class InstanceReferenceTest {

    private static void reference(Attributes item, String sopClass, String sopUid) {
        if (sopClass != null) {
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass);
        }
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopUid);
    }

    @Test
    void anImageWithoutSequencesReferencesNothing() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2");
        // outside a sequence item (0008,1155) refers to nothing the graph can name a path for
        ds.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.4");
        assertEquals(List.of(), InstanceReference.of(ds));
    }

    @Test
    void evidenceSequencesGiveTheStudyAndSeriesOfWhatTheyReference() {
        Attributes ds = new Attributes();
        Attributes study =
                ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence, 1).addItem();
        study.setString(Tag.StudyInstanceUID, VR.UI, "1.2.1");
        Attributes series = study.newSequence(Tag.ReferencedSeriesSequence, 1).addItem();
        series.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.1.1");
        Sequence sops = series.newSequence(Tag.ReferencedSOPSequence, 2);
        reference(sops.addItem(), UID.CTImageStorage, "1.2.1.1.1");
        reference(sops.addItem(), UID.CTImageStorage, "1.2.1.1.2");
        String path = "CurrentRequestedProcedureEvidenceSequence/ReferencedSeriesSequence/ReferencedSOPSequence";
        assertEquals(
                List.of(
                        new InstanceReference("1.2.1.1.1", UID.CTImageStorage, path, "1.2.1", "1.2.1.1"),
                        new InstanceReference("1.2.1.1.2", UID.CTImageStorage, path, "1.2.1", "1.2.1.1")),
                InstanceReference.of(ds));
    }

    @Test
    void referencesAreFoundAtAnyDepthAndKeptOncePerPath() {
        Attributes ds = new Attributes();
        Sequence content = ds.newSequence(Tag.ContentSequence, 2);
        Attributes image = content.addItem();
        reference(image.newSequence(Tag.ReferencedSOPSequence, 1).addItem(), UID.CTImageStorage, "1.2.9");
        // an IMAGE content item may name the presentation state to show it with, nested in its own reference
        Attributes withState = image.getSequence(Tag.ReferencedSOPSequence).get(0);
        reference(
                withState.newSequence(Tag.ReferencedSOPSequence, 1).addItem(),
                UID.GrayscaleSoftcopyPresentationStateStorage,
                "1.2.10");
        Attributes container = content.addItem();
        Sequence nested = container.newSequence(Tag.ContentSequence, 2);
        for (int i = 0; i < 2; i++) {
            reference(
                    nested.addItem().newSequence(Tag.ReferencedSOPSequence, 1).addItem(), UID.CTImageStorage, "1.2.9");
        }
        assertEquals(
                List.of(
                        new InstanceReference(
                                "1.2.9", UID.CTImageStorage, "ContentSequence/ReferencedSOPSequence", null, null),
                        new InstanceReference(
                                "1.2.10",
                                UID.GrayscaleSoftcopyPresentationStateStorage,
                                "ContentSequence/ReferencedSOPSequence/ReferencedSOPSequence",
                                null,
                                null),
                        new InstanceReference(
                                "1.2.9",
                                UID.CTImageStorage,
                                "ContentSequence/ContentSequence/ReferencedSOPSequence",
                                null,
                                null)),
                InstanceReference.of(ds));
    }

    @Test
    void aSequenceWithoutKeywordIsNamedByItsTag() {
        Attributes ds = new Attributes();
        ds.setString(0x00290010, VR.LO, "SOME VENDOR");
        Attributes item = ds.newSequence(0x00291010, 1).addItem();
        reference(item, null, "1.2.5");
        assertEquals(List.of(new InstanceReference("1.2.5", null, "00291010", null, null)), InstanceReference.of(ds));
    }

    @Test
    void paddingIsStrippedAndWhatCannotBeAUidIsLeftOut() {
        Attributes ds = new Attributes();
        Sequence images = ds.newSequence(Tag.SourceImageSequence, 3);
        reference(images.addItem(), UID.CTImageStorage + "\0", "1.2.6\0");
        reference(images.addItem(), UID.CTImageStorage, "");
        reference(images.addItem(), UID.CTImageStorage, "1." + "2".repeat(64));
        assertEquals(
                List.of(new InstanceReference("1.2.6", UID.CTImageStorage, "SourceImageSequence", null, null)),
                InstanceReference.of(ds));
    }
}
