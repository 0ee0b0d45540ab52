package org.opendicomweb.interop;

import static io.restassured.RestAssured.given;

import java.util.List;
import org.opendicomweb.testing.StowBody;

/** Stores test files through STOW-RS before a client reads them. */
final class Stow {
    private static final String BOUNDARY = "interop-test-boundary";

    private Stow() {}

    /** Stores the files in one request; fails the test unless every one was stored. */
    static void store(List<byte[]> files) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }
}
