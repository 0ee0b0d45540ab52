package org.opendicomweb.imaging;

/** Encodes one native frame into the codestream of a compressed transfer syntax. Implementations are thread-safe. */
public interface FrameEncoder {

    /** Why frames laid out as {@code d} cannot be encoded, or {@code null} when they can. */
    String refusal(PixelDescription d);

    /**
     * The Image Pixel Module of the encoded frames: colour-by-pixel, as PS3.5 §8.2 has it for the JPEG family;
     * RLE declares its planes instead.
     */
    default PixelDescription encoded(PixelDescription d) {
        return d.withColour(d.photometricInterpretation(), 0);
    }

    /**
     * The Lossy Image Compression Method (0028,2114) that frames encoded here stand for (PS3.3 §C.7.6.1.1.5), or
     * {@code null} for a lossless encoder.
     */
    default String lossyMethod() {
        return null;
    }

    /**
     * @param d the layout of {@code pixels}, which {@link #refusal} accepted
     * @param pixels one frame as native Explicit VR Little Endian pixel data laid out as {@code d} says
     * @return the frame's codestream, to be sent as one fragment
     */
    byte[] encode(PixelDescription d, byte[] pixels);
}
