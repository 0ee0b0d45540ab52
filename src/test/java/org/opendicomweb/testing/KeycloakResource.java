package org.opendicomweb.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The server in mode {@code oidc}, trusting the shared {@link Keycloak}'s realm {@value Keycloak#REALM} as its issuer
 * (audience and roles claim stay as application.properties sets them). Used through {@link OidcProfile}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "dicomweb.auth.mode",
                "oidc",
                "quarkus.oidc.auth-server-url",
                Keycloak.shared().issuer());
    }

    @Override
    public void stop() {
        // Keycloak is shared by every test of the JVM and stops when the JVM ends.
    }
}
