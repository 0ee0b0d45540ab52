package org.opendicomweb.dicom;

/** Placeholder until the generated dictionary lands. */
public final class ElementDictionary {
    private ElementDictionary() {}

    public static VR vrOf(int tag) {
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        return switch (tag) {
            case Tag.SpecificCharacterSet -> VR.CS;
            case Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.StudyInstanceUID, Tag.SeriesInstanceUID,
                    Tag.TransferSyntaxUID, Tag.MediaStorageSOPClassUID, Tag.MediaStorageSOPInstanceUID,
                    Tag.ImplementationClassUID -> VR.UI;
            case Tag.PatientName -> VR.PN;
            case Tag.Rows, Tag.Columns, Tag.BitsAllocated, Tag.PixelRepresentation -> VR.US;
            case Tag.PixelData -> VR.OW;
            default -> VR.UN;
        };
    }

    public static VR vrOf(String privateCreator, int tag) {
        return VR.UN;
    }

    public static boolean isAmbiguousVR(int tag) {
        return false;
    }

    public static String keywordOf(int tag) {
        return "";
    }

    public static int tagForKeyword(String keyword) {
        return -1;
    }
}
