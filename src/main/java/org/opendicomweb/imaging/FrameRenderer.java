package org.opendicomweb.imaging;

import java.awt.image.BufferedImage;

/**
 * Turns one native frame into an 8-bit image for display: grayscale (TYPE_BYTE_GRAY) for MONOCHROME1 and
 * MONOCHROME2, RGB (TYPE_3BYTE_BGR) for the colour interpretations. Frames from a decoder and frames read as
 * stored take the same path: only {@link DecodedFrame#description()} says how the bytes are laid out.
 */
public final class FrameRenderer {
    private FrameRenderer() {}

    /**
     * @param frame the frame's native pixels
     * @param attributes the stored image's modality, VOI, palette and polarity
     * @param frameIndex the 0-based frame number, for per-frame functional groups
     * @param window the client's window, overriding the file's; {@code null} for the file's choice
     * @throws UnrenderableImageException when the pixels are encoded in a way this renderer does not handle
     */
    public static BufferedImage render(
            DecodedFrame frame, RenderingAttributes attributes, int frameIndex, VoiWindow window) {
        PixelDescription d = frame.description();
        check(d, attributes);
        int[] samples = StoredSamples.read(d, frame.pixels());
        return switch (d.photometricInterpretation()) {
            case "MONOCHROME1", "MONOCHROME2" ->
                GrayscaleRenderer.render(d, samples, attributes.grayscale(frameIndex), window, attributes.inverse());
            case "RGB" -> ColourRenderer.rgb(d, samples);
            case "YBR_FULL" -> ColourRenderer.ybrFull(d, samples);
            case "YBR_FULL_422" -> ColourRenderer.ybrFull422(d, samples);
            default -> ColourRenderer.palette(d, samples, attributes.palette());
        };
    }

    /**
     * Whether frames laid out as {@code d} can be rendered, so that a caller can refuse before it starts a
     * response rather than fail in the middle of one.
     *
     * @throws UnrenderableImageException naming what cannot be rendered
     */
    public static void check(PixelDescription d, RenderingAttributes attributes) {
        if (d.rows() <= 0 || d.columns() <= 0) {
            throw new UnrenderableImageException("the image has no Rows or Columns");
        }
        String photometric = d.photometricInterpretation();
        int expectedSamples = switch (photometric) {
            case "MONOCHROME1", "MONOCHROME2", "PALETTE COLOR" -> 1;
            case "RGB", "YBR_FULL", "YBR_FULL_422" -> 3;
            default ->
                throw new UnrenderableImageException(
                        "Photometric Interpretation " + photometric + " cannot be rendered");
        };
        if (d.samplesPerPixel() != expectedSamples) {
            throw new UnrenderableImageException(photometric + " with " + d.samplesPerPixel() + " samples per pixel");
        }
        if (photometric.equals("PALETTE COLOR") && attributes.palette() == null) {
            throw new UnrenderableImageException("PALETTE COLOR without palette lookup tables");
        }
        if (photometric.equals("YBR_FULL_422") && d.columns() % 2 != 0) {
            throw new UnrenderableImageException("YBR_FULL_422 needs an even number of columns, not " + d.columns());
        }
        if (expectedSamples == 3 && d.bitsStored() > 16) {
            throw new UnrenderableImageException("colour samples of " + d.bitsStored() + " bits cannot be rendered");
        }
        StoredSamples.checkLayout(d);
    }
}
