package org.opendicomweb.qido;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.opendicomweb.web.UidParam;
import org.opendicomweb.web.capabilities.Representations;
import org.opendicomweb.web.capabilities.Transaction;

/**
 * QIDO-RS, the search transaction (PS3.18 §10.6): the four resources of Table 10.6.1-2 below {@code /studies};
 * All Series and All Instances are in {@link QidoAcrossStudiesResource}. Query parameters arrive percent-decoded;
 * everything else is {@link QidoService}'s.
 *
 * <p>STOW-RS shares the {@code /studies} path; the framework merges resource classes with the same path.
 */
@Access(value = Permission.READ, audit = AuditKind.QUERY)
@Path("/studies")
@Representations(
        produces = {"application/dicom+json", "application/json", "multipart/related; type=\"application/dicom+xml\""},
        query = {"{attributeID}", "includefield", "fuzzymatching", "limit", "offset", "includerejected"},
        doc = "{attributeID}: a matching key by keyword (PatientID) or tag (00100020); see the conformance statement.")
public class QidoResource {

    @Inject
    QidoService service;

    @Inject
    BaseUrl baseUrl;

    @Inject
    AccessFilter access;

    @Context
    RoutingContext routing;

    @GET
    @Transaction(value = "Search for Studies", section = "10.6", searchLevel = "study")
    @RunOnVirtualThread
    public Response studies(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(QueryScope.allStudies(), uri, accept);
    }

    @GET
    @Path("{study}/series")
    @Transaction(value = "Search for Study Series", section = "10.6", searchLevel = "series")
    @RunOnVirtualThread
    public Response seriesOfStudy(
            @PathParam("study") String study, @Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(QueryScope.seriesOfStudy(UidParam.require("study", study)), uri, accept);
    }

    @GET
    @Path("{study}/series/{series}/instances")
    @Transaction(value = "Search for Study Series Instances", section = "10.6", searchLevel = "instance")
    @RunOnVirtualThread
    public Response instancesOfSeries(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @Context UriInfo uri,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(
                QueryScope.instancesOfSeries(UidParam.require("study", study), UidParam.require("series", series)),
                uri,
                accept);
    }

    @GET
    @Path("{study}/instances")
    @Transaction(value = "Search for Study Instances", section = "10.6", searchLevel = "instance")
    @RunOnVirtualThread
    public Response instancesOfStudy(
            @PathParam("study") String study, @Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(QueryScope.instancesOfStudy(UidParam.require("study", study)), uri, accept);
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
