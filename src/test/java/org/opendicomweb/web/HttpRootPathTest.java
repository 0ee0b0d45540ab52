package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Served below an HTTP root path ({@code quarkus.http.root-path}, to which the REST mount point is relative), the
 * links handed out name it too.
 */
@QuarkusTest
@TestProfile(HttpRootPathTest.BelowPacs.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class HttpRootPathTest {

    public static class BelowPacs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.root-path", "/pacs");
        }
    }

    @Test
    void stowRetrieveUrlsNameTheHttpRootPath() {
        String root = "http://localhost:" + RestAssured.port + "/pacs/dicom-web";
        DicomFiles.Builder image = DicomFiles.ctImage().instance(Uids.generate(), 1);
        given().contentType("application/dicom")
                .accept("application/dicom+json")
                .body(image.toBytes())
                .when()
                .post(root + "/studies")
                .then()
                .statusCode(200)
                .body("'00081190'.Value[0]", equalTo(root + "/studies/" + image.studyInstanceUid()))
                .body("'00081199'.Value[0].'00081190'.Value[0]", startsWith(root + "/studies/"));
    }
}
