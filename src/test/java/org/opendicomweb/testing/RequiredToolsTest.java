package org.opendicomweb.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool fails the test under the switch, skips it without, and is listed once at the end of a run. */
class RequiredToolsTest {
    static final Tool ABSENT =
            new Tool("odw-no-such-tool", "odw-no-such-package", () -> Tool.onPath("odw-no-such-tool"));
    private static final Tool JAVA = new Tool(
            "java",
            "openjdk-25-jre-headless",
            () -> Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "java")));

    @Test
    void aMissingToolUnderTheSwitchFailsTheTestNamingThePackage() {
        AssertionFailedError e =
                assertThrows(AssertionFailedError.class, () -> RequiredTools.require(true, JAVA, ABSENT));
        assertTrue(e.getMessage().contains("odw-no-such-tool (apt-get install odw-no-such-package)"), e.getMessage());
        assertTrue(e.getMessage().contains(RequiredTools.SWITCH + "=true"), e.getMessage());
    }

    @Test
    void aMissingToolWithoutTheSwitchSkipsTheTest() {
        TestAbortedException e =
                assertThrows(TestAbortedException.class, () -> RequiredTools.require(false, JAVA, ABSENT));
        assertEquals(
                "odw-no-such-tool missing (apt-get install odw-no-such-package)",
                RequiredTools.missingTool(e.getMessage()));
    }

    @Test
    void aMissingToolOfTheBuildNamesTheBuildStepThatPutsItInPlace() {
        Tool unpacked = Tool.fromBuild("odw-no-such-folder", "mvn pre-integration-test", () -> false);
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> RequiredTools.require(false, unpacked));
        assertEquals(
                "odw-no-such-folder missing (mvn pre-integration-test)", RequiredTools.missingTool(e.getMessage()));
    }

    @Test
    void anInstalledToolLetsTheTestRunEitherWay() {
        assertDoesNotThrow(() -> RequiredTools.require(true, JAVA));
        assertDoesNotThrow(() -> RequiredTools.require(false, JAVA));
    }

    @Test
    void theSkippedTestsAreCountedOncePerToolAtTheEndOfTheRun() {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(
                    LauncherDiscoveryRequestBuilder.request()
                            .selectors(
                                    selectClass(TwoTestsWithoutTheirTool.class),
                                    selectClass(AClassWithoutItsTool.class))
                            .build(),
                    new MissingToolsSummary());
        } finally {
            System.setOut(console);
        }
        assertEquals(
                "skipped 2 tests and 1 class: odw-no-such-tool missing (apt-get install odw-no-such-package)\n",
                out.toString(StandardCharsets.UTF_8));
    }

    /** Run only by the launcher above (surefire leaves nested classes out), as the next one. */
    static class TwoTestsWithoutTheirTool {
        @Test
        void one() {
            RequiredTools.require(false, ABSENT);
        }

        @Test
        void two() {
            RequiredTools.require(false, ABSENT);
        }

        @Test
        void aTestThatNeedsNoToolIsNotListed() {}
    }

    static class AClassWithoutItsTool {
        @BeforeAll
        static void tool() {
            RequiredTools.require(false, ABSENT);
        }

        @Test
        void neverRuns() {}
    }
}
