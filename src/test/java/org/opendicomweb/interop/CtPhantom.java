package org.opendicomweb.interop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.testing.DicomFiles;

/**
 * A CT series of a synthetic chest-like phantom: an elliptic body of soft tissue with two lungs, a spine and a
 * vessel that moves from slice to slice, in Hounsfield units stored as {@code HU + 1024} (the builder's rescale
 * intercept is -1024, its window 40/400). Real pixel data that a viewer shows as an image, not as a blank or
 * saturated square.
 */
final class CtPhantom {
    private CtPhantom() {}

    /** {@code slices} images of {@code size} x {@code size} pixels, numbered from 1. */
    static List<DicomFiles.Builder> series(
            String patientName, String patientId, String studyUid, String seriesUid, int slices, int size) {
        List<DicomFiles.Builder> files = new ArrayList<>(slices);
        for (int z = 0; z < slices; z++) {
            files.add(DicomFiles.ctImage()
                    .patient(patientName, patientId)
                    .study(studyUid, LocalDate.of(2026, 11, 23))
                    .studyDescription("Interop phantom")
                    .accessionNumber("PHANTOM-1")
                    .series(seriesUid, 1)
                    .seriesDescription("Phantom axial")
                    .instance(seriesUid + "." + (z + 1), z + 1)
                    .size(size, size)
                    .pixelData(slice(z, slices, size)));
        }
        return files;
    }

    /** One multi-frame image (Secondary Capture, no rescale) whose frames are the first slices of the phantom. */
    static DicomFiles.Builder multiFrame(String patientName, String patientId, String studyUid, int frames, int size) {
        byte[] pixels = new byte[frames * size * size * 2];
        for (int z = 0; z < frames; z++) {
            System.arraycopy(slice(z, frames, size), 0, pixels, z * size * size * 2, size * size * 2);
        }
        return DicomFiles.multiFrame(frames)
                .patient(patientName, patientId)
                .study(studyUid, LocalDate.of(2026, 11, 23))
                .studyDescription("Interop phantom, multi-frame")
                .accessionNumber("PHANTOM-2")
                .series(studyUid + ".1", 1)
                .seriesDescription("Phantom frames")
                .instance(studyUid + ".1.1", 1)
                .size(size, size)
                .pixelData(pixels);
    }

    /** One slice, 16-bit little endian. */
    static byte[] slice(int z, int slices, int size) {
        byte[] pixels = new byte[size * size * 2];
        double vesselX = 0.5 + 0.12 * Math.sin(Math.PI * z / Math.max(1, slices - 1));
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                double x = (col + 0.5) / size;
                double y = (row + 0.5) / size;
                int hu;
                if (!inside(x, y, 0.5, 0.5, 0.42, 0.32)) {
                    hu = -1000;
                } else if (inside(x, y, 0.5, 0.72, 0.06, 0.06)) {
                    hu = 700;
                } else if (inside(x, y, vesselX, 0.52, 0.04, 0.04)) {
                    hu = 180;
                } else if (inside(x, y, 0.31, 0.46, 0.12, 0.17) || inside(x, y, 0.69, 0.46, 0.12, 0.17)) {
                    hu = -800;
                } else {
                    hu = 40 + (int) Math.round(30 * (y - 0.5));
                }
                hu += noise(row, col, z); // a little texture, as in a real scan
                int stored = Math.clamp(hu + 1024, 0, 4095);
                int i = 2 * (row * size + col);
                pixels[i] = (byte) stored;
                pixels[i + 1] = (byte) (stored >>> 8);
            }
        }
        return pixels;
    }

    /** Deterministic noise in [-6, 6] HU, without the stripes a linear formula would draw. */
    private static int noise(int row, int col, int z) {
        int h = row * 0x1F123BB5 ^ col * 0x5F356495 ^ z * 0x2C1B3C6D;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return Math.floorMod(h, 13) - 6;
    }

    private static boolean inside(double x, double y, double cx, double cy, double rx, double ry) {
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1;
    }
}
