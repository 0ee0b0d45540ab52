package org.opendicomweb.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * The OHIF Viewer 3 (the prebuilt application of npm {@code @ohif/app}, unmodified, with its DICOMweb data source
 * pointed at this server) in headless Chromium: the study list shows the stored studies, and each study opened
 * in the viewer shows an image. Every request the viewer makes to the server must succeed.
 *
 * <p>Run twice: with the viewer and the API on one origin (a reverse proxy in front of both, the usual
 * deployment), and with the viewer on another origin calling the server directly, which only works through the
 * server's CORS answers.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OhifViewerTest {
    private static final Path DIST = NodeScript.NODE_MODULES.resolve("@ohif/app/dist");
    private static final Path CONFIG = NodeScript.FOLDER.resolve("ohif-app-config.js");
    private static final Path CORPUS_CT = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
    private static final String CORPUS_CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private static final String PHANTOM_STUDY = "2.25.311462702361092017462313547062311";
    /** A multi-frame image in Encapsulated Uncompressed Explicit VR Little Endian, which OHIF cannot decode itself. */
    private static final String ENCAPSULATED_STUDY = "2.25.311462702361092017462313547062312";
    /** A multi-frame image in Deflated Explicit VR Little Endian: its frames come from an inflated copy. */
    private static final String DEFLATED_STUDY = "2.25.311462702361092017462313547062313";
    private static final List<String> OPENED = List.of(PHANTOM_STUDY, CORPUS_CT_STUDY, ENCAPSULATED_STUDY, DEFLATED_STUDY);
    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(150);

    @TestHTTPResource("/dicom-web")
    URL dicomweb;

    @BeforeEach
    void storeStudies() throws Exception {
        NodeScript.requireBrowser();
        assertTrue(Files.isRegularFile(DIST.resolve("index.html")), "OHIF Viewer is not installed in " + DIST
                + ": the build installs it (node install.mjs in src/test/interop)");
        RequiredTools.require(Tool.PYDICOM_FILES);
        IndexTables.clean();
        List<byte[]> files = new ArrayList<>();
        for (DicomFiles.Builder b : CtPhantom.series("Phantom^Interop", "PHANTOM-1", PHANTOM_STUDY, PHANTOM_STUDY + ".1", 6, 256)) {
            files.add(b.toBytes());
        }
        files.add(Files.readAllBytes(CORPUS_CT));
        files.add(CtPhantom.multiFrame("Phantom^Encapsulated", "PHANTOM-2", ENCAPSULATED_STUDY, 2, 256)
                .encapsulatedUncompressed().toBytes());
        files.add(CtPhantom.multiFrame("Phantom^Deflated", "PHANTOM-3", DEFLATED_STUDY, 2, 256).deflated().toBytes());
        Stow.store(files);
    }

    @Test
    void viewerOnTheServersOriginShowsTheStudiesAndTheirImages() throws Exception {
        try (StaticSite site = new StaticSite()) {
            String root = site.origin() + "/dicom-web";
            site.proxy("/dicom-web", URI.create(serverOrigin()));
            JsonNode result = runViewer(site, root, "same-origin");
            assertViewerWorked(result, root, site);
        }
    }

    @Test
    void viewerOnAnotherOriginReachesTheServerThroughCors() throws Exception {
        try (StaticSite site = new StaticSite()) {
            String root = serverOrigin() + "/dicom-web";
            assertTrue(!root.startsWith(site.origin()), "the viewer must be on another origin");
            JsonNode result = runViewer(site, root, "cross-origin");
            assertViewerWorked(result, root, site);
        }
    }

    private String serverOrigin() {
        return "http://localhost:" + dicomweb.getPort();
    }

    private JsonNode runViewer(StaticSite site, String root, String label) throws Exception {
        String config = Files.readString(CONFIG, StandardCharsets.UTF_8).replace("__DICOMWEB_ROOT__", root);
        site.page("/app-config.js", "text/javascript; charset=utf-8", config.getBytes(StandardCharsets.UTF_8))
                .folder("/", DIST)
                .fallback(DIST.resolve("index.html"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("viewerUrl", site.origin());
        options.put("dicomwebRoot", root);
        options.put("patients", List.of("Phantom, Interop", "CompressedSamples, CT1", "Phantom, Encapsulated",
                "Phantom, Deflated"));
        options.put("filters", List.of(Map.of("query", "patientName=phan", "shows", List.of("Phantom, Interop", "Phantom, Encapsulated",
                "Phantom, Deflated"),
                "hides", List.of("CompressedSamples, CT1"))));
        options.put("open", OPENED);
        options.put("screenshotDir", Path.of("target", "interop").toAbsolutePath().toString());
        options.put("label", "ohif-" + label);
        options.put("timeoutMs", 45_000);
        NodeScript.Result run = NodeScript.run("ohif-viewer.mjs", options, SCRIPT_LIMIT);
        assertEquals(0, run.exitCode(), "OHIF Viewer (" + label + ") failed:\n" + run.describe(site.errors()));
        return run.json();
    }

    private static void assertViewerWorked(JsonNode result, String root, StaticSite site) {
        List<JsonNode> requests = StreamSupport.stream(result.path("requests").spliterator(), false).toList();
        for (String study : OPENED) {
            String prefix = root + "/studies/" + study + "/series/";
            assertTrue(requests.stream().anyMatch(r -> r.path("url").asText().startsWith(prefix)
                    && r.path("url").asText().endsWith("/metadata") && r.path("status").asInt() == 200),
                    "no series metadata of study " + study + " was read: " + requests);
            assertTrue(requests.stream().anyMatch(r -> r.path("url").asText().startsWith(prefix)
                    && r.path("url").asText().contains("/frames/") && r.path("status").asInt() == 200),
                    "no frame of study " + study + " was read: " + requests);
        }
        assertTrue(requests.stream().anyMatch(r -> r.path("url").asText().startsWith(root + "/studies?")
                && r.path("url").asText().contains("PatientName=*phan*") && r.path("status").asInt() == 200),
                "the study list filter was not sent as PatientName=*phan*: " + requests);
        for (JsonNode viewport : result.path("viewports")) {
            JsonNode canvas = viewport.path("canvas").path("best");
            assertTrue(canvas.path("lit").asLong() >= canvas.path("pixels").asLong() / 100,
                    "the viewport of study " + viewport.path("study").asText() + " stayed blank: " + viewport);
        }
        assertEquals(OPENED.size(), result.path("viewports").size(), "viewports: " + result.path("viewports"));
        assertTrue(site.errors().isEmpty(), "the test's web server failed: " + site.errors());
    }
}
