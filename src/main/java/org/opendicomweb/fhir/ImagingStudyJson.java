package org.opendicomweb.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.PersonName;
import org.opendicomweb.fhir.ImagingStudyIndex.SeriesRow;
import org.opendicomweb.fhir.ImagingStudyIndex.StudyRow;

/**
 * Writes one FHIR R5 ImagingStudy from the index, following the DICOM mappings R5 gives its elements:
 *
 * <ul>
 *   <li>id: the Study Instance UID itself, which is a valid FHIR id (at most 64 of [A-Za-z0-9.-]: UIDs are at most
 *       64 digits and dots), so that a read needs no lookup table and the id never changes;
 *   <li>identifier: the Study Instance UID as {@code urn:oid:} in system {@code urn:dicom:uid}, and the Accession
 *       Number typed ACSN (HL7 v2 table 0203), without a system, as the index keeps no issuer for it;
 *   <li>status {@code available}: every study found has instances that can be retrieved (rejected ones are hidden,
 *       deleted ones gone);
 *   <li>subject: a contained Patient, since this server keeps no Patient resources: the Patient ID with the system
 *       its issuer maps to ({@link PatientIdSystems}), name, gender and birth date; without a Patient ID, an
 *       identifier whose value is only a data-absent-reason ("unknown"), so that the reader sees the gap;
 *   <li>endpoint: a contained Endpoint of connection type dicom-wado-rs whose address is the WADO-RS root as the
 *       client sees it (forwarded headers of trusted proxies included), from which it builds the study's URL;
 *   <li>series.modality, required: for a series without Modality (0008,0060), a data-absent-reason ("unknown")
 *       rather than a code DICOM did not give; series.started from the Performed Procedure Step Start Date and
 *       Time, the series' start the index keeps (Series Date and Time are not indexed); bodySite is left out, as
 *       Body Part Examined is not indexed either.
 * </ul>
 */
final class ImagingStudyJson {
    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    static final String RFC_3986 = "urn:ietf:rfc:3986";
    static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String CONNECTION_TYPES = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";

    private static final String PATIENT_ID = "patient";
    private static final String ENDPOINT_ID = "wado-rs";

    private ImagingStudyJson() {}

    /** Reads what the study row does not hold; its index queries may fail. */
    interface Details {
        List<String> modalities(long studyPk) throws SQLException;

        void seriesOf(long studyPk, ImagingStudyIndex.InstanceSink sink) throws SQLException, IOException;
    }

    static void write(JsonGenerator g, StudyRow study, String wadoRoot, PatientIdSystems systems, Details details)
            throws IOException, SQLException {
        g.writeStartObject();
        g.writeStringField("resourceType", "ImagingStudy");
        g.writeStringField("id", study.uid());
        g.writeArrayFieldStart("contained");
        patient(g, study, systems);
        endpoint(g, wadoRoot);
        g.writeEndArray();

        g.writeArrayFieldStart("identifier");
        g.writeStartObject();
        g.writeStringField("system", ImagingStudySearch.DICOM_UID_SYSTEM);
        g.writeStringField("value", ImagingStudySearch.OID_PREFIX + study.uid());
        g.writeEndObject();
        String accession = FhirValues.string(study.accessionNumber());
        if (accession != null) {
            g.writeStartObject();
            g.writeObjectFieldStart("type");
            coding(g, V2_0203, "ACSN");
            g.writeEndObject();
            g.writeStringField("value", accession);
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeStringField("status", "available");
        List<String> modalities = new ArrayList<>();
        for (String m : details.modalities(study.pk())) {
            String code = FhirValues.code(m);
            if (code != null && !modalities.contains(code)) {
                modalities.add(code);
            }
        }
        if (!modalities.isEmpty()) {
            g.writeArrayFieldStart("modality");
            for (String m : modalities) {
                g.writeStartObject();
                coding(g, DCM, m);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("subject");
        g.writeStringField("reference", "#" + PATIENT_ID);
        g.writeEndObject();
        String started = FhirValues.dateTime(study.date(), study.time(), study.timezoneOffset());
        if (started != null) {
            g.writeStringField("started", started);
        }
        g.writeArrayFieldStart("endpoint");
        g.writeStartObject();
        g.writeStringField("reference", "#" + ENDPOINT_ID);
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("numberOfSeries", study.numberOfSeries());
        g.writeNumberField("numberOfInstances", study.numberOfInstances());
        String description = FhirValues.string(study.description());
        if (description != null) {
            g.writeStringField("description", description);
        }
        series(g, study, details);
        g.writeEndObject();
    }

    /** The series in the order the index gives them, each closed when the next one's first instance arrives. */
    private static void series(JsonGenerator g, StudyRow study, Details details) throws IOException, SQLException {
        long[] open = {-1};
        details.seriesOf(study.pk(), (series, instance) -> {
            if (open[0] != series.pk()) {
                if (open[0] < 0) {
                    g.writeArrayFieldStart("series");
                } else {
                    g.writeEndArray(); // instance
                    g.writeEndObject();
                }
                open[0] = series.pk();
                seriesHead(g, series, study.timezoneOffset());
                g.writeArrayFieldStart("instance");
            }
            g.writeStartObject();
            g.writeStringField("uid", instance.uid());
            g.writeObjectFieldStart("sopClass");
            g.writeStringField("system", RFC_3986);
            g.writeStringField("code", ImagingStudySearch.OID_PREFIX + instance.sopClassUid());
            g.writeEndObject();
            Integer number = FhirValues.unsignedInt(instance.number());
            if (number != null) {
                g.writeNumberField("number", number);
            }
            g.writeEndObject();
        });
        if (open[0] >= 0) {
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
    }

    private static void seriesHead(JsonGenerator g, SeriesRow series, String timezoneOffset) throws IOException {
        g.writeStartObject();
        g.writeStringField("uid", series.uid());
        Integer number = FhirValues.unsignedInt(series.number());
        if (number != null) {
            g.writeNumberField("number", number);
        }
        g.writeObjectFieldStart("modality");
        String modality = FhirValues.code(series.modality());
        if (modality != null) {
            coding(g, DCM, modality);
        } else {
            dataAbsent(g);
        }
        g.writeEndObject();
        String description = FhirValues.string(series.description());
        if (description != null) {
            g.writeStringField("description", description);
        }
        g.writeNumberField("numberOfInstances", series.numberOfInstances());
        // The offset of the instance holds for all its dates and times (PS3.3 C.12.1.1.8).
        String started = FhirValues.dateTime(series.startDate(), series.startTime(), timezoneOffset);
        if (started != null) {
            g.writeStringField("started", started);
        }
    }

    private static void patient(JsonGenerator g, StudyRow study, PatientIdSystems systems) throws IOException {
        g.writeStartObject();
        g.writeStringField("resourceType", "Patient");
        g.writeStringField("id", PATIENT_ID);
        g.writeArrayFieldStart("identifier");
        g.writeStartObject();
        String id = FhirValues.string(study.patientId());
        if (id == null) {
            // The form R5 asks for (Identifier, ident-1): the value is there, saying why it is missing.
            g.writeObjectFieldStart("_value");
            dataAbsent(g);
            g.writeEndObject();
        } else {
            String issuer = study.issuerOfPatientId() == null ? "" : study.issuerOfPatientId();
            String system = systems.systemOf(issuer);
            if (system != null) {
                g.writeStringField("system", system);
            }
            g.writeStringField("value", id);
            String assigner = FhirValues.string(issuer);
            if (system == null && assigner != null) {
                g.writeObjectFieldStart("assigner");
                g.writeStringField("display", assigner);
                g.writeEndObject();
            }
        }
        g.writeEndObject();
        g.writeEndArray();
        names(g, study.patientName());
        String gender = switch (study.sex() == null ? "" : study.sex().strip()) {
            case "M" -> "male";
            case "F" -> "female";
            case "O" -> "other";
            default -> null;
        };
        if (gender != null) {
            g.writeStringField("gender", gender);
        }
        String birthDate = FhirValues.date(study.birthDate());
        if (birthDate != null) {
            g.writeStringField("birthDate", birthDate);
        }
        g.writeEndObject();
    }

    /**
     * One HumanName per component group of the first value (alphabetic, ideographic, phonetic: PS3.5 §6.2.1), each
     * with the components DICOM gives it: family, given and middle names as given names, prefix, suffix.
     */
    private static void names(JsonGenerator g, String patientName) throws IOException {
        if (patientName == null) {
            return;
        }
        int backslash = patientName.indexOf('\\');
        PersonName name = PersonName.parse(backslash < 0 ? patientName : patientName.substring(0, backslash));
        boolean started = false;
        for (PersonName.Group group : PersonName.Group.values()) {
            String family = FhirValues.string(name.component(group, PersonName.Component.FAMILY));
            String given = FhirValues.string(name.component(group, PersonName.Component.GIVEN));
            String middle = FhirValues.string(name.component(group, PersonName.Component.MIDDLE));
            String prefix = FhirValues.string(name.component(group, PersonName.Component.PREFIX));
            String suffix = FhirValues.string(name.component(group, PersonName.Component.SUFFIX));
            if (family == null && given == null && middle == null && prefix == null && suffix == null) {
                continue;
            }
            if (!started) {
                g.writeArrayFieldStart("name");
                started = true;
            }
            g.writeStartObject();
            if (family != null) {
                g.writeStringField("family", family);
            }
            if (given != null || middle != null) {
                g.writeArrayFieldStart("given");
                for (String part : new String[] {given, middle}) {
                    if (part != null) {
                        g.writeString(part);
                    }
                }
                g.writeEndArray();
            }
            if (prefix != null) {
                g.writeArrayFieldStart("prefix");
                g.writeString(prefix);
                g.writeEndArray();
            }
            if (suffix != null) {
                g.writeArrayFieldStart("suffix");
                g.writeString(suffix);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        if (started) {
            g.writeEndArray();
        }
    }

    /**
     * R5 Endpoint: status, connectionType (1..*) and address are required; payload is optional since R5 (R4's
     * payloadType 1..* is gone), and a WADO-RS root serves several payloads, so none is listed.
     */
    private static void endpoint(JsonGenerator g, String wadoRoot) throws IOException {
        g.writeStartObject();
        g.writeStringField("resourceType", "Endpoint");
        g.writeStringField("id", ENDPOINT_ID);
        g.writeStringField("status", "active");
        g.writeArrayFieldStart("connectionType");
        g.writeStartObject();
        coding(g, CONNECTION_TYPES, "dicom-wado-rs");
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("address", wadoRoot);
        g.writeEndObject();
    }

    /** {@code "coding": [{system, code}]} inside the current object. */
    private static void coding(JsonGenerator g, String system, String code) throws IOException {
        g.writeArrayFieldStart("coding");
        g.writeStartObject();
        g.writeStringField("system", system);
        g.writeStringField("code", code);
        g.writeEndObject();
        g.writeEndArray();
    }

    /** The data-absent-reason extension ("unknown") inside the current object, for a required element DICOM lacks. */
    private static void dataAbsent(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("extension");
        g.writeStartObject();
        g.writeStringField("url", DATA_ABSENT_REASON);
        g.writeStringField("valueCode", "unknown");
        g.writeEndObject();
        g.writeEndArray();
    }
}
