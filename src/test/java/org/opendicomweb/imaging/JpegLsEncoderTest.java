package org.opendicomweb.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JPEG-LS encoder against the JPEG-LS decoder (checked against dcmtk's {@code dcmdjpls} and CharLS-made files in
 * FrameDecodersTest); the WADO-RS tests hand the encoder's files to {@code dcmdjpls} directly.
 */
class JpegLsEncoderTest {
    private final FrameEncoder encoder =
            FrameEncoders.forSyntax("1.2.840.10008.1.2.4.80").orElseThrow();
    private final FrameDecoder decoder =
            FrameDecoders.forSyntax("1.2.840.10008.1.2.4.80").orElseThrow();

    /**
     * Flat regions (run mode, also runs to the end of a line), smooth waves and noise (regular mode), extremes (the
     * modulo reduction and the Golomb escape), in Bits Stored bits.
     */
    private static byte[] pixels(PixelDescription d, long seed) {
        return SyntheticFrames.frame(d, seed, (i, max, random) -> switch (i / (d.columns() * d.samplesPerPixel()) % 4) {
            case 0 -> max / 3; // flat
            case 1 -> Math.min(max, Math.max(0, (int) ((Math.sin(i / 9.0) + 1) / 2 * max) + random.nextInt(5) - 2));
            case 2 -> random.nextInt(max + 1); // noise
            default -> random.nextInt(6) == 0 ? (random.nextBoolean() ? 0 : max) : max / 2 + random.nextInt(3);
        });
    }

    @ParameterizedTest(name = "{0} sample(s), {1}/{2} bits, planar {3}, {4}x{5}")
    @CsvSource({
        "1, 16, 16, 0, 64, 64",
        "1, 16, 12, 0, 33, 17",
        "1, 8, 8, 0, 40, 300",
        "1, 8, 5, 0, 20, 20",
        "1, 8, 2, 0, 9, 9",
        "3, 8, 8, 0, 24, 19",
        "3, 8, 8, 1, 16, 16",
        "3, 16, 16, 0, 12, 12",
        "1, 8, 8, 0, 1, 1",
        "1, 16, 16, 0, 1, 70"
    })
    void framesDecodeToThePixelsTheyWereMadeFrom(
            int samples, int allocated, int stored, int planar, int rows, int columns) throws IOException {
        PixelDescription d = SyntheticFrames.layout(rows, columns, samples, allocated, stored, 0, planar);
        byte[] source = pixels(d, rows * 13L + columns + stored);
        assertNull(encoder.refusal(d));
        byte[] frame = encoder.encode(d, source);
        byte[] expected = SyntheticFrames.byPixel(d, source);
        assertArrayEquals(
                expected,
                decoder.decode(encoder.encoded(d), new ByteArrayInputStream(frame))
                        .pixels());
    }

    @Test
    void layoutsItCannotCodeAreRefused() {
        SyntheticFrames.assertRefusesLayoutsNoEncoderCodes(encoder);
    }
}
