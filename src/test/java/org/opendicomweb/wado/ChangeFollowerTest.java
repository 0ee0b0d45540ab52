package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.ChangeFeed;
import org.opendicomweb.index.Sql;
import org.opendicomweb.lifecycle.ChangeFollower;
import org.opendicomweb.stow.StowReplacePolicyTest;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;

/**
 * What a node keeps of an instance (its location, its frame table, its study's compressed metadata) is forgotten
 * once the change feed says the instance was deleted or replaced, whichever node sharing the index did it. The
 * deletion is an entry appended to the feed alone, as another node's deletion looks to this one.
 */
@QuarkusTest
@TestProfile(StowReplacePolicyTest.Replace.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ChangeFollowerTest {
    private static final String BOUNDARY = "follow";
    private static final String FRAMES_AS_STORED =
            "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    @Inject
    ChangeFollower follower;

    @Inject
    InstanceLocations locations;

    @Inject
    FrameService frames;

    @Inject
    MetadataGzipCache gzipCache;

    @Inject
    Sql sql;

    @BeforeEach
    void followerHasFoundTheEndOfTheFeed() throws Exception {
        follower.follow();
    }

    @Test
    void aDeleteEntryMakesThisNodeForgetTheInstanceAndItsStudysMetadata() throws Exception {
        DicomFiles.Builder image = DicomFiles.multiFrame(2);
        store(image);
        RetrieveTarget target =
                new RetrieveTarget(image.studyInstanceUid(), image.seriesInstanceUid(), image.sopInstanceUid());
        retrieveFrame(image);
        String metadataKey = retrieveMetadataGzipped(image);
        StoredFile file = locations.cached(target);
        assertNotNull(file, "the location is kept");
        assertNotNull(frames.storedRegion(file, 1, FRAMES_AS_STORED), "the frame table is kept");
        assertNotNull(gzipCache.get(metadataKey), "the compressed metadata is kept");

        sql.inTransaction(c -> {
            ChangeFeed.append(
                    c,
                    List.of(new ChangeFeed.Change(
                            image.studyInstanceUid(),
                            image.seriesInstanceUid(),
                            image.sopInstanceUid(),
                            ChangeFeed.Kind.DELETED)));
            return null;
        });
        follower.follow();

        assertNull(locations.cached(target), "the location is forgotten");
        assertNull(frames.storedRegion(file, 1, FRAMES_AS_STORED), "the frame table is forgotten");
        assertNull(gzipCache.get(metadataKey), "the compressed metadata is forgotten");
    }

    @Test
    void aReplacementMakesThisNodeForgetTheReplacedInstance() throws Exception {
        DicomFiles.Builder image = DicomFiles.multiFrame(2).studyDescription("before");
        store(image);
        RetrieveTarget target =
                new RetrieveTarget(image.studyInstanceUid(), image.seriesInstanceUid(), image.sopInstanceUid());
        retrieveFrame(image);
        StoredFile before = locations.cached(target);
        assertNotNull(before);
        assertNotNull(frames.storedRegion(before, 1, FRAMES_AS_STORED));

        store(image.studyDescription("after"));
        follower.follow();

        assertNull(locations.cached(target), "the replaced location is forgotten");
        assertNull(frames.storedRegion(before, 1, FRAMES_AS_STORED), "the replaced file's table is forgotten");
        retrieveFrame(image);
        StoredFile after = locations.cached(target);
        assertNotNull(after);
        assertNotEquals(before.blobKey(), after.blobKey());
    }

    @Test
    void aFirstStoreLeavesWhatIsKeptAlone() throws Exception {
        DicomFiles.Builder image = DicomFiles.multiFrame(2);
        store(image);
        retrieveFrame(image);
        RetrieveTarget target =
                new RetrieveTarget(image.studyInstanceUid(), image.seriesInstanceUid(), image.sopInstanceUid());
        StoredFile kept = locations.cached(target);
        assertNotNull(kept);

        follower.follow();

        assertNotNull(locations.cached(target), "a new instance's create entry is no reason to read it again");
        assertNotNull(frames.storedRegion(kept, 1, FRAMES_AS_STORED));
    }

    private static void store(DicomFiles.Builder image) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, image))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(either(equalTo(200)).or(equalTo(202)));
    }

    private static void retrieveFrame(DicomFiles.Builder image) {
        given().accept(FRAMES_AS_STORED)
                .when()
                .get("/dicom-web/studies/" + image.studyInstanceUid() + "/series/" + image.seriesInstanceUid()
                        + "/instances/" + image.sopInstanceUid() + "/frames/1")
                .then()
                .statusCode(200);
    }

    /** Retrieves the study's metadata gzip-compressed; returns the key it is kept under (as WadoResource makes it). */
    private static String retrieveMetadataGzipped(DicomFiles.Builder image) {
        String tag = given().accept("application/dicom+json")
                .header("Accept-Encoding", "gzip")
                .when()
                .get("/dicom-web/studies/" + image.studyInstanceUid() + "/metadata")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .extract()
                .header("ETag");
        return tag + " http://localhost:" + RestAssured.port + "/dicom-web";
    }
}
