package org.opendicomweb.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link BlobStore} in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph, ...): blob key {@code a/b/c}
 * is object {@code <prefix>a/b/c}.
 *
 * <p>Writing. An instance is uploaded while it is received, never held whole: a staged blob buffers up to one part
 * ({@value #PART_SIZE} bytes). A blob that fits (most single-frame images) is sent by one PutObject straight to its
 * key at commit, when the key is known. A larger one becomes a multipart upload as soon as its first part is full,
 * under a staging key of this process ({@code <prefix>.staging/<host>_<pid>_<random>/<uuid>}), since
 * {@link #commit(StagedBlob, String)} names the final key only at the end; commit completes that upload and copies
 * the object server-side to its key (CopyObject, or UploadPartCopy beyond {@value #MAX_SINGLE_COPY} bytes), then
 * deletes the staging object. Buffering the whole of a large instance in a local file until commit instead would
 * save the copy but delay every byte of the upload until the request has ended, and needs local disk for the largest
 * instance; the copy stays inside the store. Nothing is visible under a key before commit: S3 makes a PutObject, a
 * completed upload and a copy visible at once and whole.
 *
 * <p>Integrity: the staged blob's CRC32C, computed once while the bytes arrive and the same value the index keeps
 * ({@link StagedBlob#crc32c()}: each part's as it is buffered, the whole object's combined from them), is sent with
 * the upload (the whole object's with a PutObject, each part's and, with checksum type FULL_OBJECT, the whole
 * object's with a multipart upload) so that the store refuses what it did not receive intact; every request body also carries its Content-MD5, which all
 * S3-compatible services check (some refuse the CRC32C headers: then only that). The checksum the store reports back
 * is compared with ours; a store that reports none is asked for the object's size instead. A blob that does not
 * verify is deleted and its commit fails.
 *
 * <p>Leftovers: a failed or discarded blob aborts its multipart upload at once. A crash leaves open uploads and
 * perhaps a completed staging object below {@code .staging/}, which is no valid blob key, so neither
 * {@link #keysWrittenBefore} nor the orphan sweep ever sees it; the sweep at start-up aborts and deletes them (those
 * of processes of this host that are gone at once, others' once older than the staging grace, as the filesystem
 * store does).
 *
 * <p>Reading: the size comes from HeadObject, every range is its own ranged GetObject streamed to the caller
 * (pinned to the ETag seen at open), nothing is held whole. Temporary blobs stay local files below the storage path:
 * they are read back within the request.
 *
 * <p>A bucket that is missing, refuses our credentials, or cannot be reached makes the store unavailable
 * ({@link StorageUnavailableException}, 503, readiness DOWN with the reason); it probes again on later calls.
 */
public final class S3BlobStore implements BlobStore {
    private static final Logger LOG = Logger.getLogger(S3BlobStore.class);

    /** Multipart uploads take parts of at least 5 MiB (but the last) and at most 10,000 of them. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;
    static final String STAGING = ".staging/";
    private static final int PARALLEL_COMMITS = 16;

    private final S3Settings settings;
    private final S3Client client;
    private final String unusable;
    private final StagingArea local;
    private final Duration stagingGrace;
    private final String owner = StagingArea.newOwnerName();
    private final int partSize;
    private final long maxSingleCopy;
    private volatile boolean ready;
    private volatile boolean checksums = true;
    /** Whether the sweep of crashed processes' uploads is still to run (it runs once the store is usable). */
    private final AtomicBoolean leftoversPending = new AtomicBoolean();

    /**
     * A store over {@code client}. {@code localRoot} holds temporary blobs; {@code partSize} and {@code maxSingleCopy}
     * are the limits above, smaller only in tests.
     */
    S3BlobStore(
            S3Settings settings,
            S3Client client,
            Path localRoot,
            Duration stagingGrace,
            int partSize,
            long maxSingleCopy) {
        this(settings, client, null, localRoot, stagingGrace, partSize, maxSingleCopy);
    }

    private S3BlobStore(
            S3Settings settings,
            S3Client client,
            String unusable,
            Path localRoot,
            Duration stagingGrace,
            int partSize,
            long maxSingleCopy) {
        this.settings = settings;
        this.client = client;
        this.unusable = unusable;
        this.local = new StagingArea(localRoot.toAbsolutePath().normalize(), stagingGrace);
        this.stagingGrace = stagingGrace;
        this.partSize = partSize;
        this.maxSingleCopy = maxSingleCopy;
    }

    /**
     * The store the configuration describes. Never throws for a store that cannot be used: a client that cannot be
     * built (no region found) leaves the store unavailable with the reason. The first probe and the sweep of
     * leftovers run in the background, so that a slow or unreachable service does not hold the start up.
     */
    public static S3BlobStore open(S3Settings settings, Path localRoot, Duration stagingGrace) {
        S3Client client = null;
        String unusable = null;
        try {
            client = settings.newClient();
        } catch (RuntimeException e) {
            unusable = "the S3 client cannot be configured: " + describe(e);
        }
        S3BlobStore store =
                new S3BlobStore(settings, client, unusable, localRoot, stagingGrace, PART_SIZE, MAX_SINGLE_COPY);
        Thread.ofVirtual().name("s3-blob-store-start").start(store::start);
        return store;
    }

    /**
     * Sweeps local temporary files, then the uploads crashed processes left in the bucket as soon as the store is
     * usable: at once, or once a later probe (readiness, a request) finds it so. A store that cannot be reached at
     * start-up would otherwise keep those uploads open until its next start.
     */
    void start() {
        try {
            local.create();
            local.sweep();
        } catch (IOException e) {
            LOG.warnf("Temporary files of STOW requests cannot be kept in %s: %s", local.folder(), describe(e));
        }
        leftoversPending.set(true);
        try {
            checkWritable();
        } catch (StorageUnavailableException e) {
            LOG.errorf("%s; readiness is DOWN and storing/retrieving gets 503", e.getMessage());
        }
    }

    private void sweepLeftovers() {
        try {
            int swept = sweepStaging(Instant.now().minus(stagingGrace));
            LOG.infof("Blob storage ready at %s (%d leftover staged upload(s) removed)", location(), swept);
        } catch (RuntimeException e) {
            leftoversPending.set(true);
            LOG.warnf(
                    "Sweeping staged uploads left in %s failed: %s (tried again once the store is probed)",
                    location(), describe(e));
        }
    }

    @Override
    public String location() {
        return settings.describe();
    }

    @Override
    public StagedBlob stage() {
        requireReady();
        return new S3StagedBlob(this, settings.prefix() + STAGING + owner + "/" + UUID.randomUUID(), partSize);
    }

    @Override
    public TemporaryBlob temporary() throws IOException {
        local.create();
        return FileTemporaryBlob.create(local.folder());
    }

    @Override
    public void commit(StagedBlob blob, String key) throws IOException {
        S3StagedBlob staged = own(blob);
        String object = objectKey(key);
        requireReady();
        staged.commit(object);
    }

    /**
     * Commits the blobs of a batch side by side: a small blob's bytes go out only at commit, and one request after
     * the other would make a batch of small instances wait for as many round trips. On failure, those committed are
     * deleted again and the rest discarded.
     */
    @Override
    public void commitAll(List<Map.Entry<StagedBlob, String>> blobs) throws IOException {
        if (blobs.size() < 2) {
            BlobStore.super.commitAll(blobs);
            return;
        }
        List<String> done = new ArrayList<>();
        Throwable failure = null;
        try (ExecutorService commits = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore permits = new Semaphore(PARALLEL_COMMITS);
            List<Future<String>> pending = new ArrayList<>();
            for (Map.Entry<StagedBlob, String> blob : blobs) {
                pending.add(commits.submit(() -> {
                    permits.acquire();
                    try {
                        commit(blob.getKey(), blob.getValue());
                        return blob.getValue();
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<String> commit : pending) {
                try {
                    done.add(commit.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? new java.io.InterruptedIOException("Commit interrupted") : failure;
                }
            }
        }
        if (failure == null) {
            return;
        }
        for (String key : done) {
            try {
                delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Could not delete %s after its batch failed: %s (the orphan sweep removes it)", key, e);
            }
        }
        blobs.forEach(blob -> discard(blob.getKey()));
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw new IOException(failure);
    }

    @Override
    public void discard(StagedBlob blob) {
        own(blob).discard();
    }

    @Override
    public Stream<String> keysWrittenBefore(Instant cutoff) {
        requireReady();
        int strip = settings.prefix().length();
        try {
            return client
                    .listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(settings.prefix()))
                    .contents()
                    .stream()
                    .filter(o -> o.lastModified().isBefore(cutoff))
                    .map(o -> o.key().substring(strip))
                    .filter(BlobStore::isValidKey);
        } catch (SdkException e) {
            throw unavailableOr(e, () -> new IllegalStateException(e));
        }
    }

    @Override
    public ReadableBlob open(String key) throws IOException {
        String object = objectKey(key);
        requireReady();
        try {
            HeadObjectResponse head =
                    client.headObject(r -> r.bucket(settings.bucket()).key(object));
            return new S3ReadableBlob(this, object, head.contentLength(), head.eTag());
        } catch (SdkException e) {
            if (notFound(e)) {
                throw new NoSuchFileException(key, null, "no blob with this key");
            }
            throw failure("Opening", object, e);
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        String object = objectKey(key);
        requireReady();
        if (!exists(key)) {
            return false; // S3 answers a delete of nothing as a success
        }
        try {
            client.deleteObject(r -> r.bucket(settings.bucket()).key(object));
            return true;
        } catch (SdkException e) {
            throw failure("Deleting", object, e);
        }
    }

    @Override
    public boolean exists(String key) {
        String object = objectKey(key);
        requireReady();
        try {
            client.headObject(r -> r.bucket(settings.bucket()).key(object));
            return true;
        } catch (SdkException e) {
            if (notFound(e)) {
                return false;
            }
            throw unavailableOr(e, () -> new IllegalStateException("Looking up " + object + ": " + describe(e), e));
        }
    }

    /**
     * Writes and deletes a one-byte object below {@code .staging/}: a bucket we can only read is not ready. The write
     * carries a CRC32C, so that a service which refuses those headers is known before the first upload: it may answer
     * a large upload's headers before it has read the body, which the client then reports as a broken connection.
     */
    @Override
    public void checkWritable() {
        if (client == null) {
            throw new StorageUnavailableException(
                    "Blob storage at " + location() + " is not usable: " + unusable, null);
        }
        String probe = settings.prefix() + STAGING + owner + "/probe-" + UUID.randomUUID();
        try {
            byte[] one = {1};
            CRC32C crc = new CRC32C();
            crc.update(one);
            withChecksums(withCrc -> client.putObject(
                    r -> r.bucket(settings.bucket())
                            .key(probe)
                            .contentMD5(md5(one, 1))
                            .checksumCRC32C(withCrc ? crc32c(crc.getValue()) : null),
                    RequestBody.fromBytes(one)));
            client.deleteObject(r -> r.bucket(settings.bucket()).key(probe));
        } catch (SdkException e) {
            if (ready) {
                LOG.errorf("Blob storage at %s stopped being writable: %s", location(), describe(e));
            }
            ready = false;
            throw new StorageUnavailableException(
                    "Blob storage at " + location() + " is not writable: " + describe(e), e);
        }
        if (!ready) {
            ready = true;
            LOG.infof("Blob storage at %s is usable", location());
        }
        if (leftoversPending.compareAndSet(true, false)) {
            Thread.ofVirtual().name("s3-staging-sweep").start(this::sweepLeftovers);
        }
    }

    /**
     * Aborts the multipart uploads and deletes the staging objects that writers which can no longer commit left
     * behind: those of this host's processes that are gone, and any begun before {@code cutoff}. Returns how many.
     */
    int sweepStaging(Instant cutoff) {
        String staging = settings.prefix() + STAGING;
        String host = StagingArea.hostName();
        long pid = ProcessHandle.current().pid();
        int removed = 0;
        for (MultipartUpload upload : client.listMultipartUploadsPaginator(
                        r -> r.bucket(settings.bucket()).prefix(staging))
                .uploads()) {
            if (abandoned(upload.key(), upload.initiated(), staging, cutoff, host, pid)) {
                client.abortMultipartUpload(
                        r -> r.bucket(settings.bucket()).key(upload.key()).uploadId(upload.uploadId()));
                removed++;
            }
        }
        for (S3Object object : client.listObjectsV2Paginator(
                        r -> r.bucket(settings.bucket()).prefix(staging))
                .contents()) {
            if (abandoned(object.key(), object.lastModified(), staging, cutoff, host, pid)) {
                client.deleteObject(r -> r.bucket(settings.bucket()).key(object.key()));
                removed++;
            }
        }
        return removed;
    }

    private boolean abandoned(String key, Instant written, String staging, Instant cutoff, String host, long pid) {
        String rest = key.substring(staging.length());
        int slash = rest.indexOf('/');
        String writer = slash < 0 ? "" : rest.substring(0, slash);
        if (writer.equals(owner)) {
            return false;
        }
        return written.isBefore(cutoff) || StagingArea.writerIsGone(writer, host, pid);
    }

    // --- used by the staged and readable blobs ---------------------------------------------------------------------

    S3Client client() {
        return client;
    }

    String bucket() {
        return settings.bucket();
    }

    /** Whether uploads carry our CRC32C headers (false once the service refused them). */
    boolean sendsChecksums() {
        return checksums;
    }

    long maxSingleCopy() {
        return maxSingleCopy;
    }

    /**
     * Checks what the store holds under {@code object} against what was sent: the CRC32C the store reported, when it
     * reported one, else what HeadObject tells (the size, and the checksum where the store keeps one). Either the whole
     * object's CRC32C or, for a multipart upload stored as such, the checksum of its parts' checksums
     * ({@code composite}, or null) is accepted. A mismatch deletes the object and fails.
     */
    void verify(String object, long size, String crc32c, String composite, String reported) throws IOException {
        try {
            String stored = reported;
            long storedSize = size;
            if (stored == null) {
                HeadObjectResponse head = client.headObject(r ->
                        r.bucket(settings.bucket()).key(object).checksumMode(checksums ? ChecksumMode.ENABLED : null));
                stored = head.checksumCRC32C();
                storedSize = head.contentLength();
            }
            boolean crcMatches = stored == null || stored.equals(crc32c) || stored.equals(composite);
            if (storedSize != size || !crcMatches) {
                client.deleteObject(r -> r.bucket(settings.bucket()).key(object));
                throw new IOException("The store holds other bytes under " + object + " than were sent ("
                        + storedSize + " bytes, CRC32C " + stored + "; sent " + size + " bytes, CRC32C " + crc32c
                        + ")");
            }
        } catch (SdkException e) {
            throw failure("Verifying", object, e);
        }
    }

    /** Sends a blob that fits one request straight to its key. */
    void putWhole(String object, byte[] bytes, int length, String crc32c) throws IOException {
        String md5 = md5(bytes, length);
        try {
            PutObjectResponse put = withChecksums(withCrc -> client.putObject(
                    r -> r.bucket(settings.bucket())
                            .key(object)
                            .contentLength((long) length)
                            .contentMD5(md5)
                            .checksumCRC32C(withCrc ? crc32c : null),
                    RequestBody.fromContentProvider(
                            () -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream")));
            verify(object, length, crc32c, null, put.checksumCRC32C());
        } catch (SdkException e) {
            throw failure("Storing", object, e);
        }
    }

    /**
     * Makes a call with our CRC32C headers while the service takes them, else without. Some S3-compatible services
     * refuse the {@code x-amz-checksum-*} headers outright (501 Not Implemented); they still check the Content-MD5
     * every upload carries, and the stored size is compared after every commit, so that is the integrity we keep with
     * them.
     */
    <T> T withChecksums(java.util.function.Function<Boolean, T> call) {
        if (!checksums) {
            return call.apply(false);
        }
        try {
            return call.apply(true);
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw e;
            }
            checksums = false;
            LOG.warnf(
                    "%s does not take CRC32C checksum headers (%s): uploads carry only Content-MD5 from now on",
                    location(), describe(e));
            return call.apply(false);
        }
    }

    /** The Content-MD5 header's value for these bytes. */
    static String md5(byte[] bytes, int length) {
        try {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            md5.update(bytes, 0, length);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }

    /**
     * An exception for a failed call: {@link StorageUnavailableException} when the bucket as a whole cannot be used
     * (it is gone, refuses us, cannot be reached), marking the store down; else an {@link IOException} for this call.
     */
    IOException failure(String what, String object, SdkException e) {
        if (bucketUnusable(e)) {
            throw unavailable(e);
        }
        return new IOException(what + " " + object + " in " + location() + ": " + describe(e), e);
    }

    private RuntimeException unavailableOr(SdkException e, Supplier<RuntimeException> otherwise) {
        return bucketUnusable(e) ? unavailable(e) : otherwise.get();
    }

    private StorageUnavailableException unavailable(SdkException e) {
        if (ready) {
            LOG.errorf("Blob storage at %s stopped being usable: %s", location(), describe(e));
        }
        ready = false;
        return new StorageUnavailableException("Blob storage at " + location() + " is not usable: " + describe(e), e);
    }

    private static boolean bucketUnusable(SdkException e) {
        if (e instanceof NoSuchBucketException || e instanceof SdkClientException) {
            return true;
        }
        return e instanceof S3Exception s && (s.statusCode() == 403 || s.statusCode() == 301);
    }

    static boolean notFound(SdkException e) {
        return e instanceof NoSuchKeyException
                || (e instanceof S3Exception s && s.statusCode() == 404 && !(e instanceof NoSuchBucketException));
    }

    static String crc32c(long value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return Base64.getEncoder().encodeToString(b);
    }

    private String objectKey(String key) {
        if (!BlobStore.isValidKey(key)) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return settings.prefix() + key;
    }

    private void requireReady() {
        if (!ready) {
            checkWritable();
        }
    }

    private S3StagedBlob own(StagedBlob blob) {
        if (blob instanceof S3StagedBlob staged && staged.store() == this) {
            return staged;
        }
        throw new IllegalArgumentException("Not a blob staged by this S3BlobStore");
    }

    static String describe(Throwable e) {
        if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + ")"
                    + (s.awsErrorDetails().errorMessage() == null
                            ? ""
                            : ": " + s.awsErrorDetails().errorMessage());
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
