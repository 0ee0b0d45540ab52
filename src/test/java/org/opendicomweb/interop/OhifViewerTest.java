package org.opendicomweb.interop;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PydicomCorpus;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * The OHIF Viewer 3 (the prebuilt application of npm {@code @ohif/app}, unmodified, with its DICOMweb data source
 * pointed at this server) in headless Chromium, with every file of pydicom's test data that STOW-RS accepts stored
 * next to a few generated studies: the study list shows exactly the studies QIDO-RS finds, unfiltered and filtered
 * by modality, patient name and study date, and every study with an instance that {@code /rendered} can draw
 * opens in the viewer and draws an image. Every request the viewer makes to the server must succeed.
 *
 * <p>Run twice: with the viewer and the API on one origin (a reverse proxy in front of both, the usual
 * deployment), which goes through the whole corpus, and with the viewer on another origin calling the server
 * directly, which only works through the server's CORS answers and is checked with the unfiltered list and one
 * study.
 */
@QuarkusTest
@TestProfile(OhifViewerTest.DeployedQueryLimit.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OhifViewerTest {
    /**
     * The default maximum number of QIDO-RS results (1000) in place of the tests' 6: OHIF asks for up to 101
     * studies and shows what it gets, and the corpus has about 40.
     */
    public static class DeployedQueryLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicomweb.qido.max-results", "1000");
        }
    }

    private static final Path DIST = NodeScript.NODE_MODULES.resolve("@ohif/app/dist");
    private static final Path CONFIG = NodeScript.FOLDER.resolve("ohif-app-config.js");
    private static final String JSON = "application/dicom+json";
    private static final String PHANTOM_STUDY = "2.25.311462702361092017462313547062311";
    /** A multi-frame image in Encapsulated Uncompressed Explicit VR Little Endian, which OHIF cannot decode itself. */
    private static final String ENCAPSULATED_STUDY = "2.25.311462702361092017462313547062312";
    /** A multi-frame image in Deflated Explicit VR Little Endian: its frames come from an inflated copy. */
    private static final String DEFLATED_STUDY = "2.25.311462702361092017462313547062313";

    /**
     * The files of pydicom's test data that STOW-RS refuses, and why; every other file must be stored, except the
     * variants of an instance stored before under the same SOP Instance UID (refused with 0x0111, see
     * {@link #VARIANT}). Debian's python3-pydicom lacks the large files of pydicom's repository.
     */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("charset_files/FileInfo.txt", "not DICOM"),
            Map.entry("test_files/README.txt", "not DICOM"),
            Map.entry("test_files/dicomdirtests/README.txt", "not DICOM"),
            Map.entry("test_files/dicomdirtests/TINY_ALPHA/README", "not DICOM"),
            Map.entry("test_files/rtplan.dump", "not DICOM: a dump of rtplan.dcm"),
            Map.entry("test_files/rtstruct.dump", "not DICOM: a dump of rtstruct.dcm"),
            Map.entry("test_files/test1.json", "not DICOM: DICOM JSON"),
            Map.entry("test_files/test_PN.json", "not DICOM: DICOM JSON"),
            Map.entry("test_files/zipMR.gz", "not DICOM: gzip'd"),
            Map.entry("test_files/ExplVR_BigEndNoMeta.dcm", "no preamble and File Meta Information (PS3.10)"),
            Map.entry("test_files/ExplVR_LitEndNoMeta.dcm", "no preamble and File Meta Information (PS3.10)"),
            Map.entry("test_files/no_meta.dcm", "no preamble and File Meta Information (PS3.10)"),
            Map.entry("test_files/rtstruct.dcm", "no preamble and File Meta Information (PS3.10)"),
            Map.entry("test_files/MR_truncated.dcm", "truncated in the pixel data"),
            Map.entry("test_files/rtplan_truncated.dcm", "truncated"),
            Map.entry("test_files/SC_rgb_jpeg.dcm", "corrupt: an element of 1.3 GB past the end of the file"),
            Map.entry("charset_files/chrSQEncoding.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("charset_files/chrSQEncoding1.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("test_files/UN_sequence.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("test_files/empty_charset_LEI.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("test_files/meta_missing_tsyntax.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("test_files/nested_priv_SQ.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("test_files/no_meta_group_length.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("test_files/priv_SQ.dcm", "a dataset fragment without SOP, study or series UIDs"),
            Map.entry("test_files/dicomdirtests/DICOMDIR", "a DICOMDIR (a media directory, not an instance)"),
            Map.entry("test_files/dicomdirtests/DICOMDIR-bigEnd", "a DICOMDIR (a media directory, not an instance)"),
            Map.entry("test_files/dicomdirtests/DICOMDIR-empty.dcm", "a DICOMDIR (a media directory, not an instance)"),
            Map.entry("test_files/dicomdirtests/DICOMDIR-implicit", "a DICOMDIR (a media directory, not an instance)"),
            Map.entry("test_files/dicomdirtests/DICOMDIR-nooffset", "a DICOMDIR (a media directory, not an instance)"),
            Map.entry("test_files/dicomdirtests/DICOMDIR-nopatient", "a DICOMDIR (a media directory, not an instance)"),
            Map.entry("test_files/dicomdirtests/DICOMDIR-reordered", "a DICOMDIR (a media directory, not an instance)"),
            Map.entry(
                    "test_files/dicomdirtests/TINY_ALPHA/DICOMDIR", "a DICOMDIR (a media directory, not an instance)"));

    /**
     * Failure Reason 0x0111 (Duplicate SOP Instance, PS3.4 Annex B): pydicom's corpus holds one object in several
     * transfer syntaxes and variants under one SOP Instance UID (MR_small_*, SC_rgb_rle*, chr*Multi*, ...); the
     * first in name order is stored, the others are refused.
     */
    private static final int VARIANT = 0x0111;

    /** Studies that /rendered draws but OHIF does not show, each with the reason. */
    private static final Map<String, String> NOT_DRAWN_BY_OHIF = Map.of(
            "1.3.6.1.4.1.5962.1.2.8.20040826185059.5457",
                    "CompressedSamples^NM (JPEG-lossy.dcm and a variant, one"
                            + " series of two multi-frame NM instances): OHIF draws the thumbnail from the served frames but"
                            + " shows W: NaN L: NaN in the viewport, which stays black",
            "1.2.392.200103.20080913.113635.0.2009.6.22.21.43.10.22941.1",
                    "liver_1frame.dcm: a Segmentation whose"
                            + " referenced CT images are not in the corpus; OHIF draws a SEG only over them, so no viewport"
                            + " canvas appears");

    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(420);

    @TestHTTPResource("/dicom-web")
    URL dicomweb;

    /** The corpus holds variants of one SOP Instance: each test starts from an empty index. */
    @BeforeEach
    void storeStudies() throws Exception {
        NodeScript.requireBrowser();
        assertTrue(
                Files.isRegularFile(DIST.resolve("index.html")),
                "OHIF Viewer is not installed in " + DIST
                        + ": the build installs it (node install.mjs in src/test/interop)");
        RequiredTools.require(Tool.PYDICOM_FILES);
        IndexTables.clean();
        List<byte[]> files = new ArrayList<>();
        for (DicomFiles.Builder b :
                CtPhantom.series("Phantom^Interop", "PHANTOM-1", PHANTOM_STUDY, PHANTOM_STUDY + ".1", 6, 256)) {
            files.add(b.toBytes());
        }
        files.add(CtPhantom.multiFrame("Phantom^Encapsulated", "PHANTOM-2", ENCAPSULATED_STUDY, 2, 256)
                .encapsulatedUncompressed()
                .toBytes());
        files.add(CtPhantom.multiFrame("Phantom^Deflated", "PHANTOM-3", DEFLATED_STUDY, 2, 256)
                .deflated()
                .toBytes());
        Stow.store(files);

        Map<String, PydicomCorpus.Outcome> outcomes = PydicomCorpus.storeEveryFile();
        Map<String, String> refused = new TreeMap<>();
        Set<String> corpusStudies = new TreeSet<>();
        outcomes.forEach((file, outcome) -> {
            if (outcome.stored()) {
                corpusStudies.add(outcome.study());
            } else if (!outcome.failureReasons().equals(List.of(VARIANT))) {
                refused.put(file, outcome.status() + " " + outcome.failureReasons());
            }
        });
        assertEquals(new TreeSet<>(REFUSED.keySet()), refused.keySet(), "files refused by STOW-RS: " + refused);
        Set<String> expected = new TreeSet<>(corpusStudies);
        expected.addAll(List.of(PHANTOM_STUDY, ENCAPSULATED_STUDY, DEFLATED_STUDY));
        assertEquals(expected, new TreeSet<>(studyUids(qido(""))), "QIDO-RS does not find the stored studies");
    }

    @Test
    void viewerOnTheServersOriginShowsEveryStudyAndDrawsEveryRenderableOne() throws Exception {
        List<Filter> lists = List.of(
                new Filter("", ""),
                new Filter("modalities=MR", "ModalitiesInStudy=MR"),
                new Filter("patientName=doe", "PatientName=*doe*&fuzzymatching=true"),
                new Filter("startDate=20010101&endDate=20031231", "StudyDate=20010101-20031231"));
        List<String> drawable = renderableStudies();
        List<String> open =
                drawable.stream().filter(s -> !NOT_DRAWN_BY_OHIF.containsKey(s)).toList();
        try (StaticSite site = new StaticSite()) {
            String root = site.origin() + "/dicom-web";
            site.proxy("/dicom-web", URI.create(serverOrigin()));
            JsonNode result = runViewer(site, root, "same-origin", lists, open);
            assertViewerWorked(result, root, site, lists, open);
        }
        assertTrue(
                drawable.containsAll(NOT_DRAWN_BY_OHIF.keySet()), "an exception names a study /rendered cannot draw");
    }

    @Test
    void viewerOnAnotherOriginReachesTheServerThroughCors() throws Exception {
        List<Filter> lists = List.of(new Filter("", ""));
        List<String> open = List.of(PHANTOM_STUDY);
        try (StaticSite site = new StaticSite()) {
            String root = serverOrigin() + "/dicom-web";
            assertTrue(!root.startsWith(site.origin()), "the viewer must be on another origin");
            JsonNode result = runViewer(site, root, "cross-origin", lists, open);
            assertViewerWorked(result, root, site, lists, open);
        }
    }

    /** A study list filter as put in OHIF's URL, and the QIDO-RS query parameters OHIF sends for it. */
    record Filter(String viewerQuery, String qidoQuery) {}

    private String serverOrigin() {
        return "http://localhost:" + dicomweb.getPort();
    }

    private JsonNode runViewer(StaticSite site, String root, String label, List<Filter> lists, List<String> open)
            throws Exception {
        String config = Files.readString(CONFIG, StandardCharsets.UTF_8).replace("__DICOMWEB_ROOT__", root);
        site.page("/app-config.js", "text/javascript; charset=utf-8", config.getBytes(StandardCharsets.UTF_8))
                .folder("/", DIST)
                .fallback(DIST.resolve("index.html"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("viewerUrl", site.origin());
        options.put("dicomwebRoot", root);
        options.put(
                "lists",
                lists.stream()
                        .map(f -> Map.of(
                                "query",
                                f.viewerQuery(),
                                "rows",
                                qido(f.qidoQuery()).size()))
                        .toList());
        options.put("open", open);
        options.put(
                "screenshotDir", Path.of("target", "interop").toAbsolutePath().toString());
        options.put("label", "ohif-" + label);
        options.put("timeoutMs", 45_000);
        options.put("studyTimeoutMs", 20_000);
        long started = System.nanoTime();
        NodeScript.Result run = NodeScript.run("ohif-viewer.mjs", options, SCRIPT_LIMIT);
        System.out.printf(
                "OHIF Viewer (%s): %d s%n",
                label, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertEquals(0, run.exitCode(), "OHIF Viewer (" + label + ") failed:\n" + run.describe(site.errors()));
        return run.json();
    }

    private static void assertViewerWorked(
            JsonNode result, String root, StaticSite site, List<Filter> lists, List<String> open) {
        List<JsonNode> requests = StreamSupport.stream(result.path("requests").spliterator(), false)
                .toList();
        for (int i = 0; i < lists.size(); i++) {
            Filter filter = lists.get(i);
            JsonNode shown = result.path("lists").path(i);
            List<Map<String, Object>> studies = qido(filter.qidoQuery());
            assertEquals(
                    rowsOf(studies),
                    shownRows(shown),
                    "the study list (" + filter.viewerQuery() + ") must show the studies QIDO-RS finds: " + shown);
            assertEquals(
                    "1-" + studies.size() + " of " + studies.size(),
                    shown.path("label").asText(),
                    "list label");
            for (String parameter : filter.qidoQuery().split("&")) {
                assertTrue(
                        requests.stream()
                                .anyMatch(r -> r.path("url").asText().startsWith(root + "/studies?")
                                        && r.path("url").asText().contains(parameter)
                                        && r.path("status").asInt() == 200),
                        "the study list (" + filter.viewerQuery() + ") was not asked for with " + parameter);
            }
        }
        List<String> blank = new ArrayList<>();
        for (JsonNode viewport : result.path("viewports")) {
            if (!viewport.path("error").isNull()) {
                blank.add(viewport.path("study").asText() + " ("
                        + viewport.path("error").asText() + ")");
            }
        }
        assertEquals(List.of(), blank, "studies the viewer did not draw: " + result.path("viewports"));
        assertEquals(open.size(), result.path("viewports").size(), "viewports: " + result.path("viewports"));
        for (String study : open) {
            String prefix = root + "/studies/" + study + "/series/";
            assertTrue(
                    requests.stream()
                            .anyMatch(r -> r.path("url").asText().startsWith(prefix)
                                    && r.path("url").asText().endsWith("/metadata")
                                    && r.path("status").asInt() == 200),
                    "no series metadata of study " + study + " was read");
        }
        assertTrue(site.errors().isEmpty(), "the test's web server failed: " + site.errors());
    }

    /** Each row as "patient name | number of instances", sorted: what identifies a study in OHIF's list. */
    private static List<String> shownRows(JsonNode list) {
        List<String> rows = new ArrayList<>();
        for (JsonNode cells : list.path("rows")) {
            rows.add(cells.path(0).asText() + " | " + cells.path(4).asText());
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> rowsOf(List<Map<String, Object>> studies) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> study : studies) {
            rows.add(displayedName(study) + " | " + value(study, "00201208"));
        }
        rows.sort(null);
        return rows;
    }

    /**
     * The patient name as OHIF's study list shows it (formatPN of @ohif/core): the alphabetic group, its first
     * '^' made ", ", the others spaces, trimmed.
     */
    private static String displayedName(Map<String, Object> study) {
        Object name = value(study, "00100010");
        String alphabetic = name instanceof Map<?, ?> groups && groups.get("Alphabetic") instanceof String s ? s : "";
        return alphabetic.replaceFirst("\\^", ", ").replace('^', ' ').trim();
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> result, String tag) {
        Map<String, Object> attribute = (Map<String, Object>) result.get(tag);
        List<Object> values = attribute == null ? null : (List<Object>) attribute.get("Value");
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** The studies QIDO-RS finds with these query parameters (as OHIF would send them), at most 101 as OHIF asks. */
    private static List<Map<String, Object>> qido(String query) {
        return given().urlEncodingEnabled(false)
                .accept(JSON)
                .get("/dicom-web/studies?limit=101" + (query.isEmpty() ? "" : "&" + query))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static List<String> studyUids(List<Map<String, Object>> studies) {
        return studies.stream().map(s -> (String) value(s, "0020000D")).toList();
    }

    /** The studies (in QIDO-RS order) with at least one instance that /rendered draws as a PNG. */
    private static List<String> renderableStudies() {
        List<String> studies = new ArrayList<>();
        for (String study : studyUids(qido(""))) {
            JsonPath instances = given().accept(JSON)
                    .get("/dicom-web/studies/" + study + "/instances")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> series = instances.getList("'0020000E'.Value[0]", String.class);
            List<String> sops = instances.getList("'00080018'.Value[0]", String.class);
            for (int i = 0; i < sops.size(); i++) {
                int status = given().accept("image/png")
                        .get("/dicom-web/studies/" + study + "/series/" + series.get(i) + "/instances/" + sops.get(i)
                                + "/rendered")
                        .statusCode();
                if (status == 200) {
                    studies.add(study);
                    break;
                }
            }
        }
        return studies;
    }
}
