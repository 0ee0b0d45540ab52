package org.opendicomweb.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where stored instances' bytes live. Knows bytes and keys, nothing about DICOM.
 *
 * <p>Writing is two-phase so that a reader, or the index, never sees a partial blob:
 * <pre>{@code
 * try (StagedBlob staged = store.stage()) {
 *     copy the request bytes into staged.outputStream() ...
 *     store.commit(staged, key);          // durable and visible under key, or an exception
 * }                                       // closing an uncommitted blob discards it
 * }</pre>
 * Commit before writing the index row that points at the key: a crash then leaves at worst an orphan blob,
 * never a row without its bytes.
 *
 * <p>Keys are chosen by the caller, like object-store keys: 1 to 4 segments separated by {@code /}, each of
 * {@code [A-Za-z0-9._-]} starting with a letter or digit, 255 characters at most. Segments group blobs that
 * belong together (the filesystem store makes them folders), so callers choose the grouping they read by.
 *
 * <p>Methods throw {@link StorageUnavailableException} (HTTP 503) while the store cannot be used at all, and
 * {@link java.io.IOException} for a failure of one operation.
 */
public interface BlobStore {

    /** A new, empty staged blob, invisible to {@link #open} and {@link #exists} until committed. */
    StagedBlob stage() throws IOException;

    /**
     * A new, empty temporary blob for bytes needed only during one request (never committed, never durable),
     * kept next to staged blobs rather than in memory.
     */
    TemporaryBlob temporary() throws IOException;

    /**
     * Makes the staged bytes durable and visible under {@code key}, replacing any blob with that key in one
     * atomic step. The staged blob is consumed: closing it afterwards does nothing.
     */
    void commit(StagedBlob blob, String key) throws IOException;

    /**
     * Commits several staged blobs as one step of durability: implementations may share the syncs that make
     * renames durable. On failure nothing of the batch is left behind (committed ones are deleted again).
     */
    default void commitAll(List<Map.Entry<StagedBlob, String>> blobs) throws IOException {
        List<String> done = new ArrayList<>();
        try {
            for (Map.Entry<StagedBlob, String> blob : blobs) {
                commit(blob.getKey(), blob.getValue());
                done.add(blob.getValue());
            }
        } catch (IOException | RuntimeException e) {
            for (String key : done) {
                delete(key);
            }
            blobs.forEach(blob -> discard(blob.getKey()));
            throw e;
        }
    }

    /**
     * Keys of committed blobs last written before {@code cutoff}, for consistency sweeps. The stream holds
     * resources: close it.
     */
    Stream<String> keysWrittenBefore(Instant cutoff) throws IOException;

    /** Throws the staged bytes away; safe to call twice and after a failed commit. */
    void discard(StagedBlob blob);

    /** Opens a committed blob for reading. */
    ReadableBlob open(String key) throws IOException;

    /**
     * Whether {@link #open} is now a call into the local file system that never waits on a network, so that it may
     * be made on an event loop (as the HTTP layer's own file sending does). A remote store answers false, and so
     * does a store that would first have to probe whether it can be used.
     */
    default boolean opensLocally() {
        return false;
    }

    /** Deletes a committed blob; false when there was none. */
    boolean delete(String key) throws IOException;

    boolean exists(String key);

    /**
     * Proves the store can take writes now (for readiness).
     *
     * @throws StorageUnavailableException naming the location and the cause when it cannot
     */
    void checkWritable();

    /** Where the store keeps its bytes, for log lines and health output. */
    String location();

    /** Whether a key is acceptable to {@link #commit}, {@link #open}, {@link #delete} and {@link #exists}. */
    static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 255) {
            return false;
        }
        String[] segments = key.split("/", -1);
        if (segments.length > 4) {
            return false;
        }
        for (String segment : segments) {
            if (!isValidSegment(segment)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidSegment(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }
}
