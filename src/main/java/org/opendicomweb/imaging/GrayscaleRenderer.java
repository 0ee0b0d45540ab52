package org.opendicomweb.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The grayscale pipeline of PS3.4 §N.2.1: stored value → Modality LUT → VOI LUT (a window or a table) →
 * Presentation LUT (identity, or inverse for MONOCHROME1) → an 8-bit display value. Stored values of up to
 * 20 bits go through one table built for the range the frame uses, so each pixel costs one lookup.
 */
final class GrayscaleRenderer {
    /** Above this many distinct stored values a table costs more than computing each pixel. */
    private static final long MAX_TABLE = 1 << 20;

    private GrayscaleRenderer() {}

    static BufferedImage render(
            PixelDescription d, int[] samples, RenderingAttributes.Grayscale g, VoiWindow requested, boolean inverse) {
        int n = d.rows() * d.columns();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long v = StoredSamples.value(d, samples[i]);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        ModalityLut modality = g.modality();
        VoiWindow window = requested != null
                ? requested
                : g.windows().isEmpty() ? null : g.windows().get(0);
        LookupTable voiLut = window == null ? g.voiLut() : null;
        if (window == null && voiLut == null) {
            window = spanning(d, samples, n, modality, min, max);
        }
        BufferedImage image = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (max - min < MAX_TABLE) {
            byte[] table = new byte[(int) (max - min + 1)];
            for (int k = 0; k < table.length; k++) {
                table[k] = (byte) display(min + k, modality, window, voiLut, inverse);
            }
            for (int i = 0; i < n; i++) {
                out[i] = table[(int) (StoredSamples.value(d, samples[i]) - min)];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = (byte) display(StoredSamples.value(d, samples[i]), modality, window, voiLut, inverse);
            }
        }
        return image;
    }

    private static int display(
            long stored, ModalityLut modality, VoiWindow window, LookupTable voiLut, boolean inverse) {
        double m = modality.apply(stored);
        double y = window != null ? window.apply(m) : (double) voiLut.lookup(Math.round(m)) / voiLut.maxEntry();
        if (inverse) {
            y = 1 - y;
        }
        return (int) Math.round(Math.max(0, Math.min(1, y)) * 255);
    }

    /** The window over the modality values the frame holds: what a viewer shows when the file names none. */
    private static VoiWindow spanning(
            PixelDescription d, int[] samples, int n, ModalityLut modality, long min, long max) {
        if (modality.monotonic()) {
            return VoiWindow.spanning(modality.apply(min), modality.apply(max));
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double m = modality.apply(StoredSamples.value(d, samples[i]));
            low = Math.min(low, m);
            high = Math.max(high, m);
        }
        return VoiWindow.spanning(low, high);
    }
}
