package org.opendicomweb.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.security.AuthMode;

/**
 * The web console's server side: its pages are static files under {@code /ui/} (META-INF/resources/ui), served by
 * the HTTP layer like any static file and public, since they hold no patient data; the data comes from the
 * DICOMweb API, with the caller's token where there is one. Here: {@code /} sends a browser to the console, {@code
 * /ui/config.json} tells the console what it cannot know by itself (where the API is, the access-control mode, the
 * issuer and the console's client at it, a viewer to link to), and every console page carries a strict
 * Content-Security-Policy.
 */
@ApplicationScoped
public class ConsoleRoutes {
    /** Ahead of the access filter (50): the headers are set whatever the answer. */
    private static final int PRIORITY = 60;

    static final String PREFIX = "/ui";

    private final String apiRoot;
    private final String config;
    private final String securityPolicy;

    @Inject
    ConsoleRoutes(
            DicomwebConfig settings,
            @ConfigProperty(name = "quarkus.rest.path", defaultValue = "/") String restPath,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        this.apiRoot = restPath.endsWith("/") ? restPath.substring(0, restPath.length() - 1) : restPath;
        boolean oidc = settings.auth().mode() == AuthMode.OIDC;
        JsonObject json = new JsonObject()
                .put("apiRoot", apiRoot)
                .put("authMode", oidc ? "oidc" : "none")
                .put("viewerUrl", settings.ui().viewerUrl().orElse(null));
        if (oidc) {
            json.put(
                    "oidc",
                    new JsonObject()
                            .put("issuer", issuer.orElse(null))
                            .put("clientId", settings.ui().clientId())
                            .put(
                                    "roles",
                                    new JsonObject()
                                            .put("read", settings.auth().roles().read())
                                            .put(
                                                    "write",
                                                    settings.auth().roles().write())
                                            .put(
                                                    "delete",
                                                    settings.auth().roles().delete())
                                            .put(
                                                    "admin",
                                                    settings.auth().roles().admin())));
        }
        this.config = json.encode();
        this.securityPolicy = securityPolicy(oidc ? issuer.map(ConsoleRoutes::origin) : Optional.empty());
    }

    /**
     * Only our own scripts and styles (no inline code, no eval); images from our own API, read into {@code blob:}
     * URLs when a token must go with them; requests to our own origin and, in mode {@code oidc}, to the issuer's.
     */
    static String securityPolicy(Optional<String> issuerOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
                + " connect-src 'self'" + issuerOrigin.map(o -> " " + o).orElse("") + "; font-src 'self';"
                + " manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none';"
                + " form-action 'self'";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/").handler(ctx -> ctx.redirect(PREFIX + "/"));
        // A route's path also matches with a trailing slash: /ui/ itself must go on to the console's index page.
        router.route(HttpMethod.GET, PREFIX).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                ctx.redirect(PREFIX + "/");
            }
        });
        router.route(HttpMethod.GET, PREFIX + "/config.json")
                .handler(ctx -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(config));
    }

    void register(@Observes Filters filters) {
        filters.register(this::secure, PRIORITY);
    }

    private void secure(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/") || path.equals(PREFIX) || path.startsWith(PREFIX + "/")) {
            ctx.response()
                    .putHeader("Content-Security-Policy", securityPolicy)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
        }
        ctx.next();
    }
}
