package org.opendicomweb.stow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.xml.XmlReader;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.multipart.MultipartReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The metadata-and-bulk-data form of STOW-RS over HTTP. The metadata comes from independent producers, as a
 * client would send it: DICOM JSON from pydicom, Native DICOM Model XML from dcmtk's dcm2xml. What the server
 * then serves back must be, element by element as pydicom reads it, the file the metadata was made from.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowMetadataBulkDataTest {
    private static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String BOUNDARY = "metadata-bulk-boundary";
    static final String JSON_REQUEST = "multipart/related; type=\"application/dicom+json\"; boundary=" + BOUNDARY;
    static final String XML_REQUEST = "multipart/related; type=\"application/dicom+xml\"; boundary=" + BOUNDARY;
    private static final String OCTETS = "application/octet-stream";

    private static final List<String> JSON_FILES = List.of(
            "test_files/CT_small.dcm",
            "test_files/MR_small.dcm",
            "test_files/MR_small_padded.dcm",
            "test_files/SC_rgb_small_odd.dcm",
            "test_files/liver_1frame.dcm",
            "test_files/reportsi.dcm",
            "test_files/test-SR.dcm",
            "test_files/waveform_ecg.dcm",
            "test_files/rtdose.dcm",
            "test_files/rtplan.dcm",
            "charset_files/chrH31.dcm",
            "charset_files/chrJapMulti.dcm",
            "charset_files/chrKoreanMulti.dcm",
            "charset_files/chrX1.dcm",
            "charset_files/chrArab.dcm",
            "charset_files/chrRuss.dcm");
    private static final List<String> XML_FILES = List.of(
            "test_files/CT_small.dcm",
            "test_files/MR_small.dcm",
            "test_files/rtdose.dcm",
            "test_files/rtplan.dcm",
            "test_files/test-SR.dcm",
            "test_files/SC_rgb_small_odd.dcm",
            "charset_files/chrRuss.dcm",
            "charset_files/chrGerm.dcm");

    /** One part of a request body. */
    record Part(Map<String, String> headers, byte[] body) {
        static Part of(String contentType, byte[] body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", contentType);
            return new Part(headers, body);
        }

        Part with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Part(h, body);
        }
    }

    static byte[] body(List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\n");
            p.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p.body());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static ValidatableResponse post(String contentType, List<Part> parts) {
        return given().contentType(contentType)
                .accept("application/dicom+json")
                .body(body(parts))
                .when()
                .post("/dicom-web/studies")
                .then();
    }

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        // pydicom's corpus stores variants of one instance under one SOP Instance UID.
        IndexTables.clean();
    }

    // ---- round trips from real files ----

    @TestFactory
    Stream<DynamicTest> jsonMetadataWithBulkDataIsStoredAsTheOriginalDataset() {
        RequiredTools.require(Tool.PYDICOM, Tool.PYDICOM_FILES);
        return JSON_FILES.stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    IndexTables.clean();
                    Path original = DATA.resolve(name);
                    Path dir = Files.createTempDirectory("stow-json");
                    JsonNode made = pydicomJson(64, dir, original);
                    List<Part> parts = new ArrayList<>();
                    parts.add(Part.of(
                            "application/dicom+json",
                            Files.readAllBytes(Path.of(made.get("metadata").asText()))));
                    for (JsonNode bulk : made.get("bulk")) {
                        parts.add(Part.of(
                                        OCTETS,
                                        Files.readAllBytes(
                                                Path.of(bulk.get("file").asText())))
                                .with("Content-Location", bulk.get("uri").asText()));
                    }
                    if (name.hashCode() % 2 == 0) {
                        parts.add(parts.remove(0)); // bulk data first, metadata last: both orders are allowed
                    }
                    post(JSON_REQUEST, parts).statusCode(200).body("'00081199'.Value", hasSize(1));
                    assertSameDataset(original);
                }));
    }

    @TestFactory
    Stream<DynamicTest> xmlMetadataWithBulkDataIsStoredAsTheOriginalDataset() {
        RequiredTools.require(Tool.DCMTK, Tool.PYDICOM, Tool.PYDICOM_FILES);
        return XML_FILES.stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    IndexTables.clean();
                    Path original = DATA.resolve(name);
                    List<Part> parts = xmlRequest(original, 1024);
                    post(XML_REQUEST, parts).statusCode(200).body("'00081199'.Value", hasSize(1));
                    assertSameDataset(original);
                }));
    }

    @Test
    void inlineBinaryAloneIsEnough() throws Exception {
        RequiredTools.require(Tool.PYDICOM, Tool.PYDICOM_FILES);
        Path original = DATA.resolve("test_files/CT_small.dcm");
        JsonNode made = pydicomJson(-1, Files.createTempDirectory("stow-json"), original);
        assertEquals(0, made.get("bulk").size());
        post(
                        JSON_REQUEST,
                        List.of(Part.of(
                                "application/dicom+json",
                                Files.readAllBytes(Path.of(made.get("metadata").asText())))))
                .statusCode(200);
        assertSameDataset(original);
    }

    @Test
    void largeInlineBinaryValuesAreTakenWithoutHoldingThemInMemory() throws Exception {
        RequiredTools.require(Tool.PYDICOM, Tool.PYDICOM_FILES);
        // About 280 KB of waveform data inline, in a sequence item: beyond what is decoded in memory.
        Path original = DATA.resolve("test_files/waveform_ecg.dcm");
        JsonNode made = pydicomJson(-1, Files.createTempDirectory("stow-json"), original);
        post(
                        JSON_REQUEST,
                        List.of(Part.of(
                                "application/dicom+json",
                                Files.readAllBytes(Path.of(made.get("metadata").asText())))))
                .statusCode(200);
        assertSameDataset(original);
    }

    @Test
    void largeInlineBinaryInXmlIsTakenToo() throws Exception {
        RequiredTools.require(Tool.DCMTK, Tool.PYDICOM);
        DicomFiles.Builder image = DicomFiles.multiFrame(4).size(128, 128);
        Path original = Files.createTempFile("built", ".dcm");
        Files.write(original, image.toBytes());
        post(XML_REQUEST, xmlRequest(original, Integer.MAX_VALUE)).statusCode(200);
        assertSameDataset(original);
    }

    @Test
    void oneJsonPartCarriesSeveralInstancesAndABadOneFailsAlone() throws Exception {
        RequiredTools.require(Tool.PYDICOM, Tool.PYDICOM_FILES);
        Path ct = DATA.resolve("test_files/CT_small.dcm");
        Path mr = DATA.resolve("test_files/MR_small.dcm");
        Path dir = Files.createTempDirectory("stow-json");
        JsonNode made = pydicomJson(64, dir, ct, mr);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode array = mapper.readTree(Path.of(made.get("metadata").asText()).toFile());
        // A dataset with an unknown VR between the two good ones.
        ((com.fasterxml.jackson.databind.node.ArrayNode) array)
                .insert(1, mapper.readTree("{\"00080018\": {\"vr\": \"XX\", \"Value\": [\"1.2.3\"]}}"));
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of("application/dicom+json", mapper.writeValueAsBytes(array)));
        for (JsonNode bulk : made.get("bulk")) {
            parts.add(
                    Part.of(OCTETS, Files.readAllBytes(Path.of(bulk.get("file").asText())))
                            .with("Content-Location", bulk.get("uri").asText()));
        }
        assertWarnings(
                post(JSON_REQUEST, parts)
                        .statusCode(202)
                        .body("'00081199'.Value", hasSize(2))
                        .body("'00081198'.Value", hasSize(1))
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000)),
                "dataset 2 of DICOM JSON part 1",
                "Unknown VR");
        assertSameDataset(ct);
        assertSameDataset(mr);
    }

    @Test
    void aBuiltImageSentAsJsonAndBulkDataComesBackWithItsPixels() throws Exception {
        DicomFiles.Builder image = DicomFiles.multiFrame(3).size(8, 8);
        byte[] file = image.toBytes();
        Path original = Files.createTempFile("built", ".dcm");
        Files.write(original, file);
        RequiredTools.require(Tool.PYDICOM);
        JsonNode made = pydicomJson(0, Files.createTempDirectory("stow-json"), original);
        List<Part> parts = new ArrayList<>();
        for (JsonNode bulk : made.get("bulk")) {
            parts.add(
                    Part.of(OCTETS, Files.readAllBytes(Path.of(bulk.get("file").asText())))
                            .with("Content-Location", bulk.get("uri").asText()));
        }
        parts.add(Part.of(
                "application/dicom+json",
                Files.readAllBytes(Path.of(made.get("metadata").asText()))));
        post("/dicom-web/studies/" + image.studyInstanceUid(), JSON_REQUEST, parts)
                .statusCode(200);
        assertSameDataset(original);
    }

    // ---- bad input, each with its reason ----

    @Test
    void malformedJsonFailsItsPartWithTheReason() {
        byte[] truncated = "[{\"00080018\": {\"vr\": \"UI\", ".getBytes(StandardCharsets.UTF_8);
        assertWarnings(
                post(JSON_REQUEST, List.of(Part.of("application/dicom+json", truncated)))
                        .statusCode(409)
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000)),
                "DICOM JSON part 1",
                "malformed JSON");
    }

    @Test
    void missingSopInstanceUidIsRefusedBeforeAnythingIsWritten() {
        String json = "[" + minimalJson(null, "1.2.3.4", "1.2.3.4.5") + "]";
        assertWarnings(
                post(JSON_REQUEST, List.of(Part.of("application/dicom+json", json.getBytes(StandardCharsets.UTF_8))))
                        .statusCode(409)
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA900)),
                "SOPInstanceUID (0008,0018) is missing");
    }

    @Test
    void aBulkDataUriWithoutItsPartIsThatInstancesFailure() {
        String sop = org.opendicomweb.dicom.Uids.generate();
        String json = "["
                + minimalJson(
                        sop,
                        "1.2.3.4",
                        "1.2.3.4.5",
                        "\"7FE00010\": {\"vr\": \"OW\", \"BulkDataURI\": \"bulk/missing\"}")
                + "]";
        assertWarnings(
                post(
                                JSON_REQUEST,
                                List.of(
                                        Part.of("application/dicom+json", json.getBytes(StandardCharsets.UTF_8)),
                                        Part.of(OCTETS, new byte[8]).with("Content-Location", "bulk/other")))
                        .statusCode(409)
                        .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(sop))
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000)),
                "BulkDataURI bulk/missing of (7FE0,0010) names no part",
                "bulk/other) is referenced by no BulkDataURI");
    }

    @Test
    void compressedBulkDataIsRefusedWithTransferSyntaxNotSupported() {
        String sop = org.opendicomweb.dicom.Uids.generate();
        String json = "["
                + minimalJson(
                        sop, "1.2.3.4", "1.2.3.4.5", "\"7FE00010\": {\"vr\": \"OB\", \"BulkDataURI\": \"bulk/jpeg\"}")
                + "]";
        assertWarnings(
                post(
                                JSON_REQUEST,
                                List.of(
                                        Part.of("application/dicom+json", json.getBytes(StandardCharsets.UTF_8)),
                                        Part.of(
                                                        "image/jpeg",
                                                        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9})
                                                .with("Content-Location", "bulk/jpeg")))
                        .statusCode(409)
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC122)),
                "is image/jpeg; only uncompressed bulk data");
    }

    @Test
    void malformedXmlFailsItsPartWithTheReason() {
        assertWarnings(
                post(
                                XML_REQUEST,
                                List.of(Part.of(
                                        "application/dicom+xml",
                                        "<NativeDicomModel><DicomAttribute tag=\"00080018\" vr=\"UI\"><Value number=\"1\">1.2</DicomAttribute>"
                                                .getBytes(StandardCharsets.UTF_8))))
                        .statusCode(409)
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000)),
                "Native DICOM Model XML part 1",
                "malformed XML");
    }

    @Test
    void anXmlAttributeWithABadValueNamesTheAttribute() {
        assertWarnings(
                post(
                                XML_REQUEST,
                                List.of(Part.of(
                                        "application/dicom+xml",
                                        ("<NativeDicomModel><DicomAttribute tag=\"00280010\" vr=\"US\"><Value number=\"1\">big</Value>"
                                                        + "</DicomAttribute></NativeDicomModel>")
                                                .getBytes(StandardCharsets.UTF_8))))
                        .statusCode(409)
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000)),
                "\\\"big\\\" is not a valid US value");
    }

    @Test
    void metadataOverTheConfiguredLimitIsRefused() {
        // The test profile sets dicomweb.stow.max-metadata-size=1M.
        String inline = Base64.getEncoder().encodeToString(new byte[1024 * 1024]);
        String json = "["
                + minimalJson(
                        "1.2.3.4.5.6",
                        "1.2.3.4",
                        "1.2.3.4.5",
                        "\"7FE00010\": {\"vr\": \"OB\", \"InlineBinary\": \"" + inline + "\"}")
                + "]";
        assertWarnings(
                post(JSON_REQUEST, List.of(Part.of("application/dicom+json", json.getBytes(StandardCharsets.UTF_8))))
                        .statusCode(409)
                        .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA700)),
                "dicomweb.stow.max-metadata-size");
    }

    @Test
    void aPartOfTheWrongKindIsRefusedAndTheOthersStored() throws Exception {
        DicomFiles.Builder image = DicomFiles.ctImage();
        assertWarnings(
                post(
                                JSON_REQUEST,
                                List.of(
                                        Part.of("application/dicom", image.toBytes()),
                                        Part.of(
                                                "application/dicom+json",
                                                ("["
                                                                + minimalJson(
                                                                        image.sopInstanceUid(),
                                                                        image.studyInstanceUid(),
                                                                        image.seriesInstanceUid())
                                                                + "]")
                                                        .getBytes(StandardCharsets.UTF_8))))
                        .statusCode(202)
                        .body("'00081199'.Value", hasSize(1)),
                "part 1: a part of type application/dicom in a request of type application/dicom+json");
    }

    // ---- the response in XML ----

    @Test
    void theResponseComesAsNativeDicomModelXmlWhenAsked() throws Exception {
        DicomFiles.Builder image = DicomFiles.ctImage();
        Response r = given().contentType(StowResourceTest.MULTIPART)
                .accept("application/dicom+xml")
                .body(StowResourceTest.multipart(image.toBytes(), "not DICOM".getBytes(StandardCharsets.US_ASCII)))
                .when()
                .post("/dicom-web/studies");
        r.then().statusCode(202).contentType(containsString("application/dicom+xml"));
        Attributes ds = XmlReader.readDataset(new ByteArrayInputStream(r.asByteArray()));
        Sequence referenced = ds.getSequence(Tag.ReferencedSOPSequence);
        assertEquals(1, referenced.size());
        assertEquals(image.sopInstanceUid(), referenced.get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(0xC000, ds.getSequence(Tag.FailedSOPSequence).get(0).getInt(Tag.FailureReason, -1));
    }

    @Test
    void anAcceptThatNothingSatisfiesIs406AndStoresNothing() {
        DicomFiles.Builder image = DicomFiles.ctImage();
        given().contentType(StowResourceTest.MULTIPART)
                .accept("text/html")
                .body(StowResourceTest.multipart(image.toBytes()))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(406)
                .body("message", containsString("application/dicom+xml"));
        given().accept("application/dicom+json")
                .queryParam("SOPInstanceUID", image.sopInstanceUid())
                .when()
                .get("/dicom-web/instances")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    // ---- helpers ----

    /** Every fragment appears in one of the response's Warning headers. */
    private static void assertWarnings(ValidatableResponse response, String... fragments) {
        List<String> warnings = response.extract().headers().getValues("Warning");
        for (String fragment : fragments) {
            assertTrue(
                    warnings.stream().anyMatch(w -> w.contains(fragment)),
                    "no Warning contains '" + fragment + "': " + warnings);
        }
    }

    static ValidatableResponse post(String path, String contentType, List<Part> parts) {
        return given().contentType(contentType)
                .accept("application/dicom+json")
                .body(body(parts))
                .when()
                .post(path)
                .then();
    }

    private static String minimalJson(String sop, String study, String series) {
        return minimalJson(sop, study, series, "");
    }

    /** A Secondary Capture dataset with the four UIDs (SOP Instance UID left out when null) and more members. */
    private static String minimalJson(String sop, String study, String series, String moreMembers) {
        return "{\"00080016\": {\"vr\": \"UI\", \"Value\": [\"1.2.840.10008.5.1.4.1.1.7\"]}"
                + (sop == null ? "" : ", \"00080018\": {\"vr\": \"UI\", \"Value\": [\"" + sop + "\"]}")
                + ", \"0020000D\": {\"vr\": \"UI\", \"Value\": [\"" + study + "\"]}"
                + ", \"0020000E\": {\"vr\": \"UI\", \"Value\": [\"" + series + "\"]}"
                + (moreMembers.isEmpty() ? "" : ", " + moreMembers) + "}";
    }

    private static JsonNode pydicomJson(int threshold, Path dir, Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                PYTHON.toString(),
                "src/test/resources/stow/pydicom_to_json.py",
                Integer.toString(threshold),
                dir.toString()));
        for (Path f : files) {
            command.add(f.toString());
        }
        return new ObjectMapper().readTree(run(command));
    }

    /**
     * dcm2xml's Native DICOM Model with every binary value inline; values longer than {@code threshold} base64
     * characters are then moved to bulk data parts, as a client would send them.
     */
    private static List<Part> xmlRequest(Path file, int threshold) throws Exception {
        byte[] xml = run(List.of("dcm2xml", "-nat", "+Eb", file.toString()));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList inline = doc.getElementsByTagName("InlineBinary");
        List<Part> bulk = new ArrayList<>();
        List<Element> moved = new ArrayList<>();
        for (int i = 0; i < inline.getLength(); i++) {
            Element e = (Element) inline.item(i);
            // dcmtk 3.6.7 writes OW (and the other word VRs) big endian here, PS3.19 wants little endian.
            int width = switch (((Element) e.getParentNode()).getAttribute("vr")) {
                case "OW" -> 2;
                case "OF", "OL" -> 4;
                case "OD", "OV" -> 8;
                default -> 1;
            };
            if (width > 1) {
                byte[] b = Base64.getMimeDecoder().decode(e.getTextContent());
                for (int p = 0; p + width <= b.length; p += width) {
                    for (int x = 0, y = width - 1; x < y; x++, y--) {
                        byte t = b[p + x];
                        b[p + x] = b[p + y];
                        b[p + y] = t;
                    }
                }
                e.setTextContent(Base64.getEncoder().encodeToString(b));
            }
            if (e.getTextContent().length() > threshold) {
                moved.add(e);
            }
        }
        for (Element e : moved) {
            String uri = "xml-bulk/" + (bulk.size() + 1);
            bulk.add(Part.of(OCTETS, Base64.getMimeDecoder().decode(e.getTextContent()))
                    .with("Content-Location", uri));
            Element ref = doc.createElement("BulkData");
            ref.setAttribute("uri", uri);
            e.getParentNode().replaceChild(ref, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of("application/dicom+xml", out.toByteArray()));
        parts.addAll(bulk);
        return parts;
    }

    /** Retrieves the instance of {@code original} over WADO-RS and compares both with pydicom. */
    private static void assertSameDataset(Path original) throws Exception {
        JsonNode uids = new ObjectMapper()
                .readTree(run(List.of(
                        PYTHON.toString(),
                        "-c",
                        "import json,sys,pydicom; d=pydicom.dcmread(sys.argv[1]); "
                                + "print(json.dumps([str(d.StudyInstanceUID), str(d.SeriesInstanceUID), str(d.SOPInstanceUID)]))",
                        original.toString())));
        Response r = given().accept("multipart/related; type=\"application/dicom\"")
                .when()
                .get("/dicom-web/studies/" + uids.get(0).asText() + "/series/"
                        + uids.get(1).asText() + "/instances/" + uids.get(2).asText());
        r.then().statusCode(200);
        MediaType type = MediaType.parse(r.getContentType());
        MultipartReader reader =
                new MultipartReader(new ByteArrayInputStream(r.asByteArray()), type.parameter("boundary"));
        Path retrieved = Files.createTempFile("retrieved", ".dcm");
        Files.write(retrieved, reader.next().body().readAllBytes());
        JsonNode differences = new ObjectMapper()
                .readTree(run(List.of(
                        PYTHON.toString(),
                        "src/test/resources/stow/pydicom_compare.py",
                        original.toString(),
                        retrieved.toString())));
        assertTrue(differences.isEmpty(), "differences from " + original + ": " + differences);
        Files.delete(retrieved);
    }

    private static byte[] run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "failed: " + command);
        return out;
    }
}
