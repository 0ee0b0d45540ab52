package org.opendicomweb.integrity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.opendicomweb.integrity.ScrubFixture.blobKey;
import static org.opendicomweb.integrity.ScrubFixture.column;
import static org.opendicomweb.integrity.ScrubFixture.keepOnlySha256;
import static org.opendicomweb.integrity.ScrubFixture.report;
import static org.opendicomweb.integrity.ScrubFixture.scrub;
import static org.opendicomweb.integrity.ScrubFixture.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.cluster.ClusterLease;
import org.opendicomweb.cluster.OtherNode;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/** {@code POST /dicom-web/admin/scrub} over stored files, some of them then damaged on disk. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ScrubTest {

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    private static DicomFiles.Builder[] storeThree() {
        DicomFiles.Builder first = DicomFiles.ctImage();
        DicomFiles.Builder second = DicomFiles.ctImage().studyUid(first.studyInstanceUid());
        DicomFiles.Builder third = DicomFiles.ctImage();
        store(first.toBytes(), second.toBytes(), third.toBytes());
        return new DicomFiles.Builder[] {first, second, third};
    }

    private void flipByte(DicomFiles.Builder instance, long position) throws Exception {
        try (FileChannel file = FileChannel.open(
                storage.resolve(blobKey(instance)), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            file.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            file.write(one, position);
        }
    }

    @Test
    void storedInstancesScrubCleanAndTheReportListsNothing() {
        storeThree();
        scrub().body("state", equalTo("FINISHED"))
                .body("total", equalTo(3))
                .body("checked", equalTo(3))
                .body("intact", equalTo(3))
                .body("mismatches", equalTo(0))
                .body("missing", equalTo(0))
                .body("checksumsFilled", equalTo(0))
                .body("bytesRead", notNullValue())
                .body("started", notNullValue())
                .body("finished", notNullValue());
        report("").body("damagedObjects.total", equalTo(0)).body("damagedObjects.items", hasSize(0));
        given().when().get("/dicom-web/admin/scrub").then().statusCode(200).body("state", equalTo("FINISHED"));
    }

    @Test
    void aFlippedByteIsAMismatchAndADeletedFileIsMissingUntilRepaired() throws Exception {
        DicomFiles.Builder[] stored = storeThree();
        flipByte(stored[0], 300);
        Path deleted = storage.resolve(blobKey(stored[1]));
        byte[] deletedBytes = Files.readAllBytes(deleted);
        Files.delete(deleted);

        scrub().body("checked", equalTo(3))
                .body("intact", equalTo(1))
                .body("mismatches", equalTo(1))
                .body("missing", equalTo(1));
        report("")
                .body("damagedObjects.total", equalTo(2))
                .body(
                        "damagedObjects.items.sopInstanceUID",
                        containsInAnyOrder(stored[0].sopInstanceUid(), stored[1].sopInstanceUid()))
                .body(
                        "damagedObjects.items.find { it.sopInstanceUID == '" + stored[0].sopInstanceUid()
                                + "' }.problem",
                        equalTo("MISMATCH"))
                .body(
                        "damagedObjects.items.find { it.sopInstanceUID == '" + stored[1].sopInstanceUid()
                                + "' }.problem",
                        equalTo("MISSING"))
                .body(
                        "damagedObjects.items.find { it.sopInstanceUID == '" + stored[1].sopInstanceUid()
                                + "' }.studyInstanceUID",
                        equalTo(stored[1].studyInstanceUid()));
        report("?limit=1&offset=1").body("damagedObjects.total", equalTo(2)).body("damagedObjects.items", hasSize(1));

        // The damaged file restored: the next scrub finds it intact and its finding goes; the missing one stays.
        flipByte(stored[0], 300);
        scrub().body("intact", equalTo(2)).body("mismatches", equalTo(0)).body("missing", equalTo(1));
        report("")
                .body("damagedObjects.total", equalTo(1))
                .body("damagedObjects.items[0].sopInstanceUID", equalTo(stored[1].sopInstanceUid()));
        Files.write(deleted, deletedBytes);
        scrub().body("intact", equalTo(3));
        report("").body("damagedObjects.total", equalTo(0));
    }

    @Test
    void aScrubAskedWhileAnotherNodeRunsOneIsRefusedWithThatNodesName() throws Exception {
        storeThree();
        ClusterLease other = OtherNode.lease(Duration.ofMinutes(5));
        assertEquals(true, other.tryAcquire(ScrubJob.LEASE), "the other node runs a scrub");
        try {
            given().accept("application/json")
                    .when()
                    .post("/dicom-web/admin/scrub")
                    .then()
                    .statusCode(409)
                    .body(containsString(other.node().host()));
        } finally {
            other.release(ScrubJob.LEASE);
        }
        scrub().body("state", equalTo("FINISHED")).body("intact", equalTo(3));
    }

    @Test
    void aFileCutShortIsAMismatch() throws Exception {
        DicomFiles.Builder[] stored = storeThree();
        try (FileChannel file = FileChannel.open(storage.resolve(blobKey(stored[2])), StandardOpenOption.WRITE)) {
            file.truncate(file.size() - 1);
        }
        scrub().body("mismatches", equalTo(1)).body("intact", equalTo(2));
        report("").body("damagedObjects.items[0].detail", org.hamcrest.Matchers.containsString("bytes"));
    }

    @Test
    void anInstanceKnownOnlyByItsSha256GetsItsCrc32cFilledWhenItsBytesMatch() throws Exception {
        DicomFiles.Builder[] stored = storeThree();
        byte[] bytes = Files.readAllBytes(storage.resolve(blobKey(stored[0])));
        keepOnlySha256(stored[0], sha256(bytes));
        keepOnlySha256(stored[1], sha256(new byte[] {1, 2, 3}));

        scrub().body("intact", equalTo(1)).body("checksumsFilled", equalTo(1)).body("mismatches", equalTo(1));

        CRC32C crc = new CRC32C();
        crc.update(bytes);
        assertEquals(crc.getValue(), ((Number) column("blob_crc32c", stored[0])).longValue());
        assertNull(column("blob_sha256", stored[0]), "the CRC-32C is the one checksum once filled");
        assertNull(column("blob_crc32c", stored[1]), "a SHA-256 that does not match fills nothing");
        report("").body("damagedObjects.items[0].sopInstanceUID", equalTo(stored[1].sopInstanceUid()));

        scrub().body("intact", equalTo(2)).body("checksumsFilled", equalTo(0));
    }

    @Test
    void findingsOfADeletedInstanceGoWithIt() throws Exception {
        DicomFiles.Builder[] stored = storeThree();
        Files.delete(storage.resolve(blobKey(stored[2])));
        scrub().body("missing", equalTo(1));
        given().when()
                .delete("/dicom-web/studies/" + stored[2].studyInstanceUid())
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        report("").body("damagedObjects.total", equalTo(0));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
