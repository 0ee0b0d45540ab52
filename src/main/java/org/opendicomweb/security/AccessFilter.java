package org.opendicomweb.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.security.RouteRules.Rule;
import org.opendicomweb.security.audit.AuditEvent;
import org.opendicomweb.security.audit.AuditEventType;
import org.opendicomweb.security.audit.AuditTrail;
import org.opendicomweb.web.ErrorMapper;

/**
 * The one gate every request passes: it finds what the request needs ({@link RouteRules}), identifies the caller
 * (by address in mode {@code none}, by bearer token in mode {@code oidc}), refuses with the status and challenge of
 * RFC 6750 §3, and has the audit trail record the request once its answer is sent.
 *
 * <p>A Vert.x filter rather than annotations on resources: it runs ahead of every route, so the event-loop routes
 * that answer WADO-RS instances and frames outside the REST layer are guarded by the same rule as the REST
 * endpoints of the same paths.
 */
@ApplicationScoped
public class AccessFilter {
    /**
     * After CORS (300), so that preflights are answered without credentials, as browsers send none, and refusals
     * carry the allow-origin header a web viewer needs to read them; after Quarkus' authentication handler (200),
     * which, authentication not being proactive, only prepares the deferred identity this filter asks for; before
     * every route (routes come after all filters).
     */
    static final int PRIORITY = 50;

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);

    static final String LOCAL_ONLY = "This server is in mode 'none' (dicomweb.auth.mode): it serves clients on its"
            + " own machine only and has no way to tell who else is calling. Turn on authentication with"
            + " dicomweb.auth.mode=oidc (docs/security.md), or set dicomweb.auth.allow-anonymous-remote=true to let"
            + " anyone who reaches it read and write without credentials.";

    private static final String CALLER_KEY = Caller.class.getName();
    private static final BiConsumer<RoutingContext, Throwable> IGNORE_FAILURE = (ctx, failure) -> {};

    private final RouteRules rules;
    private final AuditTrail audit;
    private final AuthMode mode;
    private final boolean anonymousRemote;
    private final String realm;
    private final Map<Permission, String> roleNames = new EnumMap<>(Permission.class);
    private final VerifiedTokens tokens = new VerifiedTokens();

    @Inject
    AccessFilter(RouteRules rules, AuditTrail audit, DicomwebConfig config) {
        this.rules = rules;
        this.audit = audit;
        this.mode = config.auth().mode();
        this.anonymousRemote = config.auth().allowAnonymousRemote();
        this.realm = config.auth().realm().replace("\"", "");
        DicomwebConfig.Auth.Roles roles = config.auth().roles();
        roleNames.put(Permission.READ, roles.read());
        roleNames.put(Permission.WRITE, roles.write());
        roleNames.put(Permission.DELETE, roles.delete());
        roleNames.put(Permission.ADMIN, roles.admin());
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** The caller a request was admitted as, for those who need the name (null before the filter ran). */
    public static Caller callerOf(RoutingContext request) {
        return request.get(CALLER_KEY);
    }

    /**
     * Whether the caller a request was admitted as may also do what {@code permission} allows, for an operation
     * that asks more of some of its parameters than of itself. In mode {@code none} every admitted caller may: that
     * mode admits only whom it trusts with everything.
     */
    public boolean permits(RoutingContext request, Permission permission) {
        if (mode == AuthMode.NONE || permission == Permission.PUBLIC) {
            return true;
        }
        Caller caller = callerOf(request);
        String role = roleNames.get(permission);
        return caller != null && (role == null || caller.roles().contains(role));
    }

    /**
     * Records a further audit event for an admitted request once it is answered, with the request's caller, client
     * and status: a store that also rejects instances (IHE IOCM) is a deletion of them as well.
     */
    public void auditAlso(RoutingContext ctx, AuditEventType type, List<AuditEvent.Participant> participants) {
        Caller caller = callerOf(ctx);
        HttpServerRequest request = ctx.request();
        ctx.addEndHandler(ended -> {
            int status = ctx.response().getStatusCode();
            audit.record(new AuditEvent(
                    Instant.now(),
                    type,
                    AuditEvent.outcomeOf(status),
                    caller == null ? null : caller.subject(),
                    caller == null ? null : caller.userName(),
                    ClientAddress.of(request),
                    request.method().name(),
                    request.path(),
                    null,
                    status,
                    participants));
        });
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (isPreflight(request)) {
            ctx.next();
            return;
        }
        Rule rule = rules.ruleFor(request.method().name(), ctx.normalizedPath());
        if (rule.permission() == Permission.PUBLIC) {
            ctx.next();
            return;
        }
        if (mode == AuthMode.NONE) {
            if (anonymousRemote || ClientAddress.isLocal(request)) {
                admit(ctx, rule, Caller.ANONYMOUS);
            } else {
                refuse(ctx, rule, Caller.ANONYMOUS, AuditEventType.ACCESS_DENIED, 403, null, LOCAL_ONLY);
            }
            return;
        }
        String token = BearerToken.of(request);
        if (token == null) {
            String message = request.headers().contains("Authorization")
                    ? "Only bearer tokens (RFC 6750) are accepted in the Authorization header."
                    : "This request needs credentials: an access token of the configured OpenID Connect issuer"
                            + " in an 'Authorization: Bearer' header.";
            refuse(ctx, rule, null, AuditEventType.AUTHENTICATION_FAILED, 401, null, message);
            return;
        }
        Caller known = tokens.find(token, Instant.now());
        if (known != null) {
            authorize(ctx, rule, known);
            return;
        }
        // A failed verification is answered here, with our body and challenge, not by the HTTP layer's handler.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_FAILURE);
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) { // the OpenID Connect extension is off although the mode is oidc: never admit
            LOG.error("Mode oidc, but no identity can be established: is quarkus.oidc.tenant-enabled false?");
            refuse(
                    ctx,
                    rule,
                    null,
                    AuditEventType.AUTHENTICATION_FAILED,
                    401,
                    null,
                    "This server cannot verify tokens at the moment.");
            return;
        }
        identity.subscribe()
                .with(
                        verified -> {
                            if (verified == null || verified.isAnonymous()) {
                                invalidToken(ctx, rule);
                            } else {
                                authorize(ctx, rule, keep(token, verified));
                            }
                        },
                        failure -> invalidToken(ctx, rule));
    }

    private Caller keep(String token, SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        String userName = null;
        Instant expiry = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            userName = jwt.getClaim("preferred_username");
            expiry = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
        }
        Caller verified = new Caller(subject, userName, Set.copyOf(identity.getRoles()), Instant.MAX);
        return tokens.keep(token, verified, Instant.now(), expiry);
    }

    private void authorize(RoutingContext ctx, Rule rule, Caller caller) {
        String role = roleNames.get(rule.permission());
        if (role == null || caller.roles().contains(role)) {
            admit(ctx, rule, caller);
            return;
        }
        String challenge = "error=\"insufficient_scope\", error_description=\"the role " + role + " is needed\"";
        refuse(
                ctx,
                rule,
                caller,
                AuditEventType.ACCESS_DENIED,
                403,
                challenge,
                "This operation needs the role '" + role + "', which the token of '" + caller.displayName()
                        + "' does not carry.");
    }

    private void invalidToken(RoutingContext ctx, Rule rule) {
        refuse(
                ctx,
                rule,
                null,
                AuditEventType.AUTHENTICATION_FAILED,
                401,
                "error=\"invalid_token\", error_description=\"the access token is not valid here\"",
                "The bearer token was not accepted: it is malformed, expired, not signed with the issuer's keys,"
                        + " or issued by another issuer or for another audience.");
    }

    private void admit(RoutingContext ctx, Rule rule, Caller caller) {
        ctx.put(CALLER_KEY, caller);
        AuditEventType type = AuditEvents.typeOf(rule);
        if (type != null) {
            ctx.addEndHandler(ended -> audit.record(AuditEvents.of(ctx, rule, caller, type)));
        }
        ctx.next();
    }

    /**
     * Answers a refusal with our JSON error body and, in mode {@code oidc}, the RFC 6750 challenge; the refusal is
     * audited like any access to patient data.
     */
    private void refuse(
            RoutingContext ctx,
            Rule rule,
            Caller caller,
            AuditEventType type,
            int status,
            String challengeParameters,
            String message) {
        if (ctx.response().ended()) {
            return; // the client went away meanwhile
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        if (mode == AuthMode.OIDC) {
            String challenge = "Bearer realm=\"" + realm + "\"";
            ctx.response()
                    .putHeader(
                            "WWW-Authenticate",
                            challengeParameters == null ? challenge : challenge + ", " + challengeParameters);
        }
        ctx.response().end(ErrorMapper.json(status, message));
        audit.record(AuditEvents.of(ctx, rule, caller, type));
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS
                && request.headers().contains("Origin")
                && request.headers().contains("Access-Control-Request-Method");
    }
}
