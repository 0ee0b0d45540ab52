package org.opendicomweb.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.testing.PixelReference;

/**
 * The RLE encoder against the RLE decoder, which is itself checked against dcmtk's {@code dcmdrle} (FrameDecodersTest);
 * the WADO-RS tests hand the encoder's files to {@code dcmdrle} directly.
 */
class RleEncoderTest {
    private final FrameEncoder encoder =
            FrameEncoders.forSyntax("1.2.840.10008.1.2.5").orElseThrow();

    /** Pixels with runs, as images have them, and noise between them. */
    private static byte[] pixels(int length, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[length];
        for (int i = 0; i < length; ) {
            int run = 1 + random.nextInt(random.nextBoolean() ? 3 : 300);
            byte v = (byte) random.nextInt(256);
            for (int k = 0; k < run && i < length; k++, i++) {
                b[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : v;
            }
        }
        return b;
    }

    @ParameterizedTest(name = "{0} sample(s) of {1} bits, planar {2}, {3}x{4}")
    @CsvSource({
        "1, 8, 0, 64, 64",
        "1, 16, 0, 33, 17",
        "1, 32, 0, 5, 300",
        "3, 8, 0, 7, 9",
        "3, 8, 1, 40, 41",
        "3, 16, 1, 16, 16",
        "3, 32, 0, 3, 3",
        "1, 8, 0, 1, 1"
    })
    void framesDecodeToThePixelsTheyWereMadeFrom(int samples, int bits, int planar, int rows, int columns)
            throws IOException {
        PixelDescription d = new PixelDescription(
                rows, columns, samples, bits, bits, bits - 1, 0, samples == 1 ? "MONOCHROME2" : "RGB", planar, 1);
        byte[] source = pixels((int) d.frameLength(), rows * 31L + columns);
        assertNull(encoder.refusal(d));
        byte[] frame = encoder.encode(d, source);

        assertEquals(samples * bits / 8, frame[0], "segments in the header");
        assertEquals(0, frame.length % 2, "a fragment has even length");
        PixelDescription encoded = encoder.encoded(d);
        assertEquals(samples > 1 ? 1 : 0, encoded.planarConfiguration(), "RLE segments are planes");
        DecodedFrame decoded = new RleDecoder().decode(encoded, new ByteArrayInputStream(frame));
        byte[] expected = planar == 1 ? PixelReference.interleave(source, source.length, samples, bits / 8) : source;
        assertArrayEquals(expected, decoded.pixels());
    }

    @Test
    void runsNeverCrossARowOrExceed128Bytes() {
        byte[] row = new byte[300]; // all zero: replicate runs of 128, 128 and 44
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RleEncoder.pack(row, out);
        assertArrayEquals(new byte[] {-127, 0, -127, 0, -43, 0}, out.toByteArray());

        byte[] distinct = new byte[130]; // no repeats: literal runs of 128 and 2
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = (byte) i;
        }
        out.reset();
        RleEncoder.pack(distinct, out);
        byte[] packed = out.toByteArray();
        assertEquals(127, packed[0]);
        assertEquals(1, packed[129]);
        assertEquals(132, packed.length);

        out.reset();
        RleEncoder.pack(new byte[] {5, 5, 7, 7, 7}, out); // two equal bytes stay literal, three are a run
        assertArrayEquals(new byte[] {1, 5, 5, -2, 7}, out.toByteArray());

        PixelDescription twoRows = new PixelDescription(2, 3, 1, 8, 8, 7, 0, "MONOCHROME2", 0, 1);
        byte[] frame = encoder.encode(twoRows, new byte[] {9, 9, 9, 9, 9, 9});
        // One run per row, not one of six: header, then -2 9 for each row.
        assertEquals(64 + 4, frame.length);
        assertArrayEquals(new byte[] {-2, 9, -2, 9}, java.util.Arrays.copyOfRange(frame, 64, 68));
    }

    @Test
    void layoutsRleCannotHoldAreRefusedWithAReason() {
        assertNotNull(encoder.refusal(new PixelDescription(8, 8, 1, 1, 1, 0, 0, "MONOCHROME2", 0, 1)));
        String subsampled = encoder.refusal(new PixelDescription(8, 8, 3, 8, 8, 7, 0, "YBR_FULL_422", 0, 1));
        assertTrue(subsampled.contains("YBR_FULL_422"), subsampled);
        assertNotNull(encoder.refusal(new PixelDescription(8, 8, 4, 32, 32, 31, 0, "ARGB", 0, 1)));
        assertNotNull(encoder.refusal(new PixelDescription(0, 8, 1, 16, 16, 15, 0, "MONOCHROME2", 0, 1)));
    }
}
