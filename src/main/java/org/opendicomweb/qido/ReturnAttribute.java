package org.opendicomweb.qido;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/**
 * The attributes a query result takes from index columns rather than from stored metadata: the return
 * attributes of PS3.18 Table 10.6.3-3 (studies), Table 10.6.3-4 (series) and Table 10.6.3-5 (instances), and a
 * few optional ones the index keeps anyway. Column labels are those {@link QuerySql} selects.
 *
 * <p>{@link Presence#ALWAYS}: in every result of its level, zero-length when the index has no value (PS3.18
 * §10.6.3.3 requires them; clients such as study lists rely on the key being there). {@link Presence#WHEN_KNOWN}:
 * present when the index has a value. {@link Presence#ON_REQUEST}: only when asked for by includefield, as a
 * matching key, or by {@code includefield=all} at its level.
 *
 * <p>Specific Character Set is never returned: DICOM JSON is always UTF-8. SpecificCharacterSet and
 * RequestAttributesSequence (Table 10.6.3-4) can still be asked for with includefield.
 */
enum ReturnAttribute {
    // Table 10.6.3-3 Study Resources Search Response Payload
    STUDY_DATE(Tag.StudyDate, VR.DA, QueryLevel.STUDY, Presence.ALWAYS, date("study_date")),
    STUDY_TIME(Tag.StudyTime, VR.TM, QueryLevel.STUDY, Presence.ALWAYS, text("study_time")),
    ACCESSION_NUMBER(Tag.AccessionNumber, VR.SH, QueryLevel.STUDY, Presence.ALWAYS, text("accession_number")),
    INSTANCE_AVAILABILITY(Tag.InstanceAvailability, VR.CS, null, Presence.ALWAYS, (rs, level, root) -> "ONLINE"),
    MODALITIES_IN_STUDY(Tag.ModalitiesInStudy, VR.CS, QueryLevel.STUDY, Presence.ALWAYS, list("modalities_in_study")),
    REFERRING_PHYSICIAN_NAME(
            Tag.ReferringPhysicianName, VR.PN, QueryLevel.STUDY, Presence.ALWAYS, text("referring_physician_name")),
    TIMEZONE_OFFSET_FROM_UTC(Tag.TimezoneOffsetFromUTC, VR.SH, null, Presence.WHEN_KNOWN, text("timezone_offset")),
    RETRIEVE_URL(Tag.RetrieveURL, VR.UR, null, Presence.ALWAYS, ReturnAttribute::retrieveUrl),
    PATIENT_NAME(Tag.PatientName, VR.PN, QueryLevel.STUDY, Presence.ALWAYS, text("patient_name")),
    PATIENT_ID(Tag.PatientID, VR.LO, QueryLevel.STUDY, Presence.ALWAYS, text("patient_id")),
    PATIENT_BIRTH_DATE(Tag.PatientBirthDate, VR.DA, QueryLevel.STUDY, Presence.ALWAYS, date("patient_birth_date")),
    PATIENT_SEX(Tag.PatientSex, VR.CS, QueryLevel.STUDY, Presence.ALWAYS, text("patient_sex")),
    STUDY_INSTANCE_UID(Tag.StudyInstanceUID, VR.UI, QueryLevel.STUDY, Presence.ALWAYS, text("study_iuid")),
    STUDY_ID(Tag.StudyID, VR.SH, QueryLevel.STUDY, Presence.ALWAYS, text("study_id")),
    NUMBER_OF_STUDY_RELATED_SERIES(
            Tag.NumberOfStudyRelatedSeries, VR.IS, QueryLevel.STUDY, Presence.ALWAYS, number("num_series")),
    NUMBER_OF_STUDY_RELATED_INSTANCES(
            Tag.NumberOfStudyRelatedInstances, VR.IS, QueryLevel.STUDY, Presence.ALWAYS, number("num_instances")),
    // optional study attributes the index keeps
    ISSUER_OF_PATIENT_ID(
            Tag.IssuerOfPatientID, VR.LO, QueryLevel.STUDY, Presence.ON_REQUEST, text("issuer_of_patient_id")),
    STUDY_DESCRIPTION(Tag.StudyDescription, VR.LO, QueryLevel.STUDY, Presence.ON_REQUEST, text("study_description")),
    SOP_CLASSES_IN_STUDY(
            Tag.SOPClassesInStudy, VR.UI, QueryLevel.STUDY, Presence.ON_REQUEST, list("sop_classes_in_study")),

    // Table 10.6.3-4 Series Resources Search Response Payload
    MODALITY(Tag.Modality, VR.CS, QueryLevel.SERIES, Presence.ALWAYS, text("modality")),
    SERIES_DESCRIPTION(Tag.SeriesDescription, VR.LO, QueryLevel.SERIES, Presence.ALWAYS, text("series_description")),
    SERIES_INSTANCE_UID(Tag.SeriesInstanceUID, VR.UI, QueryLevel.SERIES, Presence.ALWAYS, text("series_iuid")),
    SERIES_NUMBER(Tag.SeriesNumber, VR.IS, QueryLevel.SERIES, Presence.ALWAYS, number("series_number")),
    NUMBER_OF_SERIES_RELATED_INSTANCES(
            Tag.NumberOfSeriesRelatedInstances,
            VR.IS,
            QueryLevel.SERIES,
            Presence.ALWAYS,
            number("series_num_instances")),
    PPS_START_DATE(
            Tag.PerformedProcedureStepStartDate, VR.DA, QueryLevel.SERIES, Presence.ALWAYS, date("pps_start_date")),
    PPS_START_TIME(
            Tag.PerformedProcedureStepStartTime, VR.TM, QueryLevel.SERIES, Presence.ALWAYS, text("pps_start_time")),

    // Table 10.6.3-5 Instance Resources Search Response Payload
    SOP_CLASS_UID(Tag.SOPClassUID, VR.UI, QueryLevel.INSTANCE, Presence.ALWAYS, text("sop_class_uid")),
    SOP_INSTANCE_UID(Tag.SOPInstanceUID, VR.UI, QueryLevel.INSTANCE, Presence.ALWAYS, text("sop_iuid")),
    INSTANCE_NUMBER(Tag.InstanceNumber, VR.IS, QueryLevel.INSTANCE, Presence.ALWAYS, number("instance_number")),
    ROWS(Tag.Rows, VR.US, QueryLevel.INSTANCE, Presence.WHEN_KNOWN, number("image_rows")),
    COLUMNS(Tag.Columns, VR.US, QueryLevel.INSTANCE, Presence.WHEN_KNOWN, number("image_columns")),
    BITS_ALLOCATED(Tag.BitsAllocated, VR.US, QueryLevel.INSTANCE, Presence.WHEN_KNOWN, number("bits_allocated")),
    NUMBER_OF_FRAMES(Tag.NumberOfFrames, VR.IS, QueryLevel.INSTANCE, Presence.WHEN_KNOWN, number("number_of_frames")),
    // optional instance attribute the index keeps
    SOP_INSTANCE_STATUS(
            Tag.SOPInstanceStatus, VR.CS, QueryLevel.INSTANCE, Presence.ON_REQUEST, text("sop_instance_status"));

    enum Presence {
        ALWAYS,
        WHEN_KNOWN,
        ON_REQUEST
    }

    /** Reads the value from the current row: a String, String[] or Integer, or null when there is none. */
    @FunctionalInterface
    interface Source {
        Object read(ResultSet row, QueryLevel level, String root) throws SQLException;
    }

    private final int tag;
    private final VR vr;
    private final QueryLevel level;
    private final Presence presence;
    private final Source source;

    ReturnAttribute(int tag, VR vr, QueryLevel level, Presence presence, Source source) {
        this.tag = tag;
        this.vr = vr;
        this.level = level;
        this.presence = presence;
        this.source = source;
    }

    int tag() {
        return tag;
    }

    /** Null for the attributes every level returns (Retrieve URL, Instance Availability, Timezone Offset). */
    QueryLevel level() {
        return level;
    }

    Presence presence() {
        return presence;
    }

    /** Puts this attribute's value from {@code row} into {@code result}; an absent value stays absent. */
    void copy(ResultSet row, QueryLevel queryLevel, String root, Attributes result) throws SQLException {
        Object value = source.read(row, queryLevel, root);
        if (value == null) {
            if (presence == Presence.ALWAYS) {
                result.setValue(tag, vr, null);
            }
        } else if (value instanceof Integer n) {
            result.setInt(tag, vr, n);
        } else if (value instanceof String[] values) {
            result.setString(tag, vr, values);
        } else {
            String s = (String) value;
            result.setString(tag, vr, vr == VR.UR ? new String[] {s} : s.split("\\\\"));
        }
    }

    private static Source text(String column) {
        return (rs, level, root) -> {
            String s = rs.getString(column);
            return s == null || s.isEmpty() ? null : s;
        };
    }

    /**
     * A date: the matching column, else the stored text it could not take (ACR-NEMA's yyyy.mm.dd and the like),
     * for a returned attribute carries the stored value even where it matches no range.
     */
    private static Source date(String column) {
        Source matching = text(column);
        Source stored = text(column + "_stored");
        return (rs, level, root) -> {
            Object value = matching.read(rs, level, root);
            return value != null ? value : stored.read(rs, level, root);
        };
    }

    /** A multi-valued key kept as {@code \A\B\} (see MultiValuedKey). */
    private static Source list(String column) {
        return (rs, level, root) -> {
            String s = rs.getString(column);
            if (s == null || s.length() < 2) {
                return null;
            }
            return s.substring(1, s.length() - 1).split("\\\\");
        };
    }

    private static Source number(String column) {
        return (rs, level, root) -> {
            int n = rs.getInt(column);
            return rs.wasNull() ? null : n;
        };
    }

    /** The WADO-RS URL of the result's own level (PS3.18 §10.6.3.3). */
    private static Object retrieveUrl(ResultSet rs, QueryLevel level, String root) throws SQLException {
        StringBuilder url = new StringBuilder(root).append("/studies/").append(rs.getString("study_iuid"));
        if (level != QueryLevel.STUDY) {
            url.append("/series/").append(rs.getString("series_iuid"));
        }
        if (level == QueryLevel.INSTANCE) {
            url.append("/instances/").append(rs.getString("sop_iuid"));
        }
        return url.toString();
    }
}
