package org.opendicomweb.web;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;

/**
 * {@code GET /dicom-web}: a small description of this service, so that an operator (or a load balancer) can
 * see where the API is and whether its index is up. Answers even while the database is down.
 */
@Access(value = Permission.PUBLIC, audit = AuditKind.NONE)
@Path("/")
public class ServiceResource {

    @Inject
    BaseUrl baseUrl;

    @Inject
    IndexDatabase index;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Map<String, Object> describe() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "OpenDICOMweb");
        body.put("version", version);
        body.put("root", baseUrl.root());
        body.put("database", index.kind().unitName());
        body.put("indexReady", index.isMigrated());
        return body;
    }
}
