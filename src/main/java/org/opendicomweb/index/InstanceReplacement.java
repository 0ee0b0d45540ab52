package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.opendicomweb.index.InstanceIndex.AlreadyIndexedException;
import org.opendicomweb.index.InstanceIndex.Blob;
import org.opendicomweb.index.InstanceIndex.NewInstance;
import org.opendicomweb.index.InstanceIndex.SeriesInOtherStudyException;

/**
 * Replaces a stored instance (the duplicate policy "replace"): the instance row points at the new blob and holds
 * the new keys, under the same study row lock as every write.
 */
final class InstanceReplacement {
    private final Sql sql;
    private final InstanceWriter writer;

    InstanceReplacement(Sql sql, InstanceWriter writer) {
        this.sql = sql;
        this.writer = writer;
    }

    /**
     * Points an indexed instance at a new blob (the duplicate policy "replace"); returns the replaced blob's key,
     * which the caller deletes once this has committed.
     */
    String replace(InstanceKeys keys, Blob blob, byte[] metadata)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        return InstanceIndex.inTransaction(sql, c -> {
            StudyHierarchy.Locked h = StudyHierarchy.lock(c, keys, Map.of());
            long seriesPk = h.seriesPk();
            String oldKey;
            long oldSeries;
            long instancePk;
            try (PreparedStatement ps =
                    c.prepareStatement("select blob_key, series_fk, pk from instance where sop_iuid = ? for update")) {
                ps.setString(1, keys.sopInstanceUid());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        NewInstance stored = new NewInstance(keys, blob, metadata);
                        writer.insertInstances(c, h, List.of(stored));
                        if (Rejections.apply(c, List.of(stored))
                                .hiddenOnArrival()
                                .isEmpty()) {
                            ChangeFeed.append(c, List.of(InstanceWriter.stored(stored)));
                        }
                        return null;
                    }
                    oldKey = rs.getString(1);
                    oldSeries = rs.getLong(2);
                    instancePk = rs.getLong(3);
                }
            }
            if (oldSeries != seriesPk) {
                throw SeriesInOtherStudyException.movingInstance(keys.seriesInstanceUid());
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update instance set sop_class_uid = ?, instance_number = ?, number_of_frames = ?, image_rows = ?,
                           image_columns = ?, bits_allocated = ?, sop_instance_status = ?,
                           sop_authorization_datetime = ?, sop_authorization_comment = ?, transfer_syntax_uid = ?,
                           blob_key = ?, blob_size = ?, blob_crc32c = ?, blob_sha256 = null, metadata = ?
                     where sop_iuid = ?""")) {
                int i = 1;
                ps.setString(i++, keys.sopClassUid());
                Sql.setInt(ps, i++, keys.instanceNumber());
                Sql.setInt(ps, i++, keys.numberOfFrames());
                Sql.setInt(ps, i++, keys.rows());
                Sql.setInt(ps, i++, keys.columns());
                Sql.setInt(ps, i++, keys.bitsAllocated());
                ps.setString(i++, keys.sopInstanceStatus());
                ps.setString(i++, keys.sopAuthorizationDateTime());
                ps.setString(i++, keys.sopAuthorizationComment());
                ps.setString(i++, blob.transferSyntaxUid());
                ps.setString(i++, blob.key());
                ps.setLong(i++, blob.size());
                ps.setLong(i++, blob.crc32c());
                ps.setBytes(i++, metadata);
                ps.setString(i, keys.sopInstanceUid());
                ps.executeUpdate();
            }
            // Series and study keep what the replaced file contributed; the instance's own values are its new ones.
            KeyTables.removeInstanceExtended(c, instancePk, keys.extendedTags());
            KeyTables.addItems(c, h.studyPk(), seriesPk, keys);
            KeyTables.addExtended(c, h.studyPk(), seriesPk, instancePk, keys);
            ReferenceRows.replace(c, instancePk, keys.references());
            bumpVersions(c, seriesPk, keys.studyInstanceUid());
            if (Rejections.isRejected(c, keys.sopInstanceUid())) {
                return oldKey; // still hidden: a reader of the change feed was told it is gone
            }
            ChangeFeed.append(
                    c,
                    List.of(new ChangeFeed.Change(
                            keys.studyInstanceUid(),
                            keys.seriesInstanceUid(),
                            keys.sopInstanceUid(),
                            ChangeFeed.Kind.REPLACED)));
            return oldKey;
        });
    }

    private static void bumpVersions(Connection c, long seriesPk, String studyUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update series set version = version + 1 where pk = ?")) {
            ps.setLong(1, seriesPk);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("update study set version = version + 1 where study_iuid = ?")) {
            ps.setString(1, studyUid);
            ps.executeUpdate();
        }
    }
}
