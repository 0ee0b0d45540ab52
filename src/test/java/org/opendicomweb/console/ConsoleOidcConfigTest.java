package org.opendicomweb.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;

/**
 * In mode {@code oidc} the console learns from {@code /ui/config.json} all it needs to sign its user in as the
 * server would check them: the issuer, its own client, the scopes to ask for, where the token carries its roles and
 * their names. The console's pages may then talk to the issuer's origin (discovery and token requests), and to no
 * other. The issuer here is configured but never asked: the console's configuration is the server's settings.
 */
@QuarkusTest
@TestProfile(ConsoleOidcConfigTest.EntraLikeIssuer.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ConsoleOidcConfigTest {
    /** Loopback's discard port: nothing answers there, and nothing needs to. */
    private static final String ISSUER = "http://127.0.0.1:9/tenant-1/v2.0";

    /** Settings as for an issuer that puts app roles into {@code roles} and issues tokens per API scope. */
    public static class EntraLikeIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dicomweb.auth.mode", "oidc",
                    "quarkus.oidc.auth-server-url", ISSUER,
                    "quarkus.oidc.roles.role-claim-path", "roles",
                    "dicomweb.ui.client-id", "pacs-console",
                    "dicomweb.ui.scope", "openid profile api://dicomweb/read",
                    "dicomweb.auth.roles.read", "Images.Read",
                    "dicomweb.auth.roles.admin", "Images.Admin");
        }
    }

    @Test
    void configurationNamesTheIssuerTheClientItsScopesAndWhereTheRolesAre() {
        given().when()
                .get("/ui/config.json")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("authMode", equalTo("oidc"))
                .body("apiRoot", equalTo("/dicom-web"))
                .body("oidc.issuer", equalTo(ISSUER))
                .body("oidc.clientId", equalTo("pacs-console"))
                .body("oidc.scope", equalTo("openid profile api://dicomweb/read"))
                .body("oidc.roleClaim", equalTo(List.of("roles")))
                .body("oidc.roles.read", equalTo("Images.Read"))
                .body("oidc.roles.write", equalTo("dicomweb-write"))
                .body("oidc.roles.delete", equalTo("dicomweb-delete"))
                .body("oidc.roles.admin", equalTo("Images.Admin"));
    }

    /** The redirect URI the console gives the issuer is its page with a trailing slash, which must be the page. */
    @Test
    void consolePageIsServedAtItsAddressWithATrailingSlash() {
        given().redirects()
                .follow(false)
                .when()
                .get("/ui")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/ui/"));
        given().redirects()
                .follow(false)
                .when()
                .get("/ui/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"));
    }

    /**
     * The sign-in leaves the page by navigation (to the authorization and logout endpoints), which no directive of
     * Content-Security-Policy Level 3 governs (form-action covers form submissions only, and the console submits
     * none); the discovery and token requests are fetches, which connect-src must allow for the issuer's origin.
     */
    @Test
    void consolePagesMayFetchFromTheIssuersOriginOnly() {
        given().when()
                .get("/ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:9;"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }
}
