package org.opendicomweb.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import command against a stand-in issuer and STOW-RS endpoint on loopback (the JDK's HTTP server): how tokens
 * are obtained, sent and replaced, and that neither the secret nor a token ever reaches the output.
 */
class ArchiveImportTokensTest {
    private static final String SECRET = "s3cret:with&odd=chars";

    /** What the stand-in STOW-RS endpoint received: the Authorization header and the body's length. */
    private record Stow(String authorization, int bodyLength) {}

    private final List<Stow> stows = Collections.synchronizedList(new ArrayList<>());
    private final List<String> grantRequests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger issued = new AtomicInteger();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private HttpServer server;
    private String base;
    private volatile Predicate<String> stowAccepts = authorization -> true;
    private volatile int tokenEndpointStatus = 200;
    private volatile String issuerNamed;

    @TempDir
    Path work;

    private Path folder;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        issuerNamed = base + "/realms/test";
        server.createContext(
                "/realms/test/.well-known/openid-configuration",
                exchange -> answer(
                        exchange,
                        200,
                        "{\"issuer\":\"" + issuerNamed + "\",\"token_endpoint\":\"" + base + "/realms/test/token\"}"));
        server.createContext("/realms/test/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            grantRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            if (tokenEndpointStatus != 200) {
                answer(exchange, tokenEndpointStatus, """
                        {"error":"invalid_client","error_description":"Invalid client or Invalid client credentials"}""");
                return;
            }
            answer(exchange, 200, """
                    {"access_token":"token-%d","expires_in":300,"token_type":"Bearer"}""".formatted(issued.incrementAndGet()));
        });
        server.createContext("/dicom-web/studies", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            stows.add(new Stow(authorization, exchange.getRequestBody().readAllBytes().length));
            if (stowAccepts.test(authorization)) {
                answer(exchange, 200, "{}");
            } else {
                exchange.getResponseHeaders()
                        .add("WWW-Authenticate", "Bearer realm=\"dicomweb\", error=\"invalid_token\"");
                answer(exchange, 401, "{\"status\":401,\"message\":\"invalid token\"}");
            }
        });
        server.start();
        folder = Files.createDirectories(work.resolve("archive"));
        Files.write(folder.resolve("a.dcm"), new byte[1000]);
        Files.write(folder.resolve("b.dcm"), new byte[2000]);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private int importFolder(Map<String, String> environment, String... credentials) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--url",
                base + "/dicom-web",
                "--journal",
                work.resolve("journal").toString()));
        args.addAll(List.of(credentials));
        args.add(folder.toString());
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return ArchiveImport.execute(args, environment, both, both);
    }

    private int importWithClientCredentials() throws Exception {
        return importFolder(
                Map.of(ImportOptions.SECRET_VARIABLE, SECRET),
                "--oidc-issuer",
                base + "/realms/test",
                "--client-id",
                "dicomweb-import");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private List<String> journalled() throws IOException {
        return Files.readAllLines(work.resolve("journal"));
    }

    @Test
    void theClientAuthenticatesWithBasicAndTheImportSendsTheToken() throws Exception {
        stowAccepts = "Bearer token-1"::equals;
        assertEquals(0, importWithClientCredentials(), output());
        // RFC 6749 §2.3.1: id and secret form-encoded, then joined by a colon.
        String basic = grantRequests.get(0).split(" ")[1];
        assertEquals(
                "dicomweb-import:s3cret%3Awith%26odd%3Dchars",
                new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8));
        assertTrue(grantRequests.get(0).endsWith(" grant_type=client_credentials"), grantRequests.get(0));
        assertEquals(List.of(new Stow("Bearer token-1", stows.get(0).bodyLength())), stows);
        assertEquals(2, journalled().size());
    }

    @Test
    void aRefusedTokenIsReplacedAndTheBatchSentAgainWhole() throws Exception {
        stowAccepts = "Bearer token-2"::equals;
        assertEquals(0, importWithClientCredentials(), output());
        assertEquals(2, stows.size());
        assertEquals("Bearer token-1", stows.get(0).authorization());
        assertEquals("Bearer token-2", stows.get(1).authorization());
        assertTrue(stows.get(0).bodyLength() > 3000, stows.toString());
        assertEquals(stows.get(0).bodyLength(), stows.get(1).bodyLength());
        assertEquals(2, journalled().size());
        assertFalse(output().contains("token-"), output());
    }

    @Test
    void aGivenTokenThatIsRefusedFailsItsBatchWithoutRetrying() throws Exception {
        stowAccepts = authorization -> false;
        assertEquals(1, importFolder(Map.of(), "--token", "given-token"));
        assertEquals(
                List.of("Bearer given-token"),
                stows.stream().map(Stow::authorization).toList());
        assertTrue(output().contains("HTTP 401 for 2 files"), output());
        assertTrue(
                output().contains("the server refused the token [Bearer realm=\"dicomweb\", error=\"invalid_token\"]"),
                output());
        assertFalse(output().contains("given-token"), output());
    }

    @Test
    void withoutCredentialsARefusalSaysHowToGiveThem() throws Exception {
        stowAccepts = authorization -> authorization != null;
        assertEquals(1, importFolder(Map.of()));
        assertEquals(1, stows.size());
        assertEquals(null, stows.get(0).authorization());
        assertTrue(output().contains("give --token, or --oidc-issuer and --client-id"), output());
    }

    @Test
    void aRefusedSecretStopsTheImportBeforeAnyFileIsSent() throws Exception {
        tokenEndpointStatus = 401;
        assertEquals(2, importWithClientCredentials());
        assertTrue(stows.isEmpty());
        assertTrue(
                output().contains("refused client dicomweb-import: HTTP 401 invalid_client (Invalid client"), output());
        assertFalse(output().contains("s3cret"), output());
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsNotTrustedWithTheSecret() throws Exception {
        issuerNamed = "https://elsewhere.example.org/realms/test";
        assertEquals(2, importWithClientCredentials());
        assertTrue(grantRequests.isEmpty());
        assertTrue(output().contains("is of issuer https://elsewhere.example.org/realms/test"), output());
    }
}
