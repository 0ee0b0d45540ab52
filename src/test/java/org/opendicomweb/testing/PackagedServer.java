package org.opendicomweb.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This server as users run it: the packaged jar ({@code target/quarkus-app/quarkus-run.jar}, made by
 * {@code mvn package}) in a child JVM, configured by system properties, its storage in {@link #data()} below the
 * process's folder. It can be killed and started again on the same storage, as a crash test needs.
 */
public final class PackagedServer extends LocalServer {
    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> settings;

    private PackagedServer(Map<String, String> settings) {
        super("server");
        this.settings = new LinkedHashMap<>(settings);
        if (!Files.isRegularFile(JAR)) {
            close();
            throw new IllegalStateException(JAR + " is missing: this test runs on the packaged server (mvn package)");
        }
    }

    /** Starts the packaged server with these {@code dicomweb.*} or {@code quarkus.*} settings and waits until ready. */
    public static PackagedServer start(Map<String, String> settings) {
        PackagedServer server = new PackagedServer(settings);
        server.launch();
        return server;
    }

    /** The storage folder: stored files, and the embedded index below {@code index/}. */
    public Path data() {
        return dir.resolve("data");
    }

    /** SIGKILL: nothing of the server runs after this. */
    public void crash() {
        kill();
    }

    /** Starts the server again on the storage a crash left, on a new port, and waits until it is ready. */
    public void restart() {
        launch();
    }

    /**
     * As {@link #restart()}, on the port it had (a load balancer in front finds it again), with these settings changed
     * from now on.
     */
    public void restartOnSamePort(Map<String, String> changed) {
        settings.putAll(changed);
        relaunchOnSamePort();
    }

    @Override
    protected List<String> prepare(int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Ddicomweb.storage.path=" + data());
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        return command;
    }

    @Override
    protected boolean ready(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
