package org.opendicomweb.index;

import java.util.Set;

/**
 * The document titles of a Key Object Selection (PS3.16 CID 7010 "Key Object Selection Document Title", coding
 * scheme DCM) and the four of them that reject the instances a note references (IHE IOCM, PS3.16 CID 7010 codes
 * 113001, 113037, 113038, 113039).
 */
public final class KeyObjectTitle {
    private KeyObjectTitle() {}

    /** Coding Scheme Designator (0008,0102) of the DICOM Controlled Terminology (PS3.16 §8). */
    public static final String DCM = "DCM";

    /**
     * The DCM codes CID 7010 lists itself (it also includes CIDs 7014, 7023, 7024, 7025 and 7070, whose codes are
     * not listed here): what a Key Object Selection document may be titled with.
     */
    static final Set<String> CID_7010 = Set.of(
            "113000", // Of Interest
            "113001", // Rejected for Quality Reasons
            "113002", // For Referring Provider
            "113003", // For Surgery
            "113004", // For Teaching
            "113005", // For Conference
            "113006", // For Therapy
            "113007", // For Patient
            "113008", // For Peer Review
            "113009", // For Research
            "113010", // Quality Issue
            "113013", // Best In Set
            "113018", // For Printing
            "113020", // For Report Attachment
            "113021", // For Litigation
            "113022", // Collection of Presentation States
            "113030", // Manifest
            "113031", // Signed Manifest
            "113032", // Complete Study Content
            "113033", // Signed Complete Study Content
            "113034", // Complete Acquisition Content
            "113035", // Signed Complete Acquisition Content
            "113036", // Group of Frames for Display
            "113037", // Rejected for Patient Safety Reasons
            "113038", // Incorrect Modality Worklist Entry
            "113039", // Data Retention Policy Expired
            "128181", // Diagnostic Source Images
            "128182", // Segmentation Result
            "128183", // Registration Result
            "128195", // For Diagnosis
            "128196", // For Segmentation
            "128199", // For Plan Comparison
            "128203", // For Tumor Board
            "128207", // For Clinical Trial Submission
            "128208", // For Tumor Registry
            "128218", // Diagnosis Input Used
            "128219", // Contouring Input Used
            "128220", // Plan Comparison Input Used
            "128221", // Tumor Board Input Used
            "128222", // Tumor Registry Input Used
            "128223", // Clinical Trial Submission Input Used
            "131360"); // Rejection Withdrawn

    /**
     * Whether a DCM code is certainly no title of CID 7010: a code of the block 113000-113099 that CID 7010 does not
     * list (the block of the Key Object Selection titles and of the rejection reasons of CID 7011, such as 113026
     * Double Exposure, which a miscoded note carries as its title). Codes of other blocks may belong to the CIDs
     * that CID 7010 includes, and are not judged.
     */
    public static boolean certainlyNotInCid7010(String codeValue) {
        return codeValue.length() == 6 && codeValue.startsWith("1130") && !CID_7010.contains(codeValue);
    }

    /** The titles that reject: what each does with the instances it references is {@link RejectionCode}'s. */
    public enum RejectionCode {
        /** 113001: hidden, kept for a grace period (dicomweb.rejection.quality-grace-period), then deleted. */
        QUALITY("113001", "Rejected for Quality Reasons"),
        /** 113037: never served again; kept or deleted by dicomweb.rejection.delete-safety-rejections. */
        PATIENT_SAFETY("113037", "Rejected for Patient Safety Reasons"),
        /** 113038: as 113037 (the images belong to another order or patient). */
        INCORRECT_WORKLIST_ENTRY("113038", "Incorrect Modality Worklist Entry"),
        /** 113039: deleted at once. */
        RETENTION_EXPIRED("113039", "Data Retention Policy Expired");

        private final String codeValue;
        private final String meaning;

        RejectionCode(String codeValue, String meaning) {
            this.codeValue = codeValue;
            this.meaning = meaning;
        }

        public String codeValue() {
            return codeValue;
        }

        public String meaning() {
            return meaning;
        }

        /** The rejection a DCM code value stands for, or null when it is no rejection title. */
        public static RejectionCode of(String codeValue) {
            for (RejectionCode c : values()) {
                if (c.codeValue.equals(codeValue)) {
                    return c;
                }
            }
            return null;
        }
    }
}
