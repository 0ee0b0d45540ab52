package org.opendicomweb.interop;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.opendicomweb.testing.StowBody;

/** Stores test files through STOW-RS before a client reads them. */
final class Stow {
    private static final String BOUNDARY = "interop-test-boundary";

    private Stow() {}

    /** Stores the files in one request; fails the test unless every one was stored. */
    static void store(List<byte[]> files) {
        store(given(), files);
    }

    /** The same, for a server that requires a bearer token: one with the role to write. */
    static void store(List<byte[]> files, String bearerToken) {
        store(given().auth().oauth2(bearerToken), files);
    }

    private static void store(RequestSpecification request, List<byte[]> files) {
        request.contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }
}
