package org.opendicomweb.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.testing.PixelReference;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/** The JPEG 2000 encoder against OpenJPEG's {@code opj_decompress} and against our decoder (JAI's reader). */
@UsesTools
class Jpeg2000EncoderTest {
    private final FrameEncoder encoder =
            FrameEncoders.forSyntax("1.2.840.10008.1.2.4.90").orElseThrow();
    private final FrameDecoder decoder =
            FrameDecoders.forSyntax("1.2.840.10008.1.2.4.90").orElseThrow();

    /** Noisy waves in Bits Stored bits; signed ones as stored, sign-extended to the allocated bits. */
    private static byte[] pixels(PixelDescription d, long seed) {
        return SyntheticFrames.frame(d, seed, (i, max, random) -> {
            int v = Math.min(max, Math.max(0, (int) ((Math.sin(i / 40.0) + 1) / 2 * max) + random.nextInt(7) - 3));
            return d.signed() ? v - (1 << (d.bitsStored() - 1)) : v; // signed: around zero, negative half the time
        });
    }

    @ParameterizedTest(name = "{0} sample(s), {1}/{2} bits, signed {3}, planar {4}")
    @CsvSource({
        "1, 16, 16, 1, 0",
        "1, 16, 12, 0, 0",
        "1, 16, 12, 1, 0",
        "1, 8, 8, 0, 0",
        "3, 8, 8, 0, 0",
        "3, 8, 8, 0, 1",
        "3, 16, 16, 0, 0"
    })
    void framesDecodeToThePixelsTheyWereMadeFrom(int samples, int allocated, int stored, int signed, int planar)
            throws IOException {
        RequiredTools.require(Tool.OPENJPEG);
        PixelDescription d = SyntheticFrames.layout(40, 33, samples, allocated, stored, signed, planar);
        byte[] source = pixels(d, samples * 100L + stored + signed);
        assertNull(encoder.refusal(d));
        byte[] codestream = encoder.encode(d, source);
        assertEquals((byte) 0xFF, codestream[0]);
        assertEquals((byte) 0x4F, codestream[1], "a bare codestream (SOC), no JP2 file header");
        assertFalse(Jpeg2000Decoder.usesComponentTransform(codestream), "RGB stays RGB");
        byte[] expected = SyntheticFrames.byPixel(d, source);

        assertArrayEquals(
                expected, PixelReference.openJpegDecompress(codestream, samples, allocated / 8), "opj_decompress");
        DecodedFrame decoded = decoder.decode(encoder.encoded(d), new ByteArrayInputStream(codestream));
        assertArrayEquals(expected, decoded.pixels(), "our decoder");
    }

    @Test
    void layoutsItCannotCodeAreRefused() {
        SyntheticFrames.assertRefusesLayoutsNoEncoderCodes(encoder);
    }
}
