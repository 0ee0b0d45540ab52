package org.opendicomweb.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Keycloak;
import org.opendicomweb.testing.OidcProfile;

/**
 * The OHIF Viewer 3 (npm {@code @ohif/app}, unmodified) configured for OpenID Connect against the tests' real
 * Keycloak ({@code ohif-oidc.js}), in headless Chromium, with the server in mode {@code oidc}: the user types name
 * and password into Keycloak's own login page (authorization code flow with PKCE, client {@code ohif} of the test
 * realm), comes back to the study list, which shows the stored study, opens it, and sees its image; every request
 * the viewer sends carries the user's bearer token. A user without {@code dicomweb-read} is refused by the server
 * (403, {@code insufficient_scope}, RFC 6750 §3.1) on every request, and OHIF says so: an error dialog over the study
 * list, and its "not available" page for a link to a study; neither is a blank page.
 *
 * <p>The viewer runs on an origin of its own and calls the server directly: the Authorization header makes every
 * request a preflighted one (Fetch standard, CORS), and the preflights, which carry no token, must pass.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OhifOidcLoginTest {
    private static final Path DIST = NodeScript.NODE_MODULES.resolve("@ohif/app/dist");
    private static final Path CONFIG = NodeScript.FOLDER.resolve("ohif-app-config.js");
    private static final Path OIDC_CONFIG = NodeScript.FOLDER.resolve("ohif-oidc.js");
    private static final String STUDY = "2.25.311462702361092017462313547062321";
    private static final String PATIENT = "Phantom^Oidc";
    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(150);

    @TestHTTPResource("/dicom-web")
    URL dicomweb;

    private Keycloak keycloak;

    /** One small study, stored with a writer's token; the list starts from an empty index. */
    @BeforeEach
    void storeStudy() throws Exception {
        NodeScript.requireBrowser();
        assertTrue(
                Files.isRegularFile(DIST.resolve("index.html")),
                "OHIF Viewer is not installed in " + DIST
                        + ": the build installs it (node install.mjs in src/test/interop)");
        keycloak = Keycloak.shared();
        IndexTables.clean();
        List<byte[]> files = new ArrayList<>();
        for (DicomFiles.Builder b : CtPhantom.series(PATIENT, "OIDC-1", STUDY, STUDY + ".1", 3, 256)) {
            files.add(b.toBytes());
        }
        Stow.store(files, keycloak.token("writer"));
    }

    @Test
    void readerSignsInAtKeycloakAndTheViewerListsTheStudyAndDrawsItsImage() throws Exception {
        JsonNode result = signIn("reader", "launch", "Basic Viewer");

        assertSignedInThroughKeycloak(result);
        JsonNode list = result.path("list");
        assertEquals(1, list.path("rows").size(), "the study list must show the one stored study: " + list);
        assertEquals("Phantom, Oidc", list.path("rows").path(0).path(0).asText(), "patient name in the list: " + list);
        assertTrue(result.path("dialog").isNull(), "no dialog over the study list: " + result.path("dialog"));

        JsonNode viewer = result.path("viewer");
        assertTrue(viewer.path("error").isNull(), "the viewer drew nothing: " + viewer);
        assertTrue(
                viewer.path("url").asText().endsWith("/viewer?StudyInstanceUIDs=" + STUDY),
                "the listed study opened: " + viewer.path("url"));
        List<JsonNode> requests = requests(result);
        String metadata = dicomweb + "/studies/" + STUDY + "/series/" + STUDY + ".1/metadata";
        assertTrue(
                requests.stream()
                        .anyMatch(r -> r.path("url").asText().equals(metadata)
                                && r.path("status").asInt() == 200),
                "the viewer did not read the series metadata: " + requests);
        List<String> failed = requests.stream()
                .filter(r -> !r.has("status") || r.path("status").asInt() >= 400)
                .map(OhifOidcLoginTest::describe)
                .toList();
        assertEquals(List.of(), failed, "requests of the viewer that failed");
        List<String> withoutToken = requests.stream()
                .filter(r -> !r.path("authorization").asText().equals("Bearer"))
                .map(OhifOidcLoginTest::describe)
                .toList();
        assertEquals(List.of(), withoutToken, "requests of the viewer without the user's bearer token");
    }

    /**
     * OHIF 3.13 shows a refused study list query as a dialog with the error of its DICOMweb client ("request
     * failed"), not the server's message (which only reaches the browser console); a link to a study leads to its
     * "not available" page. Both are asserted as shown, and the server's answer to every request as sent.
     */
    @Test
    void userWithoutTheReadRoleSignsInAndTheViewerShowsTheServersRefusal() throws Exception {
        // writer holds dicomweb-write only: a valid token of the realm, for the right audience, without the role.
        JsonNode result = signIn("writer", "link", STUDY);

        assertSignedInThroughKeycloak(result);
        List<JsonNode> requests = requests(result);
        assertTrue(
                requests.stream().anyMatch(r -> r.path("url").asText().startsWith(dicomweb + "/studies?")),
                "the viewer did not ask for the study list: " + requests);
        for (JsonNode request : requests) {
            assertEquals(403, request.path("status").asInt(), "the server's answer: " + describe(request));
            assertEquals("Bearer", request.path("authorization").asText(), "sent with the user's token");
            assertTrue(
                    request.path("challenge").asText().contains("error=\"insufficient_scope\""),
                    "RFC 6750 challenge: " + request.path("challenge"));
            assertTrue(
                    request.path("body")
                            .asText()
                            .contains("needs the role 'dicomweb-read', which the token of 'writer' does not carry"),
                    "the server's message: " + request.path("body"));
        }
        assertEquals(0, result.path("list").path("rows").size(), "no study may be listed: " + result.path("list"));
        String dialog = result.path("dialog").path("text").asText();
        assertTrue(
                dialog.startsWith("Data Source Connection Error") && dialog.contains("Error: request failed"),
                "OHIF must show the refusal over the list, not an empty list: " + result.path("dialog"));

        JsonNode viewer = result.path("viewer");
        assertTrue(viewer.path("url").asText().endsWith("/notfoundstudy"), "a link to the study: " + viewer);
        assertTrue(viewer.path("text").asText().contains("not available"), "OHIF's page for the link: " + viewer);
    }

    /**
     * Serves OHIF with the interop configuration plus OpenID Connect, lets the user sign in at Keycloak, then has the
     * script launch a mode or open a link ({@code ohif-oidc-login.mjs}), and returns what it saw. Screenshots go to
     * target/interop as ohif-oidc-USER-*.png.
     */
    private JsonNode signIn(String user, String then, String what) throws Exception {
        String root = dicomweb.toString();
        String config = Files.readString(CONFIG, StandardCharsets.UTF_8).replace("__DICOMWEB_ROOT__", root)
                + Files.readString(OIDC_CONFIG, StandardCharsets.UTF_8).replace("__ISSUER__", keycloak.issuer());
        try (StaticSite site = new StaticSite()) {
            assertFalse(root.startsWith(site.origin()), "the viewer must be on another origin");
            site.page("/app-config.js", "text/javascript; charset=utf-8", config.getBytes(StandardCharsets.UTF_8))
                    .folder("/", DIST)
                    .fallback(DIST.resolve("index.html"));
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("viewerUrl", site.origin());
            options.put("dicomwebRoot", root);
            options.put("issuer", keycloak.issuer());
            options.put("user", user);
            // Test users' passwords are their names (the realm file).
            options.put("password", user);
            // "launch" a mode on the first listed study, or open a "link" to a study's viewer page.
            options.put(then, what);
            options.put(
                    "screenshotDir",
                    Path.of("target", "interop").toAbsolutePath().toString());
            options.put("label", "ohif-oidc-" + user);
            options.put("timeoutMs", 45_000);
            long started = System.nanoTime();
            NodeScript.Result run = NodeScript.run("ohif-oidc-login.mjs", options, SCRIPT_LIMIT);
            System.out.printf(
                    "OHIF Viewer signed in as %s: %d s%n",
                    user, Duration.ofNanos(System.nanoTime() - started).toSeconds());
            assertEquals(0, run.exitCode(), "OHIF Viewer (" + user + ") failed:\n" + run.describe(site.errors()));
            assertTrue(site.errors().isEmpty(), "the test's web server failed: " + site.errors());
            return run.json();
        }
    }

    /** The viewer sent the browser to Keycloak's login page for an authorization code with PKCE, and got it back. */
    private void assertSignedInThroughKeycloak(JsonNode result) {
        JsonNode login = result.path("login");
        assertEquals(
                keycloak.issuer() + "/protocol/openid-connect/auth",
                login.path("endpoint").asText(),
                "login");
        JsonNode parameters = login.path("parameters");
        assertEquals("ohif", parameters.path("client_id").asText(), "client: " + login);
        assertEquals("code", parameters.path("response_type").asText(), "response type: " + login);
        assertEquals("S256", parameters.path("code_challenge_method").asText(), "PKCE (RFC 7636): " + login);
        assertTrue(login.path("title").asText().contains("Sign in"), "Keycloak's login page: " + login.path("title"));
        assertFalse(
                result.path("returnedTo").asText().contains("/callback"),
                "back in the viewer: " + result.path("returnedTo"));
    }

    private static List<JsonNode> requests(JsonNode result) {
        return StreamSupport.stream(result.path("requests").spliterator(), false)
                .toList();
    }

    private static String describe(JsonNode request) {
        return request.path("method").asText() + " " + request.path("url").asText() + " -> "
                + (request.has("status")
                        ? request.path("status").asText()
                        : request.path("failure").asText("no answer"));
    }
}
