package org.opendicomweb.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * A {@code @QuarkusTest} profile for tests of access control: the server requires bearer tokens of the shared
 * {@link Keycloak} ({@link KeycloakResource}); the test obtains them with {@code Keycloak.shared().token("reader")}
 * and the like. A test class takes {@code Keycloak.shared()} before its first request (in {@code @BeforeEach}):
 * without the unpacked Keycloak that skips the test, or fails it under {@value RequiredTools#SWITCH}.
 */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}
