package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.support.TestDatabase;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ServiceRootTest {

    @Test
    void rootDescribesTheServiceAndItsDatabase() {
        given().when()
                .get("/dicom-web")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("service", equalTo("OpenDICOMweb"))
                .body("database", equalTo(TestDatabase.kind()))
                .body("indexReady", equalTo(true))
                .body("root", startsWith("http://localhost:"));
    }

    @Test
    void rootUrlFollowsForwardedHeadersFromTrustedProxy() {
        // RestAssured connects from loopback, which is a trusted proxy by default.
        given().header("X-Forwarded-For", "127.0.0.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "pacs.example.org")
                .header("X-Forwarded-Prefix", "/imaging")
                .when()
                .get("/dicom-web")
                .then()
                .statusCode(200)
                .body("root", equalTo("https://pacs.example.org/imaging/dicom-web"));
    }

    @Test
    void browserOriginsAreAllowedAndHeadersExposed() {
        given().header("Origin", "http://viewer.example")
                .when()
                .get("/dicom-web")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://viewer.example"))
                .header("Access-Control-Expose-Headers", containsString("Content-Location"));
    }

    @Test
    void preflightAllowsDicomwebMethodsAndHeaders() {
        given().header("Origin", "http://viewer.example")
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "If-None-Match")
                .when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Methods", containsString("DELETE"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"));
    }

    @Test
    void unknownPathIsJson404() {
        given().when()
                .get("/dicom-web/no-such-resource")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("status", equalTo(404));
    }

    @Test
    void dicomwebExceptionKeepsItsStatusAndMessage() {
        given().accept("application/dicom+json")
                .when()
                .get("/dicom-web/test-probe/conflict")
                .then()
                .statusCode(409)
                .contentType("application/json")
                .body("status", equalTo(409))
                .body("message", equalTo("Study 1.2.3 \"already\" exists"));
    }

    @Test
    void unsatisfiableAcceptIsJson406() {
        given().accept("application/dicom")
                .when()
                .get("/dicom-web")
                .then()
                .statusCode(406)
                .contentType("application/json")
                .body("status", equalTo(406));
    }

    @Test
    void unexpectedErrorIsJson500WithoutInternals() {
        given().when()
                .get("/dicom-web/test-probe/crash")
                .then()
                .statusCode(500)
                .contentType("application/json")
                .body("status", equalTo(500))
                .body("message", startsWith("Internal server error (reference "))
                .body(not(containsString("internal detail")))
                .body(not(containsString("at org.")));
    }
}
