package org.opendicomweb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak as the OpenID Connect issuer of the access-control tests, and a kit of tokens from it: valid ones
 * for each user of the test realm, a client-credentials one, and the invalid kinds a server must refuse (expired,
 * badly signed, from another issuer, malformed).
 *
 * <p>The distribution is the one the build unpacks into {@code target/keycloak-<version>} in the
 * {@code pre-integration-test} phase (pom.xml); without it Keycloak is a missing tool ({@link RequiredTools}). It
 * starts in about 40 seconds (several minutes the first time after unpacking, when it builds itself for development
 * mode), so a test JVM runs one, started by the first {@link #shared()} and stopped when the JVM ends.
 *
 * <p>Realms, imported at start-up from {@code src/test/resources/keycloak/dicomweb-realm.json}: {@value #REALM}, with
 * the roles dicomweb-read, -write, -delete and -admin, users whose password is their name ({@code reader},
 * {@code writer}, {@code deleter}, {@code admin}, {@code everything} with all four roles, {@code norole} with none),
 * and clients {@code dicomweb} (the server: bearer-only, the audience of every token), {@code ohif} (public,
 * authorization code with PKCE, any loopback redirect), {@code dicomweb-console} (the web console: the same, redirect
 * to /ui/ on any loopback port, tokens valid 30 seconds), {@value #IMPORT_CLIENT} (client credentials with read and
 * write), {@code dicomweb-test} (tokens by password) and {@code short-lived} (the same, valid one second). Realm
 * {@value #OTHER_REALM} is a copy under another name: same users, clients and roles, but another issuer and other
 * keys.
 */
public final class Keycloak {
    public static final String REALM = "dicomweb";
    public static final String OTHER_REALM = "other";
    /** The server's own client: every client of the realm puts it into the tokens' {@code aud}. */
    public static final String AUDIENCE = "dicomweb";

    public static final String IMPORT_CLIENT = "dicomweb-import";
    /** The secret of {@value #IMPORT_CLIENT}, fixed in the realm file (a test realm on loopback only). */
    public static final String IMPORT_SECRET = "dicomweb-import-secret";

    private static final String PASSWORD_CLIENT = "dicomweb-test";
    private static final String SHORT_LIVED_CLIENT = "short-lived";
    private static final String REALM_FILE = "/keycloak/dicomweb-realm.json";
    /** Three dot-separated parts, as a JWT has, none of them a base64url-encoded JSON object. */
    private static final String MALFORMED = "malformed.bearer.token";

    /**
     * The base URL of the running instance, for every class loader of the JVM: Quarkus loads each test profile's
     * classes anew, and each would otherwise start a Keycloak of its own.
     */
    private static final String URL_PROPERTY = "odw.test.keycloak.url";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String startFailure;
    private static String expired;

    private final String base;

    private Keycloak(String base) {
        this.base = base;
    }

    /** The distribution, where the build unpacks it; the system property {@code keycloak.home} (pom.xml) says. */
    static Path home() {
        String configured = System.getProperty("keycloak.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> unpacked = Files.list(Path.of("target"))) {
            // An IDE runs the tests without the property: take the one the build unpacked.
            return unpacked.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .filter(Files::isDirectory)
                    .max(Path::compareTo)
                    .orElse(Path.of("target", "keycloak"));
        } catch (IOException e) {
            return Path.of("target", "keycloak");
        }
    }

    static Tool tool() {
        Path script = home().resolve("bin/kc.sh");
        return Tool.fromBuild(
                "Keycloak at " + home(),
                "run the build's pre-integration-test phase, or only: mvn dependency:unpack@unpack-keycloak",
                () -> Files.isExecutable(script));
    }

    /**
     * The Keycloak of this test JVM, started on first use. Tests run one at a time, so one class loader starting it
     * while another asks is not a case to handle.
     */
    public static synchronized Keycloak shared() {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return new Keycloak(running);
        }
        if (startFailure != null) {
            throw new IllegalStateException(startFailure);
        }
        RequiredTools.require(tool());
        try {
            Server server = new Server(home());
            server.launch();
            System.setProperty(URL_PROPERTY, server.url(""));
            return new Keycloak(server.url(""));
        } catch (IllegalStateException e) {
            startFailure = e.getMessage();
            throw e;
        }
    }

    /** The issuer of realm {@value #REALM}, what the server's {@code quarkus.oidc.auth-server-url} names. */
    public String issuer() {
        return issuer(REALM);
    }

    /** The issuer of a realm ({@value #REALM} or {@value #OTHER_REALM}). */
    String issuer(String realm) {
        return base + "/realms/" + realm;
    }

    /** An access token of a user of realm {@value #REALM} (password grant), valid for five minutes. */
    public String token(String user) {
        return passwordGrant(REALM, PASSWORD_CLIENT, user);
    }

    /** The same user's token from realm {@value #OTHER_REALM}: valid in every way but its issuer and its keys. */
    public String otherIssuerToken(String user) {
        return passwordGrant(OTHER_REALM, PASSWORD_CLIENT, user);
    }

    /**
     * A user's token issued to a client that adds no {@value #AUDIENCE} audience: valid at the issuer, but meant for
     * another resource server.
     */
    public String otherAudienceToken(String user) {
        return passwordGrant(REALM, "other-audience", user);
    }

    /** An access token of client {@value #IMPORT_CLIENT} (client credentials, RFC 6749 §4.4). */
    public String clientCredentialsToken() {
        return accessToken(
                REALM,
                Map.of(
                        "grant_type", "client_credentials",
                        "client_id", IMPORT_CLIENT,
                        "client_secret", IMPORT_SECRET));
    }

    /**
     * A token of user {@code everything} (all roles) that has expired: its {@code exp} is two seconds in the past,
     * so a verifier's tolerance of a second for clock skew does not let it pass. Obtained once (it takes about three
     * seconds) and kept.
     */
    public String expiredToken() {
        synchronized (Keycloak.class) {
            if (expired == null) {
                String token = passwordGrant(REALM, SHORT_LIVED_CLIENT, "everything");
                JsonNode claims = claims(token);
                long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
                if (lifetime > 5) {
                    throw new IllegalStateException(SHORT_LIVED_CLIENT + " issued a token valid for " + lifetime
                            + " s; the realm file gives its tokens one second");
                }
                waitUntil(Instant.ofEpochSecond(claims.path("exp").asLong() + 2));
                expired = token;
            }
            return expired;
        }
    }

    /** The token with every byte of its signature inverted: well formed, but its signature does not verify. */
    public static String withBadSignature(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT: " + parts.length + " parts");
        }
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) ~signature[i];
        }
        return parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** A bearer token that is no JWT at all. */
    public static String malformed() {
        return MALFORMED;
    }

    /** The claims of a JWT (its payload), not verified: for tests that look at what a token says. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String passwordGrant(String realm, String client, String user) {
        // Test users' passwords are their names (the realm file).
        return accessToken(
                realm,
                Map.of(
                        "grant_type", "password",
                        "client_id", client,
                        "username", user,
                        "password", user));
    }

    private String accessToken(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a " + form.get("grant_type") + " grant for "
                    + form.getOrDefault("username", form.get("client_id")) + " in realm " + realm + ": "
                    + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(Instant moment) {
        try {
            for (long left = Duration.between(Instant.now(), moment).toMillis();
                    left > 0;
                    left = Duration.between(Instant.now(), moment).toMillis()) {
                Thread.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a token to expire", e);
        }
    }

    /**
     * {@code bin/kc.sh start-dev} on loopback, in a home of its own under the server's temporary folder: its start
     * script (which takes the home from where it lies) and a fresh {@code data/} with the realm files to import,
     * the rest linked to the unpacked distribution. Nothing of one run (the development database under
     * {@code data/h2}) reaches the next. Development mode builds itself once into the distribution's
     * {@code lib/quarkus}, which later starts reuse.
     */
    private static final class Server extends LocalServer {
        private final Path distribution;

        Server(Path distribution) {
            super("keycloak");
            this.distribution = distribution.toAbsolutePath();
        }

        @Override
        protected List<String> prepare(int port) throws IOException {
            Path home = dir.resolve("home-" + port);
            Files.createDirectories(home.resolve("bin"));
            Files.copy(distribution.resolve("bin/kc.sh"), home.resolve("bin/kc.sh"));
            for (String shared : List.of("lib", "providers", "themes", "conf")) {
                Files.createSymbolicLink(home.resolve(shared), distribution.resolve(shared));
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            ObjectNode realm = realmFile();
            JSON.writeValue(imports.resolve(REALM + "-realm.json").toFile(), realm);
            realm.put("realm", OTHER_REALM);
            JSON.writeValue(imports.resolve(OTHER_REALM + "-realm.json").toFile(), realm);
            String url = "http://127.0.0.1:" + port;
            return List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    // One issuer however a client names the host (localhost or 127.0.0.1).
                    "--hostname=" + url,
                    "--import-realm");
        }

        @Override
        protected boolean ready(int port) {
            if (!listening(port)) {
                return false;
            }
            // The realms are imported before the HTTP server opens; the discovery document says they are in place.
            HttpRequest discovery = HttpRequest.newBuilder(
                            URI.create(url("/realms/" + REALM + "/.well-known/openid-configuration")))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            try {
                return HTTP.send(discovery, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        protected Duration startTimeout() {
            return Duration.ofMinutes(5);
        }

        /**
         * Keycloak 26 needs Java 21 or newer, as the tests do (they are compiled for release 21): it runs on the test
         * JVM's Java, not on whatever the PATH finds first.
         */
        @Override
        protected Map<String, String> environment() {
            return Map.of("JAVA_HOME", System.getProperty("java.home"));
        }

        private static ObjectNode realmFile() throws IOException {
            try (InputStream in = Keycloak.class.getResourceAsStream(REALM_FILE)) {
                if (in == null) {
                    throw new IOException(REALM_FILE + " is not on the test class path");
                }
                return (ObjectNode) JSON.readTree(in);
            }
        }
    }
}
