package org.opendicomweb.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A study and its study-level QIDO matching keys (PS3.18 Table 10.6.1-5).
 *
 * <p>{@code numSeries}, {@code numInstances} and {@code version} are written by the index writer with
 * relative SQL updates inside the storing transaction, so concurrent stores into one study never lose a
 * count; {@code version} changes whenever anything in the study changes and feeds ETags. They are
 * deliberately not a JPA {@code @Version}: concurrent stores into one study must not fail optimistically.
 */
@Entity
@Table(name = "study")
public class Study {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_fk", nullable = false)
    private Patient patient;

    @Column(name = "study_iuid", nullable = false, length = 64)
    private String studyInstanceUid;

    /** DA, YYYYMMDD; null when absent or empty. */
    @Column(name = "study_date", length = 8)
    private String studyDate;

    /** TM as stored, HHMMSS.FFFFFF or a shorter form. */
    @Column(name = "study_time", length = 16)
    private String studyTime;

    /** Timezone Offset From UTC (0008,0201), &amp;ZZXX. */
    @Column(name = "timezone_offset", length = 16)
    private String timezoneOffset;

    @Column(name = "accession_number", length = 64)
    private String accessionNumber;

    @Column(name = "study_id", length = 64)
    private String studyId;

    @Column(name = "referring_physician_name", length = 1024)
    private String referringPhysicianName;

    @Column(name = "referring_physician_name_norm", length = 1024)
    private String referringPhysicianNameNorm;

    @Column(name = "study_description", length = 1024)
    private String studyDescription;

    /** Distinct modalities of the study's series as {@code \CT\MR\}: "contains CT" is LIKE '%\CT\%'. */
    @Column(name = "modalities_in_study", nullable = false, length = 1024)
    private String modalitiesInStudy = "";

    /** Distinct SOP Class UIDs of the study's instances, delimited like {@link #modalitiesInStudy}. */
    @Column(name = "sop_classes_in_study", nullable = false, length = 8192)
    private String sopClassesInStudy = "";

    @Column(name = "num_series", nullable = false)
    private int numSeries;

    @Column(name = "num_instances", nullable = false)
    private int numInstances;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created = Instant.now();

    @Column(name = "updated", nullable = false)
    private Instant updated = created;

    protected Study() {}

    public Study(Patient patient, String studyInstanceUid) {
        this.patient = patient;
        this.studyInstanceUid = studyInstanceUid;
    }

    public Long getPk() {
        return pk;
    }

    public Patient getPatient() {
        return patient;
    }

    public void setPatient(Patient patient) {
        this.patient = patient;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getStudyDate() {
        return studyDate;
    }

    public void setStudyDate(String studyDate) {
        this.studyDate = studyDate;
    }

    public String getStudyTime() {
        return studyTime;
    }

    public void setStudyTime(String studyTime) {
        this.studyTime = studyTime;
    }

    public String getTimezoneOffset() {
        return timezoneOffset;
    }

    public void setTimezoneOffset(String timezoneOffset) {
        this.timezoneOffset = timezoneOffset;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public String getStudyId() {
        return studyId;
    }

    public void setStudyId(String studyId) {
        this.studyId = studyId;
    }

    public String getReferringPhysicianName() {
        return referringPhysicianName;
    }

    public void setReferringPhysicianName(String referringPhysicianName) {
        this.referringPhysicianName = referringPhysicianName;
    }

    public String getReferringPhysicianNameNorm() {
        return referringPhysicianNameNorm;
    }

    public void setReferringPhysicianNameNorm(String referringPhysicianNameNorm) {
        this.referringPhysicianNameNorm = referringPhysicianNameNorm;
    }

    public String getStudyDescription() {
        return studyDescription;
    }

    public void setStudyDescription(String studyDescription) {
        this.studyDescription = studyDescription;
    }

    public String getModalitiesInStudy() {
        return modalitiesInStudy;
    }

    public void setModalitiesInStudy(String modalitiesInStudy) {
        this.modalitiesInStudy = modalitiesInStudy;
    }

    public String getSopClassesInStudy() {
        return sopClassesInStudy;
    }

    public void setSopClassesInStudy(String sopClassesInStudy) {
        this.sopClassesInStudy = sopClassesInStudy;
    }

    public int getNumSeries() {
        return numSeries;
    }

    public int getNumInstances() {
        return numInstances;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }
}
