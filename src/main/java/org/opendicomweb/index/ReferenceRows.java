package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the references graph (V12 schema, {@code instance_reference}): one row per distinct reference of an
 * instance ({@link InstanceReference}), written in the transaction that writes the instance row and removed with
 * it. An instance without references costs no statement; one with references costs one batched insert.
 */
final class ReferenceRows {

    private ReferenceRows() {}

    /** The references of newly inserted instances; {@code instancePks[i]} is the row of {@code references.get(i)}. */
    static void insert(Connection c, long[] instancePks, List<List<InstanceReference>> references) throws SQLException {
        PreparedStatement ps = null;
        try {
            for (int i = 0; i < instancePks.length; i++) {
                for (InstanceReference r : references.get(i)) {
                    if (ps == null) {
                        ps = c.prepareStatement("""
                                insert into instance_reference (instance_fk, referenced_sop_iuid,
                                       referenced_sop_class_uid, attribute_path, referenced_study_iuid,
                                       referenced_series_iuid)
                                values (?, ?, ?, ?, ?, ?)""");
                    }
                    ps.setLong(1, instancePks[i]);
                    ps.setString(2, r.sopInstanceUid());
                    ps.setString(3, r.sopClassUid());
                    ps.setString(4, r.path());
                    ps.setString(5, r.studyInstanceUid());
                    ps.setString(6, r.seriesInstanceUid());
                    ps.addBatch();
                }
            }
            if (ps != null) {
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }

    /** An instance's references become {@code references}: its file was replaced, or reindexed. */
    static void replace(Connection c, long instancePk, List<InstanceReference> references) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from instance_reference where instance_fk = ?")) {
            ps.setLong(1, instancePk);
            ps.executeUpdate();
        }
        insert(c, new long[] {instancePk}, List.of(references));
    }
}
