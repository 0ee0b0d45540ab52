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
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (AcceptHeader.covers(range, DICOM_JSON) || AcceptHeader.covers(range, "application/json")) {
                String type = range.is("application/json") ? "application/json" : DICOM_JSON;
                StreamingOutput body = out -> {
                    try (JsonWriter writer = new JsonWriter(out)) {
                        writer.write(ds);
                    }
                };
                return Response.ok(body, type);
            }
        }
        throw DicomwebException.notAcceptable("This response is available as " + DICOM_JSON + " only; Accept was: " + accept);
    }
}
