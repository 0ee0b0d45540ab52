package org.opendicomweb.imaging;

import java.io.IOException;
import java.io.InputStream;

/** Decodes the codestream of one compressed frame into native pixels. Implementations are thread-safe. */
public interface FrameDecoder {

    /**
     * @param stored the pixel description of the stored instance
     * @param codestream the concatenated fragment values of one frame
     * @throws IOException when the codestream is corrupt or does not match {@code stored}
     */
    DecodedFrame decode(PixelDescription stored, InputStream codestream) throws IOException;
}
