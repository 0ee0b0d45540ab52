package org.opendicomweb.imaging;

/** A VOI window: Window Center, Window Width and the function that interprets them. */
public record VoiWindow(double center, double width, VoiFunction function) {

    public VoiWindow {
        if (!Double.isFinite(center) || !Double.isFinite(width) || !function.acceptsWidth(width)) {
            throw new IllegalArgumentException(
                    "window width " + width + " is not allowed for the " + function.parameterValue() + " function"
                            + (function == VoiFunction.LINEAR ? " (at least 1)" : " (above 0)"));
        }
    }

    /** Whether these values make a window; a file's faulty window is then skipped rather than refused. */
    public static boolean valid(double center, double width, VoiFunction function) {
        return Double.isFinite(center) && Double.isFinite(width) && function.acceptsWidth(width);
    }

    /**
     * The window that maps the range {@code min}..{@code max} onto the whole output (PS3.3 §C.11.2.1.2.1, note 4:
     * center (x1 + x2 + 1) / 2, width x2 - x1 + 1).
     */
    public static VoiWindow spanning(double min, double max) {
        return new VoiWindow((min + max + 1) / 2, Math.max(1, max - min + 1), VoiFunction.LINEAR);
    }

    /** The display value in [0, 1] of modality value {@code x}. */
    public double apply(double x) {
        return function.apply(x, center, width);
    }
}
