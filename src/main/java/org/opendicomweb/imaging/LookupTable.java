package org.opendicomweb.imaging;

import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.VR;

/**
 * A DICOM lookup table: Modality LUT, VOI LUT or one channel of a palette (PS3.3 §C.11.1.1, §C.11.2.1.1,
 * §C.7.6.3.1.5). The descriptor gives the number of entries (0 meaning 65536), the first input value mapped and
 * the bits per entry; inputs below the first map to the first entry, inputs past the last to the last.
 */
public record LookupTable(int firstMapped, int bits, int[] entries) {

    /** The entry for input {@code value}, clamped to the table. */
    public int lookup(long value) {
        long i = value - firstMapped;
        return entries[i <= 0 ? 0 : i >= entries.length ? entries.length - 1 : (int) i];
    }

    /** The largest value an entry can have, 2^bits - 1. */
    public int maxEntry() {
        return (1 << bits) - 1;
    }

    /**
     * Reads a table from its descriptor and data elements of {@code ds}.
     *
     * @param signedInput whether the first mapped value is signed when the descriptor's VR does not say
     *     (US or SS; an Implicit VR file leaves it open)
     * @throws UnrenderableImageException when the descriptor or data are missing or inconsistent
     */
    public static LookupTable read(Attributes ds, int descriptorTag, int dataTag, boolean signedInput, String what) {
        Object d = ds.getValue(descriptorTag);
        if (!(d instanceof byte[] descriptor) || descriptor.length < 6) {
            throw new UnrenderableImageException(what + " has no usable LUT Descriptor");
        }
        boolean be = ds.bigEndian();
        int count = u16(descriptor, 0, be);
        count = count == 0 ? 65536 : count;
        int first = u16(descriptor, 2, be);
        VR vr = ds.vrOf(descriptorTag);
        if (vr == VR.SS || (vr != VR.US && signedInput)) {
            first = (short) first;
        }
        int bits = u16(descriptor, 4, be);
        if (bits < 1 || bits > 16) {
            throw new UnrenderableImageException(what + " has " + bits + " bits per entry; 1 to 16 are allowed");
        }
        Object v = ds.getValue(dataTag);
        if (!(v instanceof byte[] data)) {
            throw new UnrenderableImageException(what + " has no LUT Data");
        }
        int[] entries = new int[count];
        if (bits <= 8 && data.length >= count && data.length < 2 * count) {
            // 8-bit entries packed two to a 16-bit word (PS3.3 §C.7.6.3.1.6), in the word's byte order.
            for (int i = 0; i < count; i++) {
                int word = u16(data, (i & ~1), be);
                entries[i] = (i & 1) == 0 ? word & 0xFF : word >>> 8;
            }
        } else if (data.length >= 2 * count) {
            int max = 0;
            for (int i = 0; i < count; i++) {
                entries[i] = u16(data, 2 * i, be);
                max = Math.max(max, entries[i]);
            }
            if (bits <= 8 && max > 255) {
                // Some writers put 8-bit entries in the high byte of each word.
                for (int i = 0; i < count; i++) {
                    entries[i] >>>= 8;
                }
            }
        } else {
            throw new UnrenderableImageException(
                    what + " has " + data.length + " bytes of LUT Data for " + count + " entries");
        }
        return new LookupTable(first, bits, entries);
    }

    private static int u16(byte[] b, int off, boolean be) {
        if (off + 1 >= b.length) {
            return b[off] & 0xFF;
        }
        return be ? (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF) : (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }
}
