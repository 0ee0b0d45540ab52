package org.opendicomweb.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Which part of a rendered frame is sent and at what size. The region (if any) is cut out first, then scaled to
 * fit the bounds keeping its aspect ratio (PS3.18 §8.3.5.1.3: "Any Viewport parameters are applied after any
 * Source Image Region"): with both bounds the result fits inside them, with one bound the other side follows
 * the aspect ratio, with none the region keeps its size.
 *
 * @param region the part of the frame, or {@code null} for all of it
 * @param maxWidth the width bound in pixels, 0 for none
 * @param maxHeight the height bound in pixels, 0 for none
 * @param enlarge whether the bounds may make the image larger than the region (thumbnails' default box may not)
 */
public record Framing(SourceRegion region, int maxWidth, int maxHeight, boolean enlarge) {
    /** The whole frame at its own size. */
    public static final Framing NATIVE = new Framing(null, 0, 0, true);

    /** The output size {width, height} for a frame of {@code columns} x {@code rows}. */
    public int[] outputSize(int columns, int rows) {
        SourceRegion.Pixels r = resolve(columns, rows);
        return size(r.width(), r.height());
    }

    /** The region of the frame, clipped; the whole frame when none was given. */
    public SourceRegion.Pixels resolve(int columns, int rows) {
        return region == null
                ? new SourceRegion.Pixels(0, 0, columns, rows, false, false)
                : region.resolve(columns, rows);
    }

    public BufferedImage apply(BufferedImage image) {
        SourceRegion.Pixels r = resolve(image.getWidth(), image.getHeight());
        int[] size = size(r.width(), r.height());
        boolean whole = r.width() == image.getWidth() && r.height() == image.getHeight();
        if (whole && !r.flipHorizontal() && !r.flipVertical() && size[0] == r.width() && size[1] == r.height()) {
            return image;
        }
        int channels = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Resampler.Plane plane =
                Resampler.crop(new Resampler.Plane(src, image.getWidth(), image.getHeight(), channels), r);
        plane = Resampler.resize(plane, size[0], size[1]);
        BufferedImage out = new BufferedImage(plane.width(), plane.height(), image.getType());
        System.arraycopy(
                plane.data(), 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0, plane.data().length);
        return out;
    }

    private int[] size(int width, int height) {
        double scale = 1;
        if (maxWidth > 0 && maxHeight > 0) {
            scale = Math.min((double) maxWidth / width, (double) maxHeight / height);
        } else if (maxWidth > 0) {
            scale = (double) maxWidth / width;
        } else if (maxHeight > 0) {
            scale = (double) maxHeight / height;
        }
        if (!enlarge) {
            scale = Math.min(scale, 1);
        }
        return new int[] {(int) Math.max(1, Math.round(width * scale)), (int) Math.max(1, Math.round(height * scale))};
    }
}
