package org.opendicomweb.wado;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.opendicomweb.security.Access;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.web.StreamingBody;
import org.opendicomweb.web.WarningHeader;
import org.opendicomweb.web.capabilities.Representations;
import org.opendicomweb.web.capabilities.Transaction;

/**
 * WADO-URI (PS3.18 §9) at {@code /dicom-web/wado}: {@code ?requestType=WADO&studyUID=…&seriesUID=…&objectUID=…}.
 * Legacy clients that expect another path (such as {@code /wado}) reach it through a reverse proxy rule.
 */
@Access(value = Permission.READ, audit = AuditKind.RETRIEVE)
@Path("/wado")
public class WadoUriResource {

    @Inject
    WadoUriService wado;

    @Inject
    HttpServerRequest request;

    @GET
    @Transaction(value = "WADO-URI Retrieve", section = "9")
    @Representations(
            produces = {"image/jpeg", "image/png", "image/gif", "application/dicom"},
            query = {
                "requestType",
                "studyUID",
                "seriesUID",
                "objectUID",
                "contentType",
                "transferSyntax",
                "frameNumber",
                "rows",
                "columns",
                "region",
                "windowCenter",
                "windowWidth",
                "imageQuality",
                "charset"
            })
    @RunOnVirtualThread
    public Response retrieve(@Context UriInfo uri) {
        WadoUriService.Answer answer = wado.answer(WadoUriRequest.parse(uri.getQueryParameters()));
        Response.ResponseBuilder response = Response.ok(
                StreamingBody.of(request, "WADO-URI " + answer.file().instance(), out -> wado.write(answer, out)),
                answer.contentType());
        if (answer.image() != null) {
            answer.image().warnings().forEach(w -> response.header(WarningHeader.NAME, WarningHeader.of(w)));
        }
        return response.build();
    }
}
