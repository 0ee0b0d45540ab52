package org.opendicomweb.dicom;

/**
 * Data element tags as 32-bit numbers (group in the high 16 bits), and the tag arithmetic of PS3.5 §7.
 * The constants below the helpers are generated from PS3.6 by src/tools/dictgen.
 */
public final class Tag {
    private Tag() {}

    public static final int Item = 0xFFFEE000;
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    public static boolean isPrivate(int tag) {
        return (tag & 0x00010000) != 0 && group(tag) > 0x0008 && group(tag) != 0xFFFF;
    }

    /** (gggg,0010)-(gggg,00FF) in an odd group: reserves a block of 256 private elements (PS3.5 §7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        return isPrivate(tag) && element(tag) >= 0x0010 && element(tag) <= 0x00FF;
    }

    /** The private creator element that reserves the block of a private tag: (gggg,00xx) for (gggg,xxee). */
    public static int privateCreatorOf(int tag) {
        return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** "(0010,0010)" */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }

    /** "00100010", the form used as keys in DICOM JSON (PS3.18 §F.2.1.1). */
    public static String toHex(int tag) {
        return String.format("%08X", tag);
    }

    /** Parses "00100010"; returns -1 if the text is not 8 hex digits. */
    public static int parseHex(String s) {
        if (s == null || s.length() != 8) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return (int) v;
    }

    // ---- generated constants (src/tools/dictgen) ----
    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int Modality = 0x00080060;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int NumberOfFrames = 0x00280008;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int BitsAllocated = 0x00280100;
    public static final int PixelRepresentation = 0x00280103;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int DoubleFloatPixelData = 0x7FE00009;
    public static final int PixelData = 0x7FE00010;
}
