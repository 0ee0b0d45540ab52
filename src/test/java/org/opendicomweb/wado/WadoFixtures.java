package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.web.multipart.MediaType;
import org.opendicomweb.web.multipart.MultipartReader;

/** Storing through STOW-RS and reading multipart/related answers, for the WADO-RS tests. */
final class WadoFixtures {
    static final String ROOT = "/dicom-web";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String BOUNDARY = "wado-test-boundary";

    private WadoFixtures() {}

    /** Stores the files in one STOW request; fails the test unless all were stored. */
    static void store(byte[]... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : files) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(f);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        given().contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                .accept("application/dicom+json").body(out.toByteArray())
                .when().post(ROOT + "/studies").then().statusCode(200);
    }

    /** One part of a multipart answer. */
    record Part(Map<String, String> headers, byte[] body) {
        String contentType() {
            return headers.get("content-type");
        }

        String transferSyntax() {
            return MediaType.parse(contentType()).parameter("transfer-syntax");
        }
    }

    /** The parts of a multipart/related response, checking that its boundary is the one announced. */
    static List<Part> parts(Response response) throws IOException {
        MediaType type = MediaType.parse(response.getContentType());
        assertEquals("multipart/related", type.essence(), "response type");
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(response.asByteArray()), type.parameter("boundary"));
        List<Part> parts = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(new Part(new LinkedHashMap<>(p.headers()), p.body().readAllBytes()));
        }
        return parts;
    }

    /** The native little endian pixel bytes of one frame of a DicomFiles image. */
    static byte[] expectedFrame(int frame, int rows, int columns, int bitsAllocated) {
        int bitsStored = bitsAllocated == 8 ? 8 : 12;
        ByteBuffer b = ByteBuffer.allocate(rows * columns * bitsAllocated / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int v = DicomFiles.expectedPixel(frame, r, c, bitsStored);
                if (bitsAllocated == 8) {
                    b.put((byte) v);
                } else {
                    b.putShort((short) v);
                }
            }
        }
        return b.array();
    }
}
