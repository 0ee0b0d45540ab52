package org.opendicomweb.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The CapabilityStatement of {@code GET /fhir/metadata} (R5 RESTful API, "capabilities"): an instance statement (kind
 * instance, with implementation) of a FHIR 5.0.0 server that reads and searches ImagingStudy, in JSON, with the
 * search parameters {@link ImagingStudySearch} supports.
 */
final class CapabilityStatementJson {
    private CapabilityStatementJson() {}

    /** Search parameters: name, type, the definition in R5, and what this server does with it. */
    private static final String[][] SEARCH_PARAMETERS = {
        {
            "_id",
            "token",
            "http://hl7.org/fhir/SearchParameter/Resource-id",
            "The resource id, which is the Study Instance UID."
        },
        {
            "identifier",
            "token",
            "http://hl7.org/fhir/SearchParameter/clinical-identifier",
            "The Study Instance UID as urn:dicom:uid|urn:oid:{uid} (or without the system), or the Accession Number"
                    + " (|{number}, or without the system)."
        },
        {
            "patient",
            "reference",
            "http://hl7.org/fhir/SearchParameter/clinical-patient",
            "Only chained as patient.identifier=[system|]{Patient ID}: the subject is a contained Patient whose"
                    + " identifier system comes from its Issuer of Patient ID."
        },
        {
            "started",
            "date",
            "http://hl7.org/fhir/SearchParameter/ImagingStudy-started",
            "The Study Date, compared by day: a year, month or day with the prefixes eq, ne, gt, lt, ge, le, sa, eb."
        }
    };

    static void write(JsonGenerator g, String fhirBase, Instant started, String version) throws IOException {
        g.writeStartObject();
        g.writeStringField("resourceType", "CapabilityStatement");
        g.writeStringField("name", "OpenDICOMwebImagingStudy");
        g.writeStringField("title", "OpenDICOMweb FHIR ImagingStudy endpoint");
        g.writeStringField("status", "active");
        g.writeStringField("date", started.truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeStringField(
                "description",
                "FHIR R5 ImagingStudy resources made from the DICOM index of this archive, read-only; the studies"
                        + " are retrieved through the DICOMweb endpoint each resource names.");
        g.writeStringField("kind", "instance");
        g.writeObjectFieldStart("software");
        g.writeStringField("name", "OpenDICOMweb");
        g.writeStringField("version", version);
        g.writeEndObject();
        g.writeObjectFieldStart("implementation");
        g.writeStringField("description", "OpenDICOMweb FHIR ImagingStudy endpoint");
        g.writeStringField("url", fhirBase);
        g.writeEndObject();
        g.writeStringField("fhirVersion", "5.0.0");
        g.writeArrayFieldStart("format");
        g.writeString("json");
        g.writeString(FhirFormat.FHIR_JSON);
        g.writeEndArray();
        g.writeArrayFieldStart("rest");
        g.writeStartObject();
        g.writeStringField("mode", "server");
        g.writeArrayFieldStart("resource");
        g.writeStartObject();
        g.writeStringField("type", "ImagingStudy");
        g.writeArrayFieldStart("interaction");
        for (String code : new String[] {"read", "search-type"}) {
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("versioning", "no-version");
        g.writeBooleanField("readHistory", false);
        g.writeBooleanField("updateCreate", false);
        g.writeArrayFieldStart("searchParam");
        for (String[] p : SEARCH_PARAMETERS) {
            g.writeStartObject();
            g.writeStringField("name", p[0]);
            g.writeStringField("definition", p[2]);
            g.writeStringField("type", p[1]);
            g.writeStringField("documentation", p[3]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }
}
