package org.opendicomweb.dicom;

/** Reading and writing binary values in either byte order, by the width that the VR gives. */
public final class Endianness {
    private Endianness() {}

    public static long getLong(byte[] b, int off, VR vr, boolean bigEndian) {
        int n = vr.valueSize();
        if (vr == VR.AT) {
            int group = (int) raw(b, off, 2, bigEndian);
            int element = (int) raw(b, off + 2, 2, bigEndian);
            return ((long) group << 16) | element;
        }
        long v = raw(b, off, n, bigEndian);
        return switch (vr) {
            case SS -> (short) v;
            case SL -> (int) v;
            default -> v; // US, UL, UV (callers treat UV as unsigned), SV
        };
    }

    public static double getDouble(byte[] b, int off, VR vr, boolean bigEndian) {
        return switch (vr) {
            case FL, OF -> Float.intBitsToFloat((int) raw(b, off, 4, bigEndian));
            case FD, OD -> Double.longBitsToDouble(raw(b, off, 8, bigEndian));
            case UV -> unsignedToDouble(raw(b, off, 8, bigEndian));
            default -> getLong(b, off, vr, bigEndian);
        };
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    public static long raw(byte[] b, int off, int n, boolean bigEndian) {
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < n; k++) {
                v = (v << 8) | (b[off + k] & 0xFF);
            }
        } else {
            for (int k = n - 1; k >= 0; k--) {
                v = (v << 8) | (b[off + k] & 0xFF);
            }
        }
        return v;
    }

    public static void putRaw(byte[] b, int off, long v, int n, boolean bigEndian) {
        for (int k = 0; k < n; k++) {
            int shift = 8 * k;
            b[bigEndian ? off + n - 1 - k : off + k] = (byte) (v >>> shift);
        }
    }

    public static void putInt(byte[] b, int off, int v, VR vr, boolean bigEndian) {
        if (vr == VR.AT) {
            putRaw(b, off, v >>> 16, 2, bigEndian);
            putRaw(b, off + 2, v & 0xFFFF, 2, bigEndian);
        } else {
            putRaw(b, off, v, vr.valueSize(), bigEndian);
        }
    }

    /** Swaps, in place, every value of width {@code width} (AT swaps as two 16-bit halves). */
    public static void swap(byte[] b, int off, int len, int width) {
        for (int p = off; p + width <= off + len; p += width) {
            for (int i = 0, j = width - 1; i < j; i++, j--) {
                byte t = b[p + i];
                b[p + i] = b[p + j];
                b[p + j] = t;
            }
        }
    }

    public static int swapWidth(VR vr) {
        return vr == VR.AT ? 2 : vr.valueSize();
    }
}
