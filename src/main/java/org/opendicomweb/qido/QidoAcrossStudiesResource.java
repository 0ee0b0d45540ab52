package org.opendicomweb.qido;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.AccessFilter;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.QueryString;
import org.opendicomweb.web.capabilities.Representations;
import org.opendicomweb.web.capabilities.Transaction;

/** QIDO-RS All Series ({@code /series}) and All Instances ({@code /instances}): searches across every study. */
@Access(value = Permission.READ, audit = AuditKind.QUERY)
@Path("/")
@Representations(
        produces = {"application/dicom+json", "application/json", "multipart/related; type=\"application/dicom+xml\""},
        query = {"{attributeID}", "includefield", "fuzzymatching", "limit", "offset", "includerejected"},
        doc = "{attributeID}: a matching key by keyword (PatientID) or tag (00100020); see the conformance statement.")
public class QidoAcrossStudiesResource {

    @Inject
    QidoService service;

    @Inject
    BaseUrl baseUrl;

    @Inject
    AccessFilter access;

    @Context
    RoutingContext routing;

    @GET
    @Path("series")
    @Transaction(value = "Search for All Series", section = "10.6", searchLevel = "series")
    @RunOnVirtualThread
    public Response series(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(QueryScope.allSeries(), uri, accept);
    }

    @GET
    @Path("instances")
    @Transaction(value = "Search for All Instances", section = "10.6", searchLevel = "instance")
    @RunOnVirtualThread
    public Response instances(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(QueryScope.allInstances(), uri, accept);
    }

    private Response search(QueryScope scope, UriInfo uri, String accept) {
        return service.search(
                scope,
                QueryString.parse(uri.getRequestUri().getRawQuery()),
                accept,
                baseUrl.root(),
                access.permits(routing, Permission.ADMIN));
    }
}
