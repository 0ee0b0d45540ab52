package org.opendicomweb.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.json.JsonWriter;
import org.opendicomweb.web.multipart.MediaType;

/** A single DICOM dataset as a response body, in the representation the Accept header asks for. */
public final class DicomResponses {
    public static final String DICOM_JSON = "application/dicom+json";

    private DicomResponses() {}

    /**
     * DICOM JSON (PS3.18 Annex F), also for {@code application/json} and wildcards; 406 when the client accepts
     * neither.
     */
    public static Response.ResponseBuilder dataset(Attributes ds, String accept) {
        String type = jsonType(accept, "This response");
        StreamingOutput body = out -> {
            try (JsonWriter writer = new JsonWriter(out)) {
                writer.write(ds);
            }
        };
        return Response.ok(body, type);
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
