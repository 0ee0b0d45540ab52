package org.opendicomweb.stow;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.io.BinarySpill;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.TemporaryBlob;
import org.opendicomweb.web.MediaType;

/**
 * The bulk data parts of one metadata-and-bulk-data request (PS3.18 §10.5.1.4), spooled to temporary storage as
 * they arrive, since they may come before or after the metadata that names them. A part is found by its
 * {@code Content-Location} (the BulkDataURI the metadata uses), or by its {@code Content-ID} as a {@code cid:}
 * URI (RFC 2392). Large InlineBinary values of the metadata are kept the same way (see {@link #spillFor}).
 * All of them together may hold at most {@code limit} bytes. Closing deletes them.
 */
final class BulkDataParts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BulkDataParts.class);
    private static final MediaType OCTET_STREAM = MediaType.parse("application/octet-stream");

    /** One spooled part: where it was in the request, its media type, and its bytes. */
    static final class Spooled {
        final int partNumber;
        final MediaType type;
        final String location;
        final TemporaryBlob blob;
        final long length;
        boolean referenced;

        Spooled(int partNumber, MediaType type, String location, TemporaryBlob blob, long length) {
            this.partNumber = partNumber;
            this.type = type;
            this.location = location;
            this.blob = blob;
            this.length = length;
        }

        InputStream open() throws IOException {
            return blob.inputStream();
        }
    }

    /** The parts together would exceed the request limit; the request cannot go on. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(String message) {
            super(message);
        }
    }

    private final BlobStore blobs;
    private final long limit;
    private final String limitName;
    private final Map<String, Spooled> byReference = new HashMap<>();
    private final List<Spooled> all = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();
    private long total;

    BulkDataParts(BlobStore blobs, long limit, String limitName) {
        this.blobs = blobs;
        this.limit = limit;
        this.limitName = limitName;
    }

    /**
     * Spools a part's body. A part that nothing could reference (neither Content-Location nor Content-ID), or
     * whose reference another part has already taken, is read past and noted in {@link #remarks()}.
     */
    void receive(InputStream body, int partNumber, MediaType type, String contentLocation, String contentId)
            throws IOException {
        List<String> keys = new ArrayList<>(2);
        if (contentLocation != null && !contentLocation.isBlank()) {
            keys.add(contentLocation.strip());
        }
        if (contentId != null && !contentId.isBlank()) {
            String id = contentId.strip();
            if (id.startsWith("<") && id.endsWith(">")) {
                id = id.substring(1, id.length() - 1);
            }
            keys.add("cid:" + id);
        }
        String describe = "bulk data part " + partNumber + (keys.isEmpty() ? "" : " (" + keys.get(0) + ")");
        if (keys.isEmpty()) {
            remarks.add(describe
                    + " has neither Content-Location nor Content-ID, so no metadata can reference it; it was ignored");
            body.transferTo(OutputStream.nullOutputStream());
            return;
        }
        for (String key : keys) {
            if (byReference.containsKey(key)) {
                remarks.add(describe + " repeats the reference " + key + " of part " + byReference.get(key).partNumber
                        + "; it was ignored");
                body.transferTo(OutputStream.nullOutputStream());
                return;
            }
        }
        TemporaryBlob blob = blobs.temporary();
        boolean kept = false;
        try {
            long length = copy(body, blob.outputStream(), describe);
            Spooled spooled = new Spooled(partNumber, type, keys.get(0), blob, length);
            all.add(spooled);
            keys.forEach(k -> byReference.put(k, spooled));
            kept = true;
        } finally {
            if (!kept) {
                blob.close();
            }
        }
    }

    private long copy(InputStream in, OutputStream out, String describe) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            count(n, describe);
            out.write(buffer, 0, n);
            length += n;
        }
        return length;
    }

    private void count(int n, String describe) throws LimitExceededException {
        if (total + n > limit) {
            throw new LimitExceededException(
                    "the bulk data parts exceed " + limitName + " (" + limit + " bytes) at " + describe);
        }
        total += n;
    }

    /**
     * Where the metadata reader of part {@code partNumber} puts large InlineBinary values: temporary blobs like
     * bulk data parts, under references of their own that the datasets then carry as BulkDataURIs.
     */
    BinarySpill spillFor(int partNumber) {
        String describe = "an InlineBinary value of part " + partNumber;
        return () -> {
            TemporaryBlob blob = blobs.temporary();
            OutputStream raw = blob.outputStream();
            long[] length = new long[1];
            OutputStream counted = new BufferedOutputStream(
                    new OutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            write(new byte[] {(byte) b}, 0, 1);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            count(len, describe);
                            raw.write(b, off, len);
                            length[0] += len;
                        }
                    },
                    64 * 1024);
            return new BinarySpill.Entry() {
                @Override
                public OutputStream output() {
                    return counted;
                }

                @Override
                public BulkData finish() throws IOException {
                    counted.flush();
                    String key = "inline:" + UUID.randomUUID();
                    Spooled spooled = new Spooled(partNumber, OCTET_STREAM, key, blob, length[0]);
                    spooled.referenced = true;
                    all.add(spooled);
                    byReference.put(key, spooled);
                    return BulkData.ofUri(key);
                }

                @Override
                public void discard() {
                    blob.close();
                }
            };
        };
    }

    /** The part that a BulkDataURI names, or null. */
    Spooled find(String uri) {
        Spooled s = byReference.get(uri.strip());
        if (s != null) {
            s.referenced = true;
        }
        return s;
    }

    boolean has(String uri) {
        return byReference.containsKey(uri.strip());
    }

    /** Remarks about parts that no instance used, for the response; call once all instances are stored. */
    List<String> remarks() {
        List<String> out = new ArrayList<>(remarks);
        for (Spooled s : all) {
            if (!s.referenced) {
                out.add("bulk data part " + s.partNumber + " (" + s.location
                        + ") is referenced by no BulkDataURI of the metadata; it was ignored");
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (Spooled s : all) {
            s.blob.close();
        }
        LOG.debugf("Deleted %d spooled bulk data part(s), %d bytes", all.size(), total);
    }
}
