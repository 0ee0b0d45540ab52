package org.opendicomweb.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JPEG Lossless encoder against the decoder (TwelveMonkeys' lossless JPEG reader, checked against dcmtk in
 * FrameDecodersTest) for the layouts that reader takes; the WADO-RS tests hand the encoder's files to dcmtk's
 * {@code dcmdjpeg}, also 16-bit colour, which that reader refuses.
 */
class JpegLosslessEncoderTest {
    private final FrameEncoder encoder =
            FrameEncoders.forSyntax("1.2.840.10008.1.2.4.70").orElseThrow();
    private final FrameDecoder decoder =
            FrameDecoders.forSyntax("1.2.840.10008.1.2.4.70").orElseThrow();

    /** Smooth pixels with noise, and some extremes, in Bits Stored bits; signed ones sign-extended as stored. */
    private static byte[] pixels(PixelDescription d, long seed) {
        return SyntheticFrames.frame(d, seed, (i, max, random) -> {
            int v = random.nextInt(10) == 0
                    ? (random.nextBoolean() ? 0 : max)
                    : Math.min(max, Math.max(0, (int) ((Math.sin(i / 50.0) + 1) / 2 * max) + random.nextInt(9) - 4));
            return d.signed() && v >= 1 << (d.bitsStored() - 1)
                    ? v - (1 << d.bitsStored()) // the stored two's complement value, sign-extended
                    : v;
        });
    }

    @ParameterizedTest(name = "{0} sample(s), {1}/{2} bits, signed {3}, planar {4}, {5}x{6}")
    @CsvSource({
        "1, 16, 16, 1, 0, 64, 64",
        "1, 16, 12, 0, 0, 33, 17",
        "1, 16, 12, 1, 0, 20, 20",
        "1, 8, 8, 0, 0, 7, 300",
        "3, 8, 8, 0, 0, 9, 7",
        "3, 8, 8, 0, 1, 40, 41",
        "1, 16, 10, 1, 0, 5, 5",
        "1, 8, 8, 0, 0, 1, 1"
    })
    void framesDecodeToThePixelsTheyWereMadeFrom(
            int samples, int allocated, int stored, int signed, int planar, int rows, int columns) throws IOException {
        PixelDescription d = SyntheticFrames.layout(rows, columns, samples, allocated, stored, signed, planar);
        byte[] source = pixels(d, rows * 7L + columns + stored);
        assertNull(encoder.refusal(d));
        byte[] frame = encoder.encode(d, source);
        PixelDescription encoded = encoder.encoded(d);
        assertEquals(0, encoded.planarConfiguration(), "JPEG colour is colour-by-pixel");
        DecodedFrame decoded = decoder.decode(encoded, new ByteArrayInputStream(frame));
        byte[] expected = SyntheticFrames.byPixel(d, source);
        assertArrayEquals(expected, decoded.pixels());
    }

    @Test
    void aConstantImageAndTheLargestDifferencesCode() throws IOException {
        PixelDescription d = new PixelDescription(4, 4, 1, 16, 16, 15, 0, "MONOCHROME2", 0, 1);
        byte[] constant = new byte[32];
        assertArrayEquals(
                constant,
                decoder.decode(d, new ByteArrayInputStream(encoder.encode(d, constant)))
                        .pixels());
        byte[] jumps = new byte[32]; // 0, 65535, 0, 65535 ...: differences of +-32767 and the first one of -32768
        for (int i = 2; i < 32; i += 4) {
            jumps[i] = (byte) 0xFF;
            jumps[i + 1] = (byte) 0xFF;
        }
        assertArrayEquals(
                jumps,
                decoder.decode(d, new ByteArrayInputStream(encoder.encode(d, jumps)))
                        .pixels());
    }

    @Test
    void codeLengthsStayWithin16BitsAndLeaveTheAllOnesCodeFree() {
        long[] frequencies = new long[17];
        for (int i = 0; i < 17; i++) {
            frequencies[i] = 1L << (2 * i); // a Fibonacci-like spread that Huffman's procedure makes 17 deep
        }
        JpegLosslessEncoder.HuffmanTable t = JpegLosslessEncoder.HuffmanTable.optimal(frequencies);
        double kraft = 0;
        for (int i = 0; i < 17; i++) {
            assertTrue(t.lengths[i] >= 1 && t.lengths[i] <= 16, "length of category " + i + ": " + t.lengths[i]);
            kraft += Math.pow(2, -t.lengths[i]);
            assertTrue(t.codes[i] != (1 << t.lengths[i]) - 1, "category " + i + " has the all-ones code");
        }
        assertTrue(kraft < 1, "a complete prefix code would use the all-ones code: " + kraft);
    }

    @Test
    void layoutsItCannotCodeAreRefused() {
        SyntheticFrames.assertRefusesLayoutsNoEncoderCodes(encoder);
        assertNotNull(encoder.refusal(new PixelDescription(8, 8, 1, 16, 12, 15, 0, "MONOCHROME2", 0, 1)));
    }
}
