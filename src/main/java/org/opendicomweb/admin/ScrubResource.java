package org.opendicomweb.admin;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.opendicomweb.integrity.ScrubJob;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;

/**
 * {@code /dicom-web/admin/scrub}: reads every stored object back and checks it against its checksum ({@code POST}
 * starts a pass), and how far the pass got ({@code GET}). What it finds is listed by the integrity report. Not a
 * DICOMweb resource: a reverse proxy should keep {@code /dicom-web/admin} from the public.
 */
@Access(value = Permission.ADMIN, audit = AuditKind.NONE)
@Path("/admin/scrub")
public class ScrubResource {

    @Inject
    ScrubJob scrub;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public ScrubJob.Status status() {
        return scrub.status();
    }

    /**
     * Starts a pass, continues the one that stopped before its end (unless {@code restart=true}), or joins the one
     * running: 202 at once, or with {@code wait=true} 200 once it is done.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Response scrub(
            @QueryParam("wait") @DefaultValue("false") boolean wait,
            @QueryParam("restart") @DefaultValue("false") boolean restart)
            throws InterruptedException {
        scrub.start(restart);
        if (!wait) {
            return Response.accepted(scrub.status()).build();
        }
        scrub.awaitIdle();
        return Response.ok(scrub.status()).build();
    }
}
