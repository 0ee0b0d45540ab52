package org.opendicomweb.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;

/**
 * Says which access control is on: one line at start-up, and in the readiness answer, where an orchestrator's
 * operator looks. A server open to anonymous remote callers says so as a warning in both places; it stays ready,
 * because that was asked for.
 */
@Readiness
@ApplicationScoped
public class AccessControlReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(AccessControlReadiness.class);
    static final String OPEN_WARNING = "dicomweb.auth.allow-anonymous-remote=true: anyone who can reach this server"
            + " reads, stores and deletes patient data without credentials";

    private final DicomwebConfig config;
    private final Optional<String> issuer;
    private final Optional<String> audience;

    @Inject
    AccessControlReadiness(
            DicomwebConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<String> audience) {
        this.config = config;
        this.issuer = issuer;
        this.audience = audience;
    }

    void report(@Observes StartupEvent started) {
        if (config.auth().mode() == AuthMode.OIDC) {
            LOG.infof(
                    "Access control: mode oidc, bearer tokens of %s for audience %s, roles %s/%s/%s/%s",
                    issuer.orElse("(quarkus.oidc.auth-server-url is not set)"),
                    audience.orElse("(any)"),
                    config.auth().roles().read(),
                    config.auth().roles().write(),
                    config.auth().roles().delete(),
                    config.auth().roles().admin());
        } else if (config.auth().allowAnonymousRemote()) {
            LOG.warn("Access control: mode none, and " + OPEN_WARNING + " (docs/security.md)");
        } else {
            LOG.info("Access control: mode none, clients on this machine only; set dicomweb.auth.mode=oidc to serve"
                    + " others (docs/security.md)");
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("access-control")
                .withData("mode", config.auth().mode().name().toLowerCase(java.util.Locale.ROOT))
                .up();
        if (config.auth().mode() == AuthMode.NONE) {
            response.withData("clients", config.auth().allowAnonymousRemote() ? "anyone" : "this machine only");
            if (config.auth().allowAnonymousRemote()) {
                response.withData("warning", OPEN_WARNING);
            }
        } else {
            issuer.ifPresent(url -> response.withData("issuer", url));
        }
        return response.build();
    }
}
