package org.opendicomweb.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * dicomweb-client (npm {@code dicomweb-client}, the browser build, unmodified) in headless Chromium, on another
 * origin than the server: it stores files with STOW-RS, searches them with QIDO-RS and reads them back with
 * WADO-RS, and every answer is checked against the files it stored. The server's CORS answers are part of what is
 * tested: the STOW-RS request is preflighted, and the client reads the multipart answers' headers.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class DicomwebClientTest {
    private static final Path CORPUS_MR =
            Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm");
    private static final String MR_STUDY = "1.3.6.1.4.1.5962.1.2.4.20040826185059.5457";
    private static final String MR_SERIES = "1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457";
    private static final String MR_INSTANCE = "1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457";
    private static final String STUDY = "2.25.63912775200815322306123349871260913";
    private static final String CT_SERIES = STUDY + ".1";
    private static final String MF_SERIES = STUDY + ".2";
    private static final String MF_INSTANCE = MF_SERIES + ".1";
    private static final String PAGE =
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>dicomweb-client</title>"
                    + "<script src=\"/dicomweb-client.js\"></script></head><body></body></html>";

    @TestHTTPResource("/dicom-web")
    URL dicomweb;

    private final List<DicomFiles.Builder> ct = new ArrayList<>();
    private DicomFiles.Builder multiFrame;

    @BeforeEach
    void emptyTheIndex() throws Exception {
        NodeScript.requireBrowser();
        RequiredTools.require(Tool.PYDICOM_FILES);
        IndexTables.clean();
        for (int i = 1; i <= 3; i++) {
            ct.add(DicomFiles.ctImage()
                    .patient("Client^Interop", "CLIENT-1")
                    .study(STUDY, LocalDate.of(2026, 11, 23))
                    .studyDescription("dicomweb-client study")
                    .series(CT_SERIES, 1)
                    .instance(CT_SERIES + "." + i, i)
                    .size(64, 64));
        }
        multiFrame = DicomFiles.multiFrame(3)
                .patient("Client^Interop", "CLIENT-1")
                .study(STUDY, LocalDate.of(2026, 11, 23))
                .studyDescription("dicomweb-client study")
                .series(MF_SERIES, 2)
                .instance(MF_INSTANCE, 1)
                .size(32, 32);
    }

    @Test
    void dicomwebClientStoresSearchesAndRetrieves() throws Exception {
        try (StaticSite site = new StaticSite()) {
            site.page("/client.html", "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8))
                    .page(
                            "/dicomweb-client.js",
                            "text/javascript; charset=utf-8",
                            Files.readAllBytes(
                                    NodeScript.NODE_MODULES.resolve("dicomweb-client/build/dicomweb-client.js")));
            List<String> files = new ArrayList<>();
            for (int i = 0; i < ct.size(); i++) {
                site.page(
                        "/files/ct-" + (i + 1) + ".dcm",
                        "application/dicom",
                        ct.get(i).toBytes());
                files.add("/files/ct-" + (i + 1) + ".dcm");
            }
            site.page("/files/mf.dcm", "application/dicom", multiFrame.toBytes());
            files.add("/files/mf.dcm");
            site.page("/files/mr.dcm", "application/dicom", Files.readAllBytes(CORPUS_MR));
            files.add("/files/mr.dcm");

            String root = "http://localhost:" + dicomweb.getPort() + "/dicom-web";
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("pageUrl", site.origin() + "/client.html");
            options.put("dicomwebRoot", root);
            options.put("timeoutMs", 60_000);
            options.put("calls", calls(files));
            NodeScript.Result run = NodeScript.run("dicomweb-client.mjs", options, Duration.ofSeconds(120));
            assertEquals(0, run.exitCode(), "dicomweb-client failed:\n" + run.describe(site.errors()));

            Map<String, JsonNode> results = new LinkedHashMap<>();
            run.json().path("calls").forEach(c -> results.put(c.path("name").asText(), c.path("result")));
            checkStore(results.get("store"));
            checkSearches(results);
            checkMetadata(results);
            checkRetrieves(results);
        }
    }

    private List<Map<String, Object>> calls(List<String> files) {
        Map<String, Object> ctInstance = Map.of(
                "studyInstanceUID",
                STUDY,
                "seriesInstanceUID",
                CT_SERIES,
                "sopInstanceUID",
                ct.get(0).sopInstanceUid());
        return List.of(
                call("store", "storeInstances", Map.of("datasets", Map.of("$files", files))),
                call(
                        "studiesByName",
                        "searchForStudies",
                        Map.of("queryParams", Map.of("PatientName", "client*", "includefield", "StudyDescription"))),
                call("studiesPage1", "searchForStudies", Map.of("queryParams", Map.of("limit", 1, "offset", 0))),
                call("studiesPage2", "searchForStudies", Map.of("queryParams", Map.of("limit", 1, "offset", 1))),
                call(
                        "series",
                        "searchForSeries",
                        Map.of(
                                "studyInstanceUID",
                                STUDY,
                                "queryParams",
                                Map.of("Modality", "CT", "includefield", "00080070"))),
                call(
                        "instances",
                        "searchForInstances",
                        Map.of(
                                "studyInstanceUID",
                                STUDY,
                                "seriesInstanceUID",
                                CT_SERIES,
                                "queryParams",
                                Map.of("limit", 2, "offset", 1, "includefield", "ImagePositionPatient"))),
                call("studyMetadata", "retrieveStudyMetadata", Map.of("studyInstanceUID", STUDY)),
                call(
                        "seriesMetadata",
                        "retrieveSeriesMetadata",
                        Map.of("studyInstanceUID", MR_STUDY, "seriesInstanceUID", MR_SERIES)),
                call("instanceMetadata", "retrieveInstanceMetadata", ctInstance),
                call("instance", "retrieveInstance", ctInstance),
                call(
                        "frames",
                        "retrieveInstanceFrames",
                        Map.of(
                                "studyInstanceUID",
                                STUDY,
                                "seriesInstanceUID",
                                MF_SERIES,
                                "sopInstanceUID",
                                MF_INSTANCE,
                                "frameNumbers",
                                List.of(1, 3))),
                call(
                        "bulkData",
                        "retrieveBulkData",
                        Map.of(
                                "BulkDataURI",
                                Map.of("$ref", "seriesMetadata", "path", List.of(0, "7FE00010", "BulkDataURI")))),
                call(
                        "bulkDataRange",
                        "retrieveBulkData",
                        Map.of(
                                "BulkDataURI",
                                Map.of("$ref", "seriesMetadata", "path", List.of(0, "7FE00010", "BulkDataURI")),
                                "byteRange",
                                List.of(10, 109))),
                call(
                        "rendered",
                        "retrieveInstanceRendered",
                        Map.of(
                                "studyInstanceUID",
                                STUDY,
                                "seriesInstanceUID",
                                CT_SERIES,
                                "sopInstanceUID",
                                ct.get(0).sopInstanceUid(),
                                "mediaTypes",
                                List.of(Map.of("mediaType", "image/png")))),
                call(
                        "renderedSmall",
                        "retrieveInstanceRendered",
                        Map.of(
                                "studyInstanceUID",
                                STUDY,
                                "seriesInstanceUID",
                                CT_SERIES,
                                "sopInstanceUID",
                                ct.get(0).sopInstanceUid(),
                                "queryParams",
                                Map.of("viewport", "16,16"))));
    }

    private static Map<String, Object> call(String name, String method, Map<String, Object> options) {
        return Map.of("name", name, "method", method, "options", options);
    }

    private void checkStore(JsonNode response) {
        Set<String> stored = new HashSet<>();
        response.path("00081199").path("Value").forEach(item -> stored.add(string(item, "00081155")));
        Set<String> expected = new HashSet<>();
        ct.forEach(b -> expected.add(b.sopInstanceUid()));
        expected.add(MF_INSTANCE);
        expected.add(MR_INSTANCE);
        assertEquals(expected, stored, "ReferencedSOPSequence of the STOW-RS answer: " + response);
        assertTrue(response.path("00081198").isMissingNode(), "FailedSOPSequence: " + response);
    }

    private void checkSearches(Map<String, JsonNode> results) {
        JsonNode byName = results.get("studiesByName");
        assertEquals(1, byName.size(), "PatientName=client* " + byName);
        assertEquals(STUDY, string(byName.get(0), "0020000D"));
        assertEquals("dicomweb-client study", string(byName.get(0), "00081030"));
        assertEquals("4", string(byName.get(0), "00201208"), "NumberOfStudyRelatedInstances");

        JsonNode page1 = results.get("studiesPage1");
        JsonNode page2 = results.get("studiesPage2");
        assertEquals(1, page1.size(), "limit=1 " + page1);
        assertEquals(1, page2.size(), "limit=1&offset=1 " + page2);
        assertEquals(
                Set.of(STUDY, MR_STUDY),
                Set.of(string(page1.get(0), "0020000D"), string(page2.get(0), "0020000D")),
                "two pages of one study each cover both studies");

        JsonNode series = results.get("series");
        assertEquals(1, series.size(), "Modality=CT " + series);
        assertEquals(CT_SERIES, string(series.get(0), "0020000E"));
        assertEquals("OpenDICOMweb tests", string(series.get(0), "00080070"), "includefield=00080070 (Manufacturer)");

        JsonNode instances = results.get("instances");
        assertEquals(2, instances.size(), "limit=2&offset=1 of 3 instances: " + instances);
        for (int i = 0; i < 2; i++) {
            assertEquals(ct.get(i + 1).sopInstanceUid(), string(instances.get(i), "00080018"));
            assertEquals(
                    -(i + 2),
                    instances.get(i).path("00200032").path("Value").get(2).asDouble(),
                    "includefield=ImagePositionPatient");
        }
    }

    private void checkMetadata(Map<String, JsonNode> results) {
        Set<String> uids = new HashSet<>();
        results.get("studyMetadata").forEach(instance -> uids.add(string(instance, "00080018")));
        Set<String> expected = new HashSet<>();
        ct.forEach(b -> expected.add(b.sopInstanceUid()));
        expected.add(MF_INSTANCE);
        assertEquals(expected, uids, "SOP Instance UIDs of the study metadata");

        JsonNode mr = results.get("seriesMetadata");
        assertEquals(1, mr.size());
        assertEquals(MR_INSTANCE, string(mr.get(0), "00080018"));
        assertTrue(
                mr.get(0)
                        .path("7FE00010")
                        .path("BulkDataURI")
                        .asText()
                        .startsWith("http://localhost:" + dicomweb.getPort()),
                "PixelData as an absolute BulkDataURI: " + mr.get(0).path("7FE00010"));

        JsonNode instance = results.get("instanceMetadata");
        assertEquals(1, instance.size());
        assertEquals(ct.get(0).sopInstanceUid(), string(instance.get(0), "00080018"));
        assertEquals(64, instance.get(0).path("00280010").path("Value").get(0).asInt(), "Rows");
    }

    private void checkRetrieves(Map<String, JsonNode> results) throws Exception {
        assertArrayEquals(
                ct.get(0).toBytes(),
                bytes(results.get("instance")),
                "retrieveInstance gives the stored Explicit VR Little Endian file as it is");

        JsonNode frames = results.get("frames");
        assertEquals(2, frames.size(), "frames 1 and 3");
        assertArrayEquals(expectedFrame(0, 32, 32), bytes(frames.get(0)), "frame 1");
        assertArrayEquals(expectedFrame(2, 32, 32), bytes(frames.get(1)), "frame 3");

        JsonNode bulk = results.get("bulkData");
        assertEquals(1, bulk.size(), "one part");
        byte[] mrPixels = pydicomPixelData(CORPUS_MR);
        assertArrayEquals(mrPixels, bytes(bulk.get(0)), "PixelData of MR_small.dcm, as pydicom reads it");
        JsonNode range = results.get("bulkDataRange");
        assertEquals(1, range.size(), "one part for one byte range");
        assertArrayEquals(Arrays.copyOfRange(mrPixels, 10, 110), bytes(range.get(0)), "bytes 10-109 of the PixelData");

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(bytes(onlyImage(results.get("rendered")))));
        assertNotNull(png, "retrieveInstanceRendered with image/png gives a PNG");
        assertEquals(64, png.getWidth(), "rendered width: the CT's Columns");
        assertEquals(64, png.getHeight(), "rendered height: the CT's Rows");
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(bytes(onlyImage(results.get("renderedSmall")))));
        assertNotNull(jpeg, "retrieveInstanceRendered without a media type gives the default JPEG");
        assertEquals(16, Math.max(jpeg.getWidth(), jpeg.getHeight()), "viewport=16,16 fits the image into 16 pixels");
    }

    /** dicomweb-client hands back a rendered image as the only element of a list. */
    private static JsonNode onlyImage(JsonNode result) {
        assertTrue(result.isArray() && result.size() == 1, "one image expected: " + result);
        return result.get(0);
    }

    /** The little endian bytes of one frame of the builder's default pattern (16 bits allocated, 12 stored). */
    private static byte[] expectedFrame(int frame, int rows, int columns) {
        ByteBuffer b = ByteBuffer.allocate(rows * columns * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                b.putShort((short) DicomFiles.expectedPixel(frame, r, c, 12));
            }
        }
        return b.array();
    }

    private static byte[] pydicomPixelData(Path file) throws Exception {
        Path script = Path.of("src/test/resources/wado/pydicom_frames.py").toAbsolutePath();
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, p.waitFor(), out);
        return Base64.getDecoder().decode(out.strip());
    }

    private static byte[] bytes(JsonNode encoded) {
        assertTrue(encoded.has("$bytes"), "binary result expected: " + encoded);
        byte[] b = Base64.getDecoder().decode(encoded.path("$bytes").asText());
        assertEquals(encoded.path("length").asInt(), b.length);
        return b;
    }

    private static String string(JsonNode dataset, String tag) {
        JsonNode v = dataset.path(tag).path("Value");
        return v.isArray() && !v.isEmpty() ? v.get(0).asText() : null;
    }
}
