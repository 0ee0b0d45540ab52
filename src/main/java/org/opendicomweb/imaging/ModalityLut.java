package org.opendicomweb.imaging;

/**
 * The Modality LUT transformation (PS3.3 §C.11.1): stored values to modality values, by Rescale Slope and
 * Intercept or by a Modality LUT Sequence table, which takes precedence when both are present.
 */
public record ModalityLut(double slope, double intercept, LookupTable table) {
    public static final ModalityLut IDENTITY = new ModalityLut(1, 0, null);

    public static ModalityLut rescale(double slope, double intercept) {
        return new ModalityLut(slope, intercept, null);
    }

    public static ModalityLut table(LookupTable table) {
        return new ModalityLut(1, 0, table);
    }

    public double apply(long stored) {
        return table != null ? table.lookup(stored) : stored * slope + intercept;
    }

    /** Whether larger stored values never give smaller modality values, so min/max carry over. */
    boolean monotonic() {
        return table == null && slope >= 0;
    }
}
