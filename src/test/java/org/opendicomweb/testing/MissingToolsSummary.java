package org.opendicomweb.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists, once at the end of a run, the tests skipped because a tool was missing: one line per tool, with the
 * Debian package that installs it. Registered through META-INF/services, so every launcher (surefire, an IDE)
 * prints it. A class skipped as a whole (its {@code @BeforeAll}) is counted as a class: its tests are never
 * reported one by one, and surefire counts none of them.
 */
public final class MissingToolsSummary implements TestExecutionListener {
    private record Count(int tests, int classes) {
        Count plus(Count other) {
            return new Count(tests + other.tests, classes + other.classes);
        }

        @Override
        public String toString() {
            String t = tests + (tests == 1 ? " test" : " tests");
            String c = classes + (classes == 1 ? " class" : " classes");
            return classes == 0 ? t : tests == 0 ? c : t + " and " + c;
        }
    }

    private final Map<String, Count> skipped = new ConcurrentHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        skipped.clear();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return;
        }
        String tool = result.getThrowable()
                .map(Throwable::getMessage)
                .map(RequiredTools::missingTool)
                .orElse(null);
        if (tool != null) {
            boolean wholeClass =
                    identifier.getSource().filter(ClassSource.class::isInstance).isPresent();
            skipped.merge(tool, wholeClass ? new Count(0, 1) : new Count(1, 0), Count::plus);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        new TreeMap<>(skipped).forEach((tool, count) -> System.out.println("skipped " + count + ": " + tool));
    }
}
