package org.opendicomweb.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * Runs one of the scripts of {@code src/test/interop} with Node.js: the options go in as a JSON file, the result
 * comes back as the last line the script prints. Node.js and the system Chromium are tools ({@code RequiredTools});
 * without the packages that the build installs there (see {@code install.mjs}) the test fails, naming what is missing.
 * Chromium is {@code /usr/bin/chromium} unless the system property {@code interop.chromium} names another.
 */
public final class NodeScript {
    static final Path FOLDER = Path.of("src/test/interop").toAbsolutePath();
    static final Path NODE_MODULES = FOLDER.resolve("node_modules");
    static final Path CHROMIUM = Path.of(System.getProperty("interop.chromium", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The script's exit status, its JSON result and what it wrote to standard error. */
    public record Result(int exitCode, JsonNode json, String stderr) {
        /**
         * What a failure message needs: the script's error, the calls that failed, the requests to the server that
         * failed, the page's console errors, what each viewport showed, and the test web server's own errors.
         */
        public String describe(List<String> siteErrors) {
            StringBuilder s = new StringBuilder();
            if (json.hasNonNull("error")) {
                s.append("error: ").append(json.path("error").asText()).append('\n');
            }
            for (JsonNode c : json.path("calls")) {
                if (!c.path("ok").asBoolean()) {
                    s.append("call ")
                            .append(c.path("name").asText())
                            .append(" (")
                            .append(c.path("method").asText())
                            .append(") failed: ")
                            .append(c.path("error").asText())
                            .append(", HTTP ")
                            .append(c.path("status").asText())
                            .append(' ')
                            .append(c.path("response").asText(""))
                            .append('\n');
                }
            }
            for (JsonNode bad : json.path("bad")) {
                s.append("request failed: ")
                        .append(bad.path("method").asText())
                        .append(' ')
                        .append(bad.path("url").asText())
                        .append(" -> ")
                        .append(
                                bad.has("status")
                                        ? bad.path("status").asText()
                                        : bad.path("failure").asText("no answer"))
                        .append('\n');
            }
            json.path("console")
                    .forEach(line -> s.append("console: ").append(line.asText()).append('\n'));
            json.path("viewports").forEach(v -> s.append("viewport: ").append(v).append('\n'));
            siteErrors.forEach(e -> s.append("web server: ").append(e).append('\n'));
            if (!stderr.isBlank()) {
                s.append("stderr: ").append(stderr.strip()).append('\n');
            }
            return s.toString();
        }
    }

    private NodeScript() {}

    /** Node.js and Chromium are tools ({@link RequiredTools}); the packages the build installs must be there. */
    public static void requireBrowser() {
        RequiredTools.require(
                Tool.NODE, new Tool("Chromium at " + CHROMIUM, "chromium", () -> Files.isExecutable(CHROMIUM)));
        assertTrue(
                Files.isDirectory(NODE_MODULES.resolve("playwright-core")),
                "The browser tests need the packages of " + FOLDER
                        + ": the build installs them (node install.mjs) in process-test-resources");
    }

    public static Result run(String script, Object options, Duration timeout) throws IOException, InterruptedException {
        Path work = Files.createDirectories(Path.of("target", "interop").toAbsolutePath());
        Path optionsFile = Files.createTempFile(work, script.replace(".mjs", "") + "-", ".json");
        Path stdout = work.resolve(optionsFile.getFileName().toString().replace(".json", ".out"));
        Path stderr = work.resolve(optionsFile.getFileName().toString().replace(".json", ".err"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(optionsFile.toFile(), options);
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            List.of("node", FOLDER.resolve(script).toString(), optionsFile.toString()))
                    .directory(FOLDER.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("INTEROP_CHROMIUM", CHROMIUM.toString());
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "Node.js ('node' on the PATH) is needed to run " + script + ": " + e.getMessage(), e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(script + " did not finish within " + timeout.toSeconds() + " s; its output is in " + stdout + " and "
                    + stderr);
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        if (lines.isEmpty()) {
            fail(script + " exited with " + process.exitValue() + " without a result; standard error:\n" + err);
        }
        return new Result(process.exitValue(), JSON.readTree(lines.get(lines.size() - 1)), err);
    }
}
