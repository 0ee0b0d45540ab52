package org.opendicomweb.imaging;

/**
 * The pixel layouts the JPEG family encoders take (JPEG Lossless, JPEG-LS, JPEG 2000): samples of 8 or 16 bits
 * allocated with Bits Stored from bit 0, one or three samples per pixel, none subsampled.
 */
final class EncodableLayout {
    private EncodableLayout() {}

    /** Why {@code codec} cannot encode frames laid out as {@code d}, or {@code null} when it can. */
    static String refusal(String codec, PixelDescription d, int maxDimension) {
        if (d.bitsAllocated() != 8 && d.bitsAllocated() != 16) {
            return codec + " frames are coded here from samples of 8 or 16 bits allocated, not " + d.bitsAllocated();
        }
        if (d.bitsStored() < 2 || d.bitsStored() > d.bitsAllocated() || d.highBit() != d.bitsStored() - 1) {
            return codec + " codes 2 to 16 bits stored from bit 0 up here; the image has " + d.bitsStored()
                    + " bits stored with high bit " + d.highBit();
        }
        if (d.samplesPerPixel() != 1 && d.samplesPerPixel() != 3) {
            return codec + " frames are coded here with 1 or 3 samples per pixel, not " + d.samplesPerPixel();
        }
        if (d.photometricInterpretation().endsWith("_422")
                || d.photometricInterpretation().endsWith("_420")) {
            return "the image's " + d.photometricInterpretation() + " samples are subsampled";
        }
        if (d.rows() < 1 || d.columns() < 1 || d.rows() > maxDimension || d.columns() > maxDimension) {
            return codec + " frames have 1 to " + maxDimension + " rows and columns here, not " + d.rows() + " x "
                    + d.columns();
        }
        return null;
    }
}
