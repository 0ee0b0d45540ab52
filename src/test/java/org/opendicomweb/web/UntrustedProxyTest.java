package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Forwarded headers are believed only from the proxies in {@code quarkus.http.proxy.trusted-proxies}: with a list
 * that leaves out the test client (loopback), forged X-Forwarded-* headers change none of the links handed out.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OnlyAnotherProxyIsTrusted.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class UntrustedProxyTest {

    /** Trusts only an address of TEST-NET-1 (RFC 5737), which no test request comes from. */
    public static class OnlyAnotherProxyIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.1");
        }
    }

    private static String root() {
        return "http://localhost:" + RestAssured.port + "/dicom-web";
    }

    private static RequestSpecification forged() {
        return given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Port", "8443")
                .header("X-Forwarded-Prefix", "/forged");
    }

    @Test
    void theServiceRootIgnoresForgedHeaders() {
        forged().when().get("/dicom-web").then().statusCode(200).body("root", equalTo(root()));
    }

    @Test
    void stowRetrieveUrlsIgnoreForgedHeaders() {
        DicomFiles.Builder image = DicomFiles.ctImage().instance(Uids.generate(), 1);
        forged().contentType("application/dicom")
                .accept("application/dicom+json")
                .body(image.toBytes())
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("'00081190'.Value[0]", equalTo(root() + "/studies/" + image.studyInstanceUid()))
                .body("'00081199'.Value[0].'00081190'.Value[0]", startsWith(root() + "/studies/"));
    }

    @Test
    void qidoAndMetadataLinksIgnoreForgedHeaders() {
        DicomFiles.Builder image = DicomFiles.multiFrame(2).instance(Uids.generate(), 1);
        given().contentType("application/dicom")
                .accept("application/dicom+json")
                .body(image.toBytes())
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        forged().accept("application/dicom+json")
                .queryParam("StudyInstanceUID", image.studyInstanceUid())
                .when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("[0].'00081190'.Value[0]", equalTo(root() + "/studies/" + image.studyInstanceUid()));
        forged().accept("application/dicom+json")
                .when()
                .get("/dicom-web/studies/" + image.studyInstanceUid() + "/metadata")
                .then()
                .statusCode(200)
                .body("[0].'7FE00010'.BulkDataURI", startsWith(root() + "/studies/" + image.studyInstanceUid()));
    }

    @Test
    void theCapabilitiesBaseIgnoresForgedHeaders() {
        forged().when().options("/dicom-web").then().statusCode(200).body(containsString("base=\"" + root() + "/\""));
    }
}
