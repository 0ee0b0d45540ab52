package org.opendicomweb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class Crc32cTest {

    private static long crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return c.getValue();
    }

    @Test
    void theCheckValueOfTheCastagnoliCrcIsPrintedAsToolsPrintIt() {
        // The CRC catalogue's check value: CRC-32C of the ASCII digits 1 to 9.
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals("e3069283", Crc32c.hex(crc(digits, 0, digits.length)));
        assertEquals("0000002a", Crc32c.hex(42));
    }

    @Test
    void combiningTheCrcsOfTwoPiecesGivesTheCrcOfBoth() {
        Random random = new Random(7);
        byte[] bytes = new byte[300_000];
        random.nextBytes(bytes);
        for (int split : new int[] {0, 1, 3, 4, 5, 4096, 65_537, 299_999, 300_000}) {
            long combined =
                    Crc32c.combine(crc(bytes, 0, split), crc(bytes, split, bytes.length - split), bytes.length - split);
            assertEquals(crc(bytes, 0, bytes.length), combined, "split at " + split);
        }
    }

    @Test
    void combiningPartAfterPartGivesTheCrcOfTheWhole() {
        Random random = new Random(11);
        byte[] bytes = new byte[1_000_003];
        random.nextBytes(bytes);
        long combined = 0;
        int part = 131_072;
        for (int from = 0; from < bytes.length; from += part) {
            int length = Math.min(part, bytes.length - from);
            combined = Crc32c.combine(combined, crc(bytes, from, length), length);
        }
        assertEquals(crc(bytes, 0, bytes.length), combined);
    }
}
