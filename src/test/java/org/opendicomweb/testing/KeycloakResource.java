package org.opendicomweb.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The server in mode {@code oidc}, trusting the shared {@link Keycloak}'s realm {@value Keycloak#REALM} as its issuer
 * (audience and roles claim stay as application.properties sets them). Used through {@link OidcProfile}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    /** Loopback's discard port: nothing answers there. */
    private static final String NO_ISSUER = "http://127.0.0.1:9/realms/" + Keycloak.REALM;

    @Override
    public Map<String, String> start() {
        // Quarkus reports a resource that fails to start as an error, never as a skip. Without Keycloak the server
        // starts with an issuer that is not there, and the test is skipped where it asks Keycloak.shared() for
        // tokens; under RequiredTools.SWITCH it fails here.
        String issuer =
                RequiredTools.usable(Keycloak.tool()) ? Keycloak.shared().issuer() : NO_ISSUER;
        return Map.of("dicomweb.auth.mode", "oidc", "quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        // Keycloak is shared by every test of the JVM and stops when the JVM ends.
    }
}
