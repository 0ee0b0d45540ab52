package org.opendicomweb.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FhirFormatTest {

    @Test
    void jsonIsOfferedAsFhirJsonOrPlainJson() {
        assertEquals("application/fhir+json", FhirFormat.negotiate(null, null));
        assertEquals("application/fhir+json", FhirFormat.negotiate(null, "*/*"));
        assertEquals("application/fhir+json", FhirFormat.negotiate(null, "application/fhir+json; fhirVersion=5.0"));
        assertEquals("application/json", FhirFormat.negotiate(null, "application/json"));
        assertEquals("application/fhir+json", FhirFormat.negotiate("json", "application/fhir+xml"));
        assertEquals("application/json", FhirFormat.negotiate("application/json", null));
    }

    @Test
    void xmlAndOtherFhirVersionsAreNotAcceptable() {
        assertEquals(
                406,
                assertThrows(FhirException.class, () -> FhirFormat.negotiate("xml", null))
                        .status());
        assertEquals(
                406,
                assertThrows(FhirException.class, () -> FhirFormat.negotiate(null, "application/fhir+xml"))
                        .status());
        assertEquals(
                406,
                assertThrows(
                                FhirException.class,
                                () -> FhirFormat.negotiate(null, "application/fhir+json; fhirVersion=4.0"))
                        .status());
    }
}
