package org.opendicomweb.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.StagedBlob;
import org.opendicomweb.web.DicomwebException;

/** Test-only endpoints that exercise the shared HTTP behaviour before real transactions exist. */
@Access(value = Permission.ADMIN, audit = AuditKind.NONE)
@Path("/test-probe")
public class TestProbeResource {

    @Inject
    IndexDatabase index;

    @Inject
    BlobStore store;

    @GET
    @Path("/index")
    public String index() {
        index.dataSource();
        return "ok";
    }

    @GET
    @Path("/storage")
    public String storage() throws IOException {
        try (StagedBlob staged = store.stage()) {
            return "staged";
        }
    }

    @GET
    @Path("/conflict")
    @Produces("application/dicom+json")
    public String conflict() {
        throw DicomwebException.conflict("Study 1.2.3 \"already\" exists");
    }

    @GET
    @Path("/crash")
    public String crash() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
