package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/** The extended query tag configuration: what it accepts, and the start-up messages for what it refuses. */
class ExtendedQueryTagsTest {

    @Test
    void entriesNameTheLevelAndTheAttributeByKeywordOrTag() {
        List<ExtendedQueryTag> tags =
                ExtendedQueryTags.parse(List.of(" study:InstitutionName", "SERIES:00081010", "instance:ContentDate "));
        assertEquals(
                List.of(
                        new ExtendedQueryTag(Tag.InstitutionName, VR.LO, IndexLevel.STUDY),
                        new ExtendedQueryTag(Tag.StationName, VR.SH, IndexLevel.SERIES),
                        new ExtendedQueryTag(Tag.ContentDate, VR.DA, IndexLevel.INSTANCE)),
                tags);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "study:NoSuchKeyword        | neither a DICOM keyword nor a tag",
                "galaxy:InstitutionName     | is not a level",
                "InstitutionName            | write it as level:attribute",
                "series:ReferencedStudySequence | VR SQ",
                "instance:PixelData         | which cannot be matched",
                "series:00091010            | private attributes",
                "study:00081FFF             | not in the DICOM data dictionary",
            })
    void anEntryThatCannotWorkStopsStartUpNamingIt(String entry, String problem) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ExtendedQueryTags.parse(List.of(entry)));
        assertTrue(e.getMessage().startsWith("dicomweb.qido.extended-tags: '" + entry.strip() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void anAttributeConfiguredTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ExtendedQueryTags.parse(List.of("study:StationName", "series:00081010")));
        assertTrue(e.getMessage().contains("configured twice"), e.getMessage());
    }

    @Test
    void valuesAreNormalisedForComparison() {
        ExtendedQueryTag ds = new ExtendedQueryTag(Tag.SliceThickness, VR.DS, IndexLevel.INSTANCE);
        assertEquals("1.25", ds.normalise(" 1.250 "));
        assertEquals("0", ds.normalise("-0.0"));
        assertEquals("150", ds.normalise("1.5e2"));
        ExtendedQueryTag is = new ExtendedQueryTag(Tag.AcquisitionNumber, VR.IS, IndexLevel.INSTANCE);
        assertEquals("7", is.normalise("+007"));
        assertEquals(null, is.normalise("seven"));
        ExtendedQueryTag da = new ExtendedQueryTag(Tag.ContentDate, VR.DA, IndexLevel.INSTANCE);
        assertEquals(null, da.normalise("20240230"));
        ExtendedQueryTag pn = new ExtendedQueryTag(Tag.PerformingPhysicianName, VR.PN, IndexLevel.SERIES);
        assertEquals("MULLER^JORG", pn.normalise("Müller^Jörg"));
    }
}
