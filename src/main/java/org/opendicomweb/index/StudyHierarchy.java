package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opendicomweb.index.InstanceIndex.SeriesInOtherStudyException;

/**
 * The patient, study and series rows an instance belongs to: found or created parent first with
 * {@code INSERT ... ON CONFLICT DO NOTHING} (of two transactions creating the same row, the second waits for the
 * first and then finds its row), and the study row locked before anything below it changes. Used by the writer
 * and by replacement, inside their transactions.
 */
final class StudyHierarchy {
    private StudyHierarchy() {}

    /**
     * The rows an instance belongs to, with what the study and series rows held when they were locked, so that the
     * update after the instance rows needs no second read. {@code newSeries}: this transaction created the series.
     */
    record Locked(
            long studyPk,
            long seriesPk,
            boolean newSeries,
            String studyModalities,
            String sopClasses,
            String demographicsSha,
            String seriesModalities) {}

    /**
     * Finds or creates study and series, locks the study row. The patient is looked up or created only for a new
     * study: an existing study keeps its patient, and no patient row is made that no study points at.
     */
    static Locked lock(Connection c, InstanceKeys k, Map<List<String>, Long> patients)
            throws SQLException, SeriesInOtherStudyException {
        Instant now = Instant.now();
        StudyRow study = lockStudy(c, k.studyInstanceUid());
        if (study == null) {
            long patientPk = patientOf(c, k, patients, now);
            Long created = insertUnlessPresent(
                    c,
                    """
                    insert into study (patient_fk, study_iuid, study_date, study_date_stored, study_time,
                                       timezone_offset, accession_number, study_id, referring_physician_name,
                                       referring_physician_name_norm, study_description, study_datetime_utc,
                                       patient_name_norm, created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s, ?, ?)""".formatted(PATIENT_NAME_OF_PK),
                    studyValues(patientPk, k, Sql.timestamp(now), Sql.timestamp(now)));
            if (created == null && k.patientId() == null) {
                // The concurrent writer's study has a patient row of its own; this one would belong to no study.
                deletePatient(c, patientPk);
            }
            // A row this transaction created is its own until the commit (no other writer sees it, and another's
            // insert of it waits); one a concurrent writer created is locked like any other.
            study = created != null
                    ? new StudyRow(created, null, null, null, true)
                    : lockStudy(c, k.studyInstanceUid());
            if (study == null) {
                throw new SQLException(
                        "study " + k.studyInstanceUid() + " vanished while it was being created", "40001");
            }
        }
        // A study created here has no series yet; one of its series indexed elsewhere makes the insert below find it.
        SeriesRow series = study.createdHere() ? null : findSeries(c, k);
        boolean newSeries = false;
        if (series == null) {
            // Counted in the study's num_series by the update that follows the instance rows.
            Long pk = insertUnlessPresent(
                    c,
                    """
                    insert into series (study_fk, series_iuid, modality, series_number, series_description,
                                        pps_start_date, pps_start_date_stored, pps_start_time, pps_datetime_utc,
                                        created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    study.pk(),
                    k.seriesInstanceUid(),
                    k.modality(),
                    k.seriesNumber(),
                    k.seriesDescription(),
                    date(k.ppsStartDate()),
                    unparsedDate(k.ppsStartDate()),
                    k.ppsStartTime(),
                    k.ppsDateTimeUtc(),
                    Sql.timestamp(now),
                    Sql.timestamp(now));
            // Taken meanwhile: only a writer of another study could (this one's are held off by its lock), which
            // findSeries reports as the series reused across studies.
            series = pk != null ? new SeriesRow(pk, null) : findSeries(c, k);
            if (series == null) {
                throw new SQLException(
                        "series " + k.seriesInstanceUid() + " vanished while it was being created", "40001");
            }
            newSeries = pk != null;
        }
        return new Locked(
                study.pk(),
                series.pk(),
                newSeries,
                study.modalities(),
                study.sopClasses(),
                study.demographicsSha(),
                series.modalities());
    }

    /** What lockHierarchy reads of a study row, under its lock; {@code createdHere}: by this transaction. */
    private record StudyRow(
            long pk, String modalities, String sopClasses, String demographicsSha, boolean createdHere) {}

    private static StudyRow lockStudy(Connection c, String studyUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select pk, modalities_in_study, sop_classes_in_study, demographics_sha from study
                 where study_iuid = ? for update""")) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new StudyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), false)
                        : null;
            }
        }
    }

    private record SeriesRow(long pk, String modalities) {}

    /** The series of an instance if indexed, which must be under the instance's study. */
    static SeriesRow findSeries(Connection c, InstanceKeys k) throws SQLException, SeriesInOtherStudyException {
        try (PreparedStatement ps = c.prepareStatement("""
                select se.pk, st.study_iuid, se.modalities from series se join study st on st.pk = se.study_fk
                 where se.series_iuid = ?""")) {
            ps.setString(1, k.seriesInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!rs.getString(2).equals(k.studyInstanceUid())) {
                    throw new SeriesInOtherStudyException(k.seriesInstanceUid(), rs.getString(2));
                }
                return new SeriesRow(rs.getLong(1), rs.getString(3));
            }
        }
    }

    private static final String PATIENT_BY_ID =
            "select pk from patient where patient_id = ? and issuer_of_patient_id = ?";

    /**
     * The patient row for a new study, normally one of {@code patients} that {@link InstanceWriter} found or
     * created. Without a Patient ID nothing says two studies are one patient's: each such study gets its own row.
     */
    static long patientOf(Connection c, InstanceKeys k, Map<List<String>, Long> patients, Instant now)
            throws SQLException {
        Long pk = k.patientId() == null ? null : patients.get(List.of(k.patientId(), issuerOf(k)));
        if (pk != null && !holdPatient(c, pk)) {
            pk = null; // deleted with its last study since it was looked up
        }
        if (pk == null && k.patientId() != null) {
            pk = findPk(c, PATIENT_BY_ID, k.patientId(), issuerOf(k));
            if (pk != null && !holdPatient(c, pk)) {
                pk = null;
            }
        }
        if (pk == null) {
            pk = insertPatient(c, k, now);
        }
        if (pk == null) {
            pk = findPk(c, PATIENT_BY_ID, k.patientId(), issuerOf(k)); // created by a concurrent writer, now committed
            if (pk != null && !holdPatient(c, pk)) {
                pk = null;
            }
        }
        if (pk == null) {
            throw new SQLException("patient " + k.patientId() + " vanished while it was being created", "40001");
        }
        return pk;
    }

    /**
     * Locks an existing patient row against its deletion until this transaction commits; false when it is gone. A
     * deletion of a patient's last study deletes the patient too, after locking its row and seeing no study of it:
     * so a new study must hold the row it points at. PostgreSQL's foreign key check takes the same lock, which
     * concurrent writers share; H2 checks the key without a lock and knows no shared row lock, so there the writers
     * of new studies of one patient take turns.
     */
    static boolean holdPatient(Connection c, long patientPk) throws SQLException {
        String lock = c.getMetaData().getDatabaseProductName().equals("H2") ? "for update" : "for key share";
        return findPk(c, "select pk from patient where pk = ? " + lock, patientPk) != null;
    }

    /** Inserts the instance's patient; null when a concurrent writer inserted it first. */
    static Long insertPatient(Connection c, InstanceKeys k, Instant now) throws SQLException {
        return insertUnlessPresent(
                c,
                """
                insert into patient (patient_id, issuer_of_patient_id, patient_name, patient_name_norm,
                                     patient_birth_date, patient_birth_date_stored, patient_sex, created, updated)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                k.patientId(),
                issuerOf(k),
                k.patientName(),
                k.patientNameNormalised(),
                date(k.patientBirthDate()),
                unparsedDate(k.patientBirthDate()),
                k.patientSex(),
                Sql.timestamp(now),
                Sql.timestamp(now));
    }

    static void deletePatient(Connection c, long patientPk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from patient where pk = ?")) {
            ps.setLong(1, patientPk);
            ps.executeUpdate();
        }
    }

    static String issuerOf(InstanceKeys k) {
        return k.issuerOfPatientId() == null ? "" : k.issuerOfPatientId();
    }

    static Long findPk(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /**
     * Inserts a row unless its unique key is taken, and returns its pk, or null when it was taken. A concurrent
     * writer's row, not yet committed, makes the insert wait for that writer's commit; so the row is then there to
     * be found, instead of a unique violation that would roll back (and repeat) this whole transaction.
     */
    static Long insertUnlessPresent(Connection c, String insert, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert + " on conflict do nothing", new String[] {"pk"})) {
            Sql.bind(ps, params);
            if (ps.executeUpdate() == 0) {
                return null;
            }
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The value of a new study row's patient_name_norm: the copy of its patient's, which PatientName matching reads
     * so that the study list needs no join to filter. It is the patient row's name, not the instance's: a study of
     * a patient indexed before carries that patient's name. Neither a study's patient nor a patient's name changes
     * after the rows are created, so the copy is never updated.
     */
    static final String PATIENT_NAME_OF_PK = "(select p.patient_name_norm from patient p where p.pk = ?)";

    /**
     * The values of a study row's first columns, taken from the instance's keys, followed by {@code following}:
     * patient_fk, study_iuid, study_date, study_date_stored, study_time, timezone_offset, accession_number,
     * study_id, referring_physician_name, referring_physician_name_norm, study_description, study_datetime_utc,
     * and the patient's pk once more, for the {@link #PATIENT_NAME_OF_PK} that fills patient_name_norm.
     */
    static Object[] studyValues(long patientPk, InstanceKeys k, Object... following) {
        Object[] keys = {
            patientPk,
            k.studyInstanceUid(),
            date(k.studyDate()),
            unparsedDate(k.studyDate()),
            k.studyTime(),
            k.timezoneOffsetFromUtc(),
            k.accessionNumber(),
            k.studyId(),
            k.referringPhysicianName(),
            k.referringPhysicianNameNormalised(),
            k.studyDescription(),
            k.studyDateTimeUtc(),
            patientPk
        };
        Object[] values = Arrays.copyOf(keys, keys.length + following.length);
        System.arraycopy(following, 0, values, keys.length, following.length);
        return values;
    }

    /**
     * A DA value to match on, or null: DA columns hold exactly YYYYMMDD; anything else (a malformed or ACR-NEMA
     * style date) is not matchable.
     */
    static String date(String value) {
        return value != null && value.length() == 8 && value.chars().allMatch(Character::isDigit) ? value : null;
    }

    /** A DA value that is not one to match on, kept as stored so that QIDO still returns it; else null. */
    static String unparsedDate(String value) {
        return value == null || value.isEmpty() || date(value) != null ? null : value;
    }
}
