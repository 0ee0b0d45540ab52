package org.opendicomweb.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendicomweb.fhir.ImagingStudySearch.Accession;
import org.opendicomweb.fhir.ImagingStudySearch.Condition;
import org.opendicomweb.fhir.ImagingStudySearch.PatientId;
import org.opendicomweb.fhir.ImagingStudySearch.StudyUid;

class ImagingStudySearchTest {
    private static final PatientIdSystems SYSTEMS =
            new PatientIdSystems(Map.of("HOSP-A", "urn:oid:1.2.3", "HOSP-B", "urn:oid:1.2.3"), Optional.empty());

    private static ImagingStudySearch parse(String... nameValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters
                    .computeIfAbsent(nameValues[i], n -> new java.util.ArrayList<>())
                    .add(nameValues[i + 1]);
        }
        return ImagingStudySearch.parse(parameters, false, SYSTEMS);
    }

    @Test
    void theStudyUidIsFoundWithTheDicomSystemWithoutItAndBare() {
        assertEquals(
                List.of(new Condition(List.of(new StudyUid("1.2.3")))),
                parse("identifier", "urn:dicom:uid|urn:oid:1.2.3").conditions());
        assertEquals(
                List.of(new Condition(List.of(new StudyUid("1.2.3")))),
                parse("identifier", "urn:dicom:uid|1.2.3").conditions());
        assertEquals(
                List.of(new Condition(List.of(new StudyUid("1.2.3"), new Accession("urn:oid:1.2.3")))),
                parse("identifier", "urn:oid:1.2.3").conditions());
    }

    @Test
    void anAccessionNumberHasNoSystemAndAnotherSystemMatchesNothing() {
        assertEquals(
                List.of(new Condition(List.of(new Accession("A-17")))),
                parse("identifier", "|A-17").conditions());
        assertEquals(
                List.of(new Condition(List.of())),
                parse("identifier", "http://example.org|A-17").conditions());
    }

    @Test
    void commaSeparatedValuesAreAlternativesAndEscapedCommasAreNot() {
        assertEquals(
                List.of(new Condition(List.of(new Accession("A,1"), new Accession("B")))),
                parse("identifier", "|A\\,1,|B").conditions());
    }

    @Test
    void aPatientSystemBecomesTheIssuersMappedToIt() {
        assertEquals(
                List.of(new Condition(List.of(new PatientId("P1", List.of("HOSP-A", "HOSP-B"), List.of(), false)))),
                parse("patient.identifier", "urn:oid:1.2.3|P1").conditions());
        assertEquals(
                List.of(new Condition(List.of(new PatientId("P1", null, List.of("HOSP-A", "HOSP-B"), false)))),
                parse("patient.identifier", "|P1").conditions());
        assertEquals(
                List.of(new Condition(List.of(new PatientId("P1", null, List.of(), false)))),
                parse("patient.identifier", "P1").conditions());
        assertEquals(
                List.of(new Condition(List.of())),
                parse("patient.identifier", "urn:oid:9.9|P1").conditions());
    }

    @Test
    void countIsCappedAndOffsetKeptForTheLinks() {
        ImagingStudySearch search = parse("started", "ge2020", "_count", "1000", "_offset", "40");
        assertEquals(ImagingStudySearch.MAX_COUNT, search.count());
        assertEquals(40, search.offset());
        assertEquals("started=ge2020&_count=100&_offset=140", search.query(140));
        assertEquals("started=ge2020&_count=100", search.query(0));
        assertFalse(search.narrow());
        assertTrue(parse("identifier", "|A").narrow());
    }

    @Test
    void linksKeepTheValuesPercentEncoded() {
        assertEquals(
                "identifier=urn%3Adicom%3Auid%7Curn%3Aoid%3A1.2&_count=20",
                parse("identifier", "urn:dicom:uid|urn:oid:1.2").query(0));
    }

    @Test
    void unknownParametersAndModifiersAreRefusedUnlessLenient() {
        FhirException unknown = assertThrows(FhirException.class, () -> parse("modality", "CT"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.getMessage().contains("'modality'"));
        assertThrows(FhirException.class, () -> parse("identifier:of-type", "x"));
        ImagingStudySearch lenient = ImagingStudySearch.parse(Map.of("modality", List.of("CT")), true, SYSTEMS);
        assertEquals(List.of(), lenient.conditions());
        assertEquals("_count=20", lenient.query(0));
    }

    @Test
    void malformedValuesAreRefused() {
        assertThrows(FhirException.class, () -> parse("_count", "-1"));
        assertThrows(FhirException.class, () -> parse("_count", "ten"));
        assertThrows(FhirException.class, () -> parse("identifier", "a|b|c"));
        assertThrows(FhirException.class, () -> parse("identifier", "a,,b"));
        assertThrows(FhirException.class, () -> parse("patient.identifier", "urn:oid:1.2|"));
    }
}
