package org.opendicomweb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A peer server (Orthanc, nginx) run by a test as a child process: its own temporary folder for configuration,
 * data and logs, a free loopback port, and {@link #close()} that always stops the process and removes the folder.
 * A shutdown hook does the same if the test JVM ends without closing it.
 */
public abstract class LocalServer implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    protected final Path dir;
    private final String name;
    private Process process;
    private int port;
    private Thread shutdownHook;

    protected LocalServer(String name) {
        this.name = name;
        try {
            this.dir = Files.createTempDirectory("odw-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the configuration for this port and returns the command that starts the server in the foreground. */
    protected abstract List<String> prepare(int port) throws IOException;

    /** Whether the server answers; called until it does, while the process lives. */
    protected abstract boolean ready(int port);

    /** How long the server may take to become {@link #ready}. */
    protected Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    /** Environment variables the process gets on top of the test JVM's. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Starts the server on a free port. Another process may take the port between choosing and binding it, so a
     * server that exits at once is started again on another port.
     */
    protected final void launch() {
        launch(0);
    }

    /**
     * As {@link #launch()}, on the port the server had before, so that what was pointed at it (a load balancer) finds
     * it again; another port only if that one is taken meanwhile.
     */
    protected final void relaunchOnSamePort() {
        launch(port);
    }

    private void launch(int preferred) {
        String why = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            port = attempt == 1 && preferred > 0 ? preferred : freePort();
            try {
                List<String> command = prepare(port);
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("console.log").toFile());
                builder.environment().putAll(environment());
                process = builder.start();
            } catch (IOException e) {
                close();
                throw new IllegalStateException(name + " could not be started: " + e.getMessage(), e);
            }
            if (shutdownHook == null) {
                shutdownHook = new Thread(this::stopProcessAndDeleteFolder, name + "-cleanup");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            long deadline = System.currentTimeMillis() + startTimeout().toMillis();
            while (process.isAlive() && System.currentTimeMillis() < deadline) {
                if (ready(port)) {
                    return;
                }
                pause();
            }
            why = process.isAlive()
                    ? "not ready after " + startTimeout().toSeconds() + " s"
                    : "exited with " + process.exitValue();
            stopProcess();
        }
        String log = log();
        close();
        throw new IllegalStateException(name + " did not start (" + why + "):\n" + log);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The end of the process's console output so far (for failure messages). */
    public String log() {
        String text = console();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    /** The process's whole console output so far, standard output and error interleaved. */
    public String console() {
        try {
            Path console = dir.resolve("console.log");
            return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stopProcessAndDeleteFolder();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            shutdownHook = null;
        }
    }

    private synchronized void stopProcessAndDeleteFolder() {
        stopProcess();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            if (Files.exists(dir)) {
                System.err.println("Could not remove " + dir + ": " + e.getMessage());
            }
        }
    }

    /**
     * Stops the process and what it started: a start script (Keycloak's kc.sh) passes the signal on to the server
     * it runs, but killing the script outright would leave the server running without a parent.
     */
    private synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        try {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /**
     * Kills the process with SIGKILL, as a crash or the out-of-memory killer would: no shutdown hook, no flush.
     * The folder stays, so {@link #launch()} can start the server again on what the crash left.
     */
    protected final synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Whether something accepts connections on the port. */
    protected static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server to start", e);
        }
    }

    /** The first of the candidates that is an executable file; none is a missing tool ({@link RequiredTools}). */
    protected static Path executable(String what, String debianPackage, String... candidates) {
        Optional<Path> found =
                Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst();
        RequiredTools.require(new Tool(what, debianPackage, found::isPresent));
        return found.orElseThrow();
    }
}
