package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.expectedFrame;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.LocalS3;
import org.opendicomweb.testing.LocalS3Resource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Instances stored through STOW-RS into an S3 bucket (S3Proxy on loopback) and read back through WADO-RS. */
@QuarkusTest
@WithTestResource(LocalS3Resource.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StoredInS3Test {
    private static final String WHOLE = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final String FRAMES = WadoFramesTest.OHIF;

    private static S3Client bucket() {
        return LocalS3.client(
                URI.create(ConfigProvider.getConfig().getValue("dicomweb.storage.s3.endpoint", String.class)));
    }

    private static String url(DicomFiles.Builder b) {
        return ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
    }

    private static byte[] retrieve(DicomFiles.Builder b) throws IOException {
        Response r = given().accept(WHOLE).when().get(url(b));
        r.then().statusCode(200);
        List<WadoFixtures.Part> parts = parts(r);
        assertEquals(1, parts.size());
        return parts.get(0).body();
    }

    @Test
    void smallInstanceIsStoredInTheBucketAndRetrievedAsStored() throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage().instance(Uids.generate(), 1);
        byte[] file = b.toBytes();
        store(file);

        assertArrayEquals(file, retrieve(b));
        try (S3Client s3 = bucket()) {
            List<String> keys = s3.listObjectsV2(r -> r.bucket(LocalS3Resource.BUCKET)).contents().stream()
                    .map(S3Object::key)
                    .filter(k -> k.contains(b.sopInstanceUid()))
                    .toList();
            assertEquals(1, keys.size(), keys.toString());
            assertTrue(
                    keys.get(0)
                            .startsWith(LocalS3Resource.PREFIX + b.studyInstanceUid() + "/" + b.seriesInstanceUid()
                                    + "/" + b.sopInstanceUid() + "-"),
                    keys.get(0));
        }
    }

    @Test
    void instanceLargerThanOnePartIsUploadedInPartsAndItsFramesReadByRange() throws IOException {
        // 40 frames of 512 x 512 x 2 bytes: 20 MiB, three parts of a multipart upload.
        DicomFiles.Builder b =
                DicomFiles.multiFrame(40).size(512, 512).bitsAllocated(16).instance(Uids.generate(), 1);
        byte[] file = b.toBytes();
        store(file);

        assertArrayEquals(file, retrieve(b));
        Response frames = given().accept(FRAMES).when().get(url(b) + "/frames/33,2");
        frames.then().statusCode(200).contentType(containsString("application/octet-stream"));
        List<WadoFixtures.Part> parts = parts(frames);
        assertArrayEquals(expectedFrame(32, 512, 512, 16), parts.get(0).body());
        assertArrayEquals(expectedFrame(1, 512, 512, 16), parts.get(1).body());
        try (S3Client s3 = bucket()) {
            assertEquals(
                    List.of(),
                    s3.listMultipartUploads(r -> r.bucket(LocalS3Resource.BUCKET))
                            .uploads());
            assertEquals(
                    List.of(),
                    s3.listObjectsV2(r -> r.bucket(LocalS3Resource.BUCKET).prefix(LocalS3Resource.PREFIX + ".staging/"))
                            .contents(),
                    "the staging object was deleted after the copy");
        }
    }

    @Test
    void failedInstanceLeavesNoUploadOpen() {
        // Past one part, then refused by validation (no SOP Instance UID): its upload must be aborted.
        DicomFiles.Builder b = DicomFiles.multiFrame(40)
                .size(512, 512)
                .bitsAllocated(16)
                .instance(Uids.generate(), 1)
                .without(org.opendicomweb.dicom.Tag.SOPInstanceUID);
        store(409, b.toBytes());
        try (S3Client s3 = bucket()) {
            assertEquals(
                    List.of(),
                    s3.listMultipartUploads(r -> r.bucket(LocalS3Resource.BUCKET))
                            .uploads());
        }
    }

    @Test
    void readinessIsUpNamingTheBucket() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'storage' }.data.location", containsString("s3://archive/dicom/"));
    }
}
