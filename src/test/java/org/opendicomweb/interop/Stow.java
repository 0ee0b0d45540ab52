package org.opendicomweb.interop;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Stores test files through STOW-RS before a client reads them. */
final class Stow {
    private static final String BOUNDARY = "interop-test-boundary";

    private Stow() {}

    /** Stores the files in one request; fails the test unless every one was stored. */
    static void store(List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : files) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(f);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        given().contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                .accept("application/dicom+json")
                .body(out.toByteArray())
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }
}
