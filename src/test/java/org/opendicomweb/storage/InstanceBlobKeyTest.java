package org.opendicomweb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The key format of instance blobs, on its own; no Quarkus needed. */
class InstanceBlobKeyTest {

    private static final String STUDY = "1.2.840.1";
    private static final String SERIES = "1.2.840.1.2";
    private static final String INSTANCE = "1.2.840.1.2.3";

    @Test
    void keyGroupsTheInstanceUnderItsStudyAndSeries() {
        assertEquals(
                "1.2.840.1/1.2.840.1.2/1.2.840.1.2.3-000000000042",
                InstanceBlobKey.of(STUDY, SERIES, INSTANCE, "000000000042"));
    }

    @Test
    void newVersionIsTwelveRandomDigitsAndAValidBlobKey() {
        String key = InstanceBlobKey.newVersion(STUDY, SERIES, INSTANCE);

        assertTrue(key.matches("1\\.2\\.840\\.1/1\\.2\\.840\\.1\\.2/1\\.2\\.840\\.1\\.2\\.3-[0-9]{12}"), key);
        assertTrue(BlobStore.isValidKey(key), key);
        assertNotEquals(
                key, InstanceBlobKey.newVersion(STUDY, SERIES, INSTANCE), "a replacing version gets its own key");
    }

    @Test
    void theInstanceIsReadBackFromItsKey() {
        assertEquals(INSTANCE, InstanceBlobKey.instanceOf(InstanceBlobKey.newVersion(STUDY, SERIES, INSTANCE)));
        assertNull(InstanceBlobKey.instanceOf("1.2/1.3/unversioned"));
        assertNull(InstanceBlobKey.instanceOf("index/1.2/1.3-000000000001"));
    }

    @Test
    void instanceKeysAreRecognisedAndOtherBlobsAreNot() {
        assertTrue(InstanceBlobKey.isInstanceKey(InstanceBlobKey.newVersion(STUDY, SERIES, INSTANCE)));
        for (String other : new String[] {
            "1.2.3.4", "1.2/1.3", "1.2/1.3/4-5/6", "index/1.2/x", ".staging/1.2/x", "1.2/series/x", "1.2//x"
        }) {
            assertFalse(InstanceBlobKey.isInstanceKey(other), other);
        }
    }
}
