package org.opendicomweb.imaging;

import java.util.Map;
import java.util.Optional;

/**
 * The decoder for each compressed transfer syntax this server can decompress (docs/conformance.md lists them and
 * how each was verified). High-Throughput JPEG 2000, JPEG 2000 Part 2, JPEG XL and the video syntaxes have no
 * decoder: no pure-Java one is published that we could use.
 */
public final class FrameDecoders {
    private FrameDecoders() {}

    private static final FrameDecoder RLE = new RleDecoder();
    private static final FrameDecoder JPEG = new JpegDecoder();
    private static final FrameDecoder JPEG_2000 = new Jpeg2000Decoder();
    private static final FrameDecoder JPEG_LS = new JpegLsDecoder();

    private static final Map<String, FrameDecoder> BY_SYNTAX = Map.of(
            "1.2.840.10008.1.2.5", RLE,
            "1.2.840.10008.1.2.4.50", JPEG, // Baseline (Process 1)
            "1.2.840.10008.1.2.4.51", JPEG, // Extended (Process 2 & 4)
            "1.2.840.10008.1.2.4.57", JPEG, // Lossless, Non-Hierarchical (Process 14)
            "1.2.840.10008.1.2.4.70", JPEG, // Lossless, first-order prediction (Process 14, SV1)
            "1.2.840.10008.1.2.4.80", JPEG_LS, // JPEG-LS Lossless
            "1.2.840.10008.1.2.4.81", JPEG_LS, // JPEG-LS Near-Lossless
            "1.2.840.10008.1.2.4.90", JPEG_2000, // JPEG 2000 Lossless Only
            "1.2.840.10008.1.2.4.91", JPEG_2000); // JPEG 2000

    /** The decoder for frames in {@code transferSyntaxUid}; empty when no decoder for it is available. */
    public static Optional<FrameDecoder> forSyntax(String transferSyntaxUid) {
        return Optional.ofNullable(transferSyntaxUid == null ? null : BY_SYNTAX.get(transferSyntaxUid));
    }
}
