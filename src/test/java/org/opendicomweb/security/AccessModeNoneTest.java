package org.opendicomweb.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * Mode none, the default: clients on this machine are served, others are refused with a message saying how to turn
 * authentication on. A client elsewhere is played by a trusted proxy on loopback that names it in X-Forwarded-For
 * (a documentation address, RFC 5737); the browser and nginx forms are in ReverseProxyTest.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class AccessModeNoneTest {
    private static final String REMOTE = "203.0.113.5";
    /** What the event-loop route answers: the instance as stored. */
    private static final String AS_STORED = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    private static RequestSpecification remote() {
        return given().header("X-Forwarded-For", REMOTE);
    }

    @Test
    void aClientOnThisMachineIsServed() {
        given().when().get("/dicom-web/studies").then().statusCode(200);
    }

    @Test
    void aClientElsewhereIsRefusedWithHowToTurnAuthenticationOn() {
        remote().when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(403)
                .contentType("application/json")
                .header("WWW-Authenticate", nullValue())
                .body("status", equalTo(403))
                .body("message", containsString("dicomweb.auth.mode=oidc"))
                .body("message", containsString("dicomweb.auth.allow-anonymous-remote=true"));
    }

    @Test
    void aClientElsewhereIsRefusedByTheEventLoopRoutesToo() {
        DicomFiles.Builder image = DicomFiles.ctImage().size(8, 8);
        given().contentType(StowBody.contentType("none-mode"))
                .body(StowBody.of("none-mode", image))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String instance = "/dicom-web/studies/" + image.studyInstanceUid() + "/series/" + image.seriesInstanceUid()
                + "/instances/" + image.sopInstanceUid();
        given().accept(AS_STORED).when().get(instance).then().statusCode(200); // now a kept location
        remote().accept(AS_STORED).when().get(instance).then().statusCode(403);
        remote().accept("multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")
                .when()
                .get(instance + "/frames/1")
                .then()
                .statusCode(403);
        remote().when()
                .get("/dicom-web/wado?requestType=WADO&studyUID=" + image.studyInstanceUid() + "&seriesUID="
                        + image.seriesInstanceUid() + "&objectUID=" + image.sopInstanceUid())
                .then()
                .statusCode(403);
    }

    @Test
    void aClientElsewhereIsRefusedStoring() {
        remote().contentType(StowBody.contentType("none-mode"))
                .body(StowBody.of("none-mode", DicomFiles.ctImage().size(8, 8)))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(403);
    }

    @Test
    void healthServiceRootCapabilitiesAndPreflightsStayOpen() {
        remote().when().get("/q/health/ready").then().statusCode(200);
        remote().when().get("/q/health/live").then().statusCode(200);
        remote().when().get("/dicom-web").then().statusCode(200);
        remote().accept("application/vnd.sun.wadl+xml")
                .when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200);
        remote().header("Origin", "http://viewer.example:3000")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    @Test
    void operationsEndpointsAreForThisMachineOnly() {
        remote().when().get("/q/metrics").then().statusCode(403);
        remote().when().get("/q/openapi").then().statusCode(403);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void readinessSaysWhichModeIsOn() {
        given().when()
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'access-control' }.data.mode", equalTo("none"))
                .body("checks.find { it.name == 'access-control' }.data.clients", equalTo("this machine only"));
    }
}
