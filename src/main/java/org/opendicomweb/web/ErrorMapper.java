package org.opendicomweb.web;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opendicomweb.index.IndexTimeout;
import org.opendicomweb.index.IndexUnavailableException;
import org.opendicomweb.storage.StorageUnavailableException;

/**
 * The one place where exceptions become HTTP responses: {@code {"status": 404, "message": "..."}} as
 * application/json, never a stack trace. Client errors are not logged (the client has the message); server
 * errors are logged once, here, with a reference that also appears in the response.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    /** Seconds a client should wait before retrying while the index or storage is down. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response dicomweb(DicomwebException e) {
        if (e.status() == 503) {
            return unavailable(e.getMessage()); // the cause was logged where it was met
        }
        if (e.status() >= 500) {
            LOG.errorf(e, "Request failed with %d: %s", e.status(), e.getMessage());
        }
        Response.ResponseBuilder response =
                Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(json(e.status(), e.getMessage()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response aborted(StreamingBody.AbortedException e) {
        return error(500, e.getMessage()); // never reaches the client, whose connection was reset
    }

    @ServerExceptionMapper
    public Response indexUnavailable(IndexUnavailableException e) {
        return unavailable(e.getMessage());
    }

    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e) {
        return unavailable(e.getMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String message =
                e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.APPLICATION_JSON).entity(json(status, message));
        // Keep what the framework decided for 405 (Allow) and similar responses.
        if (e.getResponse() != null) {
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> response.header(name, value));
                }
            });
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        IndexTimeout timeout = IndexTimeout.of(e);
        if (timeout != null) {
            // Where Sql did not turn it into IndexUnavailableException already (a statement run on a connection of
            // its own): the busy server's 503 all the same.
            LOG.warnf("Index database timeout during a request: %s", e.getMessage());
            return unavailable(timeout.message(null));
        }
        if (isConnectionFailure(e)) {
            LOG.warnf("Index database connection failed during a request: %s", e.getMessage());
            return unavailable("The index database is not reachable");
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected server error (reference %s)", reference);
        return error(500, "Internal server error (reference " + reference + ")");
    }

    /** The same 503 for a request answered on a route ahead of the REST layer. */
    public static void sendUnavailable(HttpServerResponse response, String message) {
        if (response.ended()) {
            return; // the client went away meanwhile
        }
        response.setStatusCode(503)
                .putHeader("Content-Type", MediaType.APPLICATION_JSON)
                .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .end(json(503, message));
    }

    private static Response unavailable(String message) {
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(json(503, message))
                .build();
    }

    private static Response error(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(json(status, message))
                .build();
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Hand-written so that an error can always be rendered, whatever the request's Accept header. */
    public static String json(int status, String message) {
        StringBuilder out = new StringBuilder(64 + (message == null ? 0 : message.length()));
        out.append("{\"status\":").append(status).append(",\"message\":\"");
        String text = message == null ? "" : message;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append("\"}").toString();
    }
}
