package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one function that turns the outcomes of a store transaction's instances into its status (PS3.18 §10.5.3). */
class StowResponseStatusTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private static PartOutcome stored(int n) {
        return PartOutcome.stored(CT, "1.2.3.4.1." + n, "1.2.3", "1.2.3.4", null);
    }

    private static PartOutcome storedWithWarning(int n) {
        return PartOutcome.stored(CT, "1.2.3.4.1." + n, "1.2.3", "1.2.3.4", 0xB000);
    }

    private static PartOutcome failed(int n) {
        return PartOutcome.failed(
                CT, "1.2.3.4.1." + n, "1.2.3", "1.2.3.4", FailureReason.CANNOT_UNDERSTAND, "truncated");
    }

    @Test
    void everyInstanceStoredWithoutWarningIs200() {
        assertEquals(200, StowResponse.statusOf(List.of(stored(1), stored(2))));
    }

    @Test
    void anInstanceStoredWithAWarningMakesIt202() {
        assertEquals(202, StowResponse.statusOf(List.of(stored(1), storedWithWarning(2))));
    }

    @Test
    void someStoredAndSomeFailedIs202() {
        assertEquals(202, StowResponse.statusOf(List.of(failed(1), stored(2))));
    }

    @Test
    void nothingStoredIs409() {
        assertEquals(409, StowResponse.statusOf(List.of(failed(1), failed(2))));
    }

    @Test
    void nothingStoredIs409AlsoWhenTheStorageWasUnavailable() {
        assertEquals(409, StowResponse.statusOf(List.of(failed(1).asUnavailable())));
    }
}
