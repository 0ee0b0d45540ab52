package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.stow.StowReplacePolicyTest;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Instances are found through the locations read ahead per series ({@link InstanceLocations}) and answered
 * without the index, yet every answer is what the index says now: a replaced instance is sent from its new file
 * by every path, an instance stored after its series was read ahead is found, and a cached location never
 * answers for a study or series it is not in. Replacement needs the replacing duplicate policy.
 */
@QuarkusTest
@TestProfile(StowReplacePolicyTest.Replace.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class InstanceLocationsTest {
    private static final String AS_STORED = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    @Test
    void aReplacedInstanceIsSentFromItsNewFile() throws IOException {
        DicomFiles.Builder first = DicomFiles.ctImage().explicitLittleEndian();
        DicomFiles.Builder second = DicomFiles.ctImage()
                .explicitLittleEndian()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid());
        byte[] firstBytes = first.toBytes();
        byte[] original = second.toBytes();
        store(firstBytes, original);
        assertArrayEquals(firstBytes, instance(first, AS_STORED)); // reads the series' locations ahead
        assertArrayEquals(original, instance(second, AS_STORED));
        assertArrayEquals(original, wadoUri(second));

        byte[] replacing =
                second.studyDescription("replaced while its location was kept").toBytes();
        store(202, replacing); // stored with the warning that it replaced an instance

        // WADO-URI first: the route below would drop the stale location on finding its file gone.
        assertArrayEquals(replacing, wadoUri(second), "WADO-URI, through the REST layer");
        assertArrayEquals(replacing, instance(second, AS_STORED), "the route that answers on the event loop");
        assertArrayEquals(
                replacing,
                instance(second, "multipart/related; type=\"application/dicom\""),
                "the default syntax, which is the stored one");

        byte[] again = second.studyDescription("replaced once more").toBytes();
        store(202, again);
        assertArrayEquals(again, instance(second, AS_STORED), "the route, whose kept location's file is gone");
    }

    @Test
    void anInstanceStoredAfterItsSeriesWasReadAheadIsFound() throws IOException {
        DicomFiles.Builder first = DicomFiles.ctImage().explicitLittleEndian();
        byte[] firstBytes = first.toBytes();
        store(firstBytes);
        assertArrayEquals(firstBytes, instance(first, AS_STORED));
        DicomFiles.Builder later = DicomFiles.ctImage()
                .explicitLittleEndian()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid());
        given().accept(AS_STORED).when().get(path(later)).then().statusCode(404);

        byte[] laterBytes = later.toBytes();
        store(laterBytes);
        assertArrayEquals(laterBytes, instance(later, AS_STORED));
        assertArrayEquals(laterBytes, wadoUri(later));
    }

    @Test
    void aKnownInstanceIsNotFoundUnderAnotherStudyOrSeries() throws IOException {
        DicomFiles.Builder ct = DicomFiles.ctImage().explicitLittleEndian();
        byte[] bytes = ct.toBytes();
        store(bytes);
        assertArrayEquals(bytes, instance(ct, AS_STORED));
        String instance = "/instances/" + ct.sopInstanceUid();
        given().accept(AS_STORED)
                .when()
                .get(ROOT + "/studies/" + Uids.generate() + "/series/" + ct.seriesInstanceUid() + instance)
                .then()
                .statusCode(404);
        given().accept(AS_STORED)
                .when()
                .get(ROOT + "/studies/" + ct.studyInstanceUid() + "/series/" + Uids.generate() + instance)
                .then()
                .statusCode(404);
        given().when().get(path(ct) + "/frames/1").then().statusCode(200);
        given().when()
                .get(ROOT + "/studies/" + Uids.generate() + "/series/" + ct.seriesInstanceUid() + instance
                        + "/frames/1")
                .then()
                .statusCode(404);
    }

    /**
     * A kept instance asked for while the storage cannot be used is a 503 from the REST endpoint, as any other,
     * not a request left unanswered. The storage is broken by putting a file where this process stages uploads,
     * then put right again.
     */
    @Test
    void aKeptInstanceWhileTheStorageIsDownIs503() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage().explicitLittleEndian();
        byte[] bytes = ct.toBytes();
        store(bytes);
        assertArrayEquals(bytes, instance(ct, AS_STORED));
        List<Path> staging = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(
                storage.resolve(".staging"), "*_" + ProcessHandle.current().pid() + "_*")) {
            folders.forEach(staging::add);
        }
        try {
            for (Path folder : staging) {
                Files.move(folder, folder.resolveSibling(folder.getFileName() + ".away"));
                Files.writeString(folder, "not a folder");
            }
            given().when().get("/q/health/ready").then().statusCode(503);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path(ct)))
                    .header("Accept", AS_STORED)
                    .timeout(Duration.ofSeconds(20))
                    .build();
            HttpResponse<String> r = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode(), r.body());
        } finally {
            for (Path folder : staging) {
                Files.deleteIfExists(folder);
                Files.move(folder.resolveSibling(folder.getFileName() + ".away"), folder);
            }
        }
        given().when().get("/q/health/ready").then().statusCode(200);
        assertArrayEquals(bytes, instance(ct, AS_STORED));
    }

    private static byte[] instance(DicomFiles.Builder b, String accept) throws IOException {
        List<WadoFixtures.Part> parts = parts(given().accept(accept)
                .when()
                .get(path(b))
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(1, parts.size());
        return parts.get(0).body();
    }

    private static byte[] wadoUri(DicomFiles.Builder b) {
        return given().when()
                .get(ROOT + "/wado?requestType=WADO&contentType=application/dicom"
                        + "&studyUID=" + b.studyInstanceUid() + "&seriesUID=" + b.seriesInstanceUid()
                        + "&objectUID=" + b.sopInstanceUid())
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    private static String path(DicomFiles.Builder b) {
        return ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
    }
}
