package org.opendicomweb.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.json.JsonWriter;
import org.opendicomweb.dicom.xml.XmlWriter;
import org.opendicomweb.web.multipart.MediaType;

/** A single DICOM dataset as a response body, in the representation the Accept header asks for. */
public final class DicomResponses {
    public static final String DICOM_JSON = "application/dicom+json";
    public static final String DICOM_XML = "application/dicom+xml";

    private DicomResponses() {}

    /** How a single dataset is written: DICOM JSON (PS3.18 Annex F) under either JSON type, or PS3.19 XML. */
    public enum DatasetType {
        DICOM_JSON(DicomResponses.DICOM_JSON),
        JSON("application/json"),
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
     * The representation the Accept header prefers among DICOM JSON ({@code application/dicom+json}, also for
     * wildcards), {@code application/json} when named, and the Native DICOM Model ({@code application/dicom+xml},
     * when named); 406 naming {@code what} when it accepts none of them. Call it before doing the work, so an
     * unsatisfiable Accept costs nothing.
     */
    public static DatasetType negotiateDataset(String accept, String what) {
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (range.is("application/json")) {
                return DatasetType.JSON;
            }
            if (range.is(DICOM_XML)) {
                return DatasetType.DICOM_XML;
            }
            if (AcceptHeader.covers(range, DICOM_JSON)) {
                return DatasetType.DICOM_JSON;
            }
        }
        throw DicomwebException.notAcceptable(what + " is available as " + DICOM_JSON + " or " + DICOM_XML
                + " only; Accept was: " + accept);
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

    /**
     * The DICOM JSON content type the Accept header asks for: {@code application/json} when named,
     * {@code application/dicom+json} for it and for wildcards; 406 naming {@code what} otherwise.
     */
    public static String jsonType(String accept, String what) {
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (range.is("application/json")) {
                return "application/json";
            }
            if (AcceptHeader.covers(range, DICOM_JSON)) {
                return DICOM_JSON;
            }
        }
        throw DicomwebException.notAcceptable(what + " is available as " + DICOM_JSON + " only; Accept was: " + accept);
    }
}
