package org.opendicomweb.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.testing.UsesTools;

/**
 * deploy/nginx.conf, as nginx reads and runs it (see {@link ComposeNginx} for the three things a test copy must
 * change), in front of two stand-in nodes: it balances over both, names the client and the outside host, and
 * passes a STOW-sized body that nginx's default limit (1 MB) would refuse.
 */
@UsesTools
class NginxConfigTest {
    private final List<HttpServer> nodes = new ArrayList<>();
    private final Map<String, Map<String, String>> seenHeaders = new ConcurrentHashMap<>();
    private final Map<String, Long> seenBodyBytes = new ConcurrentHashMap<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(n -> n.stop(0));
    }

    @Test
    void configurationPassesNginxCheck() throws Exception {
        ComposeNginx.Result result = ComposeNginx.test(List.of(18081, 18082));
        assertEquals(0, result.exitStatus(), result.output());
        assertTrue(result.output().contains("test is successful"), result.output());
    }

    @Test
    void requestsReachEveryNodeNamingTheClient() throws Exception {
        List<Integer> ports = List.of(startNode("node1"), startNode("node2"));
        try (ComposeNginx nginx = ComposeNginx.start(ports);
                HttpClient client = HttpClient.newHttpClient()) {
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(nginx.url("/dicom-web/studies")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), nginx.log());
                answered.add(response.body());
            }
            assertEquals(Set.of("node1", "node2"), answered);
            Map<String, String> headers = seenHeaders.get("node1");
            assertEquals("127.0.0.1", headers.get("x-forwarded-for"));
            assertEquals("http", headers.get("x-forwarded-proto"));
            assertEquals("127.0.0.1:" + nginx.port(), headers.get("x-forwarded-host"));
            assertEquals("127.0.0.1:" + nginx.port(), headers.get("host"));
        }
    }

    @Test
    void largeUploadPassesUnlimited() throws Exception {
        List<Integer> ports = List.of(startNode("node1"), startNode("node2"));
        byte[] body = new byte[3 * 1024 * 1024];
        try (ComposeNginx nginx = ComposeNginx.start(ports);
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(nginx.url("/dicom-web/studies")))
                            .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=b")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), nginx.log());
            assertEquals(body.length, seenBodyBytes.get(response.body()));
        }
    }

    /** A stand-in node on a free loopback port: answers its name, and records the headers and body size it got. */
    private int startNode(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                seenBodyBytes.put(name, in.transferTo(OutputStream.nullOutputStream()));
            }
            seenHeaders.put(
                    name,
                    exchange.getRequestHeaders().entrySet().stream()
                            .collect(Collectors.toMap(
                                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()))));
            byte[] answer = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        nodes.add(server);
        return server.getAddress().getPort();
    }
}
