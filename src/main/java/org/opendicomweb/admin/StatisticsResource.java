package org.opendicomweb.admin;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.opendicomweb.index.IndexStatistics;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;

/**
 * {@code GET /dicom-web/admin/statistics}: the archive's figures (patients, studies, series, instances, stored bytes,
 * instances per modality and per month of Study Date, the index database), for the console's operations page and for
 * monitoring. Not a DICOMweb resource: a reverse proxy should keep {@code /dicom-web/admin} from the public.
 */
@Access(value = Permission.ADMIN, audit = AuditKind.NONE)
@Path("/admin/statistics")
public class StatisticsResource {

    @Inject
    IndexStatistics statistics;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public IndexStatistics.Statistics statistics() throws SQLException {
        return statistics.read();
    }
}
