package org.opendicomweb.interop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.Dcmtk;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Orthanc;

/**
 * Orthanc's DICOMweb client (plugin 1.7) against this server: Orthanc pushes a study with STOW-RS, searches with
 * QIDO-RS, reads metadata and retrieves studies back with WADO-RS. What comes back is checked against what was put
 * into Orthanc: the same bytes where Orthanc asks for {@code transfer-syntax=*} and the file is stored in a syntax
 * that may travel, else the same dataset per dcmtk.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class OrthancClientTest {
    private static final String SERVER = "opendicomweb";
    private static final String CLIENT = "/dicom-web/servers/" + SERVER;
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String PATIENT_ID = "ORTHANC-PEER";
    private static final String STUDY_DESCRIPTION = "Study sent by Orthanc";

    private static Orthanc orthanc;

    /** A file handed to Orthanc, and whether we send it back as stored when asked for any transfer syntax. */
    record Sample(String name, byte[] bytes, boolean sentAsStored) {}

    /** A sample as Orthanc indexed it. */
    record Stored(Sample sample, String orthancId, String study, String series, String instance) {}

    @BeforeEach
    void emptyPeers() throws Exception {
        if (orthanc == null) {
            orthanc = Orthanc.start(Map.of(SERVER, "http://127.0.0.1:" + RestAssured.port + "/dicom-web"));
        }
        orthanc.deleteAll();
        // pydicom's corpus has variants of one SOP Instance; leave no corpus file behind for other classes.
        IndexTables.clean();
    }

    @AfterEach
    void emptyIndex() throws Exception {
        IndexTables.clean();
    }

    @AfterAll
    static void stopOrthanc() {
        if (orthanc != null) {
            orthanc.close();
            orthanc = null;
        }
    }

    @Test
    void orthancStoresWithStowAndRetrievesTheStoredBytesWithAnyTransferSyntax() throws IOException {
        List<Stored> stored = upload(samples());
        stow(stored);
        for (Stored s : stored) {
            given().accept("application/dicom+json")
                    .queryParam("SOPInstanceUID", s.instance())
                    .when()
                    .get("/dicom-web/instances")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(1));
        }

        orthanc.deleteAll();
        assertEquals(List.of(), orthanc.instances());
        // Orthanc's default Accept for a retrieve: multipart/related; type="application/dicom"; transfer-syntax=*
        JsonNode job =
                orthanc.post(CLIENT + "/retrieve", resources(byStudy(stored).keySet()));
        assertEquals(stored.size(), job.get("ReceivedInstancesCount").asInt(), job.toString());
        assertEquals(stored.size(), orthanc.instances().size());
        for (Stored s : stored) {
            // Orthanc's IDs are hashes of the UIDs: the retrieved instance has the ID of the uploaded one.
            byte[] back = orthanc.file(s.orthancId());
            if (s.sample().sentAsStored()) {
                assertArrayEquals(s.sample().bytes(), back, s.sample().name() + ": not the stored bytes");
            } else {
                assertEquals(
                        EXPLICIT_LE,
                        orthanc.text("/instances/" + s.orthancId() + "/metadata/TransferSyntax"),
                        s.sample().name());
                assertSameDataset(s.sample(), back);
            }
        }
    }

    @Test
    void orthancRetrievesInExplicitLittleEndianWhenItAsksWithoutTransferSyntax() throws IOException {
        List<Stored> stored = upload(samples());
        stow(stored);
        orthanc.deleteAll();
        List<Stored> nativeOnly =
                stored.stream().filter(s -> !isCompressed(s.sample().name())).toList();
        // Series level for the generated study, instance level for the others.
        ObjectNode request = Orthanc.mapper().createObjectNode();
        ArrayNode resources = request.putArray("Resources");
        Set<String> seriesAsked = new TreeSet<>();
        for (Stored s : nativeOnly) {
            if (s.sample().name().startsWith("generated")) {
                if (seriesAsked.add(s.series())) {
                    resources.addObject().put("Study", s.study()).put("Series", s.series());
                }
            } else {
                resources
                        .addObject()
                        .put("Study", s.study())
                        .put("Series", s.series())
                        .put("Instance", s.instance());
            }
        }
        request.put("Synchronous", true);
        request.putObject("HttpHeaders").put("Accept", "multipart/related; type=\"application/dicom\"");
        JsonNode job = orthanc.post(CLIENT + "/retrieve", request);
        assertEquals(nativeOnly.size(), job.get("ReceivedInstancesCount").asInt(), job.toString());
        for (Stored s : nativeOnly) {
            assertEquals(
                    EXPLICIT_LE,
                    orthanc.text("/instances/" + s.orthancId() + "/metadata/TransferSyntax"),
                    s.sample().name());
            assertSameDataset(s.sample(), orthanc.file(s.orthancId()));
        }
    }

    @Test
    void orthancFindsStudiesSeriesAndInstancesWithQido() throws IOException {
        List<Stored> stored = upload(samples());
        stow(stored);
        Stored generated = stored.get(0);

        // The test profile caps results at 6: Orthanc pages with limit and offset.
        Set<String> all = values(qido("/studies", Map.of("limit", "6")), "0020000D");
        all.addAll(values(qido("/studies", Map.of("limit", "6", "offset", "6")), "0020000D"));
        assertEquals(new TreeSet<>(byStudy(stored).keySet()), all);

        JsonNode studies = qido("/studies", Map.of("PatientID", PATIENT_ID, "includefield", "StudyDescription"));
        assertEquals(1, studies.size(), studies.toString());
        assertEquals(generated.study(), value(studies.get(0), "0020000D"));
        assertEquals(STUDY_DESCRIPTION, value(studies.get(0), "00081030"), "StudyDescription by includefield");
        // Orthanc's QIDO client drops values sent as JSON numbers (IS, as Annex F has them), also from itself:
        // the count is read from the raw answer.
        ObjectNode raw = Orthanc.mapper().createObjectNode().put("Uri", "/studies");
        raw.putObject("Arguments").put("PatientID", PATIENT_ID);
        JsonNode rawStudies = orthanc.post(CLIENT + "/get", raw);
        assertEquals(
                4, rawStudies.path(0).path("00201208").path("Value").path(0).asInt(), "NumberOfStudyRelatedInstances");
        assertEquals(
                "http://127.0.0.1:" + RestAssured.port + "/dicom-web/studies/" + generated.study(),
                value(studies.get(0), "00081190"));

        List<Stored> ofStudy = byStudy(stored).get(generated.study());
        JsonNode series = qido("/studies/" + generated.study() + "/series", Map.of());
        assertEquals(
                ofStudy.stream().map(Stored::series).collect(Collectors.toCollection(TreeSet::new)),
                values(series, "0020000E"));
        JsonNode instances =
                qido("/studies/" + generated.study() + "/series/" + generated.series() + "/instances", Map.of());
        assertEquals(
                ofStudy.stream()
                        .filter(s -> s.series().equals(generated.series()))
                        .map(Stored::instance)
                        .collect(Collectors.toCollection(TreeSet::new)),
                values(instances, "00080018"));

        Stored ct = stored.stream()
                .filter(s -> s.sample().name().equals("CT_small.dcm"))
                .findFirst()
                .orElseThrow();
        JsonNode found = qido("/instances", Map.of("SOPInstanceUID", ct.instance()));
        assertEquals(Set.of(ct.instance()), values(found, "00080018"));
        assertEquals(ct.study(), value(found.get(0), "0020000D"));
    }

    @Test
    void orthancReadsMetadataThatAgreesWithItsOwnParseOfTheFiles() throws IOException {
        List<Stored> stored = upload(samples());
        stow(stored);
        for (Map.Entry<String, List<Stored>> study : byStudy(stored).entrySet()) {
            ObjectNode get = Orthanc.mapper().createObjectNode().put("Uri", "/studies/" + study.getKey() + "/metadata");
            JsonNode metadata = orthanc.post(CLIENT + "/get", get);
            assertEquals(study.getValue().size(), metadata.size(), study.getKey());
            for (Stored s : study.getValue()) {
                JsonNode ours = null;
                for (JsonNode instance : metadata) {
                    if (s.instance()
                            .equals(instance.path("00080018")
                                    .path("Value")
                                    .path(0)
                                    .asText())) {
                        ours = instance;
                    }
                }
                assertTrue(ours != null, s.sample().name() + " missing from the study metadata");
                List<String> differences = new ArrayList<>();
                compare("", orthanc.getJson("/instances/" + s.orthancId() + "/tags?short"), ours, differences);
                assertEquals(List.of(), differences, s.sample().name());
            }
        }
    }

    // ---- data ----

    /** A generated study of two series in four encodings, then files of pydicom's corpus in their own studies. */
    private static List<Sample> samples() throws IOException {
        String study = Uids.generate();
        String seriesA = Uids.generate();
        String seriesB = Uids.generate();
        List<Sample> samples = new ArrayList<>();
        samples.add(generated("explicit LE", DicomFiles.ctImage().series(seriesA, 1), study, 1, true));
        samples.add(generated(
                "implicit LE", DicomFiles.ctImage().series(seriesA, 1).implicitLittleEndian(), study, 2, false));
        samples.add(generated(
                "big endian", DicomFiles.multiFrame(3).series(seriesB, 2).explicitBigEndian(), study, 1, false));
        samples.add(generated(
                "deflated", DicomFiles.multiFrame(2).series(seriesB, 2).deflated(), study, 2, true));
        for (String name : List.of(
                "CT_small.dcm",
                "JPEG2000.dcm",
                "SC_rgb_rle.dcm",
                "MR_small_bigendian.dcm",
                "rtplan.dcm",
                "image_dfl.dcm",
                "waveform_ecg.dcm")) {
            boolean transcoded = name.equals("MR_small_bigendian.dcm") || name.equals("rtplan.dcm");
            samples.add(new Sample(name, Files.readAllBytes(CORPUS.resolve(name)), !transcoded));
        }
        return samples;
    }

    private static Sample generated(String name, DicomFiles.Builder b, String study, int number, boolean sentAsStored) {
        byte[] bytes = b.patient("Peer^Orthanc", PATIENT_ID)
                .studyUid(study)
                .studyDescription(STUDY_DESCRIPTION)
                .instance(Uids.generate(), number)
                .toBytes();
        return new Sample("generated " + name, bytes, sentAsStored);
    }

    private static boolean isCompressed(String name) {
        return name.equals("JPEG2000.dcm") || name.equals("SC_rgb_rle.dcm");
    }

    // ---- Orthanc ----

    /** Stores the samples in Orthanc, checking that Orthanc keeps them as given. */
    private static List<Stored> upload(List<Sample> samples) {
        List<Stored> stored = new ArrayList<>();
        for (Sample sample : samples) {
            String id = orthanc.store(sample.bytes());
            assertArrayEquals(sample.bytes(), orthanc.file(id), sample.name() + " changed by Orthanc");
            JsonNode tags = orthanc.getJson("/instances/" + id + "/simplified-tags");
            stored.add(new Stored(
                    sample,
                    id,
                    tags.get("StudyInstanceUID").asText(),
                    tags.get("SeriesInstanceUID").asText(),
                    tags.get("SOPInstanceUID").asText()));
        }
        return stored;
    }

    /** Orthanc sends every stored instance to us in one STOW-RS request; it fails unless all were stored. */
    private static void stow(List<Stored> stored) {
        ObjectNode request = Orthanc.mapper().createObjectNode();
        ArrayNode ids = request.putArray("Resources");
        stored.forEach(s -> ids.add(s.orthancId()));
        request.put("Synchronous", true);
        JsonNode job = orthanc.post(CLIENT + "/stow", request);
        assertEquals(stored.size(), job.get("InstancesCount").asInt(), job.toString());
    }

    private static JsonNode qido(String uri, Map<String, String> arguments) {
        ObjectNode request = Orthanc.mapper().createObjectNode().put("Uri", uri);
        ObjectNode args = request.putObject("Arguments");
        arguments.forEach(args::put);
        return orthanc.post(CLIENT + "/qido", request);
    }

    /** A retrieve request for whole studies, one WADO-RS request each. */
    private static ObjectNode resources(Set<String> studies) {
        ObjectNode request = Orthanc.mapper().createObjectNode();
        ArrayNode resources = request.putArray("Resources");
        studies.forEach(study -> resources.addObject().put("Study", study));
        request.put("Synchronous", true);
        return request;
    }

    /** Orthanc gives QIDO results with one string "Value" per attribute. */
    private static String value(JsonNode result, String tag) {
        return result.path(tag).path("Value").asText();
    }

    private static Set<String> values(JsonNode results, String tag) {
        Set<String> out = new TreeSet<>();
        results.forEach(r -> out.add(value(r, tag)));
        return out;
    }

    private static Map<String, List<Stored>> byStudy(List<Stored> stored) {
        Map<String, List<Stored>> studies = new LinkedHashMap<>();
        stored.forEach(
                s -> studies.computeIfAbsent(s.study(), k -> new ArrayList<>()).add(s));
        return studies;
    }

    // ---- comparisons ----

    /** dcmtk reads the same dataset from both files (the file meta information aside). */
    private static void assertSameDataset(Sample sample, byte[] received) throws IOException {
        Path original = Files.createTempFile("orthanc-original", ".dcm");
        Path back = Files.createTempFile("orthanc-received", ".dcm");
        try {
            Files.write(original, sample.bytes());
            Files.write(back, received);
            Dcmtk.Result expected = Dcmtk.dcm2json(original);
            Dcmtk.Result actual = Dcmtk.dcm2json(back);
            assertEquals(0, expected.exitCode(), sample.name() + ": dcm2json of the original " + expected.problems());
            assertEquals(Set.of(), actual.problems(), sample.name());
            assertEquals(0, actual.exitCode(), sample.name());
            assertEquals(expected.stdout(), actual.stdout(), sample.name() + ": another dataset came back");
        } finally {
            Files.deleteIfExists(original);
            Files.deleteIfExists(back);
        }
    }

    /**
     * Compares Orthanc's "short" tags of an instance (tag to string, values joined by backslashes, sequences as
     * arrays, binary as null) with our DICOM JSON of it. Numbers are compared as numbers: the two format them
     * differently.
     */
    private static void compare(String path, JsonNode orthancTags, JsonNode ours, List<String> differences) {
        for (Iterator<Map.Entry<String, JsonNode>> it = orthancTags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String tag = e.getKey().replace(",", "").toUpperCase();
            String where = path + tag;
            JsonNode theirs = e.getValue();
            JsonNode attribute = ours.get(tag);
            if (attribute == null) {
                differences.add(where + " missing");
                continue;
            }
            String vr = attribute.path("vr").asText();
            JsonNode value = attribute.path("Value");
            if (theirs.isArray()) {
                if (theirs.size() != value.size()) {
                    differences.add(where + " has " + value.size() + " items, Orthanc " + theirs.size());
                    continue;
                }
                for (int i = 0; i < theirs.size(); i++) {
                    compare(where + "[" + i + "].", theirs.get(i), value.get(i), differences);
                }
            } else if (theirs.isTextual()) {
                String expected = theirs.asText();
                List<String> ourValues = new ArrayList<>();
                for (JsonNode v : value) {
                    ourValues.add(v.isObject() ? v.path("Alphabetic").asText() : v.asText());
                }
                if (vr.equals("AT")) {
                    // Orthanc writes attribute tags as "gggg,eeee", Annex F as "ggggeeee"; and it shows only the
                    // first of several (dcmdump shows both values of JPEG2000.dcm's Frame Increment Pointer).
                    expected = expected.replace(",", "").toUpperCase();
                    ourValues = ourValues.subList(0, Math.min(1, ourValues.size()));
                }
                if (!sameValues(vr, expected, ourValues)) {
                    differences.add(
                            where + " " + vr + " '" + String.join("\\", ourValues) + "', Orthanc '" + expected + "'");
                }
            }
        }
    }

    private static boolean sameValues(String vr, String orthancValue, List<String> ours) {
        if (String.join("\\", ours).equals(orthancValue)) {
            return true;
        }
        String[] theirs = orthancValue.split("\\\\", -1);
        if (theirs.length != ours.size() || !Set.of("DS", "FL", "FD", "IS").contains(vr)) {
            return false;
        }
        for (int i = 0; i < theirs.length; i++) {
            double a = Double.parseDouble(theirs[i].strip());
            double b = Double.parseDouble(ours.get(i));
            boolean same =
                    vr.equals("FL") ? (float) a == (float) b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
