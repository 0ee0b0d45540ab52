package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
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
                "series:ReferencedStudySequence | matched built in",
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
    void aSequenceIsKeptItemByItemWithTheValuesOfEachItem() {
        ExtendedQueryTag procedure =
                ExtendedQueryTags.parse(List.of("study:ProcedureCodeSequence")).get(0);
        assertEquals(new ExtendedQueryTag(Tag.ProcedureCodeSequence, VR.SQ, IndexLevel.STUDY), procedure);
        Attributes ds = new Attributes();
        Sequence seq = ds.newSequence(Tag.ProcedureCodeSequence, 3);
        for (String[] code : new String[][] {{"A", "S1"}, {"C", "S2"}, {"A", "S1"}}) {
            Attributes item = seq.addItem();
            item.setString(Tag.CodeValue, VR.SH, code[0]);
            item.setString(Tag.CodingSchemeDesignator, VR.SH, code[1]);
            item.setString(Tag.CodeMeaning, VR.LO, "");
        }
        List<SequenceItem> items = procedure.itemsOf(ds);
        assertEquals(2, items.size(), "the repeated item is kept once");
        assertEquals(
                List.of(
                        new SequenceItem.Value(Tag.CodeValue, "C"),
                        new SequenceItem.Value(Tag.CodingSchemeDesignator, "S2")),
                items.get(1).values(),
                "an empty value is no value");
        assertEquals(List.of(), procedure.valuesOf(ds), "a sequence has no values of its own");
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
