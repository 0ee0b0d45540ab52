package org.opendicomweb.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a deployment file may set: the environment form of every property that
 * docs/configuration.md or application.properties names (dicomweb.storage.s3.path-style is
 * DICOMWEB_STORAGE_S3_PATH_STYLE, as SmallRye Config maps it), the variables docs/configuration.md names itself (the
 * AWS SDK's AWS_ACCESS_KEY_ID and the like), and the image's own: those its entry point reads (JAVA_OPTS). A
 * misspelt variable is ignored by the server without a word, which is why the deployment tests ask this class about
 * every one.
 */
final class KnownSettings {
    private static final Pattern PROPERTY = Pattern.compile("\\b(?:dicomweb|quarkus)(?:\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");

    private final Set<String> variables;

    private KnownSettings(Set<String> variables) {
        this.variables = Set.copyOf(variables);
    }

    /** The application's settings and the variables of the image's entry point. */
    static KnownSettings ofProject() {
        Set<String> variables = new HashSet<>(ofApplication().variables);
        Dockerfile.Stage runtime = Dockerfile.read(DeployFiles.DOCKERFILE).runtime();
        String entrypoint = String.join(" ", runtime.arguments("ENTRYPOINT"));
        for (String name : runtime.environment().keySet()) {
            if (entrypoint.contains("$" + name)) {
                variables.add(name);
            }
        }
        return new KnownSettings(variables);
    }

    /** The application's settings only, as documented. */
    static KnownSettings ofApplication() {
        Set<String> variables = new HashSet<>();
        for (Path source :
                new Path[] {DeployFiles.CONFIGURATION_DOC, Path.of("src/main/resources/application.properties")}) {
            Matcher m = PROPERTY.matcher(read(source));
            while (m.find()) {
                variables.add(environmentName(m.group()));
            }
        }
        Matcher m = DOCUMENTED_VARIABLE.matcher(read(DeployFiles.CONFIGURATION_DOC));
        while (m.find()) {
            variables.add(m.group(1));
        }
        return new KnownSettings(variables);
    }

    /** SmallRye Config's environment form of a property: upper case, every other character an underscore. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    boolean knows(String variable) {
        return variables.contains(variable);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
