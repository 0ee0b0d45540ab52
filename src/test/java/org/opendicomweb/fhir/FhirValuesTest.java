package org.opendicomweb.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FhirValuesTest {

    @Test
    void aTimeIsGivenOnlyWithItsOffset() {
        assertEquals("2026-11-23T14:30:05+01:00", FhirValues.dateTime("20261123", "143005", "+0100"));
        assertEquals("2026-11-23T14:30:05.25-05:00", FhirValues.dateTime("20261123", "143005.250", "-0500"));
        assertEquals("2026-11-23T14:00:00+00:00", FhirValues.dateTime("20261123", "14", "+0000"));
        assertEquals("2026-11-23", FhirValues.dateTime("20261123", "143005", null));
        assertEquals("2026-11-23", FhirValues.dateTime("20261123", null, "+0100"));
        assertNull(FhirValues.dateTime(null, "143005", "+0100"));
        assertNull(FhirValues.dateTime("20260230", null, null));
    }

    @Test
    void stringsLoseControlCharactersAndCodesCollapseSpaces() {
        assertEquals("a b", FhirValues.string(" a\u0000 b "));
        assertNull(FhirValues.string("  "));
        assertEquals("CT MR", FhirValues.code("CT  MR "));
    }

    @Test
    void negativeNumbersAreNoUnsignedInt() {
        assertNull(FhirValues.unsignedInt(-1));
        assertEquals(0, FhirValues.unsignedInt(0));
    }
}
