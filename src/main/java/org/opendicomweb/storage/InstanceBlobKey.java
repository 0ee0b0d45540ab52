package org.opendicomweb.storage;

import java.util.concurrent.ThreadLocalRandom;
import org.opendicomweb.dicom.Uids;

/**
 * The key a stored instance's bytes are committed under: {@code study/series/instance-version}, its three UIDs
 * and a version of 12 digits. The study and series segments group an instance's blob with those it is retrieved
 * with (the filesystem store makes them folders); the version lets a replacing blob be committed next to the one
 * the index still points at, never over it, so a failed replacement leaves the old instance intact.
 *
 * <p>UIDs are digits and dots only (PS3.5 §9.1), so every segment is a valid {@link BlobStore} key segment and
 * the last {@code -} of the name separates the instance from the version.
 */
public final class InstanceBlobKey {
    private static final long VERSIONS = 1_000_000_000_000L;

    private InstanceBlobKey() {}

    /** The key of one version of an instance's bytes. */
    public static String of(String study, String series, String instance, String version) {
        return study + "/" + series + "/" + instance + "-" + version;
    }

    /**
     * The key of a new version: random, since stores on several threads or nodes may write the same instance at
     * once. Not a secret: a fast random source does.
     */
    public static String newVersion(String study, String series, String instance) {
        String version = Long.toString(VERSIONS + ThreadLocalRandom.current().nextLong(VERSIONS))
                .substring(1);
        return of(study, series, instance, version);
    }

    /**
     * Whether {@code key} lies where instance blobs are kept: three segments, the first two UIDs. Other blobs (a
     * key of another shape) are never taken for an instance, for example by the orphan sweep.
     */
    public static boolean isInstanceKey(String key) {
        String[] segments = key.split("/");
        return segments.length == 3 && Uids.isValid(segments[0]) && Uids.isValid(segments[1]);
    }

    /** The SOP Instance UID an instance key names, or null for a key of another shape. */
    public static String instanceOf(String key) {
        if (!isInstanceKey(key)) {
            return null;
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        int version = name.lastIndexOf('-');
        return version < 0 ? null : name.substring(0, version);
    }
}
