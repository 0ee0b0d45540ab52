package org.opendicomweb.web.capabilities;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * Retrieve Capabilities (PS3.18 §8.9): {@code OPTIONS} on the service root, or on any resource below it, is
 * answered with the WADL description of that resource and its children and an {@code Allow} header; with
 * {@code Accept: }{@value CapabilitiesJson#MEDIA_TYPE}, our JSON form of the same description instead, which a
 * {@code GET} of the service root with that Accept header answers too (the root's plain GET stays the small
 * service description of ServiceResource).
 *
 * <p>Handled before resource matching, so that every path of the tree answers alike without an OPTIONS method
 * on each resource. A CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) never gets here:
 * the HTTP layer's CORS filter answers it first.
 */
public class CapabilitiesFilter {
    public static final String WADL = "application/vnd.sun.wadl+xml";
    private static final String XML = "application/xml";

    @Inject
    Capabilities capabilities;

    @Inject
    BaseUrl baseUrl;

    @Inject
    Instance<QueryKeyCatalogue> catalogue;

    @ServerRequestFilter(preMatching = true)
    public Response describe(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String path = request.getUriInfo().getPath();
        boolean options = "OPTIONS".equals(request.getMethod());
        boolean jsonAtRoot = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && path.replace("/", "").isEmpty()
                && namesJson(accept);
        if (!options && !jsonAtRoot) {
            return null;
        }
        ResourceTree.Match match = capabilities.tree().find(path);
        if (match == null) {
            throw DicomwebException.notFound("No resource at " + path);
        }
        String type = jsonAtRoot ? CapabilitiesJson.MEDIA_TYPE : negotiate(accept);
        QueryKeyCatalogue keys = catalogue.isResolvable() ? catalogue.get() : NO_KEYS;
        String body = type.equals(CapabilitiesJson.MEDIA_TYPE)
                ? CapabilitiesJson.write(baseUrl.root(), match, keys)
                : WadlWriter.write(baseUrl.root(), match, keys);
        return Response.ok(body, type + ";charset=UTF-8")
                .header("Allow", String.join(", ", match.node().allowedMethods()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    /**
     * Whether the JSON form is the client's first choice among the media types Accept names itself (wildcards,
     * which the plain service description also satisfies, do not count).
     */
    private static boolean namesJson(String accept) {
        if (accept == null) {
            return false;
        }
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (range.is(CapabilitiesJson.MEDIA_TYPE)) {
                return true;
            }
            if (!range.type().equals("*") && !range.subtype().equals("*")) {
                return false;
            }
        }
        return false;
    }

    private static String negotiate(String accept) {
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (AcceptHeader.covers(range, WADL)) {
                return WADL;
            }
            if (AcceptHeader.covers(range, XML)) {
                return XML;
            }
            if (AcceptHeader.covers(range, CapabilitiesJson.MEDIA_TYPE)) {
                return CapabilitiesJson.MEDIA_TYPE;
            }
        }
        throw DicomwebException.notAcceptable("The capabilities description is available as " + WADL + " (or " + XML
                + "), and as " + CapabilitiesJson.MEDIA_TYPE + "; Accept was: " + accept);
    }

    private static final QueryKeyCatalogue NO_KEYS = new QueryKeyCatalogue() {
        @Override
        public List<Key> keys() {
            return List.of();
        }

        @Override
        public List<ExtendedQueryTag> extendedQueryTags() {
            return List.of();
        }
    };
}
