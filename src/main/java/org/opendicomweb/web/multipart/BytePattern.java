package org.opendicomweb.web.multipart;

import java.util.Arrays;

/**
 * A fixed byte string to find in byte arrays, by Boyer-Moore-Horspool: the byte under the pattern's last position
 * says how far the pattern may move, so data is probed about once per pattern length rather than at every byte.
 * That is what makes a multipart delimiter cheap to find in megabytes of pixel data, and a BulkDataURI key in
 * kilobytes of DICOM JSON. Immutable and thread-safe; imports only java.*.
 */
public final class BytePattern {
    private final byte[] pattern;
    /** How far the pattern may move when a byte lies under its last position. */
    private final int[] shift = new int[256];

    public BytePattern(byte[] pattern) {
        if (pattern.length == 0) {
            throw new IllegalArgumentException("Empty pattern");
        }
        this.pattern = pattern.clone();
        Arrays.fill(shift, pattern.length);
        for (int k = 0; k < pattern.length - 1; k++) {
            shift[pattern[k] & 0xFF] = pattern.length - 1 - k;
        }
    }

    public int length() {
        return pattern.length;
    }

    /** Where the pattern first lies whole within {@code data[from, to)}, or -1. */
    public int indexIn(byte[] data, int from, int to) {
        int last = pattern.length - 1;
        byte tail = pattern[last];
        for (int i = from; i + last < to; ) {
            byte b = data[i + last];
            if (b == tail && matchesAt(data, i)) {
                return i;
            }
            i += shift[b & 0xFF];
        }
        return -1;
    }

    private boolean matchesAt(byte[] data, int at) {
        for (int k = 0; k < pattern.length - 1; k++) {
            if (data[at + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }
}
