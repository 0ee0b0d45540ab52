package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Query strings as browsers, curl and shell scripts send them: {@code ^ | { } [ ]}, backquote, backslash, double
 * quote and the raw UTF-8 bytes of a name left unencoded in the request line. Every request is written byte for
 * byte to a socket, so that no client library encodes it first, and must be answered as if it were
 * percent-encoded, at every QIDO-RS level and in WADO-URI; a target that is really malformed is a 400 with the JSON
 * error body.
 *
 * <p>Each character has an instance of its own, whose study and series descriptions hold it ({@code <run>-a^b});
 * every query is limited to this run's patients, so the expected answer is exactly that instance.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class RawRequestTargetTest {
    private static final String ROOT = "/dicom-web";
    private static final String BOUNDARY = "raw-target-boundary";
    /** The characters clients leave unencoded; "ü" is sent as its two UTF-8 bytes. */
    private static final List<String> UNENCODED = List.of("^", "|", "{", "}", "[", "]", "`", "\"", "ü");

    private static final String RUN = HexFormat.of().withUpperCase().formatHex(randomBytes());
    private static final Map<String, DicomFiles.Builder> BY_CHARACTER = new LinkedHashMap<>();
    private static DicomFiles.Builder doePeter;
    private static DicomFiles.Builder mueller;
    private static DicomFiles.Builder withSpace;

    @BeforeEach
    void storeOnce() {
        if (!BY_CHARACTER.isEmpty()) {
            return;
        }
        int n = 0;
        for (String c : UNENCODED) {
            BY_CHARACTER.put(c, instance("Raw^Character", ++n, description(c)));
        }
        doePeter = instance("Doe^Peter", ++n, RUN + "-doe");
        mueller = instance("Müller^Jörg", ++n, RUN + "-mueller");
        withSpace = instance("Raw^Space", ++n, RUN + "-a b");
        BY_CHARACTER.values().forEach(RawRequestTargetTest::stow);
        List.of(doePeter, mueller, withSpace).forEach(RawRequestTargetTest::stow);
    }

    private static DicomFiles.Builder instance(String patientName, int n, String description) {
        return DicomFiles.ctImage()
                .patient(patientName, patientId(n))
                .studyDescription(description)
                .series(Uids.generate(), 1)
                .seriesDescription(description)
                .instance(Uids.generate(), 1);
    }

    private static String patientId(int n) {
        return "R" + RUN + "-" + n;
    }

    private static String description(String character) {
        return RUN + "-a" + character + "b";
    }

    /** Restricts a query to this run's patients. */
    private static String onlyThisRun() {
        return "PatientID=R" + RUN + "-*";
    }

    // ---- QIDO-RS: each character at each level ----

    @ParameterizedTest
    @ValueSource(strings = {"^", "|", "{", "}", "[", "]", "`", "\"", "ü"})
    void studiesMatchAValueWithTheCharacterSentUnencoded(String c) throws IOException {
        DicomFiles.Builder b = BY_CHARACTER.get(c);
        assertEquals(
                Set.of(b.studyInstanceUid()),
                uids(qido("/studies?StudyDescription=" + description(c) + "&" + onlyThisRun()), "0020000D"));
        assertEquals(
                Set.of(b.seriesInstanceUid()),
                uids(qido("/series?SeriesDescription=" + description(c) + "&" + onlyThisRun()), "0020000E"));
        assertEquals(
                Set.of(b.sopInstanceUid()),
                uids(qido("/instances?SeriesDescription=" + description(c) + "&" + onlyThisRun()), "00080018"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^", "|", "{", "}", "[", "]", "`", "\"", "ü"})
    void queriesWithinAStudyOrSeriesMatchTheCharacterSentUnencoded(String c) throws IOException {
        DicomFiles.Builder b = BY_CHARACTER.get(c);
        String study = "/studies/" + b.studyInstanceUid();
        String series = study + "/series/" + b.seriesInstanceUid();
        assertEquals(
                Set.of(b.seriesInstanceUid()),
                uids(qido(study + "/series?SeriesDescription=" + description(c)), "0020000E"));
        assertEquals(
                Set.of(b.sopInstanceUid()),
                uids(qido(series + "/instances?SeriesDescription=" + description(c)), "00080018"));
        assertEquals(
                Set.of(b.sopInstanceUid()),
                uids(qido(study + "/instances?StudyDescription=" + description(c)), "00080018"));
        assertEquals(Set.of(), uids(qido(study + "/instances?StudyDescription=" + description(c) + "x"), "00080018"));
    }

    @Test
    void anUnencodedBackslashSeparatesValuesToMatch() throws IOException {
        DicomFiles.Builder caret = BY_CHARACTER.get("^");
        DicomFiles.Builder pipe = BY_CHARACTER.get("|");
        String both = description("^") + "\\" + description("|");
        assertEquals(
                Set.of(caret.studyInstanceUid(), pipe.studyInstanceUid()),
                uids(qido("/studies?StudyDescription=" + both + "&" + onlyThisRun()), "0020000D"));
        assertEquals(
                Set.of(caret.seriesInstanceUid(), pipe.seriesInstanceUid()),
                uids(qido("/series?SeriesDescription=" + both + "&" + onlyThisRun()), "0020000E"));
        assertEquals(
                Set.of(caret.sopInstanceUid(), pipe.sopInstanceUid()),
                uids(qido("/instances?SeriesDescription=" + both + "&" + onlyThisRun()), "00080018"));
        assertEquals(
                Set.of(caret.seriesInstanceUid()),
                uids(qido("/studies/" + caret.studyInstanceUid() + "/series?SeriesDescription=" + both), "0020000E"));
        assertEquals(
                Set.of(caret.sopInstanceUid()),
                uids(
                        qido("/studies/" + caret.studyInstanceUid() + "/series/" + caret.seriesInstanceUid()
                                + "/instances?SeriesDescription=" + both),
                        "00080018"));
        assertEquals(
                Set.of(caret.sopInstanceUid()),
                uids(qido("/studies/" + caret.studyInstanceUid() + "/instances?StudyDescription=" + both), "00080018"));
    }

    @Test
    void aPersonNameWithAnUnencodedCaretMatchesExactlyAndByWildcard() throws IOException {
        Set<String> expected = Set.of(doePeter.studyInstanceUid());
        assertEquals(expected, uids(qido("/studies?PatientName=Doe^Peter&" + onlyThisRun()), "0020000D"));
        assertEquals(expected, uids(qido("/studies?PatientName=Doe^P*&" + onlyThisRun()), "0020000D"));
        assertEquals(expected, uids(qido("/studies?PatientName=Doe%5EPeter&" + onlyThisRun()), "0020000D"));
    }

    @Test
    void aNameInRawUtf8BytesMatchesAsItsPercentEncodedForm() throws IOException {
        Set<String> expected = Set.of(mueller.studyInstanceUid());
        assertEquals(expected, uids(qido("/studies?PatientName=Müller^Jörg&" + onlyThisRun()), "0020000D"));
        assertEquals(expected, uids(qido("/studies?PatientName=M%C3%BCller*&" + onlyThisRun()), "0020000D"));
        assertEquals(expected, uids(qido("/studies?PatientName=Müller*&" + onlyThisRun()), "0020000D"));
    }

    @Test
    void linksKeepTheForwardedPrefixOfATrustedProxy() throws IOException {
        // The test client is on loopback, a trusted proxy: its X-Forwarded-Prefix goes into every link.
        RawResponse response = send(
                "/studies?PatientName=Doe^Peter&" + onlyThisRun(),
                "X-Forwarded-Prefix: /pacs\r\nX-Forwarded-For: 127.0.0.1\r\n");
        assertEquals(200, response.status(), response.text());
        List<String> urls = JsonPath.from(response.text()).getList("'00081190'.Value[0]");
        assertEquals(
                List.of("http://localhost:" + RestAssured.port + "/pacs/dicom-web/studies/"
                        + doePeter.studyInstanceUid()),
                urls);
    }

    @Test
    void aPlusStillStandsForASpace() throws IOException {
        assertEquals(
                Set.of(withSpace.studyInstanceUid()),
                uids(qido("/studies?StudyDescription=" + RUN + "-a+b&" + onlyThisRun()), "0020000D"));
    }

    // ---- WADO-URI ----

    @ParameterizedTest
    @ValueSource(strings = {"^", "|", "{", "}", "[", "]", "`", "\\", "\"", "ü"})
    void wadoUriAnswersWithTheCharacterSentUnencoded(String c) throws IOException {
        DicomFiles.Builder b = BY_CHARACTER.get("^");
        String query = "/wado?requestType=WADO&studyUID=" + b.studyInstanceUid() + "&seriesUID=" + b.seriesInstanceUid()
                + "&objectUID=" + b.sopInstanceUid() + "&contentType=application/dicom";
        // A parameter PS3.18 §9 does not define is ignored: the instance comes back.
        RawResponse file = send(query + "&note=a" + c + "b");
        assertEquals(200, file.status(), file.text());
        assertEquals("application/dicom", file.header("content-type"));
        assertTrue(new String(file.body(), StandardCharsets.ISO_8859_1).contains(b.sopInstanceUid()));
        // The character reaches the parameter parser, decoded, and is refused there as part of a UID.
        RawResponse malformed =
                send(query.replace("&objectUID=" + b.sopInstanceUid(), "&objectUID=" + b.sopInstanceUid() + c));
        assertJsonError(malformed, "Malformed instance UID '" + b.sopInstanceUid() + c + "'");
    }

    // ---- malformed targets ----

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x1B, 0x1F, 0x7F})
    void aControlCharacterInTheTargetIsABadRequestWithAMessage(int control) throws IOException {
        String hex = String.format("0x%02X", control);
        assertJsonError(send("/studies?PatientName=Doe" + (char) control + "Peter"), "control character " + hex);
        assertJsonError(send("/studies/1.2" + (char) control + "3/series"), "control character " + hex);
        assertJsonError(send("/wado?requestType=WADO&studyUID=1" + (char) control), "control character " + hex);
    }

    @Test
    void aStrayPercentSignIsABadRequestWithAMessage() throws IOException {
        assertJsonError(send("/studies?PatientName=100%"), "Malformed percent-encoding");
        assertJsonError(send("/studies?PatientName=%zz"), "Malformed percent-encoding");
    }

    /**
     * A space ends the request target (RFC 9112 §3): the HTTP codec reads what follows as the protocol version and
     * refuses the request line before any route exists for it; Quarkus offers no handler for such requests. What
     * the client gets is a 400 and a closed connection, never a wrong answer.
     */
    @Test
    void aSpaceInTheTargetIsABadRequest() throws IOException {
        assertEquals(400, send("/studies?PatientName=Doe Peter").status());
    }

    // ---- helpers ----

    private static void assertJsonError(RawResponse response, String expectedInMessage) {
        assertEquals(400, response.status(), response.text());
        assertTrue(response.header("content-type").startsWith("application/json"), response.header("content-type"));
        JsonPath json = JsonPath.from(response.text());
        assertEquals(400, json.getInt("status"));
        assertTrue(json.getString("message").contains(expectedInMessage), json.getString("message"));
    }

    private static List<Map<String, Object>> qido(String pathAndQuery) throws IOException {
        RawResponse response = send(pathAndQuery);
        assertEquals(200, response.status(), pathAndQuery + ": " + response.text());
        return JsonPath.from(response.text()).getList("$");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> uids(List<Map<String, Object>> results, String tag) {
        Set<String> uids = new LinkedHashSet<>();
        for (Map<String, Object> r : results) {
            uids.add(((List<String>) ((Map<String, Object>) r.get(tag)).get("Value")).getFirst());
        }
        return uids;
    }

    /**
     * Writes {@code GET /dicom-web<target> HTTP/1.1} as its UTF-8 bytes, nothing encoded, and reads the whole
     * response (the connection closes after it).
     */
    private static RawResponse send(String target) throws IOException {
        return send(target, "");
    }

    private static RawResponse send(String target, String moreHeaders) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + ROOT + target + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port
                            + "\r\nAccept: application/dicom+json, */*\r\n" + moreHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            return RawResponse.parse(socket.getInputStream());
        }
    }

    private record RawResponse(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        static RawResponse parse(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            String raw = new String(all, StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            assertTrue(end > 0, "no complete response head: " + raw);
            String[] lines = raw.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunked(body);
            }
            return new RawResponse(status, headers, body);
        }

        private static byte[] dechunked(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOfCrLf(chunked, at);
                int size = Integer.parseInt(
                        new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private static int indexOfCrLf(byte[] b, int from) {
            for (int i = from; i + 1 < b.length; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n') {
                    return i;
                }
            }
            throw new AssertionError("chunk size line not terminated");
        }
    }

    private static void stow(DicomFiles.Builder b) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(b.toBytes());
        body.writeBytes(("\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        given().contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                .accept("application/dicom+json")
                .body(body.toByteArray())
                .when()
                .post(ROOT + "/studies")
                .then()
                .statusCode(200);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
