package org.opendicomweb.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;

/**
 * The matching keys of one instance at every level (PS3.18 Table 10.6.1-5), taken from its dataset once at
 * store time: the attributes with a column of their own, the items of the sequences the index matches on, the
 * values of the configured extended query tags, and the UTC instants of its dates and times. UIDs are
 * normalised here (padding stripped); the stored file keeps them as received.
 *
 * @param studyDateTimeUtc StudyDate and StudyTime in UTC ({@link UtcDateTime}), when the instance states its
 *     TimezoneOffsetFromUTC
 * @param ppsDateTimeUtc the same for PerformedProcedureStepStartDate and -Time
 * @param extendedTags the extended query tags whose values were taken ({@code extendedValues})
 * @param references its references to other SOP instances, for the references graph ({@link InstanceReference})
 * @param sequenceItems the items of the extended query tags that are sequences
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
        String sopInstanceStatus,
        String sopAuthorizationDateTime,
        String sopAuthorizationComment,
        String studyDateTimeUtc,
        String ppsDateTimeUtc,
        List<RequestAttributesItem> requestAttributes,
        List<ReferencedStudyItem> referencedStudies,
        List<ExtendedQueryTag> extendedTags,
        List<ExtendedValue> extendedValues,
        List<InstanceReference> references,
        List<SequenceItem> sequenceItems) {

    /** One value of a configured extended query tag, normalised ({@link ExtendedQueryTag#normalise}). */
    public record ExtendedValue(ExtendedQueryTag tag, String value) {}

    public InstanceKeys {
        requestAttributes = List.copyOf(requestAttributes);
        referencedStudies = List.copyOf(referencedStudies);
        extendedTags = List.copyOf(extendedTags);
        extendedValues = List.copyOf(extendedValues);
        references = List.copyOf(references);
        sequenceItems = List.copyOf(sequenceItems);
    }

    /** The keys without extended query tags. */
    public static InstanceKeys of(Attributes ds) {
        return of(ds, List.of());
    }

    /** The keys, with the values of {@code extendedTags} in {@code ds}. */
    public static InstanceKeys of(Attributes ds, List<ExtendedQueryTag> extendedTags) {
        List<ExtendedValue> extended = new ArrayList<>();
        List<SequenceItem> items = new ArrayList<>();
        for (ExtendedQueryTag t : extendedTags) {
            if (t.isSequence()) {
                items.addAll(t.itemsOf(ds));
            }
            for (String v : t.valuesOf(ds)) {
                extended.add(new ExtendedValue(t, v));
            }
        }
        String offset = ds.getString(Tag.TimezoneOffsetFromUTC);
        return new InstanceKeys(
                text(ds, Tag.PatientID, ID),
                text(ds, Tag.IssuerOfPatientID, ID),
                text(ds, Tag.PatientName, LONG),
                text(ds, Tag.PatientBirthDate, SHORT),
                text(ds, Tag.PatientSex, SHORT),
                uid(ds, Tag.StudyInstanceUID),
                text(ds, Tag.StudyDate, SHORT),
                text(ds, Tag.StudyTime, SHORT),
                text(ds, Tag.AccessionNumber, ID),
                text(ds, Tag.StudyID, ID),
                text(ds, Tag.ReferringPhysicianName, LONG),
                text(ds, Tag.StudyDescription, LONG),
                text(ds, Tag.TimezoneOffsetFromUTC, SHORT),
                uid(ds, Tag.SeriesInstanceUID),
                text(ds, Tag.Modality, SHORT),
                integer(ds, Tag.SeriesNumber),
                text(ds, Tag.SeriesDescription, LONG),
                text(ds, Tag.PerformedProcedureStepStartDate, SHORT),
                text(ds, Tag.PerformedProcedureStepStartTime, SHORT),
                uid(ds, Tag.SOPInstanceUID),
                uid(ds, Tag.SOPClassUID),
                integer(ds, Tag.InstanceNumber),
                integer(ds, Tag.NumberOfFrames),
                integer(ds, Tag.Rows),
                integer(ds, Tag.Columns),
                integer(ds, Tag.BitsAllocated),
                text(ds, Tag.SOPInstanceStatus, SHORT),
                text(ds, Tag.SOPAuthorizationDateTime, DATE_TIME),
                text(ds, Tag.SOPAuthorizationComment, LONG),
                UtcDateTime.of(ds.getString(Tag.StudyDate), ds.getString(Tag.StudyTime), offset),
                UtcDateTime.of(
                        ds.getString(Tag.PerformedProcedureStepStartDate),
                        ds.getString(Tag.PerformedProcedureStepStartTime),
                        offset),
                RequestAttributesItem.of(ds),
                ReferencedStudyItem.of(ds),
                extendedTags,
                extended,
                InstanceReference.of(ds),
                items);
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
        return fit(normalisedName(patientName), LONG);
    }

    public String referringPhysicianNameNormalised() {
        return fit(normalisedName(referringPhysicianName), LONG);
    }

    /** Column widths of the index (V1 schema); a longer value is cut there, the file and metadata keep it whole. */
    private static final int SHORT = 16;

    private static final int ID = 64;
    private static final int DATE_TIME = 32;
    private static final int LONG = 1024;

    private static String text(Attributes ds, int tag, int width) {
        String[] values = ds.getStrings(tag);
        if (values == null || values.length == 0) {
            return null;
        }
        String joined = values.length == 1 ? values[0] : String.join("\\", values);
        return joined.isEmpty() ? null : fit(joined, width);
    }

    private static String fit(String value, int width) {
        return value == null || value.length() <= width ? value : value.substring(0, width);
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
