package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest {

    @Test
    void readinessIsUpWithDatabaseAndStorageChecks() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("index-database", "storage"));
    }

    @Test
    void indexAndStorageAreUsable() {
        given().when().get("/dicom-web/test-probe/index").then().statusCode(200);
        given().when().get("/dicom-web/test-probe/storage").then().statusCode(200);
    }

    @Test
    void metricsArePublished() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void openApiIsPublished() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/dicom-web"));
    }
}
