package org.opendicomweb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendicomweb.testing.PackagedServer;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/** The packaged jar as a newcomer first starts it: with no configuration, and perhaps on a Java that is too old. */
class PackagedStartIT {
    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    @Test
    void tooOldJavaIsToldWhichJavaToUseInOneLine(@TempDir Path dir) throws IOException, InterruptedException {
        RequiredTools.require(Tool.OLD_JAVA);
        Process process = new ProcessBuilder(Tool.JAVA_17.toString(), "-jar", JAR.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running on Java 17: " + output);

        assertEquals(1, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).startsWith("OpenDICOMweb needs Java 21 or newer; this is Java 17"), output);
        assertTrue(lines.get(0).contains("Point JAVA_HOME at a newer JDK"), output);
        assertTrue(lines.get(0).endsWith("-jar " + JAR), output);
    }

    @Test
    void startsWithoutWarningsOnAnEmptyFolder() {
        try (PackagedServer server = PackagedServer.start(Map.of())) {
            List<String> warnings = server.console()
                    .lines()
                    .filter(line -> line.contains(" WARN ") || line.startsWith("WARNING"))
                    .toList();
            assertEquals(List.of(), warnings, server.console());
        }
    }
}
