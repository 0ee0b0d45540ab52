package org.opendicomweb.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.interop.NodeScript;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PydicomCorpus;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.StowBody;
import org.opendicomweb.testing.Tool;

/**
 * The console's browse views (study list and search, study page, stack preview, attribute view) in headless
 * Chromium over every file of pydicom's test data that STOW-RS stores (and one generated multi-frame image). One browser session runs every check
 * (src/test/interop/console-browse.mjs) and reports what it saw; each test here judges one behaviour of that report
 * against what QIDO-RS and WADO-RS answer for the same data, so nothing is a guess about the corpus.
 */
@QuarkusTest
@TestProfile(ConsoleBrowseTest.Profile.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ConsoleBrowseTest {
    /**
     * A maximum of 30 QIDO-RS results, below the corpus's number of studies, so that a page of 50 is cut with a
     * Warning the list must show; and a viewer for the "Open in viewer" link.
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicomweb.qido.max-results", String.valueOf(MAX_RESULTS), "dicomweb.ui.viewer-url", VIEWER);
        }
    }

    static final int MAX_RESULTS = 30;
    static final String VIEWER = "https://viewer.example/viewer?StudyInstanceUIDs={study}";
    private static final String JSON = "application/dicom+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(240);
    private static final int DEFAULT_PAGE = 25;
    private static final int SMALL_PAGE = 5;

    /** The search fields of the form (by their labels) with a value each, and the QIDO-RS query they mean. */
    private record Search(String label, String value, String urlKey, String qido) {}

    private static final List<Search> SEARCHES = List.of(
            new Search("Patient name", "doe*", "PatientName", "PatientName=doe*"),
            new Search("Patient ID", "77654033", "PatientID", "PatientID=77654033"),
            new Search("Modality", "CR", "ModalitiesInStudy", "ModalitiesInStudy=CR"),
            new Search("Accession number", "2", "AccessionNumber", "AccessionNumber=2"),
            new Search("Study description", "Chest", "StudyDescription", "StudyDescription=Chest"));
    /** The date range is two fields and a range in QIDO-RS. */
    private static final String DATE_FROM = "2001-01-01";

    private static final String DATE_TO = "2003-12-31";

    /**
     * pydicom's corpus as Debian ships it has no multi-frame image whose frames the server renders differently (its
     * large multi-frame files are not in the package): a generated one, whose frames show a ramp at another phase
     * each, so that every frame looks different once rendered.
     */
    private static final String MULTI_FRAME_STUDY = "2.25.311462702361092017462313547062390";

    private static final int MULTI_FRAME_FRAMES = 12;
    private static final DicomFiles.Builder MULTI_FRAME = DicomFiles.multiFrame(MULTI_FRAME_FRAMES)
            .patient("Console^Multiframe", "CONSOLE-MF")
            .study(MULTI_FRAME_STUDY, java.time.LocalDate.of(2024, 5, 6))
            .studyDescription("Console multi-frame")
            .series(MULTI_FRAME_STUDY + ".1", 1)
            .instance(MULTI_FRAME_STUDY + ".1.1", 1)
            .size(32, 32)
            .pixelData(rampFrames(32, MULTI_FRAME_FRAMES));

    /** 16-bit little-endian pixels: a diagonal sawtooth (12 bits) shifted by a fifth of its period each frame. */
    private static byte[] rampFrames(int side, int frames) {
        byte[] b = new byte[side * side * frames * 2];
        int p = 0;
        for (int f = 0; f < frames; f++) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int v = ((r + c + 5 * f) % side) * 100;
                    b[p++] = (byte) v;
                    b[p++] = (byte) (v >>> 8);
                }
            }
        }
        return b;
    }

    /** Run once for the class: every test reads the one report. */
    private static Run run;

    private record Run(JsonNode report, Expected expected, NodeScript.Result script) {}

    private record Expected(
            List<String> studies,
            Map<String, List<String>> searches,
            List<String> dateRange,
            JsonNode stack,
            JsonNode multiFrame,
            Map<String, Map<String, String>> thumbnails,
            JsonNode attributes) {}

    @TestHTTPResource("/")
    URL root;

    /** Why the run could not be made, for every test after the first to report without trying again. */
    private static AssertionError setupFailure;

    @BeforeEach
    void browseOnce() throws Exception {
        if (setupFailure != null) {
            throw setupFailure;
        }
        if (run != null) {
            return;
        }
        try {
            browse();
        } catch (AssertionError | Exception e) {
            setupFailure = e instanceof AssertionError a ? a : new AssertionError(e);
            throw e;
        }
    }

    private void browse() throws Exception {
        NodeScript.requireBrowser();
        RequiredTools.require(Tool.PYDICOM_FILES);
        IndexTables.clean();
        Set<String> stored = new TreeSet<>();
        PydicomCorpus.storeEveryFile().values().stream()
                .filter(PydicomCorpus.Outcome::stored)
                .forEach(o -> stored.add(o.study()));
        given().contentType(StowBody.contentType("console"))
                .body(StowBody.of("console", MULTI_FRAME))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        stored.add(MULTI_FRAME_STUDY);
        List<String> studies = studyUids(qidoAll("/studies", ""));
        assertEquals(stored, new TreeSet<>(studies), "QIDO-RS finds the stored studies");
        assertTrue(
                studies.size() > MAX_RESULTS,
                "the corpus must hold more studies than the server's maximum for the truncation check");

        Map<String, List<String>> searches = new LinkedHashMap<>();
        for (Search s : SEARCHES) {
            searches.put(s.label(), studyUids(qidoAll("/studies", s.qido())));
        }
        List<String> dateRange = studyUids(
                qidoAll("/studies", "StudyDate=" + DATE_FROM.replace("-", "") + "-" + DATE_TO.replace("-", "")));

        JsonNode stack = stackSeries();
        JsonNode multiFrame = multiFrameSeries();
        JsonNode attributes = attributeInstance(studies);
        Map<String, Map<String, String>> thumbnails = new LinkedHashMap<>();
        for (String study : new LinkedHashSet<>(List.of(
                stack.path("study").asText(),
                multiFrame.path("study").asText(),
                attributes.path("study").asText(),
                studyWithoutImages(studies)))) {
            thumbnails.put(study, thumbnailsOf(study));
        }
        Expected expected = new Expected(studies, searches, dateRange, stack, multiFrame, thumbnails, attributes);

        String origin = "http://localhost:" + root.getPort();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("origin", origin);
        options.put("apiRoot", origin + "/dicom-web");
        options.put("studies", studies);
        options.put("defaultPage", DEFAULT_PAGE);
        options.put("smallPage", SMALL_PAGE);
        options.put("truncatingPage", 50);
        options.put(
                "searches",
                SEARCHES.stream()
                        .map(s -> Map.of("label", s.label(), "value", s.value(), "urlKey", s.urlKey()))
                        .toList());
        options.put("dateFrom", DATE_FROM);
        options.put("dateTo", DATE_TO);
        options.put("stack", stack);
        options.put("multiFrame", multiFrame);
        options.put("thumbnails", thumbnails);
        options.put("attributes", attributes);
        options.put(
                "screenshotDir", Path.of("target", "interop").toAbsolutePath().toString());
        options.put("timeoutMs", 20_000);
        long started = System.nanoTime();
        NodeScript.Result script = NodeScript.run("console-browse.mjs", options, SCRIPT_LIMIT);
        System.out.printf(
                "Console browse script: %d s; first page of studies: QIDO-RS %s ms as the browser timed it%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                script.json().path("firstPage").path("qidoMs").asText("?"));
        run = new Run(script.json(), expected, script);
        assertEquals(0, script.exitCode(), "console-browse.mjs failed:\n" + script.describe(List.of()));
    }

    private JsonNode report() {
        assertEquals(
                0,
                run.script().exitCode(),
                "console-browse.mjs failed:\n" + run.script().describe(List.of()));
        return run.report();
    }

    @Test
    void studyListShowsEveryStoredStudyPageByPage() {
        JsonNode list = report().path("list");
        List<String> studies = run.expected().studies();
        assertEquals(studies.subList(0, DEFAULT_PAGE), texts(list.path("page1")), "first page, in the server's order");
        assertEquals(
                studies.subList(DEFAULT_PAGE, studies.size()),
                texts(list.path("page2")),
                "second page: the rest of the studies");
        assertTrue(list.path("redirectedTo").asText().endsWith("/ui/"), "/ goes to the console: " + list);
        assertTrue(list.path("page1Counts").asBoolean(), "series and instance counts are shown: " + list);
    }

    @Test
    void eachSearchFieldNarrowsToTheStudiesQidoFinds() {
        JsonNode searches = report().path("searches");
        for (Search s : SEARCHES) {
            List<String> expected = run.expected().searches().get(s.label());
            assertFalse(expected.isEmpty(), "the corpus has studies for " + s);
            assertTrue(expected.size() < run.expected().studies().size(), "the search narrows: " + s);
            JsonNode shown = searches.path(s.label());
            assertEquals(expected, texts(shown.path("rows")), "search by " + s);
            assertTrue(
                    shown.path("hash").asText().contains(s.urlKey() + "="), "the search is in the location: " + shown);
        }
        JsonNode dates = searches.path("dates");
        List<String> expected = run.expected().dateRange();
        assertFalse(expected.isEmpty(), "the corpus has studies in the date range");
        assertTrue(expected.size() < run.expected().studies().size(), "the date range narrows");
        assertEquals(expected, texts(dates.path("rows")), "search by date range");
        assertTrue(dates.path("hash").asText().contains("from=" + DATE_FROM), "dates in the location: " + dates);
    }

    @Test
    void theBackButtonReturnsToThePreviousSearch() {
        JsonNode back = report().path("back");
        assertEquals(
                run.expected().searches().get("Patient name"), texts(back.path("rows")), "rows after back: " + back);
        assertEquals("doe*", back.path("field").asText(), "the form shows the previous search again");
    }

    @Test
    void pagingKeepsTheOffsetInTheLocationAndTheBackButtonRestoresIt() {
        JsonNode paging = report().path("paging");
        List<String> studies = run.expected().studies();
        assertEquals(studies.subList(0, 5), texts(paging.path("page1")));
        assertEquals(studies.subList(5, 10), texts(paging.path("page2")));
        assertEquals(studies.subList(10, 15), texts(paging.path("page3")));
        assertTrue(paging.path("page2Hash").asText().contains("offset=5"), paging.toString());
        assertTrue(paging.path("page3Hash").asText().contains("offset=10"), paging.toString());
        assertEquals(studies.subList(5, 10), texts(paging.path("afterBack")), "back returns to the second page");
        assertTrue(paging.path("afterBackHash").asText().contains("offset=5"), paging.toString());
        assertEquals(studies.subList(0, 5), texts(paging.path("afterPrevious")), "Previous goes to the first page");
        assertTrue(paging.path("previousDisabledOnFirst").asBoolean(), paging.toString());
        int last = (studies.size() - 1) / SMALL_PAGE * SMALL_PAGE;
        assertEquals(studies.subList(last, studies.size()), texts(paging.path("lastPage")));
        assertEquals(
                studies.size() - last < SMALL_PAGE,
                paging.path("nextDisabledOnLast").asBoolean(),
                "Next is disabled when fewer than a page came back: " + paging);
    }

    @Test
    void aPageCutByTheServersMaximumShowsItsWarning() {
        JsonNode truncated = report().path("truncated");
        assertEquals(MAX_RESULTS, truncated.path("rows").asInt(), truncated.toString());
        assertTrue(truncated.path("warning").asText().contains("truncated"), truncated.toString());
        assertFalse(report().path("list").path("warningShown").asBoolean(), "no warning on an uncut page");
    }

    @Test
    void sortingAColumnOrdersThePageAndIsKeptInTheLocation() {
        JsonNode sort = report().path("sort");
        assertEquals("ascending", sort.path("ariaSort").asText(), sort.toString());
        assertTrue(sort.path("hash").asText().contains("sort=id"), sort.toString());
        List<String> before = texts(sort.path("before"));
        List<String> ascending = texts(sort.path("ascending"));
        List<String> descending = new ArrayList<>(texts(sort.path("descending")));
        assertEquals(DEFAULT_PAGE, ascending.size(), "the same page, sorted");
        assertEquals(new TreeSet<>(before), new TreeSet<>(ascending), "the same studies, sorted");
        assertEquals("descending", sort.path("ariaSortAgain").asText(), "a second click reverses");
        java.util.Collections.reverse(descending);
        assertEquals(ascending, descending, "descending is ascending reversed: one consistent order");
        assertNotEquals(before, ascending, "the stored order of the first page is not already by patient ID");
    }

    @Test
    void thumbnailsAreRealImagesAndSeriesWithoutImagesSaySo() {
        JsonNode shown = report().path("thumbnails");
        int images = 0;
        for (Map.Entry<String, Map<String, String>> study :
                run.expected().thumbnails().entrySet()) {
            for (Map.Entry<String, String> series : study.getValue().entrySet()) {
                JsonNode t = shown.path(study.getKey()).path(series.getKey());
                if (series.getValue().equals("none")) {
                    assertEquals("No image", t.path("note").asText(), "a series without images says so: " + t);
                    continue;
                }
                assertTrue(t.path("blob").asBoolean(), "thumbnail from a blob: URL: " + t);
                assertTrue(t.path("width").asInt() > 0, "thumbnail decoded: " + t);
                if (series.getValue().equals("image")) {
                    images++;
                    assertTrue(t.path("max").asInt() > t.path("min").asInt(), "thumbnail pixels not uniform: " + t);
                }
            }
        }
        assertTrue(
                images >= 2,
                "thumbnails with something to see were checked: "
                        + run.expected().thumbnails());
    }

    @Test
    void stackPreviewMovesThroughTheFramesWithKeysAndWheel() {
        JsonNode stack = report().path("stack");
        int frames = run.expected().stack().path("frames").asInt();
        assertEquals("1 / " + frames, stack.path("first").path("counter").asText(), stack.toString());
        assertEquals("2 / " + frames, stack.path("down").path("counter").asText(), stack.toString());
        assertNotEquals(
                stack.path("first").path("hash").asText(),
                stack.path("down").path("hash").asText(),
                "ArrowDown shows another image");
        assertEquals(frames + " / " + frames, stack.path("end").path("counter").asText());
        assertEquals("1 / " + frames, stack.path("home").path("counter").asText());
        assertEquals("2 / " + frames, stack.path("wheel").path("counter").asText(), "the wheel moves on");
        assertTrue(stack.path("first").path("max").asInt()
                > stack.path("first").path("min").asInt());
    }

    @Test
    void aCtWindowPresetChangesThePixels() {
        JsonNode stack = report().path("stack");
        List<String> options = texts(stack.path("windowOptions"));
        assertTrue(options.stream().anyMatch(o -> o.startsWith("CT lung")), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.startsWith("CT soft tissue")), options.toString());
        if (run.expected().stack().path("ownWindow").asBoolean()) {
            assertTrue(options.size() > 4, "the instance's own window is offered: " + options);
        }
        assertEquals(
                "2 / " + run.expected().stack().path("frames").asInt(),
                stack.path("bone").path("counter").asText());
        assertNotEquals(
                stack.path("wheel").path("hash").asText(),
                stack.path("bone").path("hash").asText(),
                "the bone window changes the pixels of the same frame");
        JsonNode multi = report().path("multiFrame");
        if (!run.expected().multiFrame().path("ct").asBoolean()) {
            assertTrue(
                    texts(multi.path("windowOptions")).stream().noneMatch(o -> o.startsWith("CT ")),
                    "no CT presets outside CT: " + multi);
        }
    }

    @Test
    void framesOfAMultiFrameInstanceAreInTheStackAndOldFramesAreReleased() {
        JsonNode multi = report().path("multiFrame");
        int frames = run.expected().multiFrame().path("frames").asInt();
        assertTrue(frames > 1, run.expected().multiFrame().toString());
        assertEquals("1 / " + frames, multi.path("first").path("counter").asText(), multi.toString());
        assertEquals(frames + " / " + frames, multi.path("last").path("counter").asText(), multi.toString());
        assertNotEquals(
                multi.path("first").path("hash").asText(),
                multi.path("last").path("hash").asText());
        // the frames kept around the one shown (13), the one shown, and the thumbnails of the page
        int bound = 14 + multi.path("thumbnails").asInt();
        assertTrue(
                multi.path("liveBlobUrls").asInt() <= bound,
                "blob: URLs of frames left behind are revoked: " + multi + ", at most " + bound);
    }

    @Test
    void downloadsGiveAZipOfTheStudyAndTheStoredInstance() {
        JsonNode downloads = report().path("downloads");
        assertEquals("PK", downloads.path("zip").path("magic").asText(), downloads.toString());
        assertTrue(downloads.path("zip").path("name").asText().endsWith(".zip"), downloads.toString());
        assertEquals("DICM", downloads.path("instance").path("magic").asText(), downloads.toString());
        assertTrue(downloads.path("instance").path("name").asText().endsWith(".dcm"), downloads.toString());
    }

    @Test
    void theStudyPageLinksToTheViewerAndCopiesTheWadoRsUrl() {
        JsonNode study = report().path("studyPage");
        String uid = run.expected().stack().path("study").asText();
        assertEquals(VIEWER.replace("{study}", uid), study.path("viewerHref").asText(), study.toString());
        assertEquals(
                "http://localhost:" + root.getPort() + "/dicom-web/studies/" + uid,
                study.path("copied").asText(),
                study.toString());
        assertTrue(study.path("facts").asText().contains(uid), "the study's attributes are shown: " + study);
    }

    @Test
    void theAttributeViewShowsTagsFoldsSequencesAndFilters() {
        JsonNode view = report().path("attributes");
        JsonNode expected = run.expected().attributes();
        assertEquals("PatientName", view.path("patientNameKeyword").asText(), view.toString());
        assertEquals(
                expected.path("patientName").asText(),
                view.path("patientNameValue").asText(),
                view.toString());
        assertEquals(
                expected.path("sequenceKeyword").asText(),
                view.path("sequenceKeyword").asText());
        assertTrue(view.path("openAtFirst").asBoolean(), view.toString());
        assertFalse(view.path("nestedVisibleWhenFolded").asBoolean(), "folding hides the items: " + view);
        assertTrue(view.path("nestedVisibleWhenUnfolded").asBoolean(), view.toString());
        assertTrue(view.path("filter").path("nestedVisible").asBoolean(), "the match is shown: " + view);
        assertTrue(view.path("filter").path("sequenceVisible").asBoolean(), "with its sequence: " + view);
        assertFalse(view.path("filter").path("patientNameVisible").asBoolean(), "others are hidden: " + view);
        assertTrue(view.path("filter").path("hash").asText().contains("filter="), view.toString());
        assertTrue(view.path("bulkData").path("bytes").asLong() > 0, "bulk data downloads: " + view);
    }

    @Test
    void everyRequestTheConsoleMadeSucceededExceptThumbnailsOfSeriesWithoutImages() {
        JsonNode report = report();
        List<String> unexpected = new ArrayList<>();
        for (JsonNode bad : report.path("bad")) {
            String url = bad.path("url").asText();
            int status = bad.path("status").asInt();
            boolean noImage = (status == 404 || status == 406) && url.endsWith("/thumbnail");
            // frames fetched ahead and left behind, and what was in flight when the script moved on, are cancelled
            boolean cancelled = bad.path("failure").asText().equals("net::ERR_ABORTED");
            if (!noImage && !cancelled) {
                unexpected.add(bad.toString());
            }
        }
        assertEquals(List.of(), unexpected, "failed requests");
        assertEquals(List.of(), texts(report.path("console")), "errors in the page");
    }

    // --- what the server answers, to judge the report by ---------------------------------------------------------

    /** Every result of a QIDO-RS search, paged by the server's maximum. */
    private static List<JsonNode> qidoAll(String path, String query) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += MAX_RESULTS) {
            JsonNode page =
                    qido(path + "?limit=" + MAX_RESULTS + "&offset=" + offset + (query.isEmpty() ? "" : "&" + query));
            page.forEach(all::add);
            if (page.size() < MAX_RESULTS) {
                return all;
            }
        }
    }

    private static JsonNode qido(String pathAndQuery) throws Exception {
        String body = given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web" + pathAndQuery)
                .then()
                .statusCode(anyOf(is(200), is(204)))
                .extract()
                .asString();
        return MAPPER.readTree(body.isEmpty() ? "[]" : body);
    }

    private static String first(JsonNode dataset, String tag) {
        JsonNode value = dataset.path(tag).path("Value").path(0);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** A Person Name as DICOM writes it: alphabetic, ideographic, phonetic joined by '=', empty ones at the end dropped. */
    private static String personName(JsonNode pn) {
        List<String> groups = new ArrayList<>(List.of(
                pn.path("Alphabetic").asText(""),
                pn.path("Ideographic").asText(""),
                pn.path("Phonetic").asText("")));
        while (groups.size() > 1 && groups.get(groups.size() - 1).isEmpty()) {
            groups.remove(groups.size() - 1);
        }
        return String.join("=", groups);
    }

    private static List<String> studyUids(List<JsonNode> results) {
        return results.stream().map(r -> first(r, "0020000D")).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static int status(String path, String accept) {
        return given().accept(accept).get("/dicom-web" + path).statusCode();
    }

    /** The instances of a series in InstanceNumber order, as the stack preview orders them. */
    private static List<JsonNode> instancesOf(String study, String series) throws Exception {
        List<JsonNode> instances =
                new ArrayList<>(qidoAll("/studies/" + study + "/series/" + series + "/instances", ""));
        instances.sort(java.util.Comparator.comparingLong(i -> {
            String n = first(i, "00200013");
            return n == null ? Long.MAX_VALUE : Long.parseLong(n);
        }));
        return instances;
    }

    private static int framesOf(JsonNode instance) {
        String n = first(instance, "00280008");
        return n == null ? 1 : Math.max(1, Integer.parseInt(n));
    }

    /** The first CT series (in QIDO-RS order) of two instances or more, every one of which /rendered draws. */
    private static JsonNode stackSeries() throws Exception {
        for (JsonNode study : qidoAll("/studies", "ModalitiesInStudy=CT")) {
            String s = first(study, "0020000D");
            for (JsonNode series : qidoAll("/studies/" + s + "/series", "Modality=CT")) {
                String se = first(series, "0020000E");
                List<JsonNode> instances = instancesOf(s, se);
                if (instances.size() < 2 || !allRender(s, se, instances)) {
                    continue;
                }
                boolean ownWindow =
                        !qidoAll("/studies/" + s + "/series/" + se + "/instances", "includefield=00281050").stream()
                                .allMatch(i -> first(i, "00281050") == null);
                return MAPPER.valueToTree(Map.of(
                        "study", s,
                        "series", se,
                        "frames",
                                instances.stream()
                                        .mapToInt(ConsoleBrowseTest::framesOf)
                                        .sum(),
                        "ownWindow", ownWindow));
            }
        }
        throw new AssertionError("the corpus has no CT series of several instances that /rendered draws");
    }

    /** The generated multi-frame series, its frames counted as QIDO-RS reports them; each must render. */
    private static JsonNode multiFrameSeries() throws Exception {
        JsonNode series =
                qidoAll("/studies/" + MULTI_FRAME_STUDY + "/series", "").get(0);
        String se = first(series, "0020000E");
        List<JsonNode> instances = instancesOf(MULTI_FRAME_STUDY, se);
        int frames = instances.stream().mapToInt(ConsoleBrowseTest::framesOf).sum();
        String base = "/studies/" + MULTI_FRAME_STUDY + "/series/" + se + "/instances/"
                + first(instances.get(0), "00080018") + "/frames/";
        for (int f = 1; f <= frames; f++) {
            assertEquals(200, status(base + f + "/rendered", "image/jpeg"), "frame " + f + " renders");
        }
        return MAPPER.valueToTree(Map.of(
                "study",
                MULTI_FRAME_STUDY,
                "series",
                se,
                "frames",
                frames,
                "ct",
                "CT".equals(first(series, "00080060"))));
    }

    private static boolean allRender(String study, String series, List<JsonNode> instances) {
        for (JsonNode i : instances) {
            String path = "/studies/" + study + "/series/" + series + "/instances/" + first(i, "00080018");
            if (status(path + "/rendered", "image/jpeg") != 200) {
                return false;
            }
        }
        return true;
    }

    /**
     * What each series' thumbnail is: {@code image}, {@code uniform} (an image of one grey, as some of the corpus's
     * tiny images are once windowed: nothing to tell it from a blank one by) or {@code none} (refused for want of an
     * image: 406, or 404 without frames).
     */
    private static Map<String, String> thumbnailsOf(String study) throws Exception {
        Map<String, String> thumbnails = new LinkedHashMap<>();
        for (JsonNode series : qidoAll("/studies/" + study + "/series", "")) {
            String se = first(series, "0020000E");
            io.restassured.response.Response r =
                    given().accept("image/jpeg").get("/dicom-web/studies/" + study + "/series/" + se + "/thumbnail");
            int status = r.statusCode();
            assertTrue(status == 200 || status == 404 || status == 406, "thumbnail of " + se + ": " + status);
            if (status != 200) {
                thumbnails.put(se, "none");
                continue;
            }
            java.awt.image.BufferedImage image =
                    javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.asByteArray()));
            int min = 255;
            int max = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int luma = (int)
                            Math.round(0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255));
                    min = Math.min(min, luma);
                    max = Math.max(max, luma);
                }
            }
            thumbnails.put(se, max - min > 8 ? "image" : "uniform");
        }
        return thumbnails;
    }

    /** The first study (in QIDO-RS order) with a series whose thumbnail is refused: it has no image. */
    private static String studyWithoutImages(List<String> studies) throws Exception {
        for (String study : studies) {
            if (thumbnailsOf(study).containsValue("none")) {
                return study;
            }
        }
        throw new AssertionError("the corpus has no series without images");
    }

    /**
     * The first instance (in QIDO-RS order) whose metadata holds a patient name, pixel data
     * as bulk data, and a sequence whose first item holds an attribute that is not a sequence.
     */
    private static JsonNode attributeInstance(List<String> studies) throws Exception {
        for (String study : studies) {
            for (JsonNode instance : qidoAll("/studies/" + study + "/instances", "")) {
                String se = first(instance, "0020000E");
                String sop = first(instance, "00080018");
                String path = "/studies/" + study + "/series/" + se + "/instances/" + sop;
                JsonNode metadata = MAPPER.readTree(given().accept(JSON)
                                .get("/dicom-web" + path + "/metadata")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .path(0);
                String name = personName(metadata.path("00100010").path("Value").path(0));
                if (name.isEmpty() || !metadata.path("7FE00010").has("BulkDataURI")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    int tag = Integer.parseUnsignedInt(e.getKey(), 16);
                    if (!"SQ".equals(e.getValue().path("vr").asText())
                            || (tag >>> 16) % 2 == 1
                            || ElementDictionary.keywordOf(tag).isEmpty()) {
                        continue;
                    }
                    JsonNode item = e.getValue().path("Value").path(0);
                    for (Iterator<Map.Entry<String, JsonNode>> inner = item.fields(); inner.hasNext(); ) {
                        Map.Entry<String, JsonNode> n = inner.next();
                        int nested = Integer.parseUnsignedInt(n.getKey(), 16);
                        String keyword = ElementDictionary.keywordOf(nested);
                        if (!"SQ".equals(n.getValue().path("vr").asText())
                                && !keyword.isEmpty()
                                && !keyword.toLowerCase(java.util.Locale.ROOT).contains("patient")
                                && !metadata.has(n.getKey())) {
                            return MAPPER.valueToTree(Map.of(
                                    "study", study,
                                    "series", se,
                                    "instance", sop,
                                    "patientName", name,
                                    "sequenceTag", e.getKey(),
                                    "sequenceKeyword", ElementDictionary.keywordOf(tag),
                                    "nestedTag", n.getKey(),
                                    "nestedKeyword", keyword));
                        }
                    }
                }
            }
        }
        throw new AssertionError("no stored instance has a patient name, bulk pixel data and a sequence");
    }
}
