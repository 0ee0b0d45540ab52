package org.opendicomweb.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every request's target passes {@link RequestTarget} before any route sees it, the REST layer, the event-loop
 * WADO routes and /q/* alike: a target with characters that clients send unencoded is routed again as its
 * percent-encoded form, and a malformed one is answered with the JSON error body of {@link ErrorMapper}.
 *
 * <p>This replaces the HTTP layer's own check, which answers an empty 400 to any target that {@link java.net.URI}
 * does not parse, before any route or filter runs (Quarkus' root request handler); {@link UriValidationHandOver}
 * turns that check off, and the same parse is done here after the encoding.
 */
@ApplicationScoped
public class RequestTargetFilter {
    /** Ahead of every other filter (CORS included) and of every route, whose order is minus the priority. */
    private static final int PRIORITY = Integer.MAX_VALUE;

    void register(@Observes Filters filters) {
        filters.register(RequestTargetFilter::normalize, PRIORITY);
    }

    private static void normalize(RoutingContext ctx) {
        // Path and query, not uri(): from a trusted proxy, uri() starts with the X-Forwarded-Prefix, which is no
        // part of the routes (BaseUrl puts it into links).
        String path = ctx.request().path();
        String query = ctx.request().query();
        String target = query == null ? path : path + "?" + query;
        String normalized;
        try {
            if (path == null) { // a target that is no path (an authority or absolute form Vert.x did not parse)
                throw new DicomwebException(
                        400,
                        "The request target is not a path: " + ctx.request().uri());
            }
            normalized = RequestTarget.normalized(target);
        } catch (DicomwebException e) {
            ctx.response()
                    .setStatusCode(e.status())
                    .putHeader("Content-Type", "application/json")
                    .end(ErrorMapper.json(e.status(), e.getMessage()));
            return;
        }
        if (normalized == target) {
            ctx.next();
        } else {
            ctx.reroute(ctx.request().method(), normalized);
        }
    }
}
