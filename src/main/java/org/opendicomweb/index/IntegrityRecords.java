package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.opendicomweb.index.InstanceIndex.SeriesInOtherStudyException;

/**
 * Writes the integrity findings that storing detects, for the integrity report ({@link IntegrityFindings} reads
 * them): the demographic variants of a study, counted inside the storing transaction, and instances refused
 * because their series is indexed under another study, in a transaction of their own.
 */
final class IntegrityRecords {
    private final Sql sql;

    IntegrityRecords(Sql sql) {
        this.sql = sql;
    }

    /**
     * Records an instance refused because its series is indexed under another study (0xC40A), for the integrity
     * report: one row per series and refused study, counting refusals. Its own transaction, since the
     * instance's own was rolled back.
     */
    void recordSeriesConflict(SeriesInOtherStudyException conflict, String refusedStudyUid, String sopInstanceUid)
            throws SQLException {
        if (conflict.storedStudyUid() == null) {
            return;
        }
        sql.inTransaction(c -> {
            OffsetDateTime now = Sql.timestamp(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("""
                    update series_conflict set refusals = refusals + 1, last_refused = ?, last_sop_iuid = ?,
                           stored_study_iuid = ?
                     where series_iuid = ? and refused_study_iuid = ?""")) {
                Sql.bind(ps, now, sopInstanceUid, conflict.storedStudyUid(), conflict.seriesUid(), refusedStudyUid);
                if (ps.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into series_conflict (series_iuid, stored_study_iuid, refused_study_iuid, last_sop_iuid,
                                                 refusals, first_refused, last_refused)
                    values (?, ?, ?, ?, 1, ?, ?)""")) {
                Sql.bind(
                        ps, conflict.seriesUid(), conflict.storedStudyUid(), refusedStudyUid, sopInstanceUid, now, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * An instance whose demographics differ from its study's first: counted in its variant's row, which is
     * created when new. Returns 1 when a variant was created.
     */
    static int countVariant(Connection c, long studyPk, String variant, InstanceKeys k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update study_demographics set num_instances = num_instances + 1, last_seen = ?
                 where study_fk = ? and variant_sha = ?""")) {
            ps.setObject(1, Sql.timestamp(Instant.now()));
            ps.setLong(2, studyPk);
            ps.setString(3, variant);
            if (ps.executeUpdate() > 0) {
                return 0;
            }
        }
        insertVariant(c, studyPk, variant, k, 1);
        return 1;
    }

    static void insertVariant(Connection c, long studyPk, String variant, InstanceKeys k, int instances)
            throws SQLException {
        OffsetDateTime now = Sql.timestamp(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("""
                insert into study_demographics (study_fk, variant_sha, patient_id, issuer_of_patient_id, patient_name,
                                                patient_birth_date, first_sop_iuid, num_instances, first_seen, last_seen)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Sql.bind(
                    ps,
                    studyPk,
                    variant,
                    k.patientId(),
                    k.issuerOfPatientId(),
                    k.patientName(),
                    k.patientBirthDate(),
                    k.sopInstanceUid(),
                    instances,
                    now,
                    now);
            ps.executeUpdate();
        }
    }
}
