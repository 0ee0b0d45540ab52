package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.json.BulkDataPolicy;
import org.opendicomweb.dicom.json.JsonWriter;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.web.multipart.MultipartReader;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A series of three CT images, stored out of order, one with a binary value long enough to be bulk data. */
    private static DicomFiles.Builder[] storedSeries() {
        DicomFiles.Builder first = DicomFiles.ctImage().instance(Uids.generate(), 1);
        DicomFiles.Builder second = DicomFiles.ctImage()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 2)
                .edit(ds -> ds.setBytes(0x00091010, VR.OB, new byte[3000]))
                .with(0x00090010, VR.LO, "OPENDICOMWEB TEST");
        DicomFiles.Builder third = DicomFiles.ctImage()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 3)
                .implicitLittleEndian();
        store(third.toBytes(), first.toBytes(), second.toBytes());
        return new DicomFiles.Builder[] {first, second, third};
    }

    /** What the codec writes for the file, BulkDataURIs absolute under {@code root}. */
    private static JsonNode expectedJson(DicomFiles.Builder b, String root) throws IOException {
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b.toBytes()))) {
            in.setBulkDataThreshold(InstanceMetadata.INLINE_LIMIT);
            ds = in.readDataset();
        }
        String prefix = root + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid() + "/bulkdata/";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = new JsonWriter(out)) {
            w.bulkDataPolicy(
                    BulkDataPolicy.aboveThreshold(InstanceMetadata.INLINE_LIMIT, (d, t, vr, v, p) -> prefix + p));
            w.write(ds);
        }
        return JSON.readTree(out.toByteArray());
    }

    private static String root() {
        return "http://localhost:" + RestAssured.port + ROOT;
    }

    @Test
    void seriesMetadataIsTheCodecJsonOfEachStoredInstanceInInstanceOrder() throws IOException {
        DicomFiles.Builder[] series = storedSeries();
        byte[] body = given().accept("application/dicom+json")
                .when()
                .get(ROOT + "/studies/" + series[0].studyInstanceUid() + "/series/" + series[0].seriesInstanceUid()
                        + "/metadata")
                .then()
                .statusCode(200)
                .contentType("application/dicom+json")
                .extract()
                .asByteArray();
        JsonNode docs = JSON.readTree(body);
        assertEquals(3, docs.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(expectedJson(series[i], root()), docs.get(i), "instance " + (i + 1));
        }
    }

    @Test
    void studyAndInstanceMetadataHoldTheirInstances() throws IOException {
        DicomFiles.Builder[] series = storedSeries();
        DicomFiles.Builder b = series[1];
        String study = ROOT + "/studies/" + b.studyInstanceUid();
        given().when().get(study + "/metadata").then().statusCode(200).body("size()", equalTo(3));
        byte[] one = given().when()
                .get(study + "/series/" + b.seriesInstanceUid() + "/instances/" + b.sopInstanceUid() + "/metadata")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        JsonNode docs = JSON.readTree(one);
        assertEquals(1, docs.size());
        assertEquals(expectedJson(b, root()), docs.get(0));
    }

    @Test
    void bulkDataUrisFollowTheForwardedHostProtoAndPrefix() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        given().header("X-Forwarded-For", "127.0.0.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "pacs.example.org")
                .header("X-Forwarded-Prefix", "/imaging")
                .when()
                .get(ROOT + "/studies/" + b.studyInstanceUid() + "/metadata")
                .then()
                .statusCode(200)
                .body(
                        "[0].'7FE00010'.BulkDataURI",
                        equalTo("https://pacs.example.org/imaging/dicom-web/studies/"
                                + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                                + b.sopInstanceUid()
                                + "/bulkdata/7FE00010"));
    }

    @Test
    void anUnchangedSeriesAnswers304ToItsEntityTagAndAChangedOne200() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/metadata";
        String etag = given().when()
                .get(url)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get(url)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", "W/\"something-else\"")
                .when()
                .get(url)
                .then()
                .statusCode(200);

        store(DicomFiles.ctImage()
                .studyUid(b.studyInstanceUid())
                .seriesUid(b.seriesInstanceUid())
                .instance(Uids.generate(), 2)
                .toBytes());
        String changed = given().header("If-None-Match", etag)
                .when()
                .get(url)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .extract()
                .header("ETag");
        assertNotEquals(etag, changed);
        // Another root means other BulkDataURIs: another entity.
        given().header("If-None-Match", changed)
                .header("X-Forwarded-Host", "elsewhere.example.org")
                .header("X-Forwarded-For", "127.0.0.1")
                .when()
                .get(url)
                .then()
                .statusCode(200);
    }

    @Test
    void metadataIsGzippedWhenTheClientAcceptsIt() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        given().header("Accept-Encoding", "gzip")
                .when()
                .get(ROOT + "/studies/" + b.studyInstanceUid() + "/metadata")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .body("[0].'00080018'.Value[0]", equalTo(b.sopInstanceUid()));
    }

    /** The compressed body is kept by entity tag: a changed series, or another root, must not get an old one. */
    @Test
    void gzippedMetadataIsTheSameJsonFirstAndAgainAndFollowsChangesAndRoots() throws Exception {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/metadata";
        HttpResponse<byte[]> plain = get(url, null, null);
        assertNull(plain.headers().firstValue("Content-Encoding").orElse(null));
        JsonNode identity = JSON.readTree(plain.body());
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> gzipped = get(url, "gzip", null);
            assertEquals(
                    "gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
            assertTrue(gzipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
            byte[] once = gunzip(gzipped.body());
            assertEquals('[', once[0], "gzip request " + (i + 1) + " is compressed once");
            assertEquals(identity, JSON.readTree(once), "gzip request " + (i + 1));
        }

        DicomFiles.Builder second = DicomFiles.ctImage()
                .studyUid(b.studyInstanceUid())
                .seriesUid(b.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        store(second.toBytes());
        JsonNode changed = JSON.readTree(gunzip(get(url, "gzip", null).body()));
        assertEquals(2, changed.size());
        assertEquals(
                second.sopInstanceUid(),
                changed.get(1).get("00080018").get("Value").get(0).asText());
        JsonNode elsewhere =
                JSON.readTree(gunzip(get(url, "gzip", "elsewhere.example.org").body()));
        assertTrue(elsewhere
                .get(0)
                .get("7FE00010")
                .get("BulkDataURI")
                .asText()
                .startsWith("http://elsewhere.example.org/"));
    }

    /** Over HTTP/2 (h2c) the framework compresses: the body must still be compressed exactly once. */
    @Test
    void gzippedMetadataOverHttp2IsCompressedOnce() throws Exception {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/metadata";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + url))
                .header("Accept", "application/dicom+json")
                .header("Accept-Encoding", "gzip")
                .build();
        HttpClient http2 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) { // the first request upgrades the connection, the second is HTTP/2 throughout
            HttpResponse<byte[]> response = http2.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            byte[] once = "gzip"
                            .equals(response.headers()
                                    .firstValue("Content-Encoding")
                                    .orElse(null))
                    ? gunzip(response.body())
                    : response.body();
            assertEquals(
                    b.sopInstanceUid(),
                    JSON.readTree(once)
                            .get(0)
                            .get("00080018")
                            .get("Value")
                            .get(0)
                            .asText(),
                    "request " + (i + 1) + " over " + response.version());
        }
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding, String forwardedHost) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", "application/dicom+json");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (forwardedHost != null) {
            request.header("X-Forwarded-Host", forwardedHost).header("X-Forwarded-For", "127.0.0.1");
        }
        HttpResponse<byte[]> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response;
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void unknownUidsAre404MalformedOnes400AndOtherRepresentations406() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        String study = ROOT + "/studies/" + b.studyInstanceUid();
        given().when()
                .get(ROOT + "/studies/" + Uids.generate() + "/metadata")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("status", equalTo(404));
        given().when()
                .get(study + "/series/" + Uids.generate() + "/metadata")
                .then()
                .statusCode(404);
        given().when()
                .get(study + "/series/" + b.seriesInstanceUid() + "/instances/" + Uids.generate() + "/metadata")
                .then()
                .statusCode(404);
        given().when()
                .get(ROOT + "/studies/1.2.abc/metadata")
                .then()
                .statusCode(400)
                .body("message", containsString("study"));
        given().when().get(study + "/series/1..2/metadata").then().statusCode(400);
        given().accept("application/xml")
                .when()
                .get(study + "/metadata")
                .then()
                .statusCode(406)
                .body("message", containsString("application/dicom+xml"));
        given().accept("application/json")
                .when()
                .get(study + "/metadata")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void seriesMetadataInXmlIsOnePs319PartPerInstanceWithAbsoluteBulkDataUris() throws Exception {
        DicomFiles.Builder[] series = storedSeries();
        String url = ROOT + "/studies/" + series[0].studyInstanceUid() + "/series/" + series[0].seriesInstanceUid()
                + "/metadata";
        io.restassured.response.Response r = given().accept("multipart/related; type=\"application/dicom+xml\"")
                .when()
                .get(url);
        r.then()
                .statusCode(200)
                .contentType(startsWith("multipart/related; type=\"application/dicom+xml\"; boundary="));
        String boundary = r.contentType().substring(r.contentType().indexOf("boundary=") + "boundary=".length());
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(r.asByteArray()), boundary);
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        int k = 0;
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next(), k++) {
            assertEquals("application/dicom+xml", part.header("Content-Type"));
            org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(part.body());
            assertEquals("NativeDicomModel", xml.getDocumentElement().getLocalName());
            DicomFiles.Builder b = series[k];
            assertEquals(b.sopInstanceUid(), valueOf(xml, "00080018"), "instance " + (k + 1) + " in instance order");
            assertEquals(
                    root() + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                            + b.sopInstanceUid() + "/bulkdata/7FE00010",
                    bulkDataUri(xml, "7FE00010"));
        }
        assertEquals(3, k);
        assertNotNull(bulkDataUriOrNull(factory, series), "the long private OB value is bulk data in XML too");

        String jsonTag = given().accept("application/dicom+json")
                .when()
                .get(url)
                .then()
                .extract()
                .header("ETag");
        assertNotEquals(jsonTag, r.header("ETag"), "the two representations have their own entity tags");
        given().accept("multipart/related; type=\"application/dicom+xml\"")
                .header("If-None-Match", r.header("ETag"))
                .when()
                .get(url)
                .then()
                .statusCode(304);
    }

    @Test
    void aBareMultipartAcceptGetsTheXmlMetadata() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        io.restassured.response.Response r =
                given().accept("multipart/related").when().get(ROOT + "/studies/" + b.studyInstanceUid() + "/metadata");
        r.then()
                .statusCode(200)
                .contentType(startsWith("multipart/related; type=\"application/dicom+xml\"; boundary="));
        assertTrue(r.asString().contains("<NativeDicomModel"));
    }

    private static String valueOf(org.w3c.dom.Document xml, String tag) {
        org.w3c.dom.Element attribute = attribute(xml, tag);
        return attribute.getElementsByTagNameNS("*", "Value").item(0).getTextContent();
    }

    private static String bulkDataUri(org.w3c.dom.Document xml, String tag) {
        return ((org.w3c.dom.Element) attribute(xml, tag)
                        .getElementsByTagNameNS("*", "BulkData")
                        .item(0))
                .getAttribute("uri");
    }

    private static org.w3c.dom.Element attribute(org.w3c.dom.Document xml, String tag) {
        org.w3c.dom.NodeList all = xml.getElementsByTagNameNS("*", "DicomAttribute");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            if (e.getAttribute("tag").equals(tag)) {
                return e;
            }
        }
        throw new AssertionError("no DicomAttribute " + tag);
    }

    /** The private OB of the second instance, fetched as instance XML metadata. */
    private static String bulkDataUriOrNull(
            javax.xml.parsers.DocumentBuilderFactory factory, DicomFiles.Builder[] series) throws Exception {
        DicomFiles.Builder b = series[1];
        io.restassured.response.Response r = given().accept("multipart/related; type=application/dicom+xml")
                .when()
                .get(ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                        + b.sopInstanceUid() + "/metadata");
        r.then().statusCode(200);
        String boundary = r.contentType().substring(r.contentType().indexOf("boundary=") + "boundary=".length());
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(r.asByteArray()), boundary);
        org.w3c.dom.Document xml =
                factory.newDocumentBuilder().parse(reader.next().body());
        assertNull(reader.next(), "one part for one instance");
        // PS3.19: a private element is written as gggg00ee with its privateCreator.
        org.w3c.dom.NodeList all = xml.getElementsByTagNameNS("*", "DicomAttribute");
        String uri = "";
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            if (e.getAttribute("tag").equals("00090010")
                    && e.getAttribute("privateCreator").equals("OPENDICOMWEB TEST")) {
                uri = ((org.w3c.dom.Element)
                                e.getElementsByTagNameNS("*", "BulkData").item(0))
                        .getAttribute("uri");
            }
        }
        return uri.endsWith("/bulkdata/00091010") ? uri : null;
    }
}
