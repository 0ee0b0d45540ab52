package org.opendicomweb.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The one gate between a test and the external tools it needs. A missing tool skips the test on a developer's
 * machine ({@link MissingToolsSummary} lists the skipped tests at the end of the run); where the environment
 * variable {@value #SWITCH} is {@code true}, as {@code .ci/run} sets it, a missing tool fails the test instead,
 * so a missing install step cannot pass unnoticed. Either way the message says how to install it (the Debian
 * package, or the build step that puts it in place).
 */
public final class RequiredTools {
    /** The environment variable that makes a missing tool a failure. */
    public static final String SWITCH = "DICOMWEB_TESTS_REQUIRE_TOOLS";

    /**
     * How a skip for a missing tool begins its message: {@link MissingToolsSummary} recognises the skips by it (it
     * sees them from outside Quarkus' class loader, so it cannot go by the exception's class).
     */
    static final String MARKER = "missing tool: ";

    private static final Pattern MESSAGE = Pattern.compile(Pattern.quote(MARKER) + "(.+) \\(([^()]+)\\)");

    private static final Map<Tool, Boolean> INSTALLED = new ConcurrentHashMap<>();

    private RequiredTools() {}

    /** Returns when every tool is installed; otherwise skips or fails the test, naming the first one missing. */
    public static void require(Tool... tools) {
        require(switchedOn(), tools);
    }

    /**
     * For a test that checks more with a tool than without: whether the tool is installed. Where the switch is on,
     * a missing tool fails the test as {@link #require} does.
     */
    public static boolean usable(Tool tool) {
        if (installed(tool)) {
            return true;
        }
        if (switchedOn()) {
            throw new AssertionFailedError(failure(tool));
        }
        return false;
    }

    static void require(boolean switchedOn, Tool... tools) {
        for (Tool tool : tools) {
            if (!installed(tool)) {
                if (switchedOn) {
                    throw new AssertionFailedError(failure(tool));
                }
                throw new TestAbortedException(skip(tool));
            }
        }
    }

    static boolean switchedOn() {
        return "true".equalsIgnoreCase(System.getenv(SWITCH));
    }

    /** The tool a skip message names, as "dcmtk missing (apt-get install dcmtk)", or null for any other message. */
    static String missingTool(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = MESSAGE.matcher(message);
        return m.matches() ? m.group(1) + " missing (" + m.group(2) + ")" : null;
    }

    private static boolean installed(Tool tool) {
        return INSTALLED.computeIfAbsent(tool, t -> t.installed().getAsBoolean());
    }

    private static String skip(Tool tool) {
        return MARKER + tool.name() + " (" + tool.install() + ")";
    }

    private static String failure(Tool tool) {
        return skip(tool) + "; " + SWITCH + "=true makes a missing tool a failure";
    }
}
