package org.opendicomweb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A program or data set outside the JDK that tests use as an oracle or a peer, how to install it (most come as
 * Debian packages, which {@code .ci/run} installs; a few are put under {@code target/} by the build), and how to
 * tell whether it is there. Tests ask for one through {@link RequiredTools#require}.
 */
public final class Tool {
    /** The folder python3-pydicom installs its data into: test_files and charset_files, real-world DICOM files. */
    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    /** The system Python, the one python3-pydicom installs into (not a virtual environment's). */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    /** dcmdump, dcm2json, dcm2xml, dcmj2pnm and the dcmtk codecs, found on the PATH. */
    public static final Tool DCMTK = new Tool("dcmtk", "dcmtk", () -> onPath("dcmdump") && onPath("dcm2json"));
    /** pydicom, importable by the system Python. */
    public static final Tool PYDICOM = new Tool("pydicom", "python3-pydicom", Tool::pydicomImports);
    /** pydicom's test and character set files, read by our own codec. */
    public static final Tool PYDICOM_FILES = new Tool(
            "pydicom's test files",
            "python3-pydicom",
            () -> Files.isDirectory(PYDICOM_DATA.resolve("test_files"))
                    && Files.isDirectory(PYDICOM_DATA.resolve("charset_files")));
    /** opj_compress and opj_decompress: JPEG 2000, which dcmtk cannot decode. */
    public static final Tool OPENJPEG =
            new Tool("OpenJPEG's tools", "libopenjp2-tools", () -> onPath("opj_compress") && onPath("opj_decompress"));
    /** Debian 12's default Java, older than the server needs: what a newcomer may start the jar with. */
    public static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    public static final Tool OLD_JAVA =
            new Tool("Java 17", "openjdk-17-jre-headless", () -> Files.isExecutable(JAVA_17));
    /** Node.js, which runs the browser clients of the interop tests. */
    public static final Tool NODE = new Tool("Node.js", "nodejs", () -> onPath("node"));

    private final String name;
    private final String install;
    private final BooleanSupplier installed;

    /** A tool that a Debian package installs. */
    public Tool(String name, String debianPackage, BooleanSupplier installed) {
        this(name, installed, "apt-get install " + debianPackage);
    }

    private Tool(String name, BooleanSupplier installed, String install) {
        this.name = name;
        this.install = install;
        this.installed = installed;
    }

    /**
     * A tool that the build puts in place in a phase after {@code test} (so that {@code mvn test} stays quick):
     * {@code install} is the command that does it, without parentheses.
     */
    public static Tool fromBuild(String name, String install, BooleanSupplier installed) {
        return new Tool(name, installed, install);
    }

    public String name() {
        return name;
    }

    /** What installs it, e.g. {@code apt-get install dcmtk}. */
    public String install() {
        return install;
    }

    public BooleanSupplier installed() {
        return installed;
    }

    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static boolean pydicomImports() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pydicom")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tool t && name.equals(t.name) && install.equals(t.install) && installed.equals(t.installed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, install, installed);
    }
}
