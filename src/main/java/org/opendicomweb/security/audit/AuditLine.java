package org.opendicomweb.security.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opendicomweb.security.audit.AuditEvent.Participant;

/**
 * One audit event as one line of JSON, its keys named after the DICOM PS3.15 Annex A.5 audit message elements they
 * map to (docs/security.md, "Audit trail"). Absent values are left out, never written as null.
 *
 * <p>Every character outside ASCII, and every control character, is written as a JSON escape (RFC 8259 §7): a line
 * never breaks, whatever a query string carries, and reads the same through any file encoding or syslog relay.
 */
final class AuditLine {
    /** PS3.16 coding scheme of the event codes. */
    static final String CODE_SYSTEM = "DCM";

    private static final JsonFactory JSON =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    /** EventDateTime in UTC to the millisecond (PS3.15 A.5.1: xs:dateTime with a time zone). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String serverHost;

    /** @param serverHost the AuditSourceID: the host name of this server node */
    AuditLine(String serverHost) {
        this.serverHost = serverHost;
    }

    /** The line of {@code e}, without a line break. */
    String of(AuditEvent e) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", TIME.format(e.time()));
            AuditEventType type = e.type();
            code(g, "eventId", type.eventId(), type.eventName());
            g.writeStringField("eventActionCode", type.actionCode());
            if (type.typeCode() != null) {
                code(g, "eventTypeCode", type.typeCode(), type.typeName());
            }
            g.writeNumberField("outcome", e.outcome());
            g.writeObjectFieldStart("user");
            optional(g, "id", e.userId());
            optional(g, "name", e.userName());
            g.writeBooleanField("requestor", true);
            g.writeEndObject();
            if (e.clientAddress() != null) {
                g.writeObjectFieldStart("client");
                g.writeStringField("address", e.clientAddress());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("request");
            optional(g, "method", e.method());
            optional(g, "path", e.path());
            g.writeNumberField("status", e.status());
            optional(g, "query", e.query());
            g.writeEndObject();
            participants(g, e.participants());
            g.writeObjectFieldStart("server");
            g.writeStringField("host", serverHost);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void participants(JsonGenerator g, List<Participant> participants) throws IOException {
        if (participants == null || participants.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("participants");
        for (Participant p : participants) {
            g.writeStartObject();
            optional(g, "studyInstanceUid", p.studyUid());
            optional(g, "seriesInstanceUid", p.seriesUid());
            optional(g, "sopInstanceUid", p.sopInstanceUid());
            optional(g, "patientId", p.patientId());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void code(JsonGenerator g, String name, String code, String meaning) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("code", code);
        g.writeStringField("codeSystem", CODE_SYSTEM);
        g.writeStringField("meaning", meaning);
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
