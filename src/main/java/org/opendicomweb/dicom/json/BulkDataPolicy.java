package org.opendicomweb.dicom.json;

import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.VR;

/**
 * Decides which values of a dataset are written as a {@code BulkDataURI} instead of inline (PS3.18 §F.2.6),
 * for {@link JsonWriter} and {@link org.opendicomweb.dicom.xml.XmlWriter}.
 *
 * <p>It is asked for every value of a binary VR (OB, OD, OF, OL, OV, OW, UN, pixel data included, and
 * encapsulated pixel data as {@link org.opendicomweb.dicom.Fragments}). It answers the URI, or {@code null}
 * to have the value written inline.
 */
@FunctionalInterface
public interface BulkDataPolicy {

    /**
     * @param ds the dataset (or sequence item) holding the element
     * @param tag the element's tag
     * @param vr the element's VR
     * @param value the value as held by {@code ds}: {@code byte[]}, {@link org.opendicomweb.dicom.BulkData} or
     *        {@link org.opendicomweb.dicom.Fragments}
     * @param path where the element lies, from the top-level dataset; valid only during the call
     * @return the URI to write, or {@code null} for inline
     */
    String uriFor(Attributes ds, int tag, VR vr, Object value, TagPath path);

    /** Every binary value whose length is above {@code threshold} bytes, and all pixel data, by {@code uris}. */
    static BulkDataPolicy aboveThreshold(long threshold, BulkDataPolicy uris) {
        return (ds, tag, vr, value, path) -> {
            long length = BulkValueResolver.lengthOf(value);
            return length > threshold || BulkValueResolver.isPixelData(tag) || length < 0
                    ? uris.uriFor(ds, tag, vr, value, path)
                    : null;
        };
    }
}
