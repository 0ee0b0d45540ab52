package org.opendicomweb.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opendicomweb.fhir.ImagingStudyIndex.StudyRow;
import org.opendicomweb.security.audit.AuditEvent.Participant;

/**
 * Reads and searches ImagingStudy resources: decides the answer (found, not found, which page) from the index, and
 * hands back a body that writes the resources while it is sent.
 */
@ApplicationScoped
class ImagingStudyService {

    /** Where the resources' links point: the FHIR base and the WADO-RS root, both as the client sees them. */
    record Urls(String fhirBase, String wadoRoot) {}

    /** Writes a body; the index is read as it goes. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException, SQLException;
    }

    /** A decided answer: 200 with this body, and the studies it shows (with their Patient IDs) for the audit trail. */
    record Answer(List<Participant> participants, Body body) {}

    private final ImagingStudyIndex index;
    private final PatientIdSystems systems;

    @Inject
    ImagingStudyService(ImagingStudyIndex index, PatientIdSystems systems) {
        this.index = index;
        this.systems = systems;
    }

    /** The ImagingStudy whose id is {@code id}: 400 for what cannot be an id, 404 for one not stored or hidden. */
    Answer read(String id, Urls urls) throws SQLException {
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw FhirException.invalid("'" + id + "' is not a FHIR id (1 to 64 of A-Z, a-z, 0-9, '-' and '.').");
        }
        StudyRow study = index.study(id)
                .orElseThrow(() -> FhirException.notFound("No ImagingStudy with id '" + id + "' (the Study Instance"
                        + " UID) is stored here, or all its instances are deleted or rejected."));
        return new Answer(
                List.of(participant(study)), g -> ImagingStudyJson.write(g, study, urls.wadoRoot(), systems, index));
    }

    /**
     * One page of a search as a searchset Bundle (R5 Search): self link, next link while more studies match, and
     * the total where it is cheap: when a condition bounds the studies by an indexed key (a UID, an accession or
     * Patient ID), or when this page is the last one. A search by date alone over a large archive would count every
     * study of the range for a figure the client rarely needs; R5 makes total optional.
     */
    Answer search(ImagingStudySearch search, Urls urls) throws SQLException {
        List<StudyRow> rows = search.count() == 0 ? List.of() : index.page(search, search.count() + 1, search.offset());
        boolean more = rows.size() > search.count();
        List<StudyRow> page = more ? rows.subList(0, search.count()) : rows;
        Long total = null;
        if (search.count() == 0 || search.narrow()) {
            total = index.count(search);
        } else if (!more && (!page.isEmpty() || search.offset() == 0)) {
            total = (long) search.offset() + page.size();
        }
        List<Participant> participants = new ArrayList<>();
        page.forEach(s -> participants.add(participant(s)));
        Long known = total;
        String searchUrl = urls.fhirBase() + "/ImagingStudy?";
        return new Answer(participants, g -> {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("id", UUID.randomUUID().toString());
            g.writeObjectFieldStart("meta");
            g.writeStringField(
                    "lastUpdated", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            g.writeEndObject();
            g.writeStringField("type", "searchset");
            if (known != null) {
                g.writeNumberField("total", known);
            }
            g.writeArrayFieldStart("link");
            link(g, "self", searchUrl + search.query(search.offset()));
            if (more) {
                link(g, "next", searchUrl + search.query(search.offset() + search.count()));
            }
            g.writeEndArray();
            if (!page.isEmpty()) {
                g.writeArrayFieldStart("entry");
                for (StudyRow study : page) {
                    g.writeStartObject();
                    g.writeStringField("fullUrl", urls.fhirBase() + "/ImagingStudy/" + study.uid());
                    g.writeFieldName("resource");
                    ImagingStudyJson.write(g, study, urls.wadoRoot(), systems, index);
                    g.writeObjectFieldStart("search");
                    g.writeStringField("mode", "match");
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    private static Participant participant(StudyRow study) {
        return new Participant(study.uid(), null, null, study.patientId());
    }

    private static void link(JsonGenerator g, String relation, String url) throws IOException {
        g.writeStartObject();
        g.writeStringField("relation", relation);
        g.writeStringField("url", url);
        g.writeEndObject();
    }
}
