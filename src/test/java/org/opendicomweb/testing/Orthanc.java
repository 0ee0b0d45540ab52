package org.opendicomweb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orthanc (Debian package {@code orthanc}) with its DICOMweb plugin ({@code orthanc-dicomweb}) as a peer: started
 * on a free port with storage, index and configuration in a temporary folder, no DICOM listener, and the given
 * DICOMweb servers registered as remote servers of its DICOMweb client. Not installed is a missing tool
 * ({@link RequiredTools}).
 */
public final class Orthanc extends LocalServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final Path plugin;
    private final Map<String, String> dicomWebServers;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Orthanc(Map<String, String> dicomWebServers) {
        super("orthanc");
        this.dicomWebServers = dicomWebServers;
        try {
            binary = executable("Orthanc", "orthanc", "/usr/sbin/Orthanc", "/usr/bin/Orthanc");
            plugin = dicomWebPlugin();
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    /**
     * Starts Orthanc with remote DICOMweb servers, name to root URL (e.g. "ours" to
     * {@code http://127.0.0.1:8081/dicom-web}).
     */
    public static Orthanc start(Map<String, String> dicomWebServers) {
        Orthanc orthanc = new Orthanc(dicomWebServers);
        orthanc.launch();
        return orthanc;
    }

    @Override
    protected List<String> prepare(int port) throws IOException {
        ObjectNode config = JSON.createObjectNode();
        config.put("Name", "odw-test-" + port);
        config.put("StorageDirectory", dir.resolve("storage").toString());
        config.put("IndexDirectory", dir.resolve("index").toString());
        config.put("StorageCompression", false);
        config.put("HttpPort", port);
        config.put("RemoteAccessAllowed", false);
        config.put("AuthenticationEnabled", false);
        // Orthanc drops idle connections after a second; a client reusing one would read nothing.
        config.put("KeepAlive", false);
        config.put("DicomServerEnabled", false);
        config.put("SaveJobs", false);
        config.putArray("Plugins").add(plugin.toString());
        ObjectNode dicomWeb = config.putObject("DicomWeb");
        dicomWeb.put("Enable", true);
        dicomWeb.put("Root", "/dicom-web/");
        dicomWeb.put("EnableWado", false);
        ObjectNode servers = dicomWeb.putObject("Servers");
        dicomWebServers.forEach((name, url) -> servers.putObject(name).put("Url", url.endsWith("/") ? url : url + "/"));
        Path file = dir.resolve("orthanc.json");
        Files.writeString(
                file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config), StandardCharsets.UTF_8);
        return List.of(binary.toString(), file.toString());
    }

    @Override
    protected boolean ready(int port) {
        if (!listening(port)) {
            return false;
        }
        try {
            return send(HttpRequest.newBuilder(URI.create(url("/system"))).GET())
                            .statusCode()
                    == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Stores a DICOM file through Orthanc's REST API; its Orthanc instance ID. */
    public String store(byte[] dicom) {
        JsonNode answer = json(HttpRequest.newBuilder(URI.create(url("/instances")))
                .header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofByteArray(dicom)));
        return answer.get("ID").asText();
    }

    /** POSTs a JSON body to an Orthanc REST path and returns the JSON answer; anything but 200 fails. */
    public JsonNode post(String path, JsonNode body) {
        return json(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** GETs a JSON answer from an Orthanc REST path. */
    public JsonNode getJson(String path) {
        return json(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    /** A plain text answer, e.g. of {@code /instances/<id>/metadata/TransferSyntax}. */
    public String text(String path) {
        HttpResponse<byte[]> r =
                send(HttpRequest.newBuilder(URI.create(url(path))).GET());
        check(r, "GET " + path);
        return new String(r.body(), StandardCharsets.UTF_8).strip();
    }

    /** The stored file of an instance, as Orthanc keeps it. */
    public byte[] file(String instanceId) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url("/instances/" + instanceId + "/file")))
                .GET());
        check(r, "GET /instances/" + instanceId + "/file");
        return r.body();
    }

    /** The IDs of all instances Orthanc holds. */
    public List<String> instances() {
        List<String> ids = new ArrayList<>();
        getJson("/instances").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    /** Deletes everything Orthanc holds. */
    public void deleteAll() {
        for (JsonNode patient : getJson("/patients")) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url("/patients/" + patient.asText())))
                    .DELETE());
            check(r, "DELETE /patients/" + patient.asText());
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    private JsonNode json(HttpRequest.Builder request) {
        HttpResponse<byte[]> r = send(request);
        check(r, r.request().method() + " " + r.request().uri().getPath());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(HttpResponse<byte[]> r, String what) {
        if (r.statusCode() != 200) {
            throw new AssertionError("Orthanc answered " + r.statusCode() + " to " + what + ": "
                    + new String(r.body(), StandardCharsets.UTF_8) + "\nOrthanc log:\n" + log());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Orthanc did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The DICOMweb plugin where the Debian package puts it; ORTHANC_DICOMWEB_PLUGIN overrides. */
    private static Path dicomWebPlugin() {
        String configured = System.getenv("ORTHANC_DICOMWEB_PLUGIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Optional<Path> found = Optional.of(Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so"))
                .filter(Files::exists);
        Path libs = Path.of("/usr/lib/orthanc");
        if (found.isEmpty() && Files.isDirectory(libs)) {
            try (var files = Files.list(libs)) {
                found = files.filter(p -> p.getFileName().toString().startsWith("libOrthancDicomWeb.so"))
                        .findFirst();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        RequiredTools.require(new Tool("Orthanc's DICOMweb plugin", "orthanc-dicomweb", found::isPresent));
        return found.orElseThrow();
    }
}
