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
    public static BufferedImage render(DecodedFrame frame, RenderingAttributes attributes, int frameIndex, VoiWindow window) {
        PixelDescription d = frame.description();
        if (d.rows() <= 0 || d.columns() <= 0) {
            throw new UnrenderableImageException("the image has no Rows or Columns");
        }
        String photometric = d.photometricInterpretation();
        boolean monochrome = photometric.equals("MONOCHROME1") || photometric.equals("MONOCHROME2");
        int expectedSamples = monochrome || photometric.equals("PALETTE COLOR") ? 1 : 3;
        if (d.samplesPerPixel() != expectedSamples) {
            throw new UnrenderableImageException(photometric + " with " + d.samplesPerPixel() + " samples per pixel");
        }
        int[] samples = StoredSamples.read(d, frame.pixels());
        return switch (photometric) {
            case "MONOCHROME1", "MONOCHROME2" -> GrayscaleRenderer.render(d, samples, attributes.grayscale(frameIndex), window,
                    photometric.equals("MONOCHROME1") || attributes.inverse());
            case "RGB" -> ColourRenderer.rgb(d, samples);
            case "YBR_FULL" -> ColourRenderer.ybrFull(d, samples);
            case "YBR_FULL_422" -> ColourRenderer.ybrFull422(d, samples);
            case "PALETTE COLOR" -> {
                if (attributes.palette() == null) {
                    throw new UnrenderableImageException("PALETTE COLOR without palette lookup tables");
                }
                yield ColourRenderer.palette(d, samples, attributes.palette());
            }
            default -> throw new UnrenderableImageException("Photometric Interpretation " + photometric + " cannot be rendered");
        };
    }
}
