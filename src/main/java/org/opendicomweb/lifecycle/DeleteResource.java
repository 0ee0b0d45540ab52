package org.opendicomweb.lifecycle;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.opendicomweb.index.InstanceDeletion.DeletedInstance;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditEvent;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.security.audit.AuditParticipants;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.UidParam;

/**
 * {@code DELETE} of a study, series or instance: not a PS3.18 transaction, but the form other DICOMweb servers
 * give it (docs/conformance.md, Delete). 204 when something was deleted, 404 when nothing matched.
 */
@Access(value = Permission.DELETE, audit = AuditKind.DELETE)
@Path("/studies")
public class DeleteResource {

    @Inject
    DeleteService service;

    @DELETE
    @Path("{study}")
    @RunOnVirtualThread
    public Response deleteStudy(@PathParam("study") String study, @Context RoutingContext routing) {
        String studyUid = UidParam.require("study", study);
        return answer(routing, service.deleteStudy(studyUid), "No study " + studyUid, false, false);
    }

    @DELETE
    @Path("{study}/series/{series}")
    @RunOnVirtualThread
    public Response deleteSeries(
            @PathParam("study") String study, @PathParam("series") String series, @Context RoutingContext routing) {
        String studyUid = UidParam.require("study", study);
        String seriesUid = UidParam.require("series", series);
        return answer(
                routing,
                service.deleteSeries(studyUid, seriesUid),
                "No series " + seriesUid + " in study " + studyUid,
                true,
                false);
    }

    @DELETE
    @Path("{study}/series/{series}/instances/{instance}")
    @RunOnVirtualThread
    public Response deleteInstance(
            @PathParam("study") String study,
            @PathParam("series") String series,
            @PathParam("instance") String instance,
            @Context RoutingContext routing) {
        String studyUid = UidParam.require("study", study);
        String seriesUid = UidParam.require("series", series);
        String sopUid = UidParam.require("instance", instance);
        return answer(
                routing,
                service.deleteInstance(studyUid, seriesUid, sopUid),
                "No instance " + sopUid + " in series " + seriesUid + " of study " + studyUid,
                true,
                true);
    }

    /**
     * 204, with the audit event's participant carrying the Patient ID read before the rows went (the audit writer
     * would look the study up too late); 404 when nothing was deleted.
     */
    private static Response answer(
            RoutingContext routing,
            List<DeletedInstance> deleted,
            String notFound,
            boolean namesSeries,
            boolean namesInstance) {
        if (deleted.isEmpty()) {
            throw DicomwebException.notFound(notFound);
        }
        DeletedInstance first = deleted.get(0);
        AuditParticipants.add(
                routing,
                new AuditEvent.Participant(
                        first.studyUid(),
                        namesSeries ? first.seriesUid() : null,
                        namesInstance ? first.sopUid() : null,
                        first.patientId()));
        return Response.noContent().build();
    }
}
