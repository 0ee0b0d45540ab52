package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.LocalS3Resource;

/** A bucket that does not exist: the server starts, readiness is DOWN with the reason, storing gets 503. */
@QuarkusTest
@WithTestResource(value = LocalS3Resource.class, initArgs = @ResourceArg(name = "bucket", value = "missing"))
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class S3OutageTest {

    @Test
    void readinessIsDownNamingTheMissingBucket() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'storage' }.data.reason", containsString("NoSuchBucket"))
                .body("checks.find { it.name == 'index-database' }.status", equalTo("UP"));
    }

    @Test
    void storeGets503() {
        given().contentType("application/dicom")
                .accept("application/dicom+json")
                .body(DicomFiles.ctImage().toBytes())
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(503);
    }
}
