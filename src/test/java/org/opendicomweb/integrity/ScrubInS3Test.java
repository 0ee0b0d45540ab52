package org.opendicomweb.integrity;

import static org.hamcrest.Matchers.equalTo;
import static org.opendicomweb.integrity.ScrubFixture.blobKey;
import static org.opendicomweb.integrity.ScrubFixture.report;
import static org.opendicomweb.integrity.ScrubFixture.scrub;
import static org.opendicomweb.integrity.ScrubFixture.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.LocalS3;
import org.opendicomweb.testing.LocalS3Resource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The scrub over objects in an S3 bucket (S3Proxy on loopback), some of them then overwritten or deleted. */
@QuarkusTest
@WithTestResource(LocalS3Resource.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ScrubInS3Test {

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    private static S3Client bucket() {
        return LocalS3.client(
                URI.create(ConfigProvider.getConfig().getValue("dicomweb.storage.s3.endpoint", String.class)));
    }

    private static String object(DicomFiles.Builder instance) throws Exception {
        return LocalS3Resource.PREFIX + blobKey(instance);
    }

    @Test
    void anObjectOverwrittenWithOtherBytesIsAMismatchAndADeletedOneIsMissing() throws Exception {
        DicomFiles.Builder intact = DicomFiles.ctImage();
        DicomFiles.Builder overwritten = DicomFiles.ctImage();
        DicomFiles.Builder deleted = DicomFiles.ctImage();
        byte[] bytes = overwritten.toBytes();
        store(intact.toBytes(), bytes, deleted.toBytes());
        scrub().body("intact", equalTo(3)).body("mismatches", equalTo(0)).body("missing", equalTo(0));

        byte[] corrupt = bytes.clone();
        corrupt[corrupt.length / 2] ^= 0x01; // same size: only the checksum tells
        try (S3Client s3 = bucket()) {
            String key = object(overwritten);
            s3.putObject(r -> r.bucket(LocalS3Resource.BUCKET).key(key), RequestBody.fromBytes(corrupt));
            String gone = object(deleted);
            s3.deleteObject(r -> r.bucket(LocalS3Resource.BUCKET).key(gone));
        }

        scrub().body("checked", equalTo(3))
                .body("intact", equalTo(1))
                .body("mismatches", equalTo(1))
                .body("missing", equalTo(1));
        report("")
                .body("damagedObjects.total", equalTo(2))
                .body(
                        "damagedObjects.items.find { it.sopInstanceUID == '" + overwritten.sopInstanceUid()
                                + "' }.problem",
                        equalTo("MISMATCH"))
                .body(
                        "damagedObjects.items.find { it.sopInstanceUID == '" + deleted.sopInstanceUid() + "' }.problem",
                        equalTo("MISSING"));

        try (S3Client s3 = bucket()) {
            String key = object(overwritten);
            s3.putObject(r -> r.bucket(LocalS3Resource.BUCKET).key(key), RequestBody.fromBytes(bytes));
        }
        scrub().body("intact", equalTo(2)).body("mismatches", equalTo(0)).body("missing", equalTo(1));
        report("").body("damagedObjects.total", equalTo(1));
    }
}
