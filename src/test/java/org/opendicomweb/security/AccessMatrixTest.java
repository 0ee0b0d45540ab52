package org.opendicomweb.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Keycloak;
import org.opendicomweb.testing.OidcProfile;
import org.opendicomweb.testing.StowBody;
import org.opendicomweb.web.capabilities.Capabilities;
import org.opendicomweb.web.capabilities.ResourceTree;

/**
 * Every operation of the API, listed from the running server's resource tree (what the capabilities description is
 * made of; the event-loop WADO-RS routes answer paths of it, see {@link EveryOperationHasARuleTest}), called with
 * every kind of credentials a real Keycloak gives or an attacker makes up: no token, a malformed one, an expired one,
 * one with a bad signature, one of another issuer, one for another audience, a valid one without the role, and one
 * with it. RFC 6750 §3: 401 with a bare challenge, 401 with {@code invalid_token}, 403 with
 * {@code insufficient_scope}; with the role, anything but a refusal.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class AccessMatrixTest {
    private static final String REALM_CHALLENGE = "Bearer realm=\"dicomweb\"";
    /** The user that holds each role and no other (realm file src/test/resources/keycloak). */
    private static final Map<Permission, String> HOLDER = new EnumMap<>(Map.of(
            Permission.READ, "reader",
            Permission.WRITE, "writer",
            Permission.DELETE, "deleter",
            Permission.ADMIN, "admin",
            Permission.AUTHENTICATED, "norole"));

    private static DicomFiles.Builder fixture;

    @Inject
    Capabilities capabilities;

    private Keycloak keycloak;

    @BeforeEach
    void storeFixture() {
        keycloak = Keycloak.shared();
        if (fixture == null) {
            DicomFiles.Builder image = DicomFiles.multiFrame(2);
            given().auth()
                    .oauth2(keycloak.token("writer"))
                    .contentType(StowBody.contentType("matrix"))
                    .body(StowBody.of("matrix", image))
                    .when()
                    .post("/dicom-web/studies")
                    .then()
                    .statusCode(200);
            fixture = image;
        }
    }

    /** One operation of the tree, made callable: a concrete path of the fixture, and what to send. */
    private record Call(String method, String path, Permission permission, String accept, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEveryKindOfCredentialsAsRfc6750Says() {
        List<Call> calls = calls();
        assertTrue(calls.size() > 20, "operations listed: " + calls);
        String malformed = Keycloak.malformed();
        String expired = keycloak.expiredToken();
        String badSignature = Keycloak.withBadSignature(keycloak.token("everything"));
        String otherIssuer = keycloak.otherIssuerToken("everything");
        String otherAudience = keycloak.otherAudienceToken("everything");
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("malformed", malformed);
        invalid.put("expired", expired);
        invalid.put("bad signature", badSignature);
        invalid.put("other issuer", otherIssuer);
        invalid.put("other audience", otherAudience);
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            if (call.permission() == Permission.PUBLIC) {
                expectAdmitted(call, null, wrong);
                expectAdmitted(call, malformed, wrong);
                continue;
            }
            expect(call, null, 401, REALM_CHALLENGE, wrong);
            invalid.forEach((kind, token) -> expect(call, token, 401, "error=\"invalid_token\"", wrong));
            if (call.permission() != Permission.AUTHENTICATED) {
                expect(call, keycloak.token("norole"), 403, "error=\"insufficient_scope\"", wrong);
            }
            expectAdmitted(call, keycloak.token(HOLDER.get(call.permission())), wrong);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void preflightsCapabilitiesHealthAndTheServiceRootNeedNoToken() {
        given().header("Origin", "http://viewer.example:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200);
        given().accept("application/vnd.sun.wadl+xml")
                .when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/dicom-web").then().statusCode(200);
    }

    @Test
    void operationsEndpointsNeedTheAdminRole() {
        given().when().get("/q/metrics").then().statusCode(401);
        request(keycloak.token("reader")).when().get("/q/metrics").then().statusCode(403);
        request(keycloak.token("admin")).when().get("/q/metrics").then().statusCode(200);
        request(keycloak.token("admin")).when().get("/q/openapi").then().statusCode(200);
        request(keycloak.token("reader"))
                .when()
                .get("/dicom-web/admin/statistics")
                .then()
                .statusCode(403);
        request(keycloak.token("admin"))
                .when()
                .get("/dicom-web/admin/statistics")
                .then()
                .statusCode(200);
    }

    @Test
    void aRefusalCarriesTheCorsHeadersAViewerNeedsToReadIt() {
        given().header("Origin", "http://viewer.example:3000")
                .when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", "http://viewer.example:3000");
    }

    @Test
    void aUserWithEveryRoleButTheOneNeededIsRefused() {
        // 'writer' may store but not read: the roles are independent, none implies another
        String writer = keycloak.token("writer");
        Response response =
                request(writer).accept("application/dicom+json").when().get("/dicom-web/studies");
        assertEquals(403, response.statusCode());
        assertTrue(response.header("WWW-Authenticate").contains("insufficient_scope"));
        assertTrue(response.jsonPath().getString("message").contains("dicomweb-read"), response.asString());
    }

    @Test
    void clientCredentialsOfTheImportClientMayStoreAndRead() {
        String token = keycloak.clientCredentialsToken();
        request(token)
                .accept("application/dicom+json")
                .when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    @Test
    void aRefusalCarriesTheJsonErrorBodyAndNoDetailOfTheToken() {
        Response response = request(Keycloak.withBadSignature(keycloak.token("reader")))
                .when()
                .get("/dicom-web/studies");
        assertEquals(401, response.statusCode());
        assertEquals(401, response.jsonPath().getInt("status"));
        assertNotNull(response.jsonPath().getString("message"));
    }

    private void expect(Call call, String token, int status, String challengePart, List<String> wrong) {
        Response response = send(call, token);
        String challenge = response.header("WWW-Authenticate");
        String label = call + " with " + (token == null ? "no token" : "token " + abbreviated(token));
        if (response.statusCode() != status) {
            wrong.add(label + ": " + response.statusCode() + " instead of " + status + " " + response.asString());
        } else if (challenge == null || !challenge.contains(challengePart)) {
            wrong.add(label + ": WWW-Authenticate " + challenge + " lacks " + challengePart);
        } else if (status == 401 && token == null && !challenge.equals(REALM_CHALLENGE)) {
            wrong.add(label + ": a request without credentials gets no error code (RFC 6750 §3.1): " + challenge);
        } else if (response.jsonPath().getInt("status") != status) {
            wrong.add(label + ": body " + response.asString());
        }
    }

    private void expectAdmitted(Call call, String token, List<String> wrong) {
        Response response = send(call, token);
        int status = response.statusCode();
        // The test-only probes answer errors on purpose; every other GET has what it needs to succeed.
        boolean probe = call.path().startsWith("/dicom-web/test-probe/");
        boolean admitted = call.method().equals("GET") && !probe ? status / 100 == 2 : status != 401 && status != 403;
        if (!admitted || (status >= 500 && !probe)) {
            wrong.add(call + " with " + (token == null ? "no token" : "the role") + ": " + status + " "
                    + response.asString());
        }
    }

    private Response send(Call call, String token) {
        RequestSpecification request = request(token);
        if (call.accept() != null) {
            request.accept(call.accept());
        }
        if (call.body() != null) {
            request.contentType(StowBody.contentType("matrix")).body(call.body());
        }
        return request.when().request(call.method(), call.path());
    }

    private static RequestSpecification request(String token) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static String abbreviated(String token) {
        return token.length() <= 12 ? token : token.substring(0, 12) + "…";
    }

    /**
     * Every operation of the tree, with the fixture's UIDs in its path, and the FHIR endpoints beside the API (their
     * rules are declared by their routes, not by the tree).
     */
    private List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        collect(capabilities.tree().root(), "", calls);
        calls.add(new Call("GET", "/fhir/metadata", Permission.PUBLIC, null, null));
        calls.add(new Call("GET", "/fhir/ImagingStudy", Permission.READ, null, null));
        calls.add(new Call("GET", "/fhir/ImagingStudy/" + fixture.studyInstanceUid(), Permission.READ, null, null));
        return calls;
    }

    private void collect(ResourceTree.Node node, String path, List<Call> into) {
        for (ResourceTree.Operation operation : node.operations()) {
            Access access = operation.declared(Access.class);
            assertNotNull(access, operation.title() + " declares no @Access");
            boolean delete = operation.httpMethod().equals("DELETE");
            into.add(new Call(
                    operation.httpMethod(),
                    "/dicom-web" + (delete ? throwaway(path) : path) + query(path),
                    access.value(),
                    accept(path),
                    operation.httpMethod().equals("POST") && path.startsWith("/studies")
                            ? StowBody.of("matrix", fixture)
                            : null));
        }
        for (ResourceTree.Node child : node.children()) {
            collect(child, path + "/" + sample(child), into);
        }
    }

    /**
     * A DELETE's path with UIDs nothing is stored under: with the role it is admitted and answers 404, and the
     * fixture the other calls need stays.
     */
    private static String throwaway(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals(fixture.studyInstanceUid())) {
                segment = "2.25.1001";
            } else if (segment.equals(fixture.seriesInstanceUid())) {
                segment = "2.25.1002";
            } else if (segment.equals(fixture.sopInstanceUid())) {
                segment = "2.25.1003";
            }
            segments.add(segment);
        }
        return String.join("/", segments);
    }

    private static String sample(ResourceTree.Node node) {
        if (node.templateName() == null) {
            return node.segment();
        }
        return switch (node.templateName()) {
            case "study" -> fixture.studyInstanceUid();
            case "series" -> fixture.seriesInstanceUid();
            case "instance" -> fixture.sopInstanceUid();
            case "frames" -> "1";
            case "path" -> "7FE00010";
            default -> {
                fail("no sample value for the path template {" + node.templateName() + "}: add one here");
                yield null;
            }
        };
    }

    /** What the operation needs besides its path to answer 2xx: WADO-URI names the instance in its query. */
    private static String query(String path) {
        if (path.equals("/wado")) {
            return "?requestType=WADO&contentType=application/dicom&studyUID=" + fixture.studyInstanceUid()
                    + "&seriesUID=" + fixture.seriesInstanceUid() + "&objectUID=" + fixture.sopInstanceUid();
        }
        return "";
    }

    /** An Accept each resource can satisfy, the as-stored ones that the event-loop routes answer included. */
    private static String accept(String path) {
        if (path.endsWith("/rendered") || path.endsWith("/thumbnail")) {
            return "image/jpeg";
        }
        if (path.contains("/frames/") || path.contains("/bulkdata/")) {
            return "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
        }
        if (path.endsWith("/metadata")
                || path.endsWith("/series")
                || path.endsWith("/instances")
                || path.endsWith("/references")
                || path.endsWith("/referenced-by")
                || path.equals("/studies")
                || path.isEmpty()
                || path.startsWith("/admin")
                || path.startsWith("/integrity")
                || path.startsWith("/changefeed")
                || path.startsWith("/test-probe")) {
            return null;
        }
        if (path.equals("/wado")) {
            return "application/dicom";
        }
        return "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    }
}
