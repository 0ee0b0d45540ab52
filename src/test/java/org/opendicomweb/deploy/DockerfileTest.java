package org.opendicomweb.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile agrees with the build and with the deployment files: no image is built here (there is no
 * container engine), so these are the mistakes that can be caught without one.
 */
class DockerfileTest {
    private static final String BUILD_COMMAND = "mvn -B package -DskipTests";
    private static final Pattern COPY_FROM_BUILD = Pattern.compile("--from=build (\\S+) (\\S+)");
    private static final Pattern JAR = Pattern.compile("-jar (\\S+\\.jar)");

    private final Dockerfile dockerfile = Dockerfile.read(DeployFiles.DOCKERFILE);

    @Test
    void buildStageRunsTheBuildCommandTheReadmeGives() throws IOException {
        List<String> runs = dockerfile.stage("build").arguments("RUN");
        assertTrue(
                runs.stream().anyMatch(r -> r.endsWith(BUILD_COMMAND)),
                "the build stage runs '" + BUILD_COMMAND + "': " + runs);
        assertTrue(
                read(DeployFiles.README).contains("`" + BUILD_COMMAND + "`"),
                "deploy/README.md gives the build command " + BUILD_COMMAND);
    }

    @Test
    void runtimeStartsTheJarTheBuildStageProduces() throws IOException {
        Dockerfile.Stage build = dockerfile.stage("build");
        Dockerfile.Stage runtime = dockerfile.runtime();
        String workdir = build.arguments("WORKDIR").getLast();
        // The pom's add-launcher step writes the jar there: the path the image copies is the one Maven fills.
        assertTrue(read(Path.of("pom.xml")).contains("${project.build.directory}/quarkus-app/quarkus-run.jar"));

        String copy = runtime.arguments("COPY").stream()
                .filter(c -> c.startsWith("--from=build"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the runtime stage copies from the build stage"));
        Matcher m = COPY_FROM_BUILD.matcher(copy);
        assertTrue(m.matches(), copy);
        assertEquals(Path.of(workdir, "target/quarkus-app"), Path.of(m.group(1)));
        Path installed = Path.of(m.group(2));

        String entrypoint = runtime.arguments("ENTRYPOINT").getLast();
        Matcher jar = JAR.matcher(entrypoint);
        assertTrue(jar.find(), entrypoint);
        assertEquals(installed.resolve("quarkus-run.jar"), Path.of(jar.group(1)));
        assertTrue(entrypoint.contains("exec java $JAVA_OPTS "), "JAVA_OPTS reach the JVM, which receives SIGTERM");
        assertTrue(runtime.environment().containsKey("JAVA_OPTS"));
    }

    @Test
    void runtimeIsJava25AsANumericNonRootUser() {
        Dockerfile.Stage runtime = dockerfile.runtime();
        assertEquals("eclipse-temurin:25-jre", runtime.image());
        assertTrue(
                dockerfile.stage("build").image().contains("temurin-25"),
                dockerfile.stage("build").image());
        String user = runtime.arguments("USER").getLast();
        // Numeric, so that Kubernetes' runAsNonRoot can tell without looking into the image's /etc/passwd.
        assertTrue(user.matches("[1-9][0-9]*"), "USER " + user);
        assertEquals(List.of(String.valueOf(DeployFiles.SERVER_PORT)), runtime.arguments("EXPOSE"));
    }

    @Test
    void imageSetsOnlySettingsTheServerKnowsBesidesJavaOpts() {
        KnownSettings known = KnownSettings.ofApplication();
        for (String variable : dockerfile.runtime().environment().keySet()) {
            assertTrue(
                    variable.equals("JAVA_OPTS") || known.knows(variable),
                    variable + " is a setting in docs/configuration.md");
        }
        assertFalse(dockerfile
                .runtime()
                .environment()
                .getOrDefault("DICOMWEB_STORAGE_PATH", "")
                .isEmpty());
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
