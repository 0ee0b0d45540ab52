package org.opendicomweb.imaging;

/**
 * The part of a frame to show. Either in pixels (the {@code sx, sy, sw, sh} of the WADO-RS viewport parameter,
 * PS3.18 §8.3.5.1.3: a negative width or height flips the region) or relative to the frame's size (the
 * WADO-URI {@code region} parameter, PS3.18 §9: corners from 0.0 to 1.0). A width or height of {@code null}
 * reaches to the frame's edge.
 */
public record SourceRegion(double x, double y, Double width, Double height, boolean relative) {

    /** A region resolved against one frame: whole pixels inside the frame, and which axes are flipped. */
    public record Pixels(int x, int y, int width, int height, boolean flipHorizontal, boolean flipVertical) {}

    public static SourceRegion pixels(int x, int y, Integer width, Integer height) {
        return new SourceRegion(
                x, y, width == null ? null : width.doubleValue(), height == null ? null : height.doubleValue(), false);
    }

    /** From the corners (x1, y1) and (x2, y2) of a WADO-URI region, each from 0.0 to 1.0. */
    public static SourceRegion relative(double x1, double y1, double x2, double y2) {
        return new SourceRegion(x1, y1, x2 - x1, y2 - y1, true);
    }

    /**
     * The region within a frame of {@code columns} x {@code rows}, clipped to it.
     *
     * @throws IllegalArgumentException when nothing of the region lies inside the frame
     */
    public Pixels resolve(int columns, int rows) {
        double fx = relative ? columns : 1;
        double fy = relative ? rows : 1;
        double left = x * fx;
        double top = y * fy;
        double w = width == null ? columns - left : width * fx;
        double h = height == null ? rows - top : height * fy;
        int x0 = (int) Math.floor(Math.max(0, left));
        int y0 = (int) Math.floor(Math.max(0, top));
        int x1 = (int) Math.ceil(Math.min(columns, left + Math.abs(w)));
        int y1 = (int) Math.ceil(Math.min(rows, top + Math.abs(h)));
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException(
                    "the region lies outside the image of " + columns + " x " + rows + " pixels");
        }
        return new Pixels(x0, y0, x1 - x0, y1 - y0, w < 0, h < 0);
    }
}
