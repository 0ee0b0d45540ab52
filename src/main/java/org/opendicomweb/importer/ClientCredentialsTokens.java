package org.opendicomweb.importer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Access tokens of the OAuth 2.0 client credentials grant (RFC 6749 §4.4), for an import that runs without a user. A
 * token is reused until shortly before it expires ({@code expires_in}, §5.1) and replaced at once when the server
 * refuses it, so that an import of hours outlives the tokens of minutes that issuers hand out.
 */
final class ClientCredentialsTokens implements BearerTokens {
    /** A token is replaced this long before it expires at the latest, or at half its lifetime if that is shorter. */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(30);

    /** One answer of the token endpoint. */
    record Grant(String accessToken, Optional<Duration> expiresIn) {
        @Override
        public String toString() {
            return "Grant[access token withheld, expires in "
                    + expiresIn.map(Duration::toSeconds).orElse(null) + " s]";
        }
    }

    /** Asks the authorization server for a new token. */
    @FunctionalInterface
    interface TokenEndpoint {
        Grant grant() throws IOException, InterruptedException;
    }

    private final TokenEndpoint endpoint;
    private final Supplier<Instant> clock;
    private String current;
    private Instant renewAt = Instant.MIN;

    ClientCredentialsTokens(TokenEndpoint endpoint, Supplier<Instant> clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public synchronized String token() throws IOException, InterruptedException {
        Instant now = clock.get();
        if (current == null || !now.isBefore(renewAt)) {
            Grant grant = endpoint.grant();
            current = grant.accessToken();
            // Without expires_in the lifetime is unknown: the token is kept until the server refuses it.
            renewAt = grant.expiresIn()
                    .map(lifetime -> now.plus(lifetime).minus(min(RENEWAL_MARGIN, lifetime.dividedBy(2))))
                    .orElse(Instant.MAX);
        }
        return current;
    }

    @Override
    public synchronized boolean rejected(String token) {
        // Another request may have replaced it already; then the current one is tried.
        if (token.equals(current)) {
            current = null;
        }
        return true;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The token endpoint of an OpenID Connect issuer, found in its discovery document (OpenID Connect Discovery 1.0
     * §4) on first use, with the client authenticated by HTTP Basic (RFC 6749 §2.3.1, the method every authorization
     * server must support). Error messages carry the issuer's error code and description, never the secret or a
     * token.
     */
    static TokenEndpoint openIdConnect(HttpClient http, ImportOptions.ClientCredentials client) {
        return new TokenEndpoint() {
            private URI tokenEndpoint;

            @Override
            public Grant grant() throws IOException, InterruptedException {
                if (tokenEndpoint == null) {
                    tokenEndpoint = discover(http, client.issuer());
                }
                String credentials = form(client.clientId()) + ":" + form(client.secret());
                String body = "grant_type=client_credentials"
                        + client.scope().map(s -> "&scope=" + form(s)).orElse("");
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(tokenEndpoint)
                                .timeout(Duration.ofSeconds(30))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Map<String, Object> answer = json(response, "the token endpoint " + tokenEndpoint);
                if (response.statusCode() != 200) {
                    // RFC 6749 §5.2: error and error_description say why (invalid_client, unauthorized_client, ...).
                    throw new IOException("the token endpoint " + tokenEndpoint + " refused client " + client.clientId()
                            + ": HTTP " + response.statusCode() + " " + answer.getOrDefault("error", "")
                            + Optional.ofNullable(answer.get("error_description"))
                                    .map(d -> " (" + d + ")")
                                    .orElse(""));
                }
                if (!(answer.get("access_token") instanceof String token) || token.isEmpty()) {
                    throw new IOException("the token endpoint " + tokenEndpoint + " answered without an access token");
                }
                if (!"bearer".equalsIgnoreCase(String.valueOf(answer.get("token_type")))) {
                    throw new IOException("the token endpoint " + tokenEndpoint + " issued a token of type "
                            + answer.get("token_type") + ", not Bearer");
                }
                Optional<Duration> expiresIn = answer.get("expires_in") instanceof Double seconds
                        ? Optional.of(Duration.ofSeconds(seconds.longValue()))
                        : Optional.empty();
                return new Grant(token, expiresIn);
            }
        };
    }

    /** The token endpoint the issuer's discovery document names; the document must be the issuer's own (§4.3). */
    private static URI discover(HttpClient http, URI issuer) throws IOException, InterruptedException {
        String base = withoutTrailingSlash(issuer.toString());
        URI document = URI.create(base + "/.well-known/openid-configuration");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(document)
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "no OpenID Connect discovery document at " + document + ": HTTP " + response.statusCode());
        }
        Map<String, Object> configuration = json(response, document.toString());
        if (!(configuration.get("issuer") instanceof String named)
                || !withoutTrailingSlash(named).equals(base)) {
            throw new IOException("the discovery document at " + document + " is of issuer "
                    + configuration.get("issuer") + ", not " + issuer);
        }
        if (!(configuration.get("token_endpoint") instanceof String endpoint)) {
            throw new IOException("the discovery document at " + document + " names no token_endpoint");
        }
        return URI.create(endpoint);
    }

    private static Map<String, Object> json(HttpResponse<String> response, String from) throws IOException {
        try {
            return JsonObjectReader.read(response.body());
        } catch (IllegalArgumentException e) {
            throw new IOException(from + " answered HTTP " + response.statusCode() + " with " + e.getMessage());
        }
    }

    private static String withoutTrailingSlash(String s) {
        return s.replaceAll("/+$", "");
    }

    /** application/x-www-form-urlencoded, which RFC 6749 §2.3.1 also asks for in the Basic credentials. */
    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
