package org.opendicomweb.security.audit;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What a request touched beyond what its path names, kept with the request until its audit event is written: the
 * instances a STOW-RS request stored, with their Patient IDs.
 */
public final class AuditParticipants {
    private static final String KEY = AuditParticipants.class.getName();

    private AuditParticipants() {}

    /** Adds a participant to the request's audit event. */
    public static void add(RoutingContext request, AuditEvent.Participant participant) {
        List<AuditEvent.Participant> list = request.get(KEY);
        if (list == null) {
            list = new ArrayList<>();
            request.put(KEY, list);
        }
        list.add(participant);
    }

    /** The participants added to a request, in the order added; empty when none. */
    public static List<AuditEvent.Participant> of(RoutingContext request) {
        List<AuditEvent.Participant> list = request.get(KEY);
        return list == null ? List.of() : List.copyOf(list);
    }
}
