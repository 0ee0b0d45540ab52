package org.opendicomweb.web;

import io.quarkus.vertx.http.runtime.ForwardedInfo;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The absolute URL of the DICOMweb root as the client sees it, e.g. {@code https://pacs.example.org/imaging/dicom-web},
 * for Retrieve URLs, Content-Location and FHIR-facing links.
 *
 * <p>X-Forwarded-Proto / -Host / -Port / -Prefix are applied by Quarkus itself
 * ({@code quarkus.http.proxy.*}) and only for requests from trusted proxies, so a client cannot spoof
 * the links other clients receive. This class never reads those headers.
 *
 * <p>One instance serves every request and reads the current one from the REST layer: a request-scoped bean
 * would cost a bean, its injection points and a configuration lookup on every request, which shows on the
 * requests that do little else (retrieving stored instances).
 */
@ApplicationScoped
public class BaseUrl {

    @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/")
    String httpRootPath;

    @ConfigProperty(name = "quarkus.rest.path", defaultValue = "/")
    String restPath;

    /** The root without a trailing slash. */
    public String root() {
        return root(currentRequest());
    }

    /** The root as the client of {@code request} sees it, for routes outside the REST layer. */
    public String root(HttpServerRequest request) {
        String scheme = request.scheme();
        String host = request.authority() != null ? request.authority().toString() : request.host();
        return scheme + "://" + host + rootPath(request);
    }

    /**
     * The absolute URL of the HTTP root path as the client of {@code request} sees it (forwarded prefix included,
     * REST mount point not), without a trailing slash: where the routes beside the DICOMweb API live, such as
     * {@code /fhir}.
     */
    public String applicationRoot(HttpServerRequest request) {
        String host = request.authority() != null ? request.authority().toString() : request.host();
        return request.scheme() + "://" + host + applicationPath(request);
    }

    /** A URL below the root: {@code resolve("studies", uid)} gives {@code <root>/studies/<uid>}. */
    public String resolve(String... segments) {
        StringBuilder url = new StringBuilder(root());
        for (String segment : segments) {
            url.append('/').append(segment);
        }
        return url.toString();
    }

    private static HttpServerRequest currentRequest() {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        if (current == null) {
            throw new IllegalStateException("BaseUrl is used outside of an HTTP request");
        }
        return current.serverRequest().unwrap(HttpServerRequest.class);
    }

    /**
     * The root's path: the X-Forwarded-Prefix Quarkus accepted from a trusted proxy, then the HTTP root path, then
     * the REST mount point below it.
     * The prefix is read from what Quarkus recorded in the request's context ({@link ForwardedInfo}): the request's
     * uri() carries it too, but not once {@link RequestTargetFilter} has routed the request again with the target
     * it encoded.
     */
    private String rootPath(HttpServerRequest request) {
        return applicationPath(request) + segment(trimSlashes(restPath));
    }

    private String applicationPath(HttpServerRequest request) {
        ForwardedInfo forwarded =
                ((HttpServerRequestInternal) request).context().getLocal(ForwardedInfo.CONTEXT_KEY);
        String prefix = forwarded == null ? "" : trimSlashes(forwarded.getPrefix());
        return segment(prefix) + segment(trimSlashes(httpRootPath));
    }

    private static String segment(String trimmed) {
        return trimmed.isEmpty() ? "" : "/" + trimmed;
    }

    private static String trimSlashes(String value) {
        String trimmed = value == null ? "" : value.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
