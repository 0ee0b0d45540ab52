package org.opendicomweb.stow;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.RejectionNote;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.AccessFilter;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditEvent;
import org.opendicomweb.security.audit.AuditEventType;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.security.audit.AuditParticipants;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.DicomResponses;
import org.opendicomweb.web.DicomResponses.DatasetType;
import org.opendicomweb.web.RequestBodyStream;
import org.opendicomweb.web.UidParam;
import org.opendicomweb.web.capabilities.Representations;
import org.opendicomweb.web.capabilities.Transaction;

/**
 * STOW-RS endpoints (PS3.18 §10.5). The body arrives as a stream on a virtual thread ({@link RequestBodyStream}),
 * so an upload of any size is stored while it is received, never buffered whole. The response type is negotiated
 * first: an Accept that nothing satisfies is a 406 before anything is stored.
 */
@Access(value = Permission.WRITE, audit = AuditKind.STORE)
@Path("/studies")
@Representations(
        consumes = {"multipart/related; type=\"application/dicom\"", "application/dicom"},
        produces = {"application/dicom+json", "application/json"})
public class StowResource {

    @Inject
    StowService service;

    @Inject
    BaseUrl baseUrl;

    @Inject
    DicomwebConfig config;

    @Inject
    AccessFilter access;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @POST
    @Transaction(value = "Store Instances", section = "10.5")
    @RunOnVirtualThread
    public Response store(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context RoutingContext routing) {
        return store(routing, contentType, accept, null);
    }

    @POST
    @Path("/{study}")
    @Transaction(value = "Store Study Instances", section = "10.5")
    @RunOnVirtualThread
    public Response storeInStudy(
            @PathParam("study") String study,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context RoutingContext routing) {
        return store(routing, contentType, accept, UidParam.require("study", study));
    }

    private Response store(RoutingContext routing, String contentType, String accept, String studyInPath) {
        DatasetType type = DicomResponses.negotiateDataset(accept, "The STOW-RS response");
        try (RequestBodyStream body = RequestBodyStream.open(
                routing, maxBodySize.asLongValue(), config.stow().readTimeout().toMillis())) {
            StowResult result = service.store(body, contentType, studyInPath);
            audit(routing, result);
            return respond(result, type);
        }
    }

    /**
     * The audit event names the instances stored (their Patient IDs are looked up when it is written); the
     * instances that stored rejection notes reject are a second event, a deletion (PS3.15 A.5.3, 110103 with action
     * D), as IHE IOCM asks.
     */
    private void audit(RoutingContext routing, StowResult result) {
        List<AuditEvent.Participant> rejected = new ArrayList<>();
        for (PartOutcome outcome : result.outcomes()) {
            if (outcome.isStored() && outcome.rejection() != null) {
                for (RejectionNote.Reference r : outcome.rejection().references()) {
                    rejected.add(new AuditEvent.Participant(r.studyUid(), r.seriesUid(), r.sopUid(), null));
                }
            }
        }
        if (!rejected.isEmpty()) {
            access.auditAlso(routing, AuditEventType.INSTANCES_DELETED, rejected);
        }
        for (PartOutcome outcome : result.outcomes()) {
            if (outcome.isStored()) {
                AuditParticipants.add(
                        routing,
                        new AuditEvent.Participant(
                                outcome.studyInstanceUid(),
                                outcome.seriesInstanceUid(),
                                outcome.sopInstanceUid(),
                                null));
            }
        }
    }

    private Response respond(StowResult result, DatasetType type) {
        StowResponse response = StowResponse.of(result, baseUrl.root());
        Response.ResponseBuilder builder =
                DicomResponses.dataset(response.dataset(), type).status(response.status());
        response.warnings().forEach(w -> builder.header("Warning", w));
        return builder.build();
    }
}
