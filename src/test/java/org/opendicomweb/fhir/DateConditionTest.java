package org.opendicomweb.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateConditionTest {

    @Test
    void aYearAMonthAndADayAreRangesOfDays() {
        assertEquals(new DateCondition("eq", "20200101", "20210101"), DateCondition.parse("started", "2020"));
        assertEquals(new DateCondition("eq", "20240201", "20240301"), DateCondition.parse("started", "2024-02"));
        assertEquals(new DateCondition("ge", "20241231", "20250101"), DateCondition.parse("started", "ge2024-12-31"));
    }

    @Test
    void eachPrefixComparesTheStudyDayWithTheRange() {
        assertEquals("d >= ? and d < ?", DateCondition.parse("started", "2020").sql("d"));
        assertEquals(
                List.of("20200101", "20210101"),
                DateCondition.parse("started", "2020").parameters());
        assertEquals(
                "(d < ? or d >= ?)", DateCondition.parse("started", "ne2020").sql("d"));
        assertEquals(
                List.of("20210101"), DateCondition.parse("started", "gt2020").parameters());
        assertEquals(
                List.of("20210101"), DateCondition.parse("started", "sa2020").parameters());
        assertEquals(
                List.of("20210101"), DateCondition.parse("started", "le2020").parameters());
        assertEquals("d < ?", DateCondition.parse("started", "le2020").sql("d"));
        assertEquals(
                List.of("20200101"), DateCondition.parse("started", "ge2020").parameters());
        assertEquals(
                List.of("20200101"), DateCondition.parse("started", "lt2020").parameters());
        assertEquals(
                List.of("20200101"), DateCondition.parse("started", "eb2020").parameters());
    }

    @Test
    void timesUnknownPrefixesAndImpossibleDatesAreRefused() {
        assertThrows(FhirException.class, () -> DateCondition.parse("started", "2020-01-01T10:00:00Z"));
        assertThrows(FhirException.class, () -> DateCondition.parse("started", "ap2020"));
        assertThrows(FhirException.class, () -> DateCondition.parse("started", "2021-02-29"));
        assertThrows(FhirException.class, () -> DateCondition.parse("started", "20200101"));
        assertThrows(FhirException.class, () -> DateCondition.parse("started", "2020-13"));
    }
}
