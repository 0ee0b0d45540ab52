package org.opendicomweb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendicomweb.testing.LocalS3;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 blob store against a real S3 API (S3Proxy on loopback); each test has a bucket of its own. */
class S3BlobStoreTest {
    private static final int PART = 5 * 1024 * 1024;
    private static final String KEY = "1.2.3/4.5.6/7.8.9-000000000001";

    private static LocalS3 s3;

    @TempDir
    Path local;

    private String bucket;

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = s3.createBucket("b-" + UUID.randomUUID().toString().substring(0, 13));
    }

    private S3BlobStore store(String prefix, long maxSingleCopy) {
        S3Settings settings = new S3Settings(bucket, Optional.of(s3.endpoint()), Optional.empty(), true, prefix);
        return new S3BlobStore(settings, settings.newClient(), local, Duration.ofHours(1), PART, maxSingleCopy);
    }

    private S3BlobStore store() {
        return store("archive", S3BlobStore.MAX_SINGLE_COPY);
    }

    private static byte[] bytes(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + i / 4099);
        }
        return b;
    }

    private static void write(StagedBlob staged, byte[] bytes) throws IOException {
        OutputStream out = staged.outputStream();
        for (int i = 0; i < bytes.length; i += 100_000) {
            out.write(bytes, i, Math.min(100_000, bytes.length - i));
        }
    }

    private static void commit(S3BlobStore store, String key, byte[] bytes) throws IOException {
        try (StagedBlob staged = store.stage()) {
            write(staged, bytes);
            store.commit(staged, key);
        }
    }

    @Test
    void stagedBlobKnowsTheCrc32cOfAllItsPartsAndReadsItselfBackBeforeCommit() throws IOException {
        S3BlobStore store = store();
        for (byte[] bytes : List.of(bytes(70_000), bytes(2 * PART + 12_345))) {
            java.util.zip.CRC32C expected = new java.util.zip.CRC32C();
            expected.update(bytes);
            try (StagedBlob staged = store.stage()) {
                write(staged, bytes);
                assertEquals(expected.getValue(), staged.crc32c(), bytes.length + " bytes");
                try (InputStream in = staged.inputStream()) {
                    assertArrayEquals(bytes, in.readAllBytes(), bytes.length + " bytes");
                }
                store.commit(staged, KEY);
            }
            try (ReadableBlob blob = store.open(KEY)) {
                assertArrayEquals(bytes, blob.inputStream().readAllBytes());
            }
        }
    }

    @Test
    void smallBlobIsStoredUnderThePrefixAndReadWholeAndByRange() throws IOException {
        S3BlobStore store = store();
        byte[] bytes = bytes(70_000);
        commit(store, KEY, bytes);

        assertEquals(List.of("archive/" + KEY), s3.keys(bucket));
        try (ReadableBlob blob = store.open(KEY)) {
            assertEquals(bytes.length, blob.size());
            assertTrue(blob.fileChannel().isEmpty());
            assertArrayEquals(bytes, blob.inputStream().readAllBytes());
            try (InputStream range = blob.inputStream(1000, 5000)) {
                assertArrayEquals(Arrays.copyOfRange(bytes, 1000, 6000), range.readAllBytes());
            }
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            blob.transferTo(65_000, 5000, Channels.newChannel(sink));
            assertArrayEquals(Arrays.copyOfRange(bytes, 65_000, 70_000), sink.toByteArray());
            assertEquals(0, blob.inputStream(70_000, 0).readAllBytes().length);
            assertThrows(IllegalArgumentException.class, () -> blob.inputStream(69_000, 1001));
        }
        assertFalse(store.opensLocally());
    }

    @Test
    void stagedBlobIsInvisibleUntilCommitted() throws IOException {
        S3BlobStore store = store();
        try (StagedBlob staged = store.stage()) {
            write(staged, bytes(1000));
            assertEquals(1000, staged.size());
            assertFalse(store.exists(KEY));
            store.commit(staged, KEY);
        }
        assertTrue(store.exists(KEY));
    }

    @Test
    void largeBlobIsUploadedInPartsWhileItIsWrittenAndCommittedWhole() throws IOException {
        S3BlobStore store = store();
        byte[] bytes = bytes(2 * PART + 123_457);
        try (StagedBlob staged = store.stage()) {
            write(staged, bytes);
            assertEquals(1, s3.openUploads(bucket).size(), "the first parts went out before the commit");
            assertFalse(store.exists(KEY));
            store.commit(staged, KEY);
        }

        assertEquals(List.of(), s3.openUploads(bucket));
        assertEquals(List.of("archive/" + KEY), s3.keys(bucket), "the staging object is gone");
        try (ReadableBlob blob = store.open(KEY)) {
            assertEquals(bytes.length, blob.size());
            assertArrayEquals(bytes, blob.inputStream().readAllBytes());
            try (InputStream across = blob.inputStream(PART - 10, 20)) {
                assertArrayEquals(Arrays.copyOfRange(bytes, PART - 10, PART + 10), across.readAllBytes());
            }
        }
    }

    @Test
    void blobOfExactlyOnePartIsOnePut() throws IOException {
        S3BlobStore store = store();
        byte[] bytes = bytes(PART);
        try (StagedBlob staged = store.stage()) {
            write(staged, bytes);
            assertEquals(List.of(), s3.openUploads(bucket));
            store.commit(staged, KEY);
        }
        try (ReadableBlob blob = store.open(KEY)) {
            assertArrayEquals(bytes, blob.inputStream().readAllBytes());
        }
    }

    @Test
    void copyLargerThanOneCopyMayTakeIsMadeOfPartCopies() throws IOException {
        S3BlobStore store = store("", 2 * PART);
        byte[] bytes = bytes(3 * PART + 17);
        commit(store, KEY, bytes);

        assertEquals(List.of(), s3.openUploads(bucket));
        assertEquals(List.of(KEY), s3.keys(bucket));
        try (ReadableBlob blob = store.open(KEY)) {
            assertArrayEquals(bytes, blob.inputStream().readAllBytes());
        }
    }

    @Test
    void failedInstanceLeavesNoUploadAndNoObject() throws IOException {
        S3BlobStore store = store();
        StagedBlob staged = store.stage();
        write(staged, bytes(2 * PART + 1));
        assertEquals(1, s3.openUploads(bucket).size());
        staged.close(); // what a store does with an instance that failed validation

        assertEquals(List.of(), s3.openUploads(bucket));
        assertEquals(List.of(), s3.keys(bucket));
        assertEquals(List.of(), s3.filesOf(bucket), "no parts left in the backend either");
        assertThrows(IOException.class, () -> staged.outputStream().write(1));
    }

    @Test
    void batchIsCommittedWholeOrNotAtAll() throws IOException {
        S3BlobStore store = store();
        List<String> keys = List.of("1.2/3.4/5-000000000001", "1.2/3.4/6-000000000001", "1.2/3.4/7-000000000001");
        List<StagedBlob> staged = List.of(store.stage(), store.stage(), store.stage(), store.stage());
        for (int i = 0; i < staged.size(); i++) {
            write(staged.get(i), bytes(1000 + i));
        }
        store.commitAll(List.of(
                Map.entry(staged.get(0), keys.get(0)),
                Map.entry(staged.get(1), keys.get(1)),
                Map.entry(staged.get(2), keys.get(2))));
        for (int i = 0; i < keys.size(); i++) {
            try (ReadableBlob blob = store.open(keys.get(i))) {
                assertArrayEquals(bytes(1000 + i), blob.inputStream().readAllBytes());
            }
        }

        List<StagedBlob> failing = List.of(store.stage(), store.stage());
        write(failing.get(0), bytes(10));
        write(failing.get(1), bytes(PART + 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> store.commitAll(List.of(
                        Map.entry(failing.get(0), "1.2/3.4/8-000000000001"), Map.entry(failing.get(1), "not//valid"))));
        assertFalse(store.exists("1.2/3.4/8-000000000001"));
        assertEquals(List.of(), s3.openUploads(bucket));
        staged.get(3).close();
    }

    @Test
    void serviceThatRefusesChecksumHeadersGetsContentMd5Only() throws IOException {
        S3BlobStore store = store();
        store.checkWritable();
        assertFalse(store.sendsChecksums(), "S3Proxy answers 501 to x-amz-checksum-crc32c");
    }

    @Test
    void checksumsAreSentWhereTheServiceTakesThem() throws IOException {
        try (LocalS3 lenient = LocalS3.start(true)) {
            String own = lenient.createBucket("lenient");
            S3Settings settings = new S3Settings(own, Optional.of(lenient.endpoint()), Optional.empty(), true, "");
            S3BlobStore store =
                    new S3BlobStore(settings, settings.newClient(), local, Duration.ofHours(1), PART, 2 * PART);
            byte[] small = bytes(1000);
            byte[] large = bytes(3 * PART + 5);
            commit(store, KEY, small);
            commit(store, "1.2/3.4/5-000000000001", large);

            assertTrue(store.sendsChecksums());
            try (ReadableBlob blob = store.open("1.2/3.4/5-000000000001")) {
                assertArrayEquals(large, blob.inputStream().readAllBytes());
            }
            assertEquals(List.of(), lenient.openUploads(own));
        }
    }

    @Test
    void storedObjectThatDoesNotMatchWhatWasSentIsDeletedAndFails() throws IOException {
        S3BlobStore store = store();
        byte[] bytes = bytes(1000);
        commit(store, KEY, bytes);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);

        assertThrows(
                IOException.class,
                () -> store.verify("archive/" + KEY, bytes.length + 1, S3BlobStore.crc32c(crc.getValue()), null, null));
        assertFalse(store.exists(KEY));
    }

    @Test
    void aChecksumTheStoreReportsSparesTheReadBackAndOneThatDiffersIsRefused() throws IOException {
        AtomicInteger heads = new AtomicInteger();
        S3Settings settings = new S3Settings(bucket, Optional.of(s3.endpoint()), Optional.empty(), true, "archive");
        S3Client real = settings.newClient();
        S3Client counting = (S3Client) Proxy.newProxyInstance(
                S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, (proxy, method, args) -> {
                    if (method.getName().equals("headObject")) {
                        heads.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        S3BlobStore store =
                new S3BlobStore(settings, counting, local, Duration.ofHours(1), PART, S3BlobStore.MAX_SINGLE_COPY);
        byte[] bytes = bytes(1000);
        commit(store, KEY, bytes);
        assertTrue(heads.get() >= 1, "S3Proxy reports no checksum for an upload: the store reads back what it holds");
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        String sent = S3BlobStore.crc32c(crc.getValue());
        String other = S3BlobStore.crc32c(crc.getValue() ^ 0x1);

        heads.set(0);
        store.verify("archive/" + KEY, bytes.length, sent, null, sent);
        assertEquals(0, heads.get(), "the checksum the store reported is compared, without a HeadObject");
        assertTrue(store.exists(KEY));

        heads.set(0);
        IOException refused =
                assertThrows(IOException.class, () -> store.verify("archive/" + KEY, bytes.length, sent, null, other));
        assertTrue(refused.getMessage().contains(other), refused.getMessage());
        assertEquals(0, heads.get());
        assertFalse(store.exists(KEY), "an upload the store reports other bytes for is deleted");
    }

    @Test
    void deleteRemovesTheBlobOnce() throws IOException {
        S3BlobStore store = store();
        commit(store, KEY, bytes(10));
        assertTrue(store.delete(KEY));
        assertFalse(store.delete(KEY));
        assertFalse(store.exists(KEY));
        assertThrows(NoSuchFileException.class, () -> store.open(KEY));
    }

    @Test
    void keysWrittenBeforeListsCommittedBlobsBelowThePrefixOnly() throws IOException {
        S3BlobStore store = store();
        commit(store, KEY, bytes(10));
        s3.client().putObject(r -> r.bucket(bucket).key("elsewhere/1.2/3"), RequestBody.fromString("x"));
        StagedBlob open = store.stage();
        write(open, bytes(PART + 1)); // an upload in progress
        s3.client()
                .putObject(
                        r -> r.bucket(bucket).key("archive/" + S3BlobStore.STAGING + "other_1_00000000/left"),
                        RequestBody.fromString("x"));

        try (Stream<String> keys = store.keysWrittenBefore(Instant.now().plusSeconds(60))) {
            assertEquals(List.of(KEY), keys.toList());
        }
        try (Stream<String> keys = store.keysWrittenBefore(Instant.now().minusSeconds(3600))) {
            assertEquals(List.of(), keys.toList());
        }
        open.close();
    }

    @Test
    void sweepRemovesStagedLeftoversOfWritersThatAreGoneAndKeepsOthers() throws IOException {
        String gone = StagingArea.hostName() + "_" + ProcessHandle.current().pid() + "_0000dead";
        String elsewhere = "some-other-host_1_0000beef";
        S3BlobStore store = store();
        for (String writer : List.of(gone, elsewhere)) {
            String key = "archive/" + S3BlobStore.STAGING + writer + "/upload";
            s3.client().createMultipartUpload(r -> r.bucket(bucket).key(key));
            s3.client().putObject(r -> r.bucket(bucket).key(key + "-done"), RequestBody.fromString("x"));
        }

        assertTrue(store.sweepStaging(Instant.now().minusSeconds(3600)) > 0);
        assertEquals(1, s3.openUploads(bucket).size(), "the other host's upload may still be going on");
        assertTrue(s3.openUploads(bucket).get(0).key().contains(elsewhere));
        assertTrue(
                s3.keys(bucket).stream().noneMatch(k -> k.contains(gone)),
                s3.keys(bucket).toString());
        assertTrue(s3.keys(bucket).stream().anyMatch(k -> k.contains(elsewhere)));

        assertTrue(store.sweepStaging(Instant.now().plusSeconds(60)) > 0, "the other host's, once old enough");
        assertEquals(List.of(), s3.openUploads(bucket));
        assertEquals(List.of(), s3.keys(bucket));
    }

    @Test
    void leftoversAreSweptOnceTheStoreIsUsableWhenItWasNotAtStartUp() throws InterruptedException {
        bucket = "late-" + UUID.randomUUID().toString().substring(0, 8);
        S3BlobStore store = store();
        store.start(); // the bucket is missing: the probe fails, the sweep waits
        s3.createBucket(bucket);
        String gone = StagingArea.hostName() + "_" + ProcessHandle.current().pid() + "_0000dead";
        String key = "archive/" + S3BlobStore.STAGING + gone + "/upload";
        s3.client().createMultipartUpload(r -> r.bucket(bucket).key(key));

        store.checkWritable(); // as readiness or the next request probes it
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!s3.openUploads(bucket).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), s3.openUploads(bucket), "swept once usable");
    }

    @Test
    void missingBucketMakesTheStoreUnavailableNamingTheCause() {
        bucket = "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8);
        S3BlobStore store = store();

        StorageUnavailableException down = assertThrows(StorageUnavailableException.class, store::checkWritable);
        assertTrue(down.getMessage().contains("NoSuchBucket"), down.getMessage());
        assertTrue(down.getMessage().contains("s3://" + bucket + "/archive/"), down.getMessage());
        assertThrows(StorageUnavailableException.class, store::stage);
        assertThrows(StorageUnavailableException.class, () -> store.open(KEY));
    }

    @Test
    void unreachableServiceMakesTheStoreUnavailable() {
        S3Settings settings =
                new S3Settings(bucket, Optional.of(URI.create("http://127.0.0.1:9")), Optional.empty(), true, "");
        S3BlobStore store = new S3BlobStore(
                settings, settings.newClient(), local, Duration.ofHours(1), PART, S3BlobStore.MAX_SINGLE_COPY);
        assertThrows(StorageUnavailableException.class, store::checkWritable);
    }

    @Test
    void temporaryBlobsStayLocal() throws IOException {
        S3BlobStore store = store();
        byte[] bytes = bytes(1000);
        try (TemporaryBlob temporary = store.temporary()) {
            temporary.outputStream().write(bytes);
            assertArrayEquals(bytes, temporary.inputStream().readAllBytes());
        }
        assertEquals(List.of(), s3.keys(bucket));
    }
}
