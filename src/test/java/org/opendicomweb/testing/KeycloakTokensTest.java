package org.opendicomweb.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token kit does what the access-control tests rely on: every token is issued for the server ({@code aud}), each
 * user carries exactly its roles, and each invalid kind is invalid for the one reason it stands for (signatures
 * checked here with the JDK against the realm's published keys). The viewer's client starts a login from any
 * loopback origin, with PKCE; the web console's from its own /ui/ address on any loopback port, with PKCE.
 */
@UsesTools
class KeycloakTokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OURS =
            Set.of("dicomweb-read", "dicomweb-write", "dicomweb-delete", "dicomweb-admin");

    private static Keycloak keycloak;

    @BeforeAll
    static void start() {
        keycloak = Keycloak.shared();
    }

    @Test
    void everyTokenIsIssuedForTheServerByTheRealm() {
        for (String token : new String[] {keycloak.token("reader"), keycloak.clientCredentialsToken()}) {
            JsonNode claims = Keycloak.claims(token);
            assertTrue(audience(claims).contains(Keycloak.AUDIENCE), claims.toString());
            assertEquals(keycloak.issuer(), claims.path("iss").asText());
        }
    }

    @Test
    void eachUserCarriesExactlyItsRolesAndItsName() {
        Map<String, Set<String>> expected = Map.of(
                "reader", Set.of("dicomweb-read"),
                "writer", Set.of("dicomweb-write"),
                "deleter", Set.of("dicomweb-delete"),
                "admin", Set.of("dicomweb-admin"),
                "everything", OURS,
                "norole", Set.of());
        expected.forEach((user, roles) -> {
            JsonNode claims = Keycloak.claims(keycloak.token(user));
            assertEquals(roles, ourRoles(claims), user);
            assertEquals(user, claims.path("preferred_username").asText());
        });
    }

    @Test
    void theImportClientReadsAndWrites() {
        assertEquals(
                Set.of("dicomweb-read", "dicomweb-write"),
                ourRoles(Keycloak.claims(keycloak.clientCredentialsToken())));
    }

    @Test
    void theExpiredTokenHasExpiredAndIsOtherwiseValid() throws Exception {
        String token = keycloak.expiredToken();
        JsonNode claims = Keycloak.claims(token);
        assertTrue(claims.path("exp").asLong() < Instant.now().getEpochSecond(), claims.toString());
        assertTrue(audience(claims).contains(Keycloak.AUDIENCE), claims.toString());
        assertEquals(OURS, ourRoles(claims));
        assertTrue(verifies(token, Keycloak.REALM));
    }

    @Test
    void theOtherIssuersTokenDiffersOnlyInIssuerAndKey() throws Exception {
        String token = keycloak.otherIssuerToken("everything");
        JsonNode claims = Keycloak.claims(token);
        assertNotEquals(keycloak.issuer(), claims.path("iss").asText());
        assertTrue(audience(claims).contains(Keycloak.AUDIENCE), claims.toString());
        assertEquals(OURS, ourRoles(claims));
        assertTrue(verifies(token, Keycloak.OTHER_REALM));
        assertFalse(keys(Keycloak.REALM).has(keyId(token)), "the other realm signs with a key of realm dicomweb");
    }

    @Test
    void aBadSignatureNoLongerVerifiesWhereTheTokenDid() throws Exception {
        String token = keycloak.token("reader");
        String forged = Keycloak.withBadSignature(token);
        assertTrue(verifies(token, Keycloak.REALM));
        assertEquals(Keycloak.claims(token), Keycloak.claims(forged));
        assertFalse(verifies(forged, Keycloak.REALM));
    }

    @Test
    void theViewerLogsInFromAnyLoopbackOriginWithPkceOnly() throws Exception {
        String challenge = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        assertEquals(
                200, authorize("http://127.0.0.1:41234/callback", challenge).statusCode());
        assertEquals(200, authorize("http://localhost:8080/", challenge).statusCode());
        assertEquals(400, authorize("http://198.51.100.7:8080/", challenge).statusCode());
        HttpResponse<String> withoutPkce = authorize("http://127.0.0.1:41234/callback", "");
        assertEquals(302, withoutPkce.statusCode());
        assertTrue(
                withoutPkce.headers().firstValue("Location").orElse("").contains("error=invalid_request"),
                withoutPkce.headers().toString());
    }

    @Test
    void theConsoleLogsInAtItsOwnAddressOnAnyLoopbackPortWithPkceOnly() throws Exception {
        String challenge = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        assertEquals(
                200,
                authorize("dicomweb-console", "http://localhost:41234/ui/", challenge)
                        .statusCode());
        assertEquals(
                200,
                authorize("dicomweb-console", "http://127.0.0.1:8080/ui/", challenge)
                        .statusCode());
        assertEquals(
                400,
                authorize("dicomweb-console", "http://localhost:41234/callback", challenge)
                        .statusCode());
        assertEquals(
                400,
                authorize("dicomweb-console", "http://198.51.100.7:8080/ui/", challenge)
                        .statusCode());
        HttpResponse<String> withoutPkce = authorize("dicomweb-console", "http://localhost:41234/ui/", "");
        assertEquals(302, withoutPkce.statusCode());
        assertTrue(
                withoutPkce.headers().firstValue("Location").orElse("").contains("error=invalid_request"),
                withoutPkce.headers().toString());
    }

    private static HttpResponse<String> authorize(String redirectUri, String pkce) throws Exception {
        return authorize("ohif", redirectUri, pkce);
    }

    /** The start of the authorization code flow (RFC 6749 §4.1.1) of a public client, not followed. */
    private static HttpResponse<String> authorize(String client, String redirectUri, String pkce) throws Exception {
        String query = "client_id=" + client + "&response_type=code&scope=openid&state=s&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + pkce;
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + query))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theMalformedTokenHasNoClaimsToRead() {
        assertThrows(UncheckedIOException.class, () -> Keycloak.claims(Keycloak.malformed()));
    }

    private static Set<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        Set<String> values = new TreeSet<>();
        if (aud.isArray()) {
            aud.forEach(a -> values.add(a.asText()));
        } else {
            values.add(aud.asText());
        }
        return values;
    }

    private static Set<String> ourRoles(JsonNode claims) {
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        roles.retainAll(OURS);
        return roles;
    }

    /** Whether the RS256 signature verifies with the realm's published key of the token's {@code kid}. */
    private static boolean verifies(String jwt, String realm) throws IOException, GeneralSecurityException {
        JsonNode jwk = keys(realm).path(keyId(jwt));
        if (jwk.isMissingNode()) {
            return false;
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, b64.decode(jwk.path("n").asText())),
                        new BigInteger(1, b64.decode(jwk.path("e").asText()))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        int lastDot = jwt.lastIndexOf('.');
        rs256.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(b64.decode(jwt.substring(lastDot + 1)));
    }

    private static String keyId(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))))
                .path("kid")
                .asText();
    }

    /** The realm's signing keys (its JWKS), by key id. */
    private static JsonNode keys(String realm) throws IOException {
        String issuer = keycloak.issuer(realm);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            var byId = JSON.createObjectNode();
            for (JsonNode k : JSON.readTree(r.body()).path("keys")) {
                if ("sig".equals(k.path("use").asText())
                        && "RSA".equals(k.path("kty").asText())) {
                    byId.set(k.path("kid").asText(), k);
                }
            }
            return byId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
