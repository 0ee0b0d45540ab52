package org.opendicomweb.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendicomweb.security.audit.AuditEvent.Participant;

class AuditLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2026-12-07T12:53:46.123456789Z");
    private final AuditLine line = new AuditLine("pacs-node-1");

    @Test
    void writesEveryFieldOfARetrieveUnderItsPs315Name() {
        AuditEvent e = new AuditEvent(
                TIME,
                AuditEventType.INSTANCES_RETRIEVED,
                0,
                "f3b9-subject",
                "alice",
                "192.0.2.10",
                "GET",
                "/dicom-web/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5",
                null,
                200,
                List.of(new Participant("1.2.3", "1.2.3.4", "1.2.3.4.5", "PAT-7")));

        assertEquals(
                "{\"time\":\"2026-12-07T12:53:46.123Z\","
                        + "\"eventId\":{\"code\":\"110104\",\"codeSystem\":\"DCM\","
                        + "\"meaning\":\"DICOM Instances Transferred\"},"
                        + "\"eventActionCode\":\"R\","
                        + "\"outcome\":0,"
                        + "\"user\":{\"id\":\"f3b9-subject\",\"name\":\"alice\",\"requestor\":true},"
                        + "\"client\":{\"address\":\"192.0.2.10\"},"
                        + "\"request\":{\"method\":\"GET\","
                        + "\"path\":\"/dicom-web/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5\",\"status\":200},"
                        + "\"participants\":[{\"studyInstanceUid\":\"1.2.3\",\"seriesInstanceUid\":\"1.2.3.4\","
                        + "\"sopInstanceUid\":\"1.2.3.4.5\",\"patientId\":\"PAT-7\"}],"
                        + "\"server\":{\"host\":\"pacs-node-1\"}}",
                line.of(e));
    }

    @Test
    void writesTheQueryOfASearch() throws Exception {
        JsonNode n = parse(new AuditEvent(
                TIME,
                AuditEventType.QUERY,
                0,
                "sub",
                "bob",
                "127.0.0.1",
                "GET",
                "/dicom-web/studies",
                "PatientID=PAT-7&limit=10",
                200,
                List.of()));

        assertEquals("110112", n.at("/eventId/code").asText());
        assertEquals("Query", n.at("/eventId/meaning").asText());
        assertEquals("E", n.get("eventActionCode").asText());
        assertEquals("PatientID=PAT-7&limit=10", n.at("/request/query").asText());
        assertFalse(n.has("participants"), "a search that names no study has no participants: " + n);
    }

    @Test
    void securityEventsCarryTheirEventTypeCodeAndOutcome() throws Exception {
        JsonNode login = parse(event(AuditEventType.AUTHENTICATION_FAILED, 401, null));
        JsonNode alert = parse(event(AuditEventType.ACCESS_DENIED, 403, null));

        assertEquals("110114", login.at("/eventId/code").asText());
        assertEquals("110122", login.at("/eventTypeCode/code").asText());
        assertEquals("DCM", login.at("/eventTypeCode/codeSystem").asText());
        assertEquals("Login", login.at("/eventTypeCode/meaning").asText());
        assertEquals(4, login.get("outcome").asInt());
        assertEquals("110113", alert.at("/eventId/code").asText());
        assertEquals("110132", alert.at("/eventTypeCode/code").asText());
        assertEquals(
                "Use of Restricted Function", alert.at("/eventTypeCode/meaning").asText());
    }

    @Test
    void anEventWithoutTypeCodeHasNoEventTypeCodeKey() throws Exception {
        assertFalse(parse(event(AuditEventType.INSTANCES_STORED, 200, null)).has("eventTypeCode"));
    }

    @Test
    void leavesOutWhatIsAbsentAndNeverWritesNull() throws Exception {
        AuditEvent e = new AuditEvent(
                TIME,
                AuditEventType.STUDY_DELETED,
                8,
                null,
                null,
                null,
                "DELETE",
                "/dicom-web/studies/1.2.3",
                null,
                500,
                List.of(new Participant("1.2.3", null, null, null)));

        String text = line.of(e);
        JsonNode n = JSON.readTree(text);

        assertFalse(text.contains("null"), text);
        assertEquals(List.of("requestor"), fieldNames(n.get("user")));
        assertFalse(n.has("client"), text);
        assertEquals(List.of("method", "path", "status"), fieldNames(n.get("request")));
        assertEquals(List.of("studyInstanceUid"), fieldNames(n.at("/participants/0")));
        assertEquals(8, n.get("outcome").asInt());
    }

    @Test
    void escapesOddCharactersOfAQuerySoThatTheLineStaysOneLineOfAscii() throws Exception {
        String odd = "PatientName=\"Ren\u00e9e\"\\*&x=a\nb\r\tc\u0000\u2028\u6f22&y=\ud83d\ude00";
        String text = line.of(event(AuditEventType.QUERY, 200, odd));

        assertEquals(1, text.lines().count(), text);
        assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "ASCII only, no control character: " + text);
        assertEquals(odd, JSON.readTree(text).at("/request/query").asText());
    }

    @Test
    void timeIsUtcWithMilliseconds() throws Exception {
        AuditEvent e = new AuditEvent(
                Instant.parse("2026-01-02T03:04:05Z"),
                AuditEventType.QUERY,
                0,
                null,
                null,
                null,
                "GET",
                "/",
                null,
                200,
                List.of());

        assertEquals("2026-01-02T03:04:05.000Z", parse(e).get("time").asText());
    }

    private JsonNode parse(AuditEvent e) throws Exception {
        return JSON.readTree(line.of(e));
    }

    private static AuditEvent event(AuditEventType type, int status, String query) {
        return new AuditEvent(
                TIME,
                type,
                AuditEvent.outcomeOf(status),
                null,
                null,
                "127.0.0.1",
                "GET",
                "/dicom-web/studies",
                query,
                status,
                List.of());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
