package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.InstanceIndex.StoredInstance;

class SameBytesTest {

    private static StoredInstance stored(long size, Long crc32c, String sha256) {
        return new StoredInstance(1, "1.2", "1.2.3", "1.2/1.2.3/1.2.3.4-1", size, crc32c, sha256);
    }

    private static boolean equal(byte[] a, byte[] b) throws IOException {
        return SameBytes.equal(new ByteArrayInputStream(a), new ByteArrayInputStream(b));
    }

    @Test
    void anotherSizeOrCrcIsNoCandidate() {
        assertTrue(SameBytes.candidate(stored(100, 0xCAFEL, null), 100, 0xCAFEL));
        assertFalse(SameBytes.candidate(stored(100, 0xCAFEL, null), 101, 0xCAFEL));
        assertFalse(SameBytes.candidate(stored(100, 0xCAFEL, null), 100, 0xBEEFL));
    }

    @Test
    void aStoredInstanceKnownOnlyByItsSha256IsACandidateOfTheSameSize() {
        assertTrue(SameBytes.candidate(stored(100, null, "ab".repeat(32)), 100, 0x1234L));
        assertFalse(SameBytes.candidate(stored(100, null, "ab".repeat(32)), 99, 0x1234L));
    }

    @Test
    void sameBytesAcrossSeveralChunksAreEqual() throws IOException {
        byte[] a = new byte[200_001];
        new Random(3).nextBytes(a);
        assertTrue(equal(a, a.clone()));
        assertTrue(equal(new byte[0], new byte[0]));
    }

    @Test
    void oneByteOtherInTheLastChunkOrOneByteMoreIsNotEqual() throws IOException {
        byte[] a = new byte[200_001];
        new Random(5).nextBytes(a);
        byte[] b = a.clone();
        b[b.length - 1] ^= 1;
        assertFalse(equal(a, b));
        assertFalse(equal(a, Arrays.copyOf(a, a.length + 1)));
        assertFalse(equal(Arrays.copyOf(a, a.length + 1), a));
        assertFalse(equal(Arrays.copyOf(a, 65_536), Arrays.copyOf(a, 65_537)));
    }
}
