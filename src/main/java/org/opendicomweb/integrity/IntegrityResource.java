package org.opendicomweb.integrity;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;

/**
 * {@code GET /dicom-web/integrity}: what storing noticed about the archive's consistency (not a DICOMweb
 * transaction). {@code limit} (default 100, at most 1000) and {@code offset} page each list.
 */
@Access(value = Permission.ADMIN, audit = AuditKind.NONE)
@Path("/integrity")
public class IntegrityResource {

    @Inject
    IntegrityService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public IntegrityService.Report report(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return service.report(limit, offset);
    }
}
