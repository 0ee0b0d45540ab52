package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * The CORS answers that browser clients on another origin depend on (see also the browser tests in
 * org.opendicomweb.interop): the preflights a browser sends before STOW-RS and before requests with
 * Authorization or several byte ranges, and the response headers a page may read.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class CorsTest {
    private static final String VIEWER = "http://viewer.example:3000";

    @Test
    void stowPreflightWithMultipartContentTypeAndAuthorizationIsAllowedAndCached() {
        given().header("Origin", VIEWER)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(VIEWER))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                .header("Access-Control-Max-Age", equalTo("86400"));
    }

    @Test
    void preflightForSeveralByteRangesIsAllowed() {
        given().header("Origin", VIEWER)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "range")
                .when()
                .options("/dicom-web/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5/bulkdata/7FE00010")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("range"));
    }

    @Test
    void aPageCanReadWhichBytesOfABulkDataValueItGot() {
        DicomFiles.Builder b = DicomFiles.ctImage().size(8, 8);
        String boundary = "cors-test";
        byte[] body = concat(
                ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                b.toBytes(),
                ("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        given().contentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .body(body)
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        given().header("Origin", VIEWER)
                .header("Range", "bytes=0-9")
                .when()
                .get("/dicom-web/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                        + b.sopInstanceUid() + "/bulkdata/7FE00010")
                .then()
                .statusCode(206)
                .header("Access-Control-Allow-Origin", equalTo(VIEWER))
                .header("Access-Control-Expose-Headers", containsString("Content-Range"))
                .header("Content-Range", equalTo("bytes 0-9/128"));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
