package org.opendicomweb.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.interop.NodeScript;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * The console's upload and operations pages in headless Chromium ({@code src/test/interop/console-ops.mjs}): a
 * folder of 2,000 small generated instances and 13 files that are no DICOM goes up through the folder input; the
 * progress bar reaches its end, every refused file is named with the server's reason, the studies are listed, QIDO-RS
 * then finds every instance, and no task held the page's main thread for 200 ms or more with the page's own work (the
 * task in which Chromium fills the folder input with 2,013 files, before the page hears of them, takes about a second
 * on its own: it is counted from the change event on). The operations page shows
 * the stored modalities in its chart and a seeded demographic conflict in its integrity report, and a study deleted
 * through its confirmation dialog is gone.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ConsoleOpsTest {
    private static final int STUDIES = 8;
    private static final int PER_STUDY = 250;
    private static final List<String> MODALITIES = List.of("CT", "MR", "US", "DX");
    /** Twelve in one folder, so that one batch has more refusals than the server names in Warning headers (10). */
    private static final int JUNK_IN_A_FOLDER = 12;
    /** The most a main-thread task may take while the upload runs. */
    private static final double LONGEST_TASK_MS = 200;

    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(300);

    @TestHTTPResource("/ui/")
    URL console;

    @TestHTTPResource("/dicom-web")
    URL api;

    @Test
    void uploadOfAFolderThenOperationsAndDeletionInTheBrowser() throws Exception {
        NodeScript.requireBrowser();
        IndexTables.clean();
        Path folder = Path.of("target", "console-ops", "upload").toAbsolutePath();
        deleteTree(folder.getParent());
        List<String> studies = writeStudies(folder);
        Set<String> junk = writeJunk(folder);

        String conflictStudy = Uids.generate();
        DicomFiles.Builder a =
                DicomFiles.ctImage().patient("Conflict^Alpha", "CONF-1").studyUid(conflictStudy);
        DicomFiles.Builder b = DicomFiles.ctImage()
                .patient("Conflict^Beta", "CONF-1")
                .studyUid(conflictStudy)
                .seriesUid(a.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        String deleteStudy = Uids.generate();
        DicomFiles.Builder d1 = DicomFiles.ctImage()
                .patient("Delete^Me", "DEL-1")
                .study(deleteStudy, LocalDate.of(2024, 6, 1))
                .studyDescription("Study to delete");
        DicomFiles.Builder d2 = DicomFiles.ctImage()
                .patient("Delete^Me", "DEL-1")
                .study(deleteStudy, LocalDate.of(2024, 6, 1))
                .studyDescription("Study to delete")
                .seriesUid(d1.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        given().contentType(StowBody.contentType("seed"))
                .body(StowBody.of("seed", a, b, d1, d2))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("consoleUrl", console.toString());
        options.put("apiRoot", api.toString());
        options.put("uploadDir", folder.toString());
        options.put("deleteStudy", deleteStudy);
        options.put(
                "screenshotDir", Path.of("target", "interop").toAbsolutePath().toString());
        options.put("timeoutMs", 240_000);
        long started = System.nanoTime();
        NodeScript.Result run = NodeScript.run("console-ops.mjs", options, SCRIPT_LIMIT);
        JsonNode r = run.json();
        System.out.printf(
                "Console upload and operations: %d s in all; upload of %d files %d ms in %d STOW requests;"
                        + " main-thread long tasks during the upload: %d, longest %.0f ms of the page's work (%.0f ms with"
                        + " the browser's filling of the folder input), %.0f ms in all%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                STUDIES * PER_STUDY + junk.size(),
                r.path("upload").path("ms").asLong(),
                r.path("upload").path("stowRequests").asInt(),
                r.path("longTasks").path("count").asInt(),
                r.path("longTasks").path("longestMs").asDouble(),
                r.path("longTasks").path("longestWithBrowserMs").asDouble(),
                r.path("longTasks").path("totalMs").asDouble());
        assertEquals(0, run.exitCode(), "console-ops.mjs failed:\n" + run.describe(List.of()));

        JsonNode upload = r.path("upload");
        int files = STUDIES * PER_STUDY + junk.size();
        for (JsonNode label : upload.path("labels")) {
            assertTrue(!label.path("label").asText("").isBlank(), "a control without a label: " + label);
        }
        assertEquals(files, upload.path("progressMax").asInt(), upload.toString());
        assertEquals(files, upload.path("progressValue").asInt(), "the progress bar must reach its end: " + upload);
        Set<String> refused = new TreeSet<>();
        for (JsonNode f : upload.path("failures")) {
            // The name as the browser gives it: the chosen folder's own name first.
            String name = f.path("file").asText();
            refused.add(name.substring(name.indexOf('/') + 1));
            assertTrue(f.path("reason").asText().startsWith("0xC000 "), "a refusal names the server's reason: " + f);
            assertTrue(f.path("reason").asText().length() > 50, "and its words: " + f);
        }
        assertEquals(junk, refused, "every file that is no DICOM, named: " + upload.path("failures"));
        Set<String> listed = new TreeSet<>();
        upload.path("studies").forEach(h -> listed.add(h.asText()));
        assertEquals(
                new TreeSet<>(studies.stream().map(s -> "#/studies/" + s).toList()),
                listed,
                "the studies listed at the end");
        double longest = r.path("longTasks").path("longestMs").asDouble();
        assertTrue(
                longest < LONGEST_TASK_MS,
                "a main-thread task of " + longest + " ms during the upload: " + r.path("longTasks"));
        int found = 0;
        for (String study : studies) {
            found += given().accept("application/dicom+json")
                    .when()
                    .get("/dicom-web/studies?StudyInstanceUID=" + study)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getInt("[0].'00201208'.Value[0]");
        }
        assertEquals(STUDIES * PER_STUDY, found, "instances QIDO-RS finds in the uploaded studies");

        JsonNode operations = r.path("operations");
        assertEquals(
                new TreeSet<>(MODALITIES),
                new TreeSet<>(strings(operations.path("modalityBars"))),
                "the modality chart: " + operations);
        assertTrue(operations.path("monthBars").size() >= STUDIES, "the month chart: " + operations);
        assertEquals(
                String.format(Locale.ROOT, "%,d", STUDIES * PER_STUDY + 4),
                operations.path("figures").path("Instances").asText(),
                "figures: " + operations.path("figures"));
        List<String> conflictLinks = new ArrayList<>();
        operations
                .path("integrity")
                .path("studiesWithConflictingDemographics")
                .forEach(row -> row.path("links").forEach(l -> conflictLinks.add(l.asText())));
        assertEquals(
                List.of("#/studies/" + conflictStudy),
                conflictLinks,
                "the integrity report's conflicting demographics: " + operations.path("integrity"));
        assertTrue(operations.path("scrubButton").asBoolean(), "the scrub can be started from the page");
        assertEquals(List.of(), strings(operations.path("errors")), "sections that failed to load");

        String dialog = r.path("deletion").path("dialog").asText();
        for (String named : List.of("Delete, Me", "DEL-1", "2024-06-01", "Study to delete", deleteStudy)) {
            assertTrue(dialog.contains(named), "the dialog names " + named + ": " + dialog);
        }
        given().accept("application/dicom+json")
                .when()
                .get("/dicom-web/studies?StudyInstanceUID=" + deleteStudy)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        List<String> bad = new ArrayList<>();
        for (JsonNode request : r.path("bad")) {
            boolean refusedPart = request.path("method").asText().equals("POST")
                    && request.path("status").asInt() == 409;
            if (!refusedPart) {
                bad.add(request.toString());
            }
        }
        assertEquals(List.of(), bad, "requests that failed");
        List<String> notFound = strings(r.path("notFound"));
        assertTrue(
                notFound.stream().allMatch(url -> url.endsWith("/favicon.ico")),
                "console files or API resources not found: " + notFound);
        List<String> console = strings(r.path("console")).stream()
                .filter(line -> !line.contains("status of 409") && !line.contains("status of 404"))
                .toList();
        assertEquals(List.of(), console, "the page's console errors");
    }

    /** {@value #STUDIES} studies of {@value #PER_STUDY} instances, each in a folder of its own, a month apart. */
    private static List<String> writeStudies(Path folder) throws IOException {
        List<String> studies = new ArrayList<>();
        for (int s = 0; s < STUDIES; s++) {
            String study = Uids.generate();
            studies.add(study);
            String series = Uids.generate();
            Path dir = Files.createDirectories(folder.resolve("study-" + (s + 1)));
            for (int i = 1; i <= PER_STUDY; i++) {
                DicomFiles.ctImage()
                        .patient("Upload^Patient" + s, "UP-" + s)
                        .study(study, LocalDate.of(2025, s + 1, 10))
                        .series(series, 1)
                        .modality(MODALITIES.get(s % MODALITIES.size()))
                        .instance(Uids.generate(), i)
                        .writeTo(dir.resolve(String.format("IM%04d.dcm", i)));
            }
        }
        return studies;
    }

    /** Files that are no DICOM, named by their path below the folder. */
    private static Set<String> writeJunk(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        Path junk = Files.createDirectories(folder.resolve("junk"));
        for (int i = 1; i <= JUNK_IN_A_FOLDER; i++) {
            Files.writeString(junk.resolve("note-" + i + ".txt"), "Not an image, note " + i + "\n".repeat(40));
            names.add("junk/note-" + i + ".txt");
        }
        Files.writeString(folder.resolve("study-1").resolve("README"), "Scanned on the old CT.\n");
        names.add("study-1/README");
        return names;
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
