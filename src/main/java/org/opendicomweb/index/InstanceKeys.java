package org.opendicomweb.index;

import java.text.Normalizer;
import java.util.Locale;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;

/**
 * The matching keys of one instance at every level (PS3.18 Table 10.6.1-5), taken from its dataset once at
 * store time. UIDs are normalised here (padding stripped); the stored file keeps them as received.
 */
public record InstanceKeys(
        String patientId,
        String issuerOfPatientId,
        String patientName,
        String patientBirthDate,
        String patientSex,
        String studyInstanceUid,
        String studyDate,
        String studyTime,
        String accessionNumber,
        String studyId,
        String referringPhysicianName,
        String studyDescription,
        String timezoneOffsetFromUtc,
        String seriesInstanceUid,
        String modality,
        Integer seriesNumber,
        String seriesDescription,
        String ppsStartDate,
        String ppsStartTime,
        String sopInstanceUid,
        String sopClassUid,
        Integer instanceNumber,
        Integer numberOfFrames,
        Integer rows,
        Integer columns,
        Integer bitsAllocated,
        String sopInstanceStatus) {

    public static InstanceKeys of(Attributes ds) {
        return new InstanceKeys(
                text(ds, Tag.PatientID),
                text(ds, Tag.IssuerOfPatientID),
                text(ds, Tag.PatientName),
                text(ds, Tag.PatientBirthDate),
                text(ds, Tag.PatientSex),
                uid(ds, Tag.StudyInstanceUID),
                text(ds, Tag.StudyDate),
                text(ds, Tag.StudyTime),
                text(ds, Tag.AccessionNumber),
                text(ds, Tag.StudyID),
                text(ds, Tag.ReferringPhysicianName),
                text(ds, Tag.StudyDescription),
                text(ds, Tag.TimezoneOffsetFromUTC),
                uid(ds, Tag.SeriesInstanceUID),
                text(ds, Tag.Modality),
                integer(ds, Tag.SeriesNumber),
                text(ds, Tag.SeriesDescription),
                text(ds, Tag.PerformedProcedureStepStartDate),
                text(ds, Tag.PerformedProcedureStepStartTime),
                uid(ds, Tag.SOPInstanceUID),
                uid(ds, Tag.SOPClassUID),
                integer(ds, Tag.InstanceNumber),
                integer(ds, Tag.NumberOfFrames),
                integer(ds, Tag.Rows),
                integer(ds, Tag.Columns),
                integer(ds, Tag.BitsAllocated),
                text(ds, Tag.SOPInstanceStatus));
    }

    /** Upper case without accents and with the PN delimiters as spaces: what case/accent-insensitive matching compares. */
    public static String normalisedName(String personName) {
        if (personName == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(personName, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    public String patientNameNormalised() {
        return normalisedName(patientName);
    }

    public String referringPhysicianNameNormalised() {
        return normalisedName(referringPhysicianName);
    }

    private static String text(Attributes ds, int tag) {
        String[] values = ds.getStrings(tag);
        if (values == null || values.length == 0) {
            return null;
        }
        String joined = values.length == 1 ? values[0] : String.join("\\", values);
        return joined.isEmpty() ? null : joined;
    }

    private static String uid(Attributes ds, int tag) {
        String v = Uids.normalise(ds.getString(tag));
        return v == null || v.isEmpty() ? null : v;
    }

    private static Integer integer(Attributes ds, int tag) {
        String s = ds.getString(tag);
        if (s == null) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return null; // a malformed IS is kept in the file and metadata, just not matchable
        }
    }

}
