package org.opendicomweb.qido;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.QueryString;

/** QIDO-RS All Series ({@code /series}) and All Instances ({@code /instances}): searches across every study. */
@Path("/")
public class QidoAcrossStudiesResource {

    @Inject
    QidoService service;

    @Inject
    BaseUrl baseUrl;

    @GET
    @Path("series")
    @RunOnVirtualThread
    public Response series(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(QueryScope.allSeries(), uri, accept);
    }

    @GET
    @Path("instances")
    @RunOnVirtualThread
    public Response instances(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return search(QueryScope.allInstances(), uri, accept);
    }

    private Response search(QueryScope scope, UriInfo uri, String accept) {
        return service.search(scope, QueryString.parse(uri.getRequestUri().getRawQuery()), accept,
                baseUrl.root());
    }
}
