package org.opendicomweb.qido;

import java.util.HashMap;
import java.util.Map;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/**
 * The attributes a query can match on that the index keeps in a column of its own (PS3.18 Table 10.6.1-5 and
 * the keys viewers send). Items of some sequences ({@link ItemKey}) and operator-configured attributes
 * ({@link ExtendedKey}) are matched too; any other attribute in a query is ignored with a warning, since
 * matching it would mean opening stored metadata row by row.
 *
 * <p>Columns are named with the aliases {@link QuerySql} gives the tables: {@code p} patient, {@code st} study,
 * {@code se} series, {@code i} instance.
 */
public enum MatchingKey implements QueryKey {
    // The study row's copy of its patient's name (index/StudyHierarchy): the study list filters without a join.
    PATIENT_NAME(Tag.PatientName, VR.PN, QueryLevel.STUDY, "st.patient_name_norm", Matching.NAME),
    PATIENT_ID(Tag.PatientID, VR.LO, QueryLevel.STUDY, "p.patient_id", Matching.TEXT),
    ISSUER_OF_PATIENT_ID(Tag.IssuerOfPatientID, VR.LO, QueryLevel.STUDY, "p.issuer_of_patient_id", Matching.TEXT),
    PATIENT_BIRTH_DATE(Tag.PatientBirthDate, VR.DA, QueryLevel.STUDY, "p.patient_birth_date", Matching.DATE),
    PATIENT_SEX(Tag.PatientSex, VR.CS, QueryLevel.STUDY, "p.patient_sex", Matching.TEXT),
    STUDY_INSTANCE_UID(Tag.StudyInstanceUID, VR.UI, QueryLevel.STUDY, "st.study_iuid", Matching.UID),
    STUDY_DATE(Tag.StudyDate, VR.DA, QueryLevel.STUDY, "st.study_date", Matching.DATE),
    STUDY_TIME(Tag.StudyTime, VR.TM, QueryLevel.STUDY, "st.study_time", Matching.TIME),
    ACCESSION_NUMBER(Tag.AccessionNumber, VR.SH, QueryLevel.STUDY, "st.accession_number", Matching.TEXT),
    STUDY_ID(Tag.StudyID, VR.SH, QueryLevel.STUDY, "st.study_id", Matching.TEXT),
    REFERRING_PHYSICIAN_NAME(
            Tag.ReferringPhysicianName, VR.PN, QueryLevel.STUDY, "st.referring_physician_name_norm", Matching.NAME),
    STUDY_DESCRIPTION(Tag.StudyDescription, VR.LO, QueryLevel.STUDY, "st.study_description", Matching.TEXT),
    MODALITIES_IN_STUDY(
            Tag.ModalitiesInStudy, VR.CS, QueryLevel.STUDY, "st.modalities_in_study", Matching.VALUE_IN_LIST),
    SOP_CLASSES_IN_STUDY(
            Tag.SOPClassesInStudy, VR.UI, QueryLevel.STUDY, "st.sop_classes_in_study", Matching.VALUE_IN_LIST),
    SERIES_INSTANCE_UID(Tag.SeriesInstanceUID, VR.UI, QueryLevel.SERIES, "se.series_iuid", Matching.UID),
    MODALITY(Tag.Modality, VR.CS, QueryLevel.SERIES, "se.modality", Matching.TEXT),
    SERIES_NUMBER(Tag.SeriesNumber, VR.IS, QueryLevel.SERIES, "se.series_number", Matching.NUMBER),
    SERIES_DESCRIPTION(Tag.SeriesDescription, VR.LO, QueryLevel.SERIES, "se.series_description", Matching.TEXT),
    PPS_START_DATE(Tag.PerformedProcedureStepStartDate, VR.DA, QueryLevel.SERIES, "se.pps_start_date", Matching.DATE),
    PPS_START_TIME(Tag.PerformedProcedureStepStartTime, VR.TM, QueryLevel.SERIES, "se.pps_start_time", Matching.TIME),
    SOP_INSTANCE_UID(Tag.SOPInstanceUID, VR.UI, QueryLevel.INSTANCE, "i.sop_iuid", Matching.UID),
    SOP_CLASS_UID(Tag.SOPClassUID, VR.UI, QueryLevel.INSTANCE, "i.sop_class_uid", Matching.UID),
    INSTANCE_NUMBER(Tag.InstanceNumber, VR.IS, QueryLevel.INSTANCE, "i.instance_number", Matching.NUMBER),
    SOP_INSTANCE_STATUS(Tag.SOPInstanceStatus, VR.CS, QueryLevel.INSTANCE, "i.sop_instance_status", Matching.TEXT),
    NUMBER_OF_FRAMES(Tag.NumberOfFrames, VR.IS, QueryLevel.INSTANCE, "i.number_of_frames", Matching.NUMBER),
    ROWS(Tag.Rows, VR.US, QueryLevel.INSTANCE, "i.image_rows", Matching.NUMBER),
    COLUMNS(Tag.Columns, VR.US, QueryLevel.INSTANCE, "i.image_columns", Matching.NUMBER),
    BITS_ALLOCATED(Tag.BitsAllocated, VR.US, QueryLevel.INSTANCE, "i.bits_allocated", Matching.NUMBER);

    private static final Map<Integer, MatchingKey> BY_TAG = new HashMap<>();

    static {
        for (MatchingKey key : values()) {
            BY_TAG.put(key.tag, key);
        }
    }

    private final int tag;
    private final VR vr;
    private final QueryLevel level;
    private final String column;
    private final Matching matching;

    MatchingKey(int tag, VR vr, QueryLevel level, String column, Matching matching) {
        this.tag = tag;
        this.vr = vr;
        this.level = level;
        this.column = column;
        this.matching = matching;
    }

    /** The key for a tag, or null when the index cannot match that attribute. */
    public static MatchingKey of(int tag) {
        return BY_TAG.get(tag);
    }

    @Override
    public int tag() {
        return tag;
    }

    @Override
    public VR vr() {
        return vr;
    }

    @Override
    public QueryLevel level() {
        return level;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public Matching matching() {
        return matching;
    }

    /**
     * The column with the UTC instant of this date or time key and its pair (V5 schema), for timezone-adjusted
     * matching; null for other keys.
     */
    public String utcColumn() {
        return switch (this) {
            case STUDY_DATE, STUDY_TIME -> "st.study_datetime_utc";
            case PPS_START_DATE, PPS_START_TIME -> "se.pps_datetime_utc";
            default -> null;
        };
    }

    /** The date key that forms one date-time range with this time key, or null. */
    public MatchingKey pairedDate() {
        for (MatchingKey k : values()) {
            if (k.pairedTime() == this) {
                return k;
            }
        }
        return null;
    }

    /** The time key that forms one date-time range with this date key (PS3.4 C.2.2.2.5.1), or null. */
    public MatchingKey pairedTime() {
        return switch (this) {
            case STUDY_DATE -> STUDY_TIME;
            case PPS_START_DATE -> PPS_START_TIME;
            default -> null;
        };
    }
}
