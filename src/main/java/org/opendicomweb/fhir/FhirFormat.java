package org.opendicomweb.fhir;

import java.util.Locale;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * The representation of a FHIR answer (FHIR R5 RESTful API, "Content Types and encodings"): JSON only, as
 * {@code application/fhir+json}, or as {@code application/json} for a client that accepts only that. The
 * {@code _format} parameter overrides the Accept header, as the specification says, for clients that cannot set
 * headers. XML and RDF are not offered: a request for them alone is answered 406.
 */
final class FhirFormat {
    static final String FHIR_JSON = "application/fhir+json";
    static final String JSON = "application/json";
    static final String FHIR_VERSION = "5.0";

    private FhirFormat() {}

    /** The Content-Type of the answer, or a 406 {@link FhirException} naming what we offer. */
    static String negotiate(String formatParameter, String accept) {
        if (formatParameter != null) {
            return switch (formatParameter.trim().toLowerCase(Locale.ROOT)) {
                case "json", FHIR_JSON -> FHIR_JSON;
                case JSON -> JSON;
                default -> throw notAcceptable("_format=" + formatParameter);
            };
        }
        AcceptHeader ranges;
        try {
            ranges = AcceptHeader.parse(accept);
        } catch (DicomwebException e) {
            throw FhirException.invalid(e.getMessage());
        }
        for (MediaType range : ranges.ranges()) {
            String version = range.parameter("fhirVersion");
            if (version != null && !version.startsWith(FHIR_VERSION)) {
                continue; // R5 only (the fhirVersion parameter of the media type)
            }
            if (AcceptHeader.covers(range, FHIR_JSON) || range.is("application/json+fhir")) {
                return FHIR_JSON;
            }
            if (range.is(JSON)) {
                return JSON;
            }
        }
        throw notAcceptable("Accept: " + accept);
    }

    private static FhirException notAcceptable(String asked) {
        return FhirException.notSupported(
                406,
                "This server answers FHIR in JSON only (application/fhir+json, fhirVersion " + FHIR_VERSION
                        + "; also application/json), not as " + asked + ": XML and RDF are not offered.");
    }
}
