package org.opendicomweb.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.json.BulkDataPolicy;
import org.opendicomweb.dicom.json.JsonWriter;

/**
 * The DICOM JSON of one instance as WADO-RS metadata serves it (PS3.18 §10.4.1.1.2), computed once at store
 * time so that metadata requests only concatenate stored documents.
 *
 * <p>Binary values longer than {@link #INLINE_LIMIT} and all pixel data become BulkDataURIs. Because the
 * absolute URL depends on the request (host, forwarded prefix), the stored URIs are relative to the
 * service root, e.g. {@code studies/1.2/series/3.4/instances/5.6/bulkdata/7FE00010}; WADO prefixes the root
 * while it copies the document out (see {@link #BULK_DATA_URI_KEY}).
 */
public final class InstanceMetadata {
    /** Binary values up to this many bytes are written inline as base64; longer ones by reference. */
    public static final int INLINE_LIMIT = 1024;
    /** The bytes after which a relative URI starts in a stored document. */
    public static final String BULK_DATA_URI_KEY = "\"BulkDataURI\":\"";

    private InstanceMetadata() {}

    public static byte[] encode(Attributes ds, String studyUid, String seriesUid, String sopUid) {
        String prefix = "studies/" + studyUid + "/series/" + seriesUid + "/instances/" + sopUid + "/bulkdata/";
        BulkDataPolicy policy =
                BulkDataPolicy.aboveThreshold(INLINE_LIMIT, (item, tag, vr, value, path) -> prefix + path);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.bulkDataPolicy(policy);
            writer.write(ds);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode metadata of " + sopUid, e);
        }
        return out.toByteArray();
    }
}
