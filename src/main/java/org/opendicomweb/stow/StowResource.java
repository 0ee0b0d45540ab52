package org.opendicomweb.stow;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.DicomResponses;
import org.opendicomweb.web.DicomResponses.DatasetType;
import org.opendicomweb.web.UidParam;
import org.opendicomweb.web.capabilities.Representations;
import org.opendicomweb.web.capabilities.Transaction;

/**
 * STOW-RS endpoints (PS3.18 §10.5). The body arrives as a stream on a virtual thread, so an upload of any size
 * is stored while it is received, never buffered whole. The response type is negotiated first: an Accept that
 * nothing satisfies is a 406 before anything is stored.
 */
@Path("/studies")
@Representations(consumes = {"multipart/related; type=\"application/dicom\"", "application/dicom"},
        produces = {"application/dicom+json", "application/json"})
public class StowResource {

    @Inject
    StowService service;

    @Inject
    BaseUrl baseUrl;

    @POST
    @Transaction(value = "Store Instances", section = "10.5")
    @RunOnVirtualThread
    public Response store(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, InputStream body) {
        DatasetType type = DicomResponses.negotiateDataset(accept, "The STOW-RS response");
        return respond(service.store(body, contentType, null), type);
    }

    @POST
    @Path("/{study}")
    @Transaction(value = "Store Study Instances", section = "10.5")
    @RunOnVirtualThread
    public Response storeInStudy(@PathParam("study") String study,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, InputStream body) {
        DatasetType type = DicomResponses.negotiateDataset(accept, "The STOW-RS response");
        return respond(service.store(body, contentType, UidParam.require("study", study)), type);
    }

    private Response respond(StowResult result, DatasetType type) {
        StowResponse response = StowResponse.of(result, baseUrl.root());
        Response.ResponseBuilder builder = DicomResponses.dataset(response.dataset(), type).status(response.status());
        response.warnings().forEach(w -> builder.header("Warning", w));
        return builder.build();
    }
}
