package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.json.BulkDataPolicy;
import org.opendicomweb.dicom.json.JsonWriter;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A series of three CT images, stored out of order, one with a binary value long enough to be bulk data. */
    private static DicomFiles.Builder[] storedSeries() {
        DicomFiles.Builder first = DicomFiles.ctImage().instance(Uids.generate(), 1);
        DicomFiles.Builder second = DicomFiles.ctImage().studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid()).instance(Uids.generate(), 2)
                .edit(ds -> ds.setBytes(0x00091010, VR.OB, new byte[3000]))
                .with(0x00090010, VR.LO, "OPENDICOMWEB TEST");
        DicomFiles.Builder third = DicomFiles.ctImage().studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid()).instance(Uids.generate(), 3).implicitLittleEndian();
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
            w.bulkDataPolicy(BulkDataPolicy.aboveThreshold(InstanceMetadata.INLINE_LIMIT, (d, t, vr, v, p) -> prefix + p));
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
                .when().get(ROOT + "/studies/" + series[0].studyInstanceUid() + "/series/" + series[0].seriesInstanceUid() + "/metadata")
                .then().statusCode(200).contentType("application/dicom+json").extract().asByteArray();
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
        byte[] one = given().when().get(study + "/series/" + b.seriesInstanceUid() + "/instances/" + b.sopInstanceUid() + "/metadata")
                .then().statusCode(200).extract().asByteArray();
        JsonNode docs = JSON.readTree(one);
        assertEquals(1, docs.size());
        assertEquals(expectedJson(b, root()), docs.get(0));
    }

    @Test
    void bulkDataUrisFollowTheForwardedHostProtoAndPrefix() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "pacs.example.org")
                .header("X-Forwarded-Prefix", "/imaging")
                .when().get(ROOT + "/studies/" + b.studyInstanceUid() + "/metadata")
                .then().statusCode(200)
                .body("[0].'7FE00010'.BulkDataURI", equalTo("https://pacs.example.org/imaging/dicom-web/studies/"
                        + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/" + b.sopInstanceUid()
                        + "/bulkdata/7FE00010"));
    }

    @Test
    void anUnchangedSeriesAnswers304ToItsEntityTagAndAChangedOne200() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/metadata";
        String etag = given().when().get(url).then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(url).then().statusCode(304).header("ETag", equalTo(etag));
        given().header("If-None-Match", "W/\"something-else\"").when().get(url).then().statusCode(200);

        store(DicomFiles.ctImage().studyUid(b.studyInstanceUid()).seriesUid(b.seriesInstanceUid())
                .instance(Uids.generate(), 2).toBytes());
        String changed = given().header("If-None-Match", etag).when().get(url).then().statusCode(200)
                .body("size()", equalTo(2)).extract().header("ETag");
        assertNotEquals(etag, changed);
        // Another root means other BulkDataURIs: another entity.
        given().header("If-None-Match", changed).header("X-Forwarded-Host", "elsewhere.example.org")
                .when().get(url).then().statusCode(200);
    }

    @Test
    void metadataIsGzippedWhenTheClientAcceptsIt() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        given().header("Accept-Encoding", "gzip")
                .when().get(ROOT + "/studies/" + b.studyInstanceUid() + "/metadata")
                .then().statusCode(200).header("Content-Encoding", "gzip")
                .body("[0].'00080018'.Value[0]", equalTo(b.sopInstanceUid()));
    }

    @Test
    void unknownUidsAre404MalformedOnes400AndOtherRepresentations406() {
        DicomFiles.Builder b = DicomFiles.ctImage();
        store(b.toBytes());
        String study = ROOT + "/studies/" + b.studyInstanceUid();
        given().when().get(ROOT + "/studies/" + Uids.generate() + "/metadata").then().statusCode(404)
                .contentType("application/json").body("status", equalTo(404));
        given().when().get(study + "/series/" + Uids.generate() + "/metadata").then().statusCode(404);
        given().when().get(study + "/series/" + b.seriesInstanceUid() + "/instances/" + Uids.generate() + "/metadata")
                .then().statusCode(404);
        given().when().get(ROOT + "/studies/1.2.abc/metadata").then().statusCode(400)
                .body("message", containsString("study"));
        given().when().get(study + "/series/1..2/metadata").then().statusCode(400);
        given().accept("multipart/related; type=\"application/dicom+xml\"").when().get(study + "/metadata")
                .then().statusCode(406);
        given().accept("application/json").when().get(study + "/metadata").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }
}
