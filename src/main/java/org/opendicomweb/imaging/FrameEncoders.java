package org.opendicomweb.imaging;

import java.util.Map;
import java.util.Optional;

/**
 * The encoder for each compressed transfer syntax this server can compress into (docs/conformance.md lists them
 * and how each was verified). Lossless ones, and JPEG Baseline, whose frames make a derived instance
 * ({@link FrameEncoder#lossyMethod}) at a quality of the server's choosing, since an Accept header cannot name one.
 */
public final class FrameEncoders {
    private FrameEncoders() {}

    private static final FrameEncoder JPEG_LOSSLESS = new JpegLosslessEncoder();

    private static final Map<String, FrameEncoder> BY_SYNTAX = Map.of(
            "1.2.840.10008.1.2.4.50", new JpegBaselineEncoder(), // JPEG Baseline (Process 1), lossy
            "1.2.840.10008.1.2.5", new RleEncoder(), // RLE Lossless
            "1.2.840.10008.1.2.4.70", JPEG_LOSSLESS, // JPEG Lossless, first-order prediction (Process 14, SV1)
            "1.2.840.10008.1.2.4.57", JPEG_LOSSLESS, // JPEG Lossless (Process 14), of which SV1 is one case
            "1.2.840.10008.1.2.4.80", new JpegLsEncoder(), // JPEG-LS Lossless
            "1.2.840.10008.1.2.4.90", new Jpeg2000Encoder()); // JPEG 2000 Lossless Only

    /** The encoder for frames in {@code transferSyntaxUid}; empty when this server cannot compress into it. */
    public static Optional<FrameEncoder> forSyntax(String transferSyntaxUid) {
        return Optional.ofNullable(transferSyntaxUid == null ? null : BY_SYNTAX.get(transferSyntaxUid));
    }
}
