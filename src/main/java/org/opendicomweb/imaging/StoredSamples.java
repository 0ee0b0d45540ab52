package org.opendicomweb.imaging;

/**
 * The sample values of a native frame (PS3.5 §8.1.1, §8.2): little endian cells of Bits Allocated, the value in
 * the Bits Stored bits ending at High Bit, two's complement when Pixel Representation is 1. Bits outside the
 * stored ones (overlays in old files, garbage in others) are masked off.
 */
final class StoredSamples {
    private StoredSamples() {}

    /**
     * Number of samples in one frame. YBR_FULL_422 in native form stores two luminance samples and one pair of
     * chrominance samples for each two pixels (PS3.3 §C.7.6.3.1.2), so it has two samples per pixel, not three.
     */
    static int count(PixelDescription d) {
        long n = (long) d.rows() * d.columns() * (isYbr422(d) ? 2 : d.samplesPerPixel());
        if (n <= 0 || n > Integer.MAX_VALUE - 8) {
            throw new UnrenderableImageException(
                    "a frame of " + d.rows() + " x " + d.columns() + " pixels cannot be rendered");
        }
        return (int) n;
    }

    static boolean isYbr422(PixelDescription d) {
        return d.photometricInterpretation().equals("YBR_FULL_422")
                || d.photometricInterpretation().equals("YBR_PARTIAL_422");
    }

    /** The samples in stored order; with Bits Stored 32 and unsigned, values above 2^31 - 1 wrap (see {@link #value}). */
    /** Refuses sample layouts this reader does not handle. */
    static void checkLayout(PixelDescription d) {
        count(d);
        int allocated = d.bitsAllocated();
        if (allocated != 1 && allocated != 8 && allocated != 16 && allocated != 32) {
            throw new UnrenderableImageException("Bits Allocated " + allocated + " cannot be rendered");
        }
        int stored = d.bitsStored();
        if (stored < 1 || stored > allocated || d.highBit() < stored - 1 || d.highBit() >= allocated) {
            throw new UnrenderableImageException("Bits Stored " + stored + " and High Bit " + d.highBit()
                    + " do not fit Bits Allocated " + allocated);
        }
    }

    static int[] read(PixelDescription d, byte[] pixels) {
        checkLayout(d);
        int n = count(d);
        int allocated = d.bitsAllocated();
        int stored = d.bitsStored();
        long needed = ((long) n * allocated + 7) / 8;
        if (pixels.length < needed) {
            throw new UnrenderableImageException("the frame has " + pixels.length + " bytes of pixel data; " + d.rows()
                    + " x " + d.columns() + " pixels need " + needed);
        }
        int[] s = new int[n];
        switch (allocated) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    s[i] = (pixels[i >>> 3] >>> (i & 7)) & 1;
                }
                return s;
            }
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    s[i] = pixels[i] & 0xFF;
                }
            }
            case 16 -> {
                for (int i = 0, p = 0; i < n; i++, p += 2) {
                    s[i] = (pixels[p] & 0xFF) | (pixels[p + 1] & 0xFF) << 8;
                }
            }
            default -> {
                for (int i = 0, p = 0; i < n; i++, p += 4) {
                    s[i] = (pixels[p] & 0xFF)
                            | (pixels[p + 1] & 0xFF) << 8
                            | (pixels[p + 2] & 0xFF) << 16
                            | (pixels[p + 3] & 0xFF) << 24;
                }
            }
        }
        int shift = d.highBit() + 1 - stored;
        if (stored == 32) {
            return s;
        }
        int mask = (1 << stored) - 1;
        boolean signed = d.signed();
        int signBit = 1 << (stored - 1);
        if (shift == 0 && stored == allocated && !signed) {
            return s;
        }
        for (int i = 0; i < n; i++) {
            int v = (s[i] >>> shift) & mask;
            s[i] = signed && (v & signBit) != 0 ? (int) (v - (1L << stored)) : v;
        }
        return s;
    }

    /** A sample as a number, reading 32-bit unsigned samples as unsigned. */
    static long value(PixelDescription d, int sample) {
        return d.bitsStored() == 32 && !d.signed() ? Integer.toUnsignedLong(sample) : sample;
    }
}
