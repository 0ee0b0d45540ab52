package org.opendicomweb.dicom;

/** Text forms of binary numbers (FL, FD, SL, SS, UL, US, SV, UV, AT) for logs and string getters. */
final class BinaryValues {
    private BinaryValues() {}

    static String[] toStrings(byte[] b, VR vr, boolean bigEndian) {
        int width = vr.valueSize();
        int n = b.length / width;
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            int off = k * width;
            out[k] = switch (vr) {
                case FL -> Float.toString(Float.intBitsToFloat((int) Endianness.raw(b, off, 4, bigEndian)));
                case FD -> Double.toString(Double.longBitsToDouble(Endianness.raw(b, off, 8, bigEndian)));
                case UV -> Long.toUnsignedString(Endianness.raw(b, off, 8, bigEndian));
                case AT -> Tag.toHex((int) Endianness.getLong(b, off, vr, bigEndian));
                default -> Long.toString(Endianness.getLong(b, off, vr, bigEndian));
            };
        }
        return out;
    }
}
