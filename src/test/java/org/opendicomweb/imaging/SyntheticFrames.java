package org.opendicomweb.imaging;

import java.util.Random;

/** One frame of made-up samples for the encoder tests, as native little endian pixel data laid out as described. */
final class SyntheticFrames {
    private SyntheticFrames() {}

    /** The value of sample {@code i} (in storing order), from 0 to {@code max} or as stored when signed. */
    @FunctionalInterface
    interface Sample {
        int value(int i, int max, Random random);
    }

    /** Bits Allocated 8 or 16; each sample's value from {@code sample}, drawing on one generator seeded {@code seed}. */
    static byte[] frame(PixelDescription d, long seed, Sample sample) {
        Random random = new Random(seed);
        int bytes = d.bitsAllocated() / 8;
        int count = (int) (d.frameLength() / bytes);
        byte[] b = new byte[count * bytes];
        int max = (1 << d.bitsStored()) - 1;
        for (int i = 0; i < count; i++) {
            int v = sample.value(i, max, random);
            b[i * bytes] = (byte) v;
            if (bytes == 2) {
                b[i * bytes + 1] = (byte) (v >> 8);
            }
        }
        return b;
    }
}
