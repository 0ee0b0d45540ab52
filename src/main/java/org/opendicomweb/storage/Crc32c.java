package org.opendicomweb.storage;

import java.util.zip.CRC32C;

/**
 * The one checksum of stored bytes: CRC-32C (Castagnoli, RFC 3720 §B.4), as {@link CRC32C} computes it with the
 * processor's CRC instructions, over the object exactly as received. The index keeps it, S3 is sent it, the scrub
 * verifies it.
 */
public final class Crc32c {
    /** The reflected Castagnoli polynomial. */
    private static final long POLYNOMIAL = 0x82F63B78L;

    private Crc32c() {}

    /**
     * The CRC-32C of {@code a} followed by {@code b}, from the CRC-32C of each and the length of {@code b}, without
     * reading a byte again (the method of zlib's {@code crc32_combine}: appending {@code lengthOfB} zero bytes to
     * {@code a} is a linear map over GF(2), applied by repeated squaring).
     */
    public static long combine(long crcOfA, long crcOfB, long lengthOfB) {
        if (lengthOfB <= 0) {
            return crcOfA;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = POLYNOMIAL; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crcOfA;
        long length = lengthOfB;
        do {
            square(even, odd);
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>>= 1;
        } while (length != 0);
        return (crc ^ crcOfB) & 0xFFFFFFFFL;
    }

    /** The 8 hex digits that tools print for a CRC-32C. */
    public static String hex(long crc32c) {
        return String.format("%08x", crc32c);
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
