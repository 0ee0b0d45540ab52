package org.opendicomweb.stow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.opendicomweb.index.InstanceIndex.StoredInstance;

/**
 * When a received instance is the one stored under its SOP Instance UID: same size and CRC-32C, and then the same
 * bytes. A CRC-32C is no proof (it is linear: other bytes with the same one are easily made), so equal checksums only
 * say the bytes are worth comparing; a stored instance whose index keeps only a SHA-256 (stored before the CRC-32C)
 * is compared byte for byte when its size matches, which needs no second digest of what arrives.
 */
final class SameBytes {
    private static final int CHUNK = 64 * 1024;

    private SameBytes() {}

    /** Whether the stored instance may hold these bytes: the same size, and the same CRC-32C where it is known. */
    static boolean candidate(StoredInstance stored, long size, long crc32c) {
        return stored.blobSize() == size && (stored.crc32c() == null || stored.crc32c() == crc32c);
    }

    /** Whether both streams hold the same bytes to their ends; read a chunk at a time, never whole. */
    static boolean equal(InputStream a, InputStream b) throws IOException {
        byte[] x = new byte[CHUNK];
        byte[] y = new byte[CHUNK];
        while (true) {
            int n = a.readNBytes(x, 0, CHUNK);
            int m = b.readNBytes(y, 0, CHUNK);
            if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
                return false;
            }
            if (n < CHUNK) {
                return true;
            }
        }
    }
}
