package org.opendicomweb.wado;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.InstanceMetadata;

/** The root is put in front of every relative BulkDataURI of a stored document, and nowhere else. */
class MetadataRootTest {
    private static final String KEY = InstanceMetadata.BULK_DATA_URI_KEY;
    private static final String ROOT = "https://pacs.example.org/dicom-web/";

    private static String withRoot(String doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetadataService.copyWithRoot(doc.getBytes(StandardCharsets.UTF_8), ROOT.getBytes(StandardCharsets.UTF_8), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyBulkDataUriGetsTheRootAndNothingElseChanges() throws IOException {
        String doc = "{\"7FE00010\":{\"vr\":\"OW\"," + KEY + "studies/1/bulkdata/7FE00010\"},"
                + "\"00091010\":{\"vr\":\"OB\"," + KEY + "studies/1/bulkdata/00091010\"}}";
        assertEquals(doc.replace(KEY, KEY + ROOT), withRoot(doc));
    }

    @Test
    void keysAtTheEdgesBackToBackAndCutShortAreHandled() throws IOException {
        assertEquals(KEY + ROOT, withRoot(KEY));
        assertEquals(KEY + ROOT + KEY + ROOT + "x", withRoot(KEY + KEY + "x"));
        String cut = KEY.substring(0, KEY.length() - 1);
        assertEquals(cut, withRoot(cut));
        assertEquals("\"BulkDataURI\" :" + KEY + ROOT, withRoot("\"BulkDataURI\" :" + KEY));
        assertEquals("", withRoot(""));
    }

    /** Random JSON-like text with keys and near-misses, against a plain String.replace. */
    @Test
    void agreesWithAPlainReplaceOnRandomDocuments() throws IOException {
        Random random = new Random(7);
        String[] pieces = {
            KEY,
            "\"BulkDataURI\"",
            "\"Value\":[\"",
            "\"vr\":\"UI\"",
            "\"",
            ":",
            ",",
            "{",
            "}",
            "URI\":\"",
            "BulkData",
            "abc",
            "1.2.840"
        };
        for (int n = 0; n < 500; n++) {
            StringBuilder doc = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                doc.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = doc.toString();
            assertEquals(text.replace(KEY, KEY + ROOT), withRoot(text), text);
        }
    }
}
