package org.opendicomweb.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * A {@code @QuarkusTest} profile for tests of access control: the server requires bearer tokens of the shared
 * {@link Keycloak} ({@link KeycloakResource}); the test obtains them with {@code Keycloak.shared().token("reader")}
 * and the like. Without the unpacked Keycloak the test is skipped, or fails under
 * {@value RequiredTools#SWITCH} ({@link RequiredTools}).
 */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}
