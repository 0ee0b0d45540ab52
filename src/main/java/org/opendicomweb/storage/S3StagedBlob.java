package org.opendicomweb.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A blob being written to an {@link S3BlobStore}: at most one part in memory; past it, a multipart upload under a
 * staging key (see the store for why). Not thread-safe, like every staged blob.
 */
final class S3StagedBlob implements StagedBlob {
    private static final Logger LOG = Logger.getLogger(S3StagedBlob.class);
    private static final int MAX_PARTS = 10_000;
    private static final int FIRST_BUFFER = 64 * 1024;

    private enum State {
        OPEN,
        COMMITTED,
        DISCARDED
    }

    private final S3BlobStore store;
    private final String stagingKey;
    private final int partSize;
    /** The CRC-32C of the part being buffered, updated as bytes arrive; the parts before it are in {@link #sent}. */
    private final CRC32C part = new CRC32C();
    /** The CRC-32C of the parts uploaded so far, combined. */
    private long sent;

    private final List<CompletedPart> parts = new ArrayList<>();
    private final List<Long> partCrcs = new ArrayList<>();
    private final OutputStream output = new Output();
    private final WritableByteChannel channel = Channels.newChannel(output);
    private byte[] buffer = new byte[0];
    private int buffered;
    private long size;
    private String uploadId;
    private boolean stagingObjectExists;
    private boolean uploadWithChecksums;
    private State state = State.OPEN;

    S3StagedBlob(S3BlobStore store, String stagingKey, int partSize) {
        this.store = store;
        this.stagingKey = stagingKey;
        this.partSize = partSize;
    }

    S3BlobStore store() {
        return store;
    }

    @Override
    public OutputStream outputStream() {
        return output;
    }

    @Override
    public WritableByteChannel channel() {
        return channel;
    }

    @Override
    public long size() {
        return size;
    }

    /** The whole object's CRC-32C: that of the parts uploaded, combined with that of the bytes buffered. */
    @Override
    public long crc32c() {
        return Crc32c.combine(sent, part.getValue(), buffered);
    }

    /**
     * A blob still in memory is read from there; one that became a multipart upload is completed to its staging
     * key first (which commit then only copies) and read from the store.
     */
    @Override
    public InputStream inputStream() throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException(
                    "Staged blob was already " + state.name().toLowerCase());
        }
        if (uploadId == null) {
            return new ByteArrayInputStream(buffer, 0, buffered);
        }
        finishUpload(S3BlobStore.crc32c(crc32c()));
        try {
            return store.client().getObject(r -> r.bucket(store.bucket()).key(stagingKey));
        } catch (SdkException e) {
            throw store.failure("Reading back", stagingKey, e);
        }
    }

    @Override
    public void close() {
        discard();
    }

    /** Makes the bytes visible under {@code object} (a full object key), or fails leaving nothing behind. */
    void commit(String object) throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException(
                    "Staged blob was already " + state.name().toLowerCase());
        }
        try {
            String crc = S3BlobStore.crc32c(crc32c());
            if (uploadId == null) {
                store.putWhole(object, buffer, buffered, crc);
            } else {
                finishUpload(crc);
                copyTo(object, crc);
                deleteStagingObject();
            }
            state = State.COMMITTED;
            buffer = null;
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** Throws the bytes away: aborts the upload, or deletes the staging object it became. Safe to call twice. */
    void discard() {
        if (state != State.OPEN) {
            return;
        }
        state = State.DISCARDED;
        buffer = null;
        S3Client client = store.client();
        try {
            if (stagingObjectExists) {
                deleteStagingObject();
            } else if (uploadId != null) {
                client.abortMultipartUpload(
                        r -> r.bucket(store.bucket()).key(stagingKey).uploadId(uploadId));
            }
        } catch (SdkException | IOException e) {
            // The start-up sweep aborts it later.
            LOG.warnf("Could not abort the upload of %s: %s", stagingKey, S3BlobStore.describe(e));
        }
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (state != State.OPEN) {
            throw new IOException("Staged blob was already " + state.name().toLowerCase());
        }
        if (stagingObjectExists) {
            throw new IOException("Staged blob was already read back");
        }
        int written = 0;
        while (written < length) {
            if (buffered == partSize) {
                // Only once more bytes come: a blob of exactly one part stays a single PutObject.
                uploadPart();
            }
            int n = Math.min(length - written, partSize - buffered);
            ensureCapacity(buffered + n);
            part.update(bytes, offset + written, n);
            System.arraycopy(bytes, offset + written, buffer, buffered, n);
            buffered += n;
            written += n;
            size += n;
        }
    }

    /** Grows the buffer by doubling, never past one part, so that a small blob costs little memory. */
    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            int capacity = Math.max(FIRST_BUFFER, buffer.length);
            while (capacity < needed) {
                capacity *= 2;
            }
            buffer = Arrays.copyOf(buffer, Math.min(capacity, partSize));
        }
    }

    private void uploadPart() throws IOException {
        S3Client client = store.client();
        int number = parts.size() + 1;
        if (number > MAX_PARTS) {
            throw new IOException("An instance of more than " + (long) MAX_PARTS * partSize
                    + " bytes does not fit a multipart upload of " + MAX_PARTS + " parts");
        }
        try {
            if (uploadId == null) {
                uploadId = store.withChecksums(withCrc -> {
                    uploadWithChecksums = withCrc;
                    return client.createMultipartUpload(r -> r.bucket(store.bucket())
                                    .key(stagingKey)
                                    .checksumAlgorithm(withCrc ? ChecksumAlgorithm.CRC32_C : null)
                                    .checksumType(withCrc ? ChecksumType.FULL_OBJECT : null))
                            .uploadId();
                });
            }
            long partCrc = part.getValue();
            String crc = uploadWithChecksums ? S3BlobStore.crc32c(partCrc) : null;
            byte[] bytes = buffer;
            int length = buffered;
            String md5 = S3BlobStore.md5(bytes, length);
            UploadPartResponse response = client.uploadPart(
                    r -> r.bucket(store.bucket())
                            .key(stagingKey)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) length)
                            .contentMD5(md5)
                            .checksumCRC32C(crc),
                    RequestBody.fromContentProvider(
                            () -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream"));
            parts.add(CompletedPart.builder()
                    .partNumber(number)
                    .eTag(response.eTag())
                    .checksumCRC32C(crc)
                    .build());
            partCrcs.add(partCrc);
            sent = Crc32c.combine(sent, partCrc, length);
            part.reset();
            buffered = 0;
        } catch (SdkException e) {
            throw store.failure("Uploading part " + number + " of", stagingKey, e);
        }
    }

    /** Uploads what is buffered and completes the upload to the staging key, once. */
    private void finishUpload(String crc) throws IOException {
        if (stagingObjectExists) {
            return;
        }
        if (buffered > 0) {
            uploadPart();
        }
        completeUpload(crc);
    }

    private void completeUpload(String crc) throws IOException {
        try {
            CompleteMultipartUploadResponse done = store.client()
                    .completeMultipartUpload(r -> r.bucket(store.bucket())
                            .key(stagingKey)
                            .uploadId(uploadId)
                            .checksumCRC32C(uploadWithChecksums ? crc : null)
                            .checksumType(uploadWithChecksums ? ChecksumType.FULL_OBJECT : null)
                            .mpuObjectSize(uploadWithChecksums ? size : null)
                            .multipartUpload(u -> u.parts(parts)));
            stagingObjectExists = true;
            store.verify(stagingKey, size, crc, compositeCrc(), done.checksumCRC32C());
        } catch (SdkException e) {
            throw store.failure("Completing the upload of", stagingKey, e);
        }
    }

    /** The checksum of a multipart object stored as parts: the CRC32C of the parts' CRC32Cs, then the part count. */
    private String compositeCrc() {
        CRC32C composite = new CRC32C();
        ByteBuffer crcs = ByteBuffer.allocate(4 * partCrcs.size());
        partCrcs.forEach(c -> crcs.putInt((int) (long) c));
        composite.update(crcs.array());
        return S3BlobStore.crc32c(composite.getValue()) + "-" + partCrcs.size();
    }

    private void copyTo(String object, String crc) throws IOException {
        S3Client client = store.client();
        try {
            if (size <= store.maxSingleCopy()) {
                CopyObjectResponse copy =
                        store.withChecksums(withCrc -> client.copyObject(r -> r.sourceBucket(store.bucket())
                                .sourceKey(stagingKey)
                                .destinationBucket(store.bucket())
                                .destinationKey(object)
                                .checksumAlgorithm(withCrc ? ChecksumAlgorithm.CRC32_C : null)));
                String reported = copy.copyObjectResult() == null
                        ? null
                        : copy.copyObjectResult().checksumCRC32C();
                store.verify(object, size, crc, compositeCrc(), reported);
            } else {
                copyInParts(object, crc);
            }
        } catch (SdkException e) {
            throw store.failure("Copying " + stagingKey + " to", object, e);
        }
    }

    /** A copy beyond what one CopyObject may copy: a multipart upload whose parts are copied ranges. */
    private void copyInParts(String object, String crc) throws IOException {
        S3Client client = store.client();
        boolean[] withCrc = new boolean[1];
        String copyId = store.withChecksums(crcHeaders -> {
            withCrc[0] = crcHeaders;
            return client.createMultipartUpload(r -> r.bucket(store.bucket())
                            .key(object)
                            .checksumAlgorithm(crcHeaders ? ChecksumAlgorithm.CRC32_C : null)
                            .checksumType(crcHeaders ? ChecksumType.FULL_OBJECT : null))
                    .uploadId();
        });
        boolean completed = false;
        try {
            long range = Math.max(store.maxSingleCopy() / 2, partSize);
            long count = (size + range - 1) / range;
            if (count > MAX_PARTS) {
                range = (size + MAX_PARTS - 1) / MAX_PARTS;
                count = (size + range - 1) / range;
            }
            List<CompletedPart> copied = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long first = i * range;
                long last = Math.min(size, first + range) - 1;
                int number = i + 1;
                UploadPartCopyResponse part = client.uploadPartCopy(r -> r.sourceBucket(store.bucket())
                        .sourceKey(stagingKey)
                        .destinationBucket(store.bucket())
                        .destinationKey(object)
                        .uploadId(copyId)
                        .partNumber(number)
                        .copySourceRange("bytes=" + first + "-" + last));
                copied.add(CompletedPart.builder()
                        .partNumber(number)
                        .eTag(part.copyPartResult().eTag())
                        .checksumCRC32C(part.copyPartResult().checksumCRC32C())
                        .build());
            }
            CompleteMultipartUploadResponse done = client.completeMultipartUpload(r -> r.bucket(store.bucket())
                    .key(object)
                    .uploadId(copyId)
                    .checksumCRC32C(withCrc[0] ? crc : null)
                    .checksumType(withCrc[0] ? ChecksumType.FULL_OBJECT : null)
                    .mpuObjectSize(withCrc[0] ? size : null)
                    .multipartUpload(u -> u.parts(copied)));
            completed = true;
            String reported = done.checksumCRC32C();
            // The parts of a copy are not ours: only the whole object's checksum can be compared.
            store.verify(object, size, crc, null, reported != null && reported.contains("-") ? null : reported);
        } finally {
            if (!completed) {
                try {
                    client.abortMultipartUpload(
                            r -> r.bucket(store.bucket()).key(object).uploadId(copyId));
                } catch (SdkException e) {
                    LOG.warnf("Could not abort the copy to %s: %s", object, S3BlobStore.describe(e));
                }
            }
        }
    }

    private void deleteStagingObject() throws IOException {
        try {
            store.client().deleteObject(r -> r.bucket(store.bucket()).key(stagingKey));
            stagingObjectExists = false;
        } catch (SdkException e) {
            // Committed all the same; the start-up sweep removes it.
            LOG.warnf("Could not delete the staging object %s: %s", stagingKey, S3BlobStore.describe(e));
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            S3StagedBlob.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            S3StagedBlob.this.write(b, off, len);
        }
    }
}
