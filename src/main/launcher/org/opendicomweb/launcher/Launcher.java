package org.opendicomweb.launcher;

import io.quarkus.bootstrap.runner.QuarkusEntryPoint;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The Main-Class of {@code quarkus-run.jar}: checks the Java version, then hands over to Quarkus' own entry point.
 * The application is compiled for release 21; on an older Java, Quarkus' entry point (compiled for 17) starts, fails
 * on the first class of ours it loads while reading the configuration, and exits with status 1 without a word,
 * because its log handlers are not installed yet. This class is compiled on its own for release 11 (pom.xml,
 * execution {@code launcher}) and written into {@code quarkus-run.jar} after Quarkus has built it, so that it loads
 * on any Java from 11 on, before any class of the application.
 */
public final class Launcher {
    static final int REQUIRED_FEATURE_RELEASE = 21;

    private Launcher() {}

    public static void main(String... args) throws Throwable {
        if (Runtime.version().feature() < REQUIRED_FEATURE_RELEASE) {
            System.err.println(tooOld());
            System.exit(1);
        }
        QuarkusEntryPoint.main(args);
    }

    private static String tooOld() {
        String jar;
        try {
            jar = Path.of(Launcher.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException | RuntimeException e) {
            jar = "quarkus-run.jar";
        }
        return "OpenDICOMweb needs Java " + REQUIRED_FEATURE_RELEASE + " or newer; this is Java " + Runtime.version()
                + " (" + System.getProperty("java.home") + "). Point JAVA_HOME at a newer JDK"
                + " (e.g. export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64) and start it with"
                + " \"$JAVA_HOME/bin/java\" -jar " + jar;
    }
}
