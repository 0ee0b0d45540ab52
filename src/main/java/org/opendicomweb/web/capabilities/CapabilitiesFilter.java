package org.opendicomweb.web.capabilities;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * Retrieve Capabilities (PS3.18 §8.9): {@code OPTIONS} on the service root, or on any resource below it, is
 * answered with the WADL description of that resource and its children and an {@code Allow} header.
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

    @ServerRequestFilter(preMatching = true)
    public Response describe(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        ResourceTree.Match match = capabilities.tree().find(path);
        if (match == null) {
            throw DicomwebException.notFound("No resource at " + path);
        }
        String type = negotiate(request.getHeaderString(HttpHeaders.ACCEPT));
        return Response.ok(WadlWriter.write(baseUrl.root(), match), type + ";charset=UTF-8")
                .header("Allow", String.join(", ", match.node().allowedMethods()))
                .build();
    }

    private static String negotiate(String accept) {
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (AcceptHeader.covers(range, WADL)) {
                return WADL;
            }
            if (AcceptHeader.covers(range, XML)) {
                return XML;
            }
        }
        throw DicomwebException.notAcceptable("The capabilities description is available as " + WADL + " (or " + XML
                + ") only; Accept was: " + accept);
    }
}
