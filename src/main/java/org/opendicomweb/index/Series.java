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
 * A series and its series-level QIDO matching keys (PS3.18 Table 10.6.1-5). Series Instance UID is unique
 * across the whole index: one reused in another study is a device fault the writer reports, not a merge.
 */
@Entity
@Table(name = "series")
public class Series {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_fk", nullable = false)
    private Study study;

    @Column(name = "series_iuid", nullable = false, length = 64)
    private String seriesInstanceUid;

    @Column(name = "modality", length = 16)
    private String modality;

    /** IS kept as a number so that SeriesNumber=1 matches a stored "001". */
    @Column(name = "series_number")
    private Integer seriesNumber;

    @Column(name = "series_description", length = 1024)
    private String seriesDescription;

    /** Performed Procedure Step Start Date (0040,0244), DA. */
    @Column(name = "pps_start_date", length = 8)
    private String ppsStartDate;

    /** Performed Procedure Step Start Time (0040,0245), TM. */
    @Column(name = "pps_start_time", length = 16)
    private String ppsStartTime;

    @Column(name = "num_instances", nullable = false)
    private int numInstances;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created = Instant.now();

    @Column(name = "updated", nullable = false)
    private Instant updated = created;

    protected Series() {}

    public Series(Study study, String seriesInstanceUid) {
        this.study = study;
        this.seriesInstanceUid = seriesInstanceUid;
    }

    public Long getPk() {
        return pk;
    }

    public Study getStudy() {
        return study;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public Integer getSeriesNumber() {
        return seriesNumber;
    }

    public void setSeriesNumber(Integer seriesNumber) {
        this.seriesNumber = seriesNumber;
    }

    public String getSeriesDescription() {
        return seriesDescription;
    }

    public void setSeriesDescription(String seriesDescription) {
        this.seriesDescription = seriesDescription;
    }

    public String getPpsStartDate() {
        return ppsStartDate;
    }

    public void setPpsStartDate(String ppsStartDate) {
        this.ppsStartDate = ppsStartDate;
    }

    public String getPpsStartTime() {
        return ppsStartTime;
    }

    public void setPpsStartTime(String ppsStartTime) {
        this.ppsStartTime = ppsStartTime;
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
