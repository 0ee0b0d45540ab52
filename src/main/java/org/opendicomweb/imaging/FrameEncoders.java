package org.opendicomweb.imaging;

import java.util.Map;
import java.util.Optional;

/**
 * The encoder for each compressed transfer syntax this server can compress into (docs/conformance.md lists them
 * and how each was verified). Only lossless syntaxes: a lossy one would need the Lossy Image Compression
 * attributes of PS3.3 §C.7.6.1.1.5 and a quality the client cannot name in an Accept header.
 */
public final class FrameEncoders {
    private FrameEncoders() {}

    private static final FrameEncoder JPEG_LOSSLESS = new JpegLosslessEncoder();

    private static final Map<String, FrameEncoder> BY_SYNTAX = Map.of(
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
