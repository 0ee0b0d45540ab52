package org.opendicomweb.wado;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
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
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.web.StreamingBody;
import org.opendicomweb.web.WarningHeader;
import org.opendicomweb.web.capabilities.Representations;
import org.opendicomweb.web.capabilities.Transaction;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * The rendered and thumbnail resources of WADO-RS (PS3.18 §10.4): images for display, made from the stored
 * pixels at every level (study, series, instance, frames). Rendering happens while the body is sent, on a
 * virtual thread.
 */
@Access(value = Permission.READ, audit = AuditKind.RETRIEVE)
@Path("/studies")
@Representations(
        produces = {"image/jpeg", "image/png", "image/gif", "multipart/related; type=\"image/jpeg\""},
        query = {"accept", "window", "quality", "viewport", "annotation", "iccprofile"})
public class RenderedResource {

    @Inject
    RenderedService rendered;

    @Inject
    HttpServerRequest request;

    @GET
    @Path("/{study}/rendered")
    @Transaction(value = "Retrieve Rendered Study", section = "10.4")
    @RunOnVirtualThread
    public Response study(
            @PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        return send(rendered.collection(RetrieveTarget.of(study, null, null), accept, rendering(uri)));
    }

    @GET
    @Path("/{study}/series/{series}/rendered")
    @Transaction(value = "Retrieve Rendered Series", section = "10.4")
    @RunOnVirtualThread
    public Response series(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        return send(rendered.collection(RetrieveTarget.of(study, series, null), accept, rendering(uri)));
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/rendered")
    @Transaction(value = "Retrieve Rendered Instance", section = "10.4")
    @RunOnVirtualThread
    public Response instance(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        return send(rendered.instance(RetrieveTarget.of(study, series, instance), accept, rendering(uri)));
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/frames/{frames}/rendered")
    @Transaction(value = "Retrieve Rendered Frames", section = "10.4")
    @RunOnVirtualThread
    public Response frames(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @PathParam("frames") String frames,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        return send(rendered.frames(RetrieveTarget.of(study, series, instance), frames, accept, rendering(uri)));
    }

    @GET
    @Path("/{study}/thumbnail")
    @Transaction(value = "Retrieve Study Thumbnail", section = "10.4")
    @RunOnVirtualThread
    public Response studyThumbnail(
            @PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        return send(rendered.thumbnail(RetrieveTarget.of(study, null, null), null, accept, thumbnail(uri)));
    }

    @GET
    @Path("/{study}/series/{series}/thumbnail")
    @Transaction(value = "Retrieve Series Thumbnail", section = "10.4")
    @RunOnVirtualThread
    public Response seriesThumbnail(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        return send(rendered.thumbnail(RetrieveTarget.of(study, series, null), null, accept, thumbnail(uri)));
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/thumbnail")
    @Transaction(value = "Retrieve Instance Thumbnail", section = "10.4")
    @RunOnVirtualThread
    public Response instanceThumbnail(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        return send(rendered.thumbnail(RetrieveTarget.of(study, series, instance), null, accept, thumbnail(uri)));
    }

    @GET
    @Path("/{study}/series/{series}/instances/{instance}/frames/{frames}/thumbnail")
    @Transaction(value = "Retrieve Frames Thumbnail", section = "10.4")
    @RunOnVirtualThread
    public Response framesThumbnail(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @PathParam("frames") String frames,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        return send(rendered.thumbnail(RetrieveTarget.of(study, series, instance), frames, accept, thumbnail(uri)));
    }

    private static RenderedParameters rendering(UriInfo uri) {
        return RenderedParameters.forRendered(uri.getQueryParameters());
    }

    private static RenderedParameters thumbnail(UriInfo uri) {
        return RenderedParameters.forThumbnail(uri.getQueryParameters());
    }

    private Response send(RenderedService.Plan plan) {
        String boundary = MultipartWriter.newBoundary();
        Response.ResponseBuilder response = Response.status(plan.status())
                .type(plan.contentType(boundary))
                .entity(StreamingBody.of(
                        request,
                        "rendered " + plan.sources().get(0).file().instance(),
                        out -> rendered.write(plan, boundary, out)));
        plan.warnings().forEach(w -> response.header(WarningHeader.NAME, WarningHeader.of(w)));
        return response.build();
    }
}
