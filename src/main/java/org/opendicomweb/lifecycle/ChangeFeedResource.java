package org.opendicomweb.lifecycle;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.QueryString;
import org.opendicomweb.web.capabilities.Representations;

/**
 * {@code GET /dicom-web/changefeed} and {@code /changefeed/latest}: every store, replacement, deletion and rejection
 * of an instance in commit order, in the shape of Microsoft's DICOM server (not a DICOMweb transaction; see
 * docs/conformance.md). A search of what changed, so audited as a query; entries may carry metadata, so readers only.
 */
@Access(value = Permission.READ, audit = AuditKind.QUERY)
@Path("/changefeed")
public class ChangeFeedResource {

    @Inject
    ChangeFeedService service;

    @Inject
    BaseUrl baseUrl;

    @GET
    @RunOnVirtualThread
    @Representations(
            produces = MediaType.APPLICATION_JSON,
            query = {"offset", "limit", "startTime", "endTime", "includeMetadata"},
            doc = "The entries after Sequence offset (limit default 10, at most 100), or those changed from startTime"
                    + " to before endTime with offset of them skipped (limit default 100, at most 200).")
    public Response page(@Context UriInfo uri) {
        byte[] page = service.page(QueryString.parse(uri.getRequestUri().getRawQuery()), baseUrl.root());
        return Response.ok(page, MediaType.APPLICATION_JSON).build();
    }

    /** 204 while the feed is empty: what Microsoft's server answers for its null entry. */
    @GET
    @Path("latest")
    @RunOnVirtualThread
    @Representations(
            produces = MediaType.APPLICATION_JSON,
            query = {"includeMetadata"},
            doc = "The entry with the greatest Sequence; 204 while there is none.")
    public Response latest(@Context UriInfo uri) {
        return service.latest(QueryString.parse(uri.getRequestUri().getRawQuery()), baseUrl.root())
                .map(entry -> Response.ok(entry, MediaType.APPLICATION_JSON))
                .orElseGet(Response::noContent)
                .build();
    }
}
