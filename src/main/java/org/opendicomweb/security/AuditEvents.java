package org.opendicomweb.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendicomweb.security.RouteRules.Rule;
import org.opendicomweb.security.audit.AuditEvent;
import org.opendicomweb.security.audit.AuditEvent.Participant;
import org.opendicomweb.security.audit.AuditEventType;
import org.opendicomweb.security.audit.AuditParticipants;

/** The audit event of a request, from its rule, its caller and what it answered. */
final class AuditEvents {
    private AuditEvents() {}

    /** The event an admitted request of this rule is recorded as, or null when it is not audited. */
    static AuditEventType typeOf(Rule rule) {
        return switch (rule.audit()) {
            case NONE -> null;
            case QUERY -> AuditEventType.QUERY;
            case RETRIEVE -> AuditEventType.INSTANCES_RETRIEVED;
            case STORE -> AuditEventType.INSTANCES_STORED;
            // PS3.15 "DICOM Study Deleted" is for a whole study; a series or instances removed are "DICOM Instances
            // Accessed" with action D.
            case DELETE ->
                rule.values().containsKey("series") || rule.values().containsKey("instance")
                        ? AuditEventType.INSTANCES_DELETED
                        : AuditEventType.STUDY_DELETED;
        };
    }

    static AuditEvent of(RoutingContext ctx, Rule rule, Caller caller, AuditEventType type) {
        HttpServerRequest request = ctx.request();
        int status = ctx.response().getStatusCode();
        return new AuditEvent(
                Instant.now(),
                type,
                AuditEvent.outcomeOf(status),
                caller == null ? null : caller.subject(),
                caller == null ? null : caller.userName(),
                ClientAddress.of(request),
                request.method().name(),
                request.path(),
                type == AuditEventType.QUERY ? request.query() : null,
                status,
                participants(ctx, rule.values()));
    }

    /**
     * What the request touched: what its services recorded (the instances a STOW-RS request stored), else what its
     * path names, else what a WADO-URI query names (PS3.18 §9.1: studyUID, seriesUID, objectUID).
     */
    private static List<Participant> participants(RoutingContext ctx, Map<String, String> values) {
        List<Participant> recorded = AuditParticipants.of(ctx);
        if (!recorded.isEmpty()) {
            return recorded;
        }
        List<Participant> named = new ArrayList<>(1);
        String study = values.get("study");
        if (study == null) {
            study = ctx.request().getParam("studyUID");
        }
        if (study != null) {
            String series = values.getOrDefault("series", ctx.request().getParam("seriesUID"));
            String instance = values.getOrDefault("instance", ctx.request().getParam("objectUID"));
            named.add(new Participant(study, series, instance, null));
        }
        return named;
    }
}
