package org.opendicomweb.imaging;

import java.util.Optional;

/** The decoder for each compressed transfer syntax this server can decompress. */
public final class FrameDecoders {
    private FrameDecoders() {}

    /** The decoder for frames in {@code transferSyntaxUid}; empty when no decoder for it is available. */
    public static Optional<FrameDecoder> forSyntax(String transferSyntaxUid) {
        // No compressed syntax can be decoded yet: every caller already handles the empty case
        // (instance left out with 206/406, rendered answers 406).
        return Optional.empty();
    }
}
