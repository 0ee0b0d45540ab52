package org.opendicomweb.security.audit;

import java.time.Instant;
import java.util.List;

/**
 * One audited request, as the security filter sees it when the response has been sent. The audit trail adds what
 * the request does not carry (the Patient ID of a study) before it writes the event.
 *
 * @param time when the response ended (UTC)
 * @param type the PS3.15 message
 * @param outcome EventOutcomeIndicator: 0 success, 4 minor failure (a 4xx), 8 serious failure (a 5xx)
 * @param userId the token's subject, or null without an identity (mode none)
 * @param userName the token's preferred username, or null
 * @param clientAddress the client's address after the trusted-proxy rule
 * @param method the HTTP method
 * @param path the request path (no query)
 * @param query the query string of a search (QIDO-RS), else null
 * @param status the HTTP status answered
 * @param participants the studies, series and instances the request named or touched (may be empty)
 */
public record AuditEvent(
        Instant time,
        AuditEventType type,
        int outcome,
        String userId,
        String userName,
        String clientAddress,
        String method,
        String path,
        String query,
        int status,
        List<Participant> participants) {

    /**
     * A study, series or instance a request touched; the finer UIDs are null where the request named a whole
     * study or series, and the Patient ID is null where nobody knew it yet.
     */
    public record Participant(String studyUid, String seriesUid, String sopInstanceUid, String patientId) {}

    /** PS3.15 EventOutcomeIndicator for an HTTP status. */
    public static int outcomeOf(int status) {
        return status < 400 ? 0 : status < 500 ? 4 : 8;
    }
}
