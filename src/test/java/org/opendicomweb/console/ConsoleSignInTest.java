package org.opendicomweb.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.interop.NodeScript;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Keycloak;
import org.opendicomweb.testing.OidcProfile;
import org.opendicomweb.testing.StowBody;

/**
 * The web console in mode {@code oidc} against the tests' real Keycloak, in headless Chromium under the console's own
 * Content-Security-Policy ({@code console-auth.mjs}): opening the console sends the browser to Keycloak's login page
 * for an authorization code with PKCE (client {@code dicomweb-console}); the user types name and password into
 * Keycloak's own form and comes back to the console location they opened; the header shows who they are and their
 * roles; the console's requests to the API carry their token and succeed; controls of roles they lack are hidden;
 * the token (30 seconds in the realm file) is renewed with the refresh token before it expires; a reload signs in
 * again through Keycloak's session without its form; signing out ends that session; a user without the read role is
 * refused, and the console says so in words. No token ever reaches web storage. Every console page passes axe-core's
 * WCAG 2.1 AA rules and a keyboard walk in the light and the dark color scheme, signed in and signed out.
 *
 * <p>One browser session for the whole class: the test methods judge parts of what it recorded. Screenshots go to
 * target/interop as console-*.png.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ConsoleSignInTest {
    private static final String CLIENT = "dicomweb-console";
    /** A location with a query, to come back to after the round trip to the issuer. */
    private static final String START_HASH = "#/no-such-page?from=sign-in";
    /** The access token lifespan of client {@value #CLIENT} in the realm file. */
    private static final Duration TOKEN_LIFESPAN = Duration.ofSeconds(30);

    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(240);

    @TestHTTPResource("/ui/")
    URL console;

    @TestHTTPResource("/dicom-web")
    URL dicomweb;

    /** What the one browser session saw; a failed session fails every test with its description. */
    private static NodeScript.Result run;

    private Keycloak keycloak;

    @BeforeEach
    void signInOnce() throws Exception {
        NodeScript.requireBrowser();
        keycloak = Keycloak.shared();
        if (run == null) {
            IndexTables.clean();
            DicomFiles.Builder image =
                    DicomFiles.ctImage().patient("Console^Auth", "CONSOLE-AUTH").instance(Uids.generate(), 1);
            given().auth()
                    .oauth2(keycloak.token("writer"))
                    .contentType(StowBody.contentType("console"))
                    .accept("application/dicom+json")
                    .body(StowBody.of("console", image))
                    .when()
                    .post("/dicom-web/studies")
                    .then()
                    .statusCode(200);
            run = browse(image);
        }
        assertEquals(0, run.exitCode(), "the console in Chromium failed:\n" + run.describe(List.of()));
    }

    private NodeScript.Result browse(DicomFiles.Builder image) throws Exception {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("consoleUrl", console.toString());
        options.put("apiRoot", dicomweb.toString());
        options.put("issuer", keycloak.issuer());
        options.put("startHash", START_HASH);
        options.put(
                "pages", ConsolePages.of(image.studyInstanceUid(), image.seriesInstanceUid(), image.sopInstanceUid()));
        // Test users' passwords are their names (the realm file); writer holds dicomweb-write only.
        options.put("reader", Map.of("user", "reader", "password", "reader"));
        options.put("forbidden", Map.of("user", "writer", "password", "writer"));
        options.put("renewalWaitMs", TOKEN_LIFESPAN.toMillis());
        options.put(
                "screenshotDir", Path.of("target", "interop").toAbsolutePath().toString());
        options.put("timeoutMs", 30_000);
        long started = System.nanoTime();
        NodeScript.Result result = NodeScript.run("console-auth.mjs", options, SCRIPT_LIMIT);
        System.out.printf(
                "Console signed in, renewed, reloaded, signed out: %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return result;
    }

    private static JsonNode seen() {
        return run.json();
    }

    @Test
    void consoleSendsTheBrowserToTheIssuerForACodeWithPkceAndComesBackToTheSameLocation() {
        JsonNode login = seen().path("login");
        assertEquals(
                keycloak.issuer() + "/protocol/openid-connect/auth",
                login.path("endpoint").asText(),
                "login");
        JsonNode parameters = login.path("parameters");
        assertEquals(CLIENT, parameters.path("client_id").asText(), "client: " + login);
        assertEquals("code", parameters.path("response_type").asText(), "response type: " + login);
        assertEquals("S256", parameters.path("code_challenge_method").asText(), "PKCE (RFC 7636): " + login);
        assertEquals(43, login.path("challengeLength").asInt(), "a base64url SHA-256 challenge: " + login);
        assertEquals("openid profile", parameters.path("scope").asText(), "scope: " + login);
        assertEquals(console.toString(), parameters.path("redirect_uri").asText(), "redirect URI: " + login);
        assertTrue(login.path("state").asBoolean() && login.path("nonce").asBoolean(), "state and nonce: " + login);
        assertTrue(login.path("title").asText().contains("Sign in"), "Keycloak's login page: " + login.path("title"));
        assertEquals(
                console + START_HASH,
                seen().path("returnedTo").asText(),
                "back where the user was, the code and state gone from the address");
    }

    @Test
    void headerShowsTheUserAndTheirRolesWithASignOutButton() {
        JsonNode header = seen().path("signedIn");
        assertEquals("Signed in as reader", header.path("name").asText(), "user: " + header);
        assertEquals("Roles: read", header.path("roles").asText(), "roles: " + header);
        assertTrue(header.path("signOut").asBoolean(), "a Sign out button: " + header);
        assertFalse(header.path("signIn").asBoolean(), "no Sign in button: " + header);
    }

    @Test
    void controlsOfRolesTheUserLacksAreHidden() {
        assertFalse(seen().path("signedIn").path("uploadShown").asBoolean(), "a reader is offered no upload");
        assertFalse(seen().path("signedOut").path("header").path("uploadShown").asBoolean(), "nobody, no upload");
        assertTrue(
                seen().path("forbidden").path("header").path("uploadShown").asBoolean(),
                "a user with the write role is offered the upload");
    }

    @Test
    void theConsolesRequestsCarryTheUsersTokenAndSucceed() {
        JsonNode call = seen().path("firstCall");
        assertTrue(call.path("ok").asBoolean(), "the study search failed: " + call);
        assertEquals(1, call.path("count").asInt(), "the stored study: " + call);
        List<JsonNode> searches = requests().stream()
                .filter(r -> r.path("url").asText().startsWith(dicomweb + "/studies"))
                .toList();
        assertFalse(searches.isEmpty(), "no study search reached the server");
        JsonNode first = searches.get(0);
        assertEquals("Bearer", first.path("scheme").asText(), "sent with a bearer token: " + first);
        assertEquals(call.path("token").asText(), first.path("token").asText(), "the user's token: " + first);
        assertEquals(200, first.path("status").asInt(), "answered: " + first);
        List<String> withoutToken = requests("reader").stream()
                .filter(r -> !r.path("scheme").asText().equals("Bearer"))
                .map(r -> r.path("method").asText() + " " + r.path("url").asText())
                .toList();
        assertEquals(List.of(), withoutToken, "API requests of the console without a token, the user signed in");
    }

    @Test
    void theTokenIsRenewedBeforeItExpiresAndLaterRequestsCarryTheNewOne() {
        List<JsonNode> tokenRequests = StreamSupport.stream(
                        seen().path("issuerRequests").spliterator(), false)
                .filter(r -> r.path("path").asText().equals("/protocol/openid-connect/token"))
                .toList();
        JsonNode code = tokenRequests.stream()
                .filter(r -> r.path("grant").asText().equals("authorization_code"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no code redeemed: " + tokenRequests));
        JsonNode refresh = tokenRequests.stream()
                .filter(r -> r.path("grant").asText().equals("refresh_token"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no renewal: " + tokenRequests));
        assertEquals(200, refresh.path("status").asInt(), "renewed: " + refresh);
        long afterMs = refresh.path("at").asLong() - code.path("at").asLong();
        assertTrue(
                afterMs > 0 && afterMs < TOKEN_LIFESPAN.toMillis(),
                "renewed " + afterMs + " ms after the sign-in, the token living " + TOKEN_LIFESPAN.toMillis() + " ms");

        JsonNode call = seen().path("renewal").path("call");
        assertTrue(call.path("ok").asBoolean(), "a search after the renewal: " + call);
        assertNotEquals(
                seen().path("firstCall").path("token").asText(),
                call.path("token").asText(),
                "a new token");
        assertTrue(
                requests().stream()
                        .anyMatch(r -> r.path("token")
                                        .asText()
                                        .equals(call.path("token").asText())
                                && r.path("status").asInt() == 200),
                "the search after the renewal carried the new token: " + requests());
        assertTrue(
                requests("reader").stream().noneMatch(r -> r.path("status").asInt() == 401),
                "no request was sent with an expired token: " + requests());
    }

    @Test
    void aReloadSignsInAgainThroughTheIssuersSessionWithoutItsForm() {
        JsonNode reload = seen().path("reload");
        assertFalse(reload.path("formShown").asBoolean(), "Keycloak asked for the password again: " + reload);
        assertEquals("Signed in as reader", reload.path("header").path("name").asText(), "after the reload: " + reload);
        List<String> issuer = new ArrayList<>();
        reload.path("issuerRequests").forEach(r -> issuer.add(r.asText()));
        assertTrue(issuer.contains("GET /protocol/openid-connect/auth 302"), "straight back with a code: " + issuer);
        assertTrue(
                issuer.contains("POST /protocol/openid-connect/token authorization_code 200"), "redeemed: " + issuer);
    }

    @Test
    void signingOutEndsTheIssuersSessionAndOffersToSignIn() {
        JsonNode out = seen().path("signedOut");
        assertTrue(out.path("logout").asBoolean(), "the issuer's logout endpoint was not called: " + out);
        assertTrue(out.path("token").isNull(), "no token after signing out: " + out);
        assertEquals(console.toString(), out.path("url").asText(), "back in the console: " + out);
        JsonNode header = out.path("header");
        assertTrue(header.path("signIn").asBoolean(), "a Sign in button: " + header);
        assertTrue(header.path("name").isNull(), "nobody shown as signed in: " + header);
        // The next sign-in met Keycloak's form (the script waited for it): the issuer's session had ended.
        assertEquals(
                "writer",
                seen().path("forbidden").path("header").path("name").asText().replace("Signed in as ", ""));
    }

    @Test
    void aRefusalOfTheApiIsShownInWords() {
        JsonNode forbidden = seen().path("forbidden");
        JsonNode call = forbidden.path("call");
        assertFalse(call.path("ok").asBoolean(), "a user without the read role searched: " + call);
        assertEquals(403, call.path("status").asInt(), "refused: " + call);
        String words = call.path("message").asText();
        assertTrue(
                words.startsWith("Your account is not allowed to do this: ask an administrator for the role it needs.")
                        && words.contains("needs the role 'dicomweb-read'"),
                "the words and the server's reason: " + words);
        assertEquals(words, forbidden.path("header").path("notice").asText(), "the notice line shows them");
    }

    @Test
    void noTokenEverReachesWebStorage() {
        JsonNode storage = seen().path("storage");
        assertEquals(5, storage.size(), "web storage read at every step: " + storage);
        for (JsonNode step : storage) {
            assertFalse(step.path("holdsToken").asBoolean(), "the access token in web storage: " + step);
            assertFalse(step.path("holdsJwt").asBoolean(), "a token in web storage: " + step);
        }
        assertEquals(
                4,
                StreamSupport.stream(storage.spliterator(), false)
                        .filter(s -> s.path("signedIn").asBoolean())
                        .count(),
                "signed in at four of the steps: " + storage);
    }

    /**
     * The whole session ran under the console's real policy (nothing bypasses it, the accessibility checks included):
     * the sign-in's fetches to the issuer, the navigations to its login and logout pages, the header. The browser
     * reports each refusal of the policy on the page's console.
     */
    @Test
    void theConsoleNeedsNothingItsContentSecurityPolicyForbids() {
        List<String> refused = new ArrayList<>();
        seen().path("contentSecurityPolicy")
                .forEach(v -> refused.add(v.path("page").asText() + " ("
                        + v.path("source").asText() + "): " + v.path("text").asText()));
        assertEquals(List.of(), refused, "what the Content-Security-Policy refused");
    }

    /**
     * axe-core (WCAG 2.0 and 2.1, A and AA): no serious or critical violation; lesser ones are printed. Every visible
     * control is reached with Tab, and focus leaves the page again.
     */
    @Test
    void everyConsolePageIsAccessibleInBothColorSchemesSignedInAndOut() {
        JsonNode checks = seen().path("accessibility");
        assertEquals(2 * (ConsolePages.ALL.size() + 1), checks.size(), "pages checked: " + checks);
        List<String> failures = new ArrayList<>();
        for (JsonNode check : checks) {
            String where = check.path("page") + " in " + check.path("scheme").asText();
            for (JsonNode violation : check.path("violations")) {
                String impact = violation.path("impact").asText();
                String line = where + ": " + impact + " " + violation.path("id").asText() + " ("
                        + violation.path("help").asText() + ") at " + violation.path("nodes");
                if (impact.equals("serious") || impact.equals("critical")) {
                    failures.add(line);
                } else {
                    System.out.println("accessibility, not failing the test: " + line);
                }
            }
            JsonNode keyboard = check.path("keyboard");
            keyboard.path("unreachable")
                    .forEach(e -> failures.add(where + ": not reachable with the keyboard: " + e.asText()));
            if (keyboard.path("trapped").asBoolean()) {
                failures.add(where + ": focus never left the page (a keyboard trap)");
            }
            if (keyboard.path("reached").isEmpty()) {
                failures.add(where + ": the keyboard reached no control at all");
            }
        }
        assertEquals(List.of(), failures, "accessibility");
    }

    /** A view that app.js routes to and that exists must be among {@link ConsolePages#ALL}. */
    @Test
    void everyViewOfTheConsoleIsAmongTheCheckedPages() throws Exception {
        assertFalse(ConsolePages.routeModules().isEmpty(), "no route found in app.js: the pattern is out of date");
        Set<String> visited = new TreeSet<>();
        seen().path("accessibility").forEach(c -> {
            if (c.path("page").path("module").isTextual()) {
                visited.add(c.path("page").path("module").asText());
            }
        });
        Set<String> missing = ConsolePages.viewModules();
        missing.removeAll(visited);
        assertEquals(Set.of(), missing, "views of app.js's ROUTES that ConsolePages.ALL does not visit");
    }

    private static List<JsonNode> requests() {
        return StreamSupport.stream(seen().path("requests").spliterator(), false)
                .toList();
    }

    /** The requests sent while one user was signed in ('reader', 'forbidden'), or nobody ('signed-out'). */
    private static List<JsonNode> requests(String phase) {
        return requests().stream()
                .filter(r -> r.path("phase").asText().equals(phase))
                .toList();
    }
}
