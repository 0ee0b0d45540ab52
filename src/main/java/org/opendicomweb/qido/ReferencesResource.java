package org.opendicomweb.qido;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.opendicomweb.qido.ReferencesService.Direction;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.QueryString;
import org.opendicomweb.web.UidParam;
import org.opendicomweb.web.capabilities.Representations;

/**
 * The references graph, our extension below an instance's WADO-RS URL (not a DICOMweb transaction; see
 * docs/conformance.md): {@code .../references}, what the instance references, and {@code .../referenced-by}, what
 * references it, across studies. A search by relation, so audited as a query and open to readers.
 */
@Access(value = Permission.READ, audit = AuditKind.QUERY)
@Path("/studies")
@Representations(
        produces = {"application/dicom+json", "application/json", "multipart/related; type=\"application/dicom+xml\""},
        query = {"includefield"},
        doc = "Results as Search for All Instances answers them, with Instance Availability UNAVAILABLE for an"
                + " instance not stored here and the private Reference Path (0009,1010) of creator OPENDICOMWEB.")
public class ReferencesResource {

    @Inject
    ReferencesService service;

    @Inject
    BaseUrl baseUrl;

    @GET
    @Path("{study}/series/{series}/instances/{instance}/references")
    @RunOnVirtualThread
    public Response references(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @Context UriInfo uri,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(Direction.REFERENCES, study, series, instance, uri, accept);
    }

    @GET
    @Path("{study}/series/{series}/instances/{instance}/referenced-by")
    @RunOnVirtualThread
    public Response referencedBy(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @Context UriInfo uri,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(Direction.REFERENCED_BY, study, series, instance, uri, accept);
    }

    private Response answer(
            Direction direction, String study, String series, String instance, UriInfo uri, String accept) {
        return service.answer(
                direction,
                UidParam.require("study", study),
                UidParam.require("series", series),
                UidParam.require("instance", instance),
                QueryString.parse(uri.getRequestUri().getRawQuery()),
                accept,
                baseUrl.root());
    }
}
