package org.opendicomweb.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A patient, identified by Patient ID (0010,0020) together with Issuer of Patient ID (0010,0021): two
 * hospitals may hand out the same Patient ID, so it is never a key on its own. An absent issuer is stored
 * as the empty string so that the unique key (patient_id, issuer_of_patient_id) holds.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    @Column(name = "issuer_of_patient_id", nullable = false, length = 64)
    private String issuerOfPatientId = "";

    @Column(name = "patient_name", length = 1024)
    private String patientName;

    /** Upper-cased, accents stripped; what case-insensitive and fuzzy name matching compares. */
    @Column(name = "patient_name_norm", length = 1024)
    private String patientNameNorm;

    /** DA, YYYYMMDD. */
    @Column(name = "patient_birth_date", length = 8)
    private String patientBirthDate;

    @Column(name = "patient_sex", length = 16)
    private String patientSex;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created = Instant.now();

    @Column(name = "updated", nullable = false)
    private Instant updated = created;

    protected Patient() {}

    public Patient(String patientId, String issuerOfPatientId) {
        this.patientId = patientId;
        setIssuerOfPatientId(issuerOfPatientId);
    }

    public Long getPk() {
        return pk;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getIssuerOfPatientId() {
        return issuerOfPatientId;
    }

    /** Null means absent and is stored as the empty string. */
    public void setIssuerOfPatientId(String issuerOfPatientId) {
        this.issuerOfPatientId = issuerOfPatientId == null ? "" : issuerOfPatientId;
    }

    public String getPatientName() {
        return patientName;
    }

    public void setPatientName(String patientName) {
        this.patientName = patientName;
    }

    public String getPatientNameNorm() {
        return patientNameNorm;
    }

    public void setPatientNameNorm(String patientNameNorm) {
        this.patientNameNorm = patientNameNorm;
    }

    public String getPatientBirthDate() {
        return patientBirthDate;
    }

    public void setPatientBirthDate(String patientBirthDate) {
        this.patientBirthDate = patientBirthDate;
    }

    public String getPatientSex() {
        return patientSex;
    }

    public void setPatientSex(String patientSex) {
        this.patientSex = patientSex;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public void setUpdated(Instant updated) {
        this.updated = updated;
    }
}
