package org.opendicomweb.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;

/**
 * The console's server side: where a browser is sent, what config.json tells the console, the data dictionary the
 * attribute view reads, and the Content-Security-Policy on the console's files and only there.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ConsoleRoutesTest {

    @Test
    void theServersRootSendsABrowserToTheConsole() {
        given().redirects().follow(false).when().get("/").then().statusCode(302).header("Location", endsWith("/ui/"));
        given().redirects()
                .follow(false)
                .when()
                .get("/ui")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/ui/"));
    }

    @Test
    void configTellsTheConsoleWhereTheApiIsAndThatNoLoginIsNeeded() {
        given().when()
                .get("/ui/config.json")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", equalTo("no-store"))
                .body("apiRoot", equalTo("/dicom-web"))
                .body("authMode", equalTo("none"))
                .body("viewerUrl", nullValue())
                .body("oidc", nullValue());
    }

    @Test
    void consolePagesAndScriptsCarryAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/ui/", "/ui/app.js", "/ui/studies.js", "/ui/config.json"}) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Content-Security-Policy", startsWith("default-src 'none'; script-src 'self';"))
                    .header("Content-Security-Policy", containsString("img-src 'self' blob: data:"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void theApiCarriesNoConsolePolicy() {
        given().accept("application/dicom+json")
                .when()
                .get("/dicom-web/studies")
                .then()
                .header("Content-Security-Policy", nullValue())
                .header("X-Frame-Options", nullValue());
    }

    @Test
    void theBrowseViewsAreServedAsModules() {
        for (String module : new String[] {"studies.js", "study.js", "instance.js", "dicom.js"}) {
            given().when()
                    .get("/ui/" + module)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("javascript"))
                    .body(containsString("export "));
        }
        given().when().get("/ui/browse.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void theDataDictionaryIsTheCodecsOwn() {
        given().when()
                .get("/ui/dictionary.tsv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/tab-separated-values"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString("\n00100010\tPN\t1\t\tPatientName"))
                .body(containsString("\n002031xx\t"));
    }
}
