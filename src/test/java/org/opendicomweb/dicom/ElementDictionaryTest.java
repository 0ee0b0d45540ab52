package org.opendicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    @Test
    void standardElements() {
        assertEquals(VR.PN, ElementDictionary.vrOf(Tag.PatientName));
        assertEquals("PatientName", ElementDictionary.keywordOf(0x00100010));
        assertEquals("1", ElementDictionary.vmOf(Tag.PatientName));
        assertEquals(VR.UI, ElementDictionary.vrOf(Tag.SOPInstanceUID));
        assertEquals(VR.OF, ElementDictionary.vrOf(Tag.FloatPixelData));
        assertEquals(VR.OD, ElementDictionary.vrOf(Tag.DoubleFloatPixelData));
        assertEquals(VR.SQ, ElementDictionary.vrOf(Tag.ReferencedSeriesSequence));
        assertEquals("2-n", ElementDictionary.vmOf(0x00080008)); // Image Type
        assertEquals("1-n", ElementDictionary.vmOf(0x00180020)); // Scanning Sequence
        assertFalse(ElementDictionary.isRetired(Tag.PatientName));
    }

    @Test
    void keywordLookupIsTheInverseOfKeywordOf() {
        assertEquals(0x0020000D, ElementDictionary.tagForKeyword("StudyInstanceUID"));
        assertEquals(Tag.PixelData, ElementDictionary.tagForKeyword("PixelData"));
        assertEquals(-1, ElementDictionary.tagForKeyword("NoSuchKeyword"));
        assertEquals(-1, ElementDictionary.tagForKeyword(null));
        assertEquals(-1, ElementDictionary.tagForKeyword("patientname"));
    }

    @Test
    void repeatingGroups() {
        // (60xx,3000) Overlay Data: any even group 6000-601E (PS3.5 §7.6), OB or OW.
        assertEquals(VR.OB, ElementDictionary.vrOf(0x60003000));
        assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.vrCandidatesOf(0x60023000));
        assertTrue(ElementDictionary.isAmbiguousVR(0x60023000));
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x60023000));
        assertEquals(VR.US, ElementDictionary.vrOf(0x601E0010)); // Overlay Rows
        assertEquals(0x60003000, Tag.OverlayData);
        assertEquals(0x60003000, ElementDictionary.tagForKeyword("OverlayData"));
        // (50xx,3000) Curve Data, retired.
        assertTrue(ElementDictionary.isRetired(0x50043000));
        // (7Fxx,0010) Variable Pixel Data, retired; (7FE0,0010) itself is Pixel Data.
        assertEquals("VariablePixelData", ElementDictionary.keywordOf(0x7F020010));
        assertEquals("PixelData", ElementDictionary.keywordOf(0x7FE00010));
        // (0028,04x0) and (1000,xxx0): masks in the element number.
        assertEquals("RowsForNthOrderCoefficients", ElementDictionary.keywordOf(0x00280410));
        assertEquals("TransformLabel", ElementDictionary.keywordOf(0x00280400)); // exact entry wins
        assertEquals(0x00280410, Tag.RowsForNthOrderCoefficients); // so the constant skips it
        assertEquals(0x10000010, Tag.EscapeTriplet); // (1000,0000) is a group length
        assertEquals(0x10000011, Tag.RunLengthTriplet);
        assertEquals("EscapeTriplet", ElementDictionary.keywordOf(0x10000120));
        assertEquals("3", ElementDictionary.vmOf(0x10000120));
        assertEquals("ZonalMap", ElementDictionary.keywordOf(0x10101234));
        assertEquals("SourceImageIDs", ElementDictionary.keywordOf(0x002031AB));
    }

    @Test
    void ambiguousVrsAnswerTheFirstListed() {
        // Pixel Data is OB or OW (PS3.5 §8.2); Smallest Image Pixel Value US or SS.
        assertEquals(VR.OB, ElementDictionary.vrOf(Tag.PixelData));
        assertTrue(ElementDictionary.isAmbiguousVR(Tag.PixelData));
        assertEquals(VR.US, ElementDictionary.vrOf(0x00280106));
        assertEquals(List.of(VR.US, VR.SS), ElementDictionary.vrCandidatesOf(0x00280106));
        assertEquals(List.of(VR.US, VR.OW), ElementDictionary.vrCandidatesOf(0x00283006)); // LUT Data
        assertEquals(List.of(VR.US, VR.SS, VR.OW), ElementDictionary.vrCandidatesOf(0x00281200));
        assertFalse(ElementDictionary.isAmbiguousVR(Tag.PatientName));
    }

    @Test
    void groupLengthsCreatorsItemsAndUnknowns() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00080000));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00190000));
        assertEquals(VR.UL, ElementDictionary.vrOf(Tag.FileMetaInformationGroupLength));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00190010));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x001900FF));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00191001)); // private data, creator unknown
        assertEquals(VR.UN, ElementDictionary.vrOf(Tag.Item));
        assertEquals(VR.UN, ElementDictionary.vrOf(Tag.ItemDelimitationItem));
        assertEquals(VR.UN, ElementDictionary.vrOf(Tag.SequenceDelimitationItem));
        assertEquals("Item", ElementDictionary.keywordOf(Tag.Item));
        assertEquals(List.of(), ElementDictionary.vrCandidatesOf(Tag.Item));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00081234)); // unassigned standard tag
        assertEquals("", ElementDictionary.keywordOf(0x00081234));
        assertEquals("", ElementDictionary.vmOf(0x00081234));
        assertFalse(ElementDictionary.isKnown(0x00081234));
        assertTrue(ElementDictionary.isKnown(Tag.PatientID));
    }

    @Test
    void retiredElements() {
        assertTrue(ElementDictionary.isRetired(0x00000001)); // Command Length to End
        assertEquals("CommandLengthToEnd", ElementDictionary.keywordOf(0x00000001));
    }

    @Test
    void elementsNewerThanPydicomComeFromTheSupplement() {
        assertEquals(VR.UI, ElementDictionary.vrOf(0x00080019));
        assertEquals(0x00080019, ElementDictionary.tagForKeyword("PyramidUID"));
    }

    @Test
    void privateDictionary() {
        // GE puts its acquisition parameters under "GEMS_ACQU_01"; (0019,xx1E) is Display Field Of View.
        assertEquals(VR.DS, ElementDictionary.vrOf("GEMS_ACQU_01", 0x0019101E));
        assertEquals(VR.DS, ElementDictionary.vrOf("GEMS_ACQU_01", 0x0019201E)); // any block
        assertEquals(VR.DS, ElementDictionary.vrOf("GEMS_ACQU_01  ", 0x0019101E)); // LO padding
        assertEquals(VR.UN, ElementDictionary.vrOf("NO SUCH CREATOR", 0x0019101E));
        assertEquals(VR.UN, ElementDictionary.vrOf("GEMS_ACQU_01", 0x001910EE));
        assertEquals(VR.LO, ElementDictionary.vrOf("GEMS_ACQU_01", 0x00190010));
        assertEquals(VR.PN, ElementDictionary.vrOf("GEMS_ACQU_01", Tag.PatientName));
        assertEquals(VR.PN, ElementDictionary.vrOf(null, Tag.PatientName));
        assertFalse(ElementDictionary.privateNameOf("GEMS_ACQU_01", 0x0019101E).isEmpty());
        assertEquals("", ElementDictionary.privateNameOf("GEMS_ACQU_01", 0x001910EE));
        // Siemens CSA headers: (0029,xx10) CSA Image Header Info is OB.
        assertEquals(VR.OB, ElementDictionary.vrOf("SIEMENS CSA HEADER", 0x00291010));
    }

    /** Every generated Tag constant is a keyword whose dictionary entry points back at it. */
    @Test
    void tagConstantsMatchTheDictionary() throws IllegalAccessException {
        int checked = 0;
        for (Field f : Tag.class.getFields()) {
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            int tag = f.getInt(null);
            assertEquals(tag, ElementDictionary.tagForKeyword(f.getName()), f.getName());
            assertEquals(f.getName(), ElementDictionary.keywordOf(tag), f.getName());
            checked++;
        }
        assertTrue(checked > 4900, "only " + checked + " constants");
    }
}
