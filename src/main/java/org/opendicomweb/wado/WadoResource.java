package org.opendicomweb.wado;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.StreamingBody;

/**
 * WADO-RS endpoints (PS3.18 §10.4): metadata, instances, frames and bulk data of studies, series and instances.
 * Each method parses the URL, asks a service and sends what it answers; bodies are streamed on a virtual
 * thread.
 */
@Path("/studies")
public class WadoResource {

    @Inject
    MetadataService metadata;

    @Inject
    BaseUrl baseUrl;

    @Inject
    HttpServerRequest request;

    @GET
    @Path("/{study}/metadata")
    @RunOnVirtualThread
    @Compressed
    public Response studyMetadata(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metadata(RetrieveTarget.of(study, null, null), accept, ifNoneMatch);
    }

    @GET
    @Path("/{study}/series/{series}/metadata")
    @RunOnVirtualThread
    @Compressed
    public Response seriesMetadata(@PathParam("study") String study, @PathParam("series") String series,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metadata(RetrieveTarget.of(study, series, null), accept, ifNoneMatch);
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/metadata")
    @RunOnVirtualThread
    @Compressed
    public Response instanceMetadata(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metadata(RetrieveTarget.of(study, series, instance), accept, ifNoneMatch);
    }

    private Response metadata(RetrieveTarget target, String accept, String ifNoneMatch) {
        String type = metadata.negotiate(accept);
        String root = baseUrl.root();
        String tag = metadata.entityTag(target, root);
        if (metadata.notModified(ifNoneMatch, tag)) {
            return Response.notModified().header(HttpHeaders.ETAG, tag).build();
        }
        return Response.ok(StreamingBody.of(request, target.describe(), out -> metadata.write(target, root, out)), type)
                .header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }
}
