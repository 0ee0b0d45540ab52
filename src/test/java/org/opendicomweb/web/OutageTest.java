package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.support.TestDatabase;

/**
 * The server starts and answers even when its database and its storage are unusable: readiness DOWN, 503
 * with a JSON body where they are needed, and no failed boot.
 */
@QuarkusTest
@TestProfile(OutageTest.Outage.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OutageTest {

    /** Storage path is a regular file (so the embedded H2 file cannot be created below it either). */
    public static class Outage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path file = Files.createTempFile("odw-not-a-folder", ".txt");
                file.toFile().deleteOnExit();
                Map<String, String> overrides = new java.util.HashMap<>();
                overrides.put("dicomweb.storage.path", file.toString());
                // The audit file lives below the storage path by default; an unwritable one stops the start.
                Path audit = Files.createTempDirectory("odw-outage-audit");
                audit.toFile().deleteOnExit();
                overrides.put("dicomweb.audit.file", audit.resolve("audit.log").toString());
                overrides.put("dicomweb.db.retry-interval", "1H");
                if (TestDatabase.isPostgreSQL()) {
                    overrides.put("quarkus.datasource.postgresql.username", "odw_no_such_role");
                }
                return overrides;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void readinessIsDownNamingBothChecks() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("index-database"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("storage"));
    }

    @Test
    void serviceRootStillAnswers() {
        given().when().get("/dicom-web").then().statusCode(200).body("indexReady", equalTo(false));
    }

    @Test
    void requestNeedingTheIndexGets503Json() {
        given().when()
                .get("/dicom-web/test-probe/index")
                .then()
                .statusCode(503)
                .contentType("application/json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503));
    }

    @Test
    void requestNeedingStorageGets503Json() {
        given().when()
                .get("/dicom-web/test-probe/storage")
                .then()
                .statusCode(503)
                .contentType("application/json")
                .body("status", equalTo(503));
    }

    @Test
    void storeWhileStorageAndIndexAreDownIs503NotAConflict() {
        given().contentType("application/dicom")
                .accept("application/dicom+json")
                .body(org.opendicomweb.testing.DicomFiles.ctImage().toBytes())
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body("message", org.hamcrest.Matchers.startsWith("Nothing was stored"));
    }
}
