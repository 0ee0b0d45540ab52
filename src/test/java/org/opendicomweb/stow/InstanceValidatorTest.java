package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.stow.InstanceValidator.Violation;

/** What a received instance must pass before it is stored (PS3.18 §10.5.1, PS3.10 §7.1). */
class InstanceValidatorTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private static Attributes meta() {
        Attributes meta = new Attributes();
        meta.setString(Tag.TransferSyntaxUID, VR.UI, EXPLICIT.uid());
        return meta;
    }

    private static Attributes dataset() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, CT);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        return ds;
    }

    private static Violation check(Attributes ds) {
        return InstanceValidator.check(meta(), ds, EXPLICIT, false, null);
    }

    @Test
    void completeInstancePasses() {
        assertNull(check(dataset()));
    }

    @Test
    void uidsPaddedWithANulOrSpacePass() {
        Attributes ds = dataset();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5\0");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3 ");
        assertNull(InstanceValidator.check(meta(), ds, EXPLICIT, false, "1.2.3"));
    }

    @Test
    void instanceWithoutFileMetaInformationCannotBeUnderstood() {
        Violation v = InstanceValidator.check(new Attributes(), dataset(), EXPLICIT, false, null);
        assertEquals(
                new Violation(
                        FailureReason.CANNOT_UNDERSTAND,
                        "not a DICOM Part 10 file: no File Meta Information (PS3.10 §7.1)"),
                v);
        assertEquals(v, InstanceValidator.check(null, dataset(), EXPLICIT, false, null));
    }

    @Test
    void implicitVrDatasetUnderAnExplicitVrSyntaxCannotBeUnderstood() {
        assertEquals(
                new Violation(
                        FailureReason.CANNOT_UNDERSTAND,
                        "the dataset is implicit VR although"
                                + " TransferSyntaxUID (0002,0010) declares explicit VR 1.2.840.10008.1.2.1"),
                InstanceValidator.check(meta(), dataset(), EXPLICIT, true, null));
    }

    @Test
    void unknownCompressedSyntaxIsNotSupported() {
        assertEquals(
                new Violation(FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED, "unknown Transfer Syntax UID 1.2.3.999"),
                InstanceValidator.check(meta(), dataset(), TransferSyntax.of("1.2.3.999"), false, null));
    }

    @Test
    void registeredCompressedSyntaxPasses() {
        assertNull(
                InstanceValidator.check(meta(), dataset(), TransferSyntax.of("1.2.840.10008.1.2.4.50"), false, null));
    }

    @Test
    void missingSopClassUidDoesNotMatchTheSopClass() {
        Attributes ds = dataset();
        ds.remove(Tag.SOPClassUID);
        assertEquals(
                new Violation(FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SOPClassUID (0008,0016) is missing"),
                check(ds));
    }

    @Test
    void missingSopInstanceUidDoesNotMatchTheSopClass() {
        Attributes ds = dataset();
        ds.remove(Tag.SOPInstanceUID);
        assertEquals(
                new Violation(FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SOPInstanceUID (0008,0018) is missing"),
                check(ds));
    }

    @Test
    void missingStudyInstanceUidDoesNotMatchTheSopClass() {
        Attributes ds = dataset();
        ds.remove(Tag.StudyInstanceUID);
        assertEquals(
                new Violation(
                        FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "StudyInstanceUID (0020,000D) is missing"),
                check(ds));
    }

    @Test
    void missingSeriesInstanceUidDoesNotMatchTheSopClass() {
        Attributes ds = dataset();
        ds.remove(Tag.SeriesInstanceUID);
        assertEquals(
                new Violation(
                        FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SeriesInstanceUID (0020,000E) is missing"),
                check(ds));
    }

    @Test
    void uidWithLettersIsRefusedNamingTheAttributeAndTheValue() {
        Attributes ds = dataset();
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.abc");
        Violation v = check(ds);
        assertEquals(FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, v.reason());
        assertEquals(true, v.detail().startsWith("SeriesInstanceUID (0020,000E) '1.2.abc' "), v.detail());
    }

    @Test
    void uidLongerThan64CharactersIsRefused() {
        Attributes ds = dataset();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1." + "2".repeat(63));
        Violation v = check(ds);
        assertEquals(FailureReason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, v.reason());
        assertEquals(true, v.detail().startsWith("SOPInstanceUID (0008,0018) '1.222"), v.detail());
    }

    @Test
    void dicomdirIsNoInstanceToStore() {
        Attributes ds = dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.1.3.10");
        assertEquals(
                new Violation(
                        FailureReason.SOP_CLASS_NOT_SUPPORTED,
                        "a DICOMDIR (Media Storage Directory) is not an instance to store"),
                check(ds));
    }

    @Test
    void instanceOfAnotherStudyThanThePathsIsAMismatch() {
        assertEquals(
                new Violation(
                        FailureReason.STUDY_INSTANCE_UID_MISMATCH,
                        "StudyInstanceUID 1.2.3 differs from the study in the request path 1.2.9"),
                InstanceValidator.check(meta(), dataset(), EXPLICIT, false, "1.2.9"));
    }
}
