package org.opendicomweb.imaging;

import java.io.ByteArrayOutputStream;

/**
 * The marker segments that JPEG (T.81) and JPEG-LS (T.87) codestreams share in layout: a frame header (SOFn) of
 * full-resolution components and a scan header (SOS) of all components, each with its three closing bytes.
 */
final class JpegMarkers {
    private JpegMarkers() {}

    static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    /** SOFn: precision, lines, samples per line, and components 1..n, none subsampled, no quantisation table. */
    static void frameHeader(ByteArrayOutputStream out, int sof, int precision, int rows, int columns, int components) {
        marker(out, sof);
        u16(out, 8 + 3 * components);
        out.write(precision);
        u16(out, rows);
        u16(out, columns);
        out.write(components);
        for (int c = 1; c <= components; c++) {
            out.write(c);
            out.write(0x11);
            out.write(0);
        }
    }

    /**
     * SOS over components 1..n, each with table selector byte 0, then the three parameter bytes: Ss, Se and Ah/Al
     * in JPEG (predictor selection in lossless coding); NEAR, ILV and the point transform in JPEG-LS.
     */
    static void scanHeader(ByteArrayOutputStream out, int components, int p1, int p2, int p3) {
        marker(out, 0xDA);
        u16(out, 6 + 2 * components);
        out.write(components);
        for (int c = 1; c <= components; c++) {
            out.write(c);
            out.write(0);
        }
        out.write(p1);
        out.write(p2);
        out.write(p3);
    }
}
