package org.opendicomweb.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.function.Predicate;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.json.JsonWriter;
import org.opendicomweb.dicom.xml.XmlWriter;

/**
 * DICOM datasets as response bodies: the one choice among DICOM JSON and the Native DICOM Model XML that every
 * answer made of datasets takes (the STOW-RS response, QIDO-RS results, WADO-RS metadata), and a single dataset
 * written in the chosen representation.
 */
public final class DicomResponses {
    public static final String DICOM_JSON = "application/dicom+json";
    public static final String DICOM_XML = "application/dicom+xml";
    private static final String JSON = "application/json";

    private DicomResponses() {}

    /**
     * How datasets are written: DICOM JSON (PS3.18 Annex F) under either JSON type, or PS3.19 XML ({@link
     * #mediaType()} is then the type of the dataset, or of each part when a list is sent).
     */
    public enum DatasetType {
        DICOM_JSON(DicomResponses.DICOM_JSON),
        JSON(DicomResponses.JSON),
        DICOM_XML(DicomResponses.DICOM_XML);

        private final String mediaType;

        DatasetType(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * The representation of one dataset (the STOW-RS response, PS3.18 §10.5.3) the Accept header prefers: DICOM
     * JSON ({@code application/dicom+json}, also for wildcards), {@code application/json} when named, or XML
     * ({@code application/dicom+xml}); 406 naming {@code what} when it accepts none of them. Call it before doing
     * the work, so an unsatisfiable Accept costs nothing.
     */
    public static DatasetType negotiateDataset(String accept, String what) {
        return negotiate(accept, range -> range.is(DICOM_XML), DICOM_XML, what);
    }

    /**
     * The representation of a list of datasets (search results, PS3.18 §10.6.3; metadata, §10.4.3) the Accept
     * header prefers: DICOM JSON as for {@link #negotiateDataset}, or one XML document per part of a
     * {@code multipart/related} body. A multipart range whose {@code type} is left out means XML: of the media
     * types PS3.18 §8.7.3 lists for these resources, {@code multipart/related; type="application/dicom+xml"} is
     * the only multipart one. 406 naming {@code what} otherwise.
     */
    public static DatasetType negotiateDatasets(String accept, String what) {
        return negotiate(
                accept, DicomResponses::acceptsXmlParts, "multipart/related; type=\"" + DICOM_XML + "\"", what);
    }

    private static DatasetType negotiate(String accept, Predicate<MediaType> acceptsXml, String xmlForm, String what) {
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (range.is(JSON)) {
                return DatasetType.JSON;
            }
            if (AcceptHeader.covers(range, DICOM_JSON)) {
                return DatasetType.DICOM_JSON;
            }
            if (acceptsXml.test(range)) {
                return DatasetType.DICOM_XML;
            }
        }
        throw DicomwebException.notAcceptable(
                what + " is available as " + DICOM_JSON + " or " + xmlForm + "; Accept was: " + accept);
    }

    /** {@code multipart/related} or {@code multipart/*} whose {@code type}, when given, covers the XML type. */
    private static boolean acceptsXmlParts(MediaType range) {
        if (!range.type().equals("multipart")
                || !(range.subtype().equals("related") || range.subtype().equals("*"))) {
            return false;
        }
        String type = range.parameter("type");
        if (type == null || type.isBlank()) {
            return true;
        }
        try {
            return AcceptHeader.covers(MediaType.parse(type), DICOM_XML);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The dataset written as {@code type}. */
    public static Response.ResponseBuilder dataset(Attributes ds, DatasetType type) {
        StreamingOutput body = type == DatasetType.DICOM_XML
                ? out -> new XmlWriter().write(ds, out)
                : out -> {
                    try (JsonWriter writer = new JsonWriter(out)) {
                        writer.write(ds);
                    }
                };
        return Response.ok(body, type.mediaType());
    }
}
