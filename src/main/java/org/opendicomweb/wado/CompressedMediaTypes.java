package org.opendicomweb.wado;

import java.util.Map;

/**
 * The media type of a frame in each compressed transfer syntax, as PS3.18 §8.7.3 (Tables 8.7.3-2 and -3, the
 * single- and multi-frame media types of the pixel data resources) pairs them. A frame is sent in its stored
 * syntax under this type, with the syntax as the {@code transfer-syntax} parameter.
 */
final class CompressedMediaTypes {
    private static final Map<String, String> BY_TRANSFER_SYNTAX = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "image/jpeg"), // JPEG Baseline (Process 1)
            Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"), // JPEG Extended (Process 2 & 4)
            Map.entry("1.2.840.10008.1.2.4.57", "image/jpeg"), // JPEG Lossless, Non-Hierarchical (Process 14)
            Map.entry("1.2.840.10008.1.2.4.70", "image/jpeg"), // JPEG Lossless, First-Order Prediction
            Map.entry("1.2.840.10008.1.2.4.80", "image/jls"), // JPEG-LS Lossless
            Map.entry("1.2.840.10008.1.2.4.81", "image/jls"), // JPEG-LS Near-Lossless
            Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"), // JPEG 2000 Lossless Only
            Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"), // JPEG 2000
            Map.entry("1.2.840.10008.1.2.4.92", "image/jpx"), // JPEG 2000 Part 2 Multi-component Lossless Only
            Map.entry("1.2.840.10008.1.2.4.93", "image/jpx"), // JPEG 2000 Part 2 Multi-component
            Map.entry("1.2.840.10008.1.2.4.201", "image/jphc"), // High-Throughput JPEG 2000 Lossless Only
            Map.entry("1.2.840.10008.1.2.4.202", "image/jphc"), // High-Throughput JPEG 2000 with RPCL, Lossless Only
            Map.entry("1.2.840.10008.1.2.4.203", "image/jphc"), // High-Throughput JPEG 2000
            Map.entry("1.2.840.10008.1.2.4.110", "image/jxl"), // JPEG XL Lossless
            Map.entry("1.2.840.10008.1.2.4.111", "image/jxl"), // JPEG XL JPEG Recompression
            Map.entry("1.2.840.10008.1.2.4.112", "image/jxl"), // JPEG XL
            Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"), // RLE Lossless
            // Encapsulated Uncompressed Explicit VR Little Endian: plain pixels, one fragment per frame.
            Map.entry("1.2.840.10008.1.2.1.98", "application/octet-stream"));

    /**
     * The syntax an image media type stands for when no transfer-syntax parameter names one (PS3.18 §8.7.3.5.2,
     * the defaults of Table 8.7.3-5): the lossless syntax of each family.
     */
    private static final Map<String, String> DEFAULT_SYNTAX = Map.of(
            "image/jpeg", "1.2.840.10008.1.2.4.70",
            "image/jls", "1.2.840.10008.1.2.4.80",
            "image/jp2", "1.2.840.10008.1.2.4.90",
            "image/jpx", "1.2.840.10008.1.2.4.92",
            "image/jphc", "1.2.840.10008.1.2.4.201",
            "image/jxl", "1.2.840.10008.1.2.4.110",
            "image/dicom-rle", "1.2.840.10008.1.2.5");

    private CompressedMediaTypes() {}

    /** The default syntax of an image media type (its essence), or {@code null} for other types. */
    static String defaultSyntax(String essence) {
        return DEFAULT_SYNTAX.get(essence);
    }

    /** The frame media type of a compressed syntax, or {@code null} for syntaxes without frames (video) or unknown ones. */
    static String of(String transferSyntaxUid) {
        return BY_TRANSFER_SYNTAX.get(transferSyntaxUid);
    }
}
