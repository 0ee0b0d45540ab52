package org.opendicomweb.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;

/** Mode none opened to every client on purpose: served, and said so where an operator looks. */
@QuarkusTest
@TestProfile(AnonymousRemoteTest.OpenToEveryone.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class AnonymousRemoteTest {

    public static class OpenToEveryone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicomweb.auth.allow-anonymous-remote", "true");
        }
    }

    @Test
    void aClientElsewhereIsServed() {
        given().header("X-Forwarded-For", "203.0.113.5")
                .when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    @Test
    void readinessWarnsThatAnyoneMayReadAndWrite() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'access-control' }.data.clients", equalTo("anyone"))
                .body(
                        "checks.find { it.name == 'access-control' }.data.warning",
                        containsString("allow-anonymous-remote=true"));
    }
}
