package org.opendicomweb.imaging;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import org.opendicomweb.testing.PixelReference;

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

    /** One frame, MONOCHROME2 with one sample and RGB with three, its high bit Bits Stored - 1. */
    static PixelDescription layout(
            int rows, int columns, int samples, int allocated, int stored, int signed, int planar) {
        return new PixelDescription(
                rows,
                columns,
                samples,
                allocated,
                stored,
                stored - 1,
                signed,
                samples == 1 ? "MONOCHROME2" : "RGB",
                planar,
                1);
    }

    /** The frame as a JPEG decoder gives it back: colour-by-pixel, whatever the planar configuration it had. */
    static byte[] byPixel(PixelDescription d, byte[] frame) {
        return d.planarConfiguration() == 1
                ? PixelReference.interleave(frame, frame.length, d.samplesPerPixel(), d.bitsAllocated() / 8)
                : frame;
    }

    /** Layouts that none of the encoders codes: more than 16 bits, a single bit, subsampled colour. */
    static void assertRefusesLayoutsNoEncoderCodes(FrameEncoder encoder) {
        assertNotNull(encoder.refusal(new PixelDescription(8, 8, 1, 32, 32, 31, 0, "MONOCHROME2", 0, 1)));
        assertNotNull(encoder.refusal(new PixelDescription(8, 8, 1, 1, 1, 0, 0, "MONOCHROME2", 0, 1)));
        assertNotNull(encoder.refusal(new PixelDescription(8, 8, 3, 8, 8, 7, 0, "YBR_FULL_422", 0, 1)));
    }
}
