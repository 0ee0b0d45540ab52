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
import java.sql.SQLException;
import org.opendicomweb.index.Reindexer;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;

/**
 * {@code /dicom-web/admin/reindex}: how far the background reindexing got ({@code GET}), and a full new run
 * ({@code POST}, e.g. after restoring a database backup taken before extended query tags were configured). The
 * server also runs it by itself after start-up whenever some keys are missing. Not a DICOMweb resource: a
 * reverse proxy should keep {@code /dicom-web/admin} from the public.
 */
@Access(value = Permission.ADMIN, audit = AuditKind.NONE)
@Path("/admin/reindex")
public class ReindexResource {

    @Inject
    Reindexer reindexer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Reindexer.Status status() throws SQLException {
        return reindexer.status();
    }

    /** Starts a run over every stored instance: 202 at once, or with {@code wait=true} 200 once it is done. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Response reindex(@QueryParam("wait") @DefaultValue("false") boolean wait)
            throws SQLException, InterruptedException {
        reindexer.reindexAll();
        if (!wait) {
            return Response.accepted(reindexer.status()).build();
        }
        reindexer.awaitIdle();
        return Response.ok(reindexer.status()).build();
    }
}
