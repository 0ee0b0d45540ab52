package org.opendicomweb.index;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendicomweb.index.InstanceIndex.StoredInstance;

/** Looks up stored instances by SOP Instance UID: where their blobs are, their sizes and checksums. */
final class InstanceLookup {
    private final Sql sql;

    InstanceLookup(Sql sql) {
        this.sql = sql;
    }

    /**
     * The stored instances among these SOP Instance UIDs, by UID: one query for a whole STOW batch. What is found is
     * durable: STOW answers success for an identical duplicate on the strength of it.
     */
    Map<String, StoredInstance> findAll(List<String> sopInstanceUids) throws SQLException {
        Map<String, StoredInstance> found = query(sopInstanceUids);
        if (!found.isEmpty()) {
            sql.awaitDurable();
        }
        return found;
    }

    /** The Patient ID and issuer of each stored instance among these UIDs (see InstanceIndex#patientsOf). */
    Map<String, List<String>> patientsOf(List<String> sopInstanceUids) throws SQLException {
        Map<String, List<String>> found = new HashMap<>();
        for (int from = 0; from < sopInstanceUids.size(); from += 500) {
            List<String> chunk = sopInstanceUids.subList(from, Math.min(sopInstanceUids.size(), from + 500));
            sql.query("""
                    select i.sop_iuid, p.patient_id, p.issuer_of_patient_id
                      from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                      join patient p on p.pk = st.patient_fk
                     where i.sop_iuid in (""" + Sql.marks(chunk.size()) + ")", chunk, rs -> {
                while (rs.next()) {
                    String issuer = rs.getString(3);
                    found.put(rs.getString(1), Arrays.asList(rs.getString(2), issuer == null ? "" : issuer));
                }
                return null;
            });
        }
        return found;
    }

    private Map<String, StoredInstance> query(List<String> sopInstanceUids) throws SQLException {
        return sql.query("""
                select i.sop_iuid, i.pk, st.study_iuid, se.series_iuid, i.blob_key, i.blob_size, i.blob_crc32c,
                       i.blob_sha256
                  from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                 where i.sop_iuid in (""" + Sql.marks(sopInstanceUids.size()) + ")", sopInstanceUids, rs -> {
            Map<String, StoredInstance> found = new HashMap<>();
            while (rs.next()) {
                found.put(
                        rs.getString(1),
                        new StoredInstance(
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getLong(6),
                                rs.getObject(7) == null ? null : rs.getLong(7),
                                rs.getString(8)));
            }
            return found;
        });
    }
}
