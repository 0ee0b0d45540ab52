package org.opendicomweb.interop;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web server on a loopback port for the browser tests: serves folders and fixed pages (a web application
 * such as OHIF, with its own configuration), and can forward a path prefix to the DICOMweb server the way a
 * reverse proxy in front of a viewer would, so that the viewer and the API share one origin.
 */
final class StaticSite implements AutoCloseable {
    /** Headers a proxy must not forward (RFC 9110 §7.6.1) or that the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("dcm", "application/dicom"));

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<Mount> mounts = new ArrayList<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private Path fallback;
    private String proxyPrefix;
    private URI proxyTarget;

    private record Page(String contentType, byte[] body) {}

    private record Mount(String prefix, Path folder) {}

    StaticSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The site's origin, e.g. {@code http://127.0.0.1:40123}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A fixed answer for one path; takes precedence over folders. */
    StaticSite page(String path, String contentType, byte[] body) {
        pages.put(path, new Page(contentType, body.clone()));
        return this;
    }

    /** Serves the files below {@code folder} under {@code prefix} ("/" for the root). */
    StaticSite folder(String prefix, Path folder) {
        mounts.add(new Mount(
                prefix.endsWith("/") ? prefix : prefix + "/",
                folder.toAbsolutePath().normalize()));
        return this;
    }

    /** The file sent for paths that match nothing, as single-page applications with client-side routes need. */
    StaticSite fallback(Path file) {
        this.fallback = file;
        return this;
    }

    /**
     * Forwards every request below {@code prefix} to the same path below {@code target}'s origin, with
     * {@code X-Forwarded-Host} and {@code X-Forwarded-Proto}, so that URLs the server puts in its answers point back
     * at this site.
     */
    StaticSite proxy(String prefix, URI target) {
        this.proxyPrefix = prefix;
        this.proxyTarget = target;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (proxyPrefix != null && (path.equals(proxyPrefix) || path.startsWith(proxyPrefix + "/"))) {
                forward(exchange);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Page page = pages.get(path);
            if (page != null) {
                send(exchange, page.contentType(), page.body().length, new ByteArrayInputStream(page.body()));
                return;
            }
            Path file = resolve(path);
            if (file == null && fallback != null && !path.contains(".")) {
                file = fallback;
            }
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (InputStream in = Files.newInputStream(file)) {
                send(exchange, typeOf(file), Files.size(file), in);
            }
        } catch (IOException | RuntimeException e) {
            // The browser went away mid-answer, or a forwarded request failed: the page sees a network error, and
            // the test can name the cause.
            errors.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What went wrong while answering (for failure messages). */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private Path resolve(String path) {
        for (Mount m : mounts) {
            if (path.startsWith(m.prefix())) {
                Path file =
                        m.folder().resolve(path.substring(m.prefix().length())).normalize();
                if (file.startsWith(m.folder()) && Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        return null;
    }

    private static String typeOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, String contentType, long length, InputStream body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : length == 0 ? -1 : length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                body.transferTo(out);
            }
        }
    }

    private void forward(HttpExchange exchange) throws IOException, InterruptedException {
        URI uri = exchange.getRequestURI();
        URI target = proxyTarget.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String method = exchange.getRequestMethod();
        boolean hasBody = exchange.getRequestHeaders().containsKey("Content-Length")
                || exchange.getRequestHeaders().containsKey("Transfer-Encoding");
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        hasBody
                                ? HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody)
                                : HttpRequest.BodyPublishers.noBody());
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                h.getValue().forEach(v -> request.header(h.getKey(), v));
            }
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        request.header("X-Forwarded-Host", host == null ? origin().substring("http://".length()) : host);
        request.header("X-Forwarded-Proto", "http");
        request.header(
                "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        Headers out = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                out.put(name, values);
            }
        });
        long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
        boolean empty = method.equals("HEAD")
                || response.statusCode() == 204
                || response.statusCode() == 304
                || response.headers().firstValueAsLong("Content-Length").orElse(-1) == 0;
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : length);
        try (InputStream in = response.body();
                OutputStream body = exchange.getResponseBody()) {
            in.transferTo(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        client.close();
    }
}
