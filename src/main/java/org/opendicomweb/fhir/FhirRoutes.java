package org.opendicomweb.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quarkus.virtual.threads.VirtualThreads;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opendicomweb.fhir.ImagingStudyService.Answer;
import org.opendicomweb.fhir.ImagingStudyService.Body;
import org.opendicomweb.fhir.ImagingStudyService.Urls;
import org.opendicomweb.index.IndexUnavailableException;
import org.opendicomweb.security.Permission;
import org.opendicomweb.security.RouteRules.Rule;
import org.opendicomweb.security.RoutesOutsideTheApi;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.security.audit.AuditParticipants;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.QueryString;

/**
 * The FHIR endpoints at {@code /fhir}, beside the DICOMweb API: {@code GET /fhir/metadata} (public, as the
 * CapabilityStatement holds no patient data), {@code GET /fhir/ImagingStudy/{id}} and {@code GET
 * /fhir/ImagingStudy?...} (the READ role, audited as queries). Everything else below {@code /fhir} is answered with
 * an OperationOutcome: 404 for what is not there, 405 for a method other than GET.
 *
 * <p>Why Vert.x routes and not a REST resource: every REST resource is mounted below {@code quarkus.rest.path}
 * ({@code /dicom-web}), while a FHIR base URL is a root of its own, which FHIR clients are configured with. The
 * routes run the index queries on a virtual thread, as the REST layer would, and stream the JSON. The access filter
 * runs ahead of them as of every route; the rules are declared here ({@link RoutesOutsideTheApi}).
 */
@ApplicationScoped
public class FhirRoutes implements RoutesOutsideTheApi {
    static final String PREFIX = "/fhir";

    private static final Logger LOG = Logger.getLogger(FhirRoutes.class);
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Rule METADATA = new Rule(Permission.PUBLIC, AuditKind.NONE, Map.of());
    private static final Rule SEARCH = new Rule(Permission.READ, AuditKind.QUERY, Map.of());
    private static final Rule ELSEWHERE = new Rule(Permission.AUTHENTICATED, AuditKind.NONE, Map.of());

    private final ImagingStudyService studies;
    private final PatientIdSystems systems;
    private final BaseUrl baseUrl;
    private final ExecutorService virtualThreads;
    private final String version;
    private final Instant started = Instant.now();

    @Inject
    FhirRoutes(
            ImagingStudyService studies,
            PatientIdSystems systems,
            BaseUrl baseUrl,
            @VirtualThreads ExecutorService virtualThreads,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.studies = studies;
        this.systems = systems;
        this.baseUrl = baseUrl;
        this.virtualThreads = virtualThreads;
        this.version = version;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Rule ruleFor(String method, String relativePath) {
        if (!method.equals("GET")) {
            return ELSEWHERE;
        }
        if (relativePath.equals("/metadata")) {
            return METADATA;
        }
        if (relativePath.equals("/ImagingStudy")) {
            return SEARCH;
        }
        if (relativePath.startsWith("/ImagingStudy/") && relativePath.indexOf('/', 14) < 0) {
            return new Rule(Permission.READ, AuditKind.QUERY, Map.of("study", relativePath.substring(14)));
        }
        return ELSEWHERE;
    }

    void register(@Observes Router router) {
        router.get(PREFIX + "/metadata").handler(ctx -> answer(ctx, () -> capabilities(ctx)));
        router.get(PREFIX + "/ImagingStudy").handler(ctx -> answer(ctx, () -> search(ctx)));
        router.get(PREFIX + "/ImagingStudy/:id").handler(ctx -> answer(ctx, () -> read(ctx)));
        router.route(PREFIX + "/*").handler(this::elsewhere);
    }

    /** What the answer is, decided on a virtual thread before anything is sent. */
    @FunctionalInterface
    private interface Decision {
        Answer decide() throws SQLException;
    }

    private Answer capabilities(RoutingContext ctx) {
        String base = fhirBase(ctx);
        return new Answer(List.of(), g -> CapabilityStatementJson.write(g, base, started, version));
    }

    private Answer read(RoutingContext ctx) throws SQLException {
        return studies.read(ctx.pathParam("id"), urls(ctx));
    }

    private Answer search(RoutingContext ctx) throws SQLException {
        Map<String, List<String>> parameters;
        try {
            parameters = QueryString.parse(ctx.request().query());
        } catch (DicomwebException e) {
            throw FhirException.invalid(e.getMessage());
        }
        String prefer = ctx.request().getHeader("Prefer");
        boolean lenient = prefer != null && prefer.replace(" ", "").contains("handling=lenient");
        return studies.search(ImagingStudySearch.parse(parameters, lenient, systems), urls(ctx));
    }

    private void answer(RoutingContext ctx, Decision decision) {
        Context context = ctx.vertx().getOrCreateContext();
        virtualThreads.execute(() -> {
            String contentType = FhirFormat.FHIR_JSON;
            Answer answer;
            try {
                Map<String, List<String>> parameters =
                        QueryString.parse(ctx.request().query());
                contentType = FhirFormat.negotiate(
                        first(parameters, "_format"), ctx.request().getHeader("Accept"));
                answer = decision.decide();
            } catch (FhirException e) {
                outcome(ctx, e.status(), e.code(), e.getMessage(), contentType);
                return;
            } catch (DicomwebException e) {
                outcome(ctx, e.status(), "invalid", e.getMessage(), contentType);
                return;
            } catch (Exception e) {
                failed(ctx, e, contentType);
                return;
            }
            answer.participants().forEach(p -> AuditParticipants.add(ctx, p));
            boolean pretty = "true".equals(first(QueryString.parse(ctx.request().query()), "_pretty"));
            send(ctx, context, contentType, answer.body(), pretty);
        });
    }

    /** Streams the body; a failure once the head is out breaks the response off, so it never looks complete. */
    private void send(RoutingContext ctx, Context context, String contentType, Body body, boolean pretty) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(200).putHeader("Content-Type", contentType);
        try {
            ResponseStream out = new ResponseStream(response, context);
            JsonGenerator g = JSON.createGenerator(out);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            body.write(g);
            g.flush();
            out.finish();
        } catch (IOException | SQLException | RuntimeException e) {
            if (!response.headWritten()) {
                failed(ctx, e, contentType); // nothing sent yet: an answer of its own
                return;
            }
            LOG.warnf(
                    "Aborting the FHIR response to %s after a failure while sending it: %s",
                    ctx.request().uri(), e);
            if (!response.ended()) {
                response.reset();
            }
        }
    }

    private void failed(RoutingContext ctx, Exception e, String contentType) {
        if (e instanceof IndexUnavailableException || isConnectionFailure(e)) {
            LOG.warnf("The index could not answer a FHIR request: %s", e.getMessage());
            ctx.response().putHeader("Retry-After", "5");
            outcome(ctx, 503, "transient", "The index database is not reachable at the moment.", contentType);
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure of a FHIR request (reference %s)", reference);
        outcome(ctx, 500, "exception", "Internal server error (reference " + reference + ")", contentType);
    }

    /** Below /fhir, but no route of ours: 405 for a path we answer with GET, else 404. */
    private void elsewhere(RoutingContext ctx) {
        String mount = ctx.mountPoint() == null ? "" : ctx.mountPoint().replaceAll("/+$", "");
        String relative = ctx.normalizedPath().substring(mount.length() + PREFIX.length());
        boolean known = relative.equals("/metadata")
                || relative.equals("/ImagingStudy")
                || (relative.startsWith("/ImagingStudy/") && relative.indexOf('/', 14) < 0);
        if (known && ctx.request().method() != HttpMethod.GET) {
            ctx.response().putHeader("Allow", "GET");
            outcome(ctx, 405, "not-supported", "Only GET is supported here: this server reads and searches.", null);
        } else {
            outcome(
                    ctx,
                    404,
                    "not-found",
                    "No such FHIR endpoint: this server offers GET " + PREFIX + "/metadata, " + PREFIX
                            + "/ImagingStudy/{id} and " + PREFIX + "/ImagingStudy?{search}.",
                    null);
        }
    }

    /** An OperationOutcome with one issue of severity error (R5 RESTful API, "Handling Errors"). */
    static void outcome(RoutingContext ctx, int status, String code, String message, String contentType) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(body)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "OperationOutcome");
            g.writeArrayFieldStart("issue");
            g.writeStartObject();
            g.writeStringField("severity", "error");
            g.writeStringField("code", code);
            g.writeStringField("diagnostics", message);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory does not fail", e);
        }
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", contentType == null ? FhirFormat.FHIR_JSON : contentType)
                .end(io.vertx.core.buffer.Buffer.buffer(body.toByteArray()));
    }

    private Urls urls(RoutingContext ctx) {
        return new Urls(fhirBase(ctx), baseUrl.root(ctx.request()));
    }

    private String fhirBase(RoutingContext ctx) {
        return baseUrl.applicationRoot(ctx.request()) + PREFIX;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
