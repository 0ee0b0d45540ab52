package org.opendicomweb.dicom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a dataset is encoded (PS3.5 §10): VR explicit or implicit, byte order, deflate, encapsulated pixel data.
 * Every UID not listed among the native syntaxes is taken as explicit VR little endian with encapsulated pixel
 * data, which PS3.5 §A.4 requires of all compressed syntaxes.
 */
public record TransferSyntax(
        String uid, boolean explicitVR, boolean bigEndian, boolean deflated, boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);
    /** Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 §A.4.11): fragments, yet not compressed. */
    public static final String ENCAPSULATED_UNCOMPRESSED = "1.2.840.10008.1.2.1.98";
    /** JPIP referenced syntaxes carry no pixel data at all, only a URL (PS3.5 §A.6). */
    private static final String JPIP_REFERENCED = "1.2.840.10008.1.2.4.94";

    private static final String JPIP_REFERENCED_DEFLATE = "1.2.840.10008.1.2.4.95";

    private static final Map<String, TransferSyntax> KNOWN = new ConcurrentHashMap<>(Map.of(
            IMPLICIT_VR_LITTLE_ENDIAN.uid,
            IMPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_LITTLE_ENDIAN.uid,
            EXPLICIT_VR_LITTLE_ENDIAN,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_BIG_ENDIAN.uid,
            EXPLICIT_VR_BIG_ENDIAN,
            JPIP_REFERENCED,
            new TransferSyntax(JPIP_REFERENCED, true, false, false, false),
            JPIP_REFERENCED_DEFLATE,
            new TransferSyntax(JPIP_REFERENCED_DEFLATE, true, false, true, false)));

    /** The syntax for a UID; unknown UIDs are assumed to be compressed (encapsulated) syntaxes. */
    public static TransferSyntax of(String uid) {
        TransferSyntax known = KNOWN.get(uid);
        return known != null ? known : new TransferSyntax(uid, true, false, false, true);
    }

    /** One of the four native (uncompressed, not encapsulated) syntaxes we can read and write value by value. */
    public boolean isNative() {
        return !encapsulated;
    }

    /** Never sent over the web (PS3.18 §8.7.3.5.2): Implicit VR Little Endian and Explicit VR Big Endian. */
    public boolean isWebTransferable() {
        return this != IMPLICIT_VR_LITTLE_ENDIAN && this != EXPLICIT_VR_BIG_ENDIAN;
    }
}
