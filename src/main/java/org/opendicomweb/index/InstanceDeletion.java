package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Removes studies, series and instances from the index, every row that speaks of them, in one transaction: the
 * commit decides whether they are gone. Each study is locked ({@code FOR UPDATE}, the lock every writer takes
 * first) before anything below it is read, so a concurrent store into it either committed before (and its
 * instances are deleted too) or waits and then finds the study row gone and creates a new one. What remains of a
 * study is recomputed ({@link StudyAggregates}); a series, study or patient left empty is deleted. The files are
 * the caller's to delete, after the commit: a crash in between leaves files without rows, which the orphan sweep
 * removes, never rows without files.
 */
@ApplicationScoped
public class InstanceDeletion {
    /** Rows per {@code IN} list. */
    private static final int CHUNK = 500;

    private final Sql sql;
    private final ExtendedQueryTags extendedTags;

    @Inject
    InstanceDeletion(Sql sql, ExtendedQueryTags extendedTags) {
        this.sql = sql;
        this.extendedTags = extendedTags;
    }

    /**
     * An instance removed from the index: its UIDs, its patient's Patient ID (for the audit trail, which cannot
     * look it up once the rows are gone), its file and the pks its study, series and own row had (what nodes keep
     * about them is keyed on these).
     */
    public record DeletedInstance(
            String studyUid,
            String seriesUid,
            String sopUid,
            String patientId,
            String blobKey,
            long studyPk,
            long seriesPk,
            long instancePk) {}

    /** Deletes a study; empty when it is not indexed. */
    public List<DeletedInstance> deleteStudy(String studyUid) throws SQLException {
        return inTransaction(c -> deleteInStudy(c, studyUid, null, null));
    }

    /** Deletes a series of a study; empty when the study has no such series. */
    public List<DeletedInstance> deleteSeries(String studyUid, String seriesUid) throws SQLException {
        return inTransaction(c -> deleteInStudy(c, studyUid, seriesUid, null));
    }

    /** Deletes one instance; empty when the series of the study has no such instance. */
    public List<DeletedInstance> deleteInstance(String studyUid, String seriesUid, String sopUid) throws SQLException {
        return inTransaction(c -> deleteInStudy(c, studyUid, seriesUid, List.of(sopUid)));
    }

    /** Deletes the instances among {@code sopUids} that are indexed, in whatever studies they are. */
    public List<DeletedInstance> deleteInstances(Collection<String> sopUids) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>(sopUids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return inTransaction(c -> {
            // Studies in UID order, as writers lock them, so that two deletions never wait on each other in a cycle.
            Map<String, List<String>> byStudy = new TreeMap<>();
            for (List<String> chunk : chunks(new ArrayList<>(wanted))) {
                try (PreparedStatement ps = c.prepareStatement("""
                        select st.study_iuid, i.sop_iuid
                          from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                         where i.sop_iuid in (""" + Sql.marks(chunk.size()) + ")")) {
                    Sql.bind(ps, chunk.toArray());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byStudy.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(rs.getString(2));
                        }
                    }
                }
            }
            List<DeletedInstance> deleted = new ArrayList<>();
            for (Map.Entry<String, List<String>> study : byStudy.entrySet()) {
                deleted.addAll(deleteInStudy(c, study.getKey(), null, study.getValue()));
            }
            return deleted;
        });
    }

    /** Runs a deletion and appends its change feed entries as the transaction's last statement. */
    private List<DeletedInstance> inTransaction(Sql.Work<List<DeletedInstance>, RuntimeException> work)
            throws SQLException {
        return sql.inTransaction(c -> {
            List<DeletedInstance> deleted = work.run(c);
            ChangeFeed.append(
                    c,
                    deleted.stream()
                            .map(d -> new ChangeFeed.Change(
                                    d.studyUid(), d.seriesUid(), d.sopUid(), ChangeFeed.Kind.DELETED))
                            .toList());
            return deleted;
        });
    }

    private record InstanceRow(long pk, String sopUid, String blobKey, long seriesPk, String seriesUid) {}

    /**
     * Deletes from one study: all of it ({@code seriesUid} and {@code sopUids} null), one series, or instances
     * (of one series when {@code seriesUid} is given).
     */
    private List<DeletedInstance> deleteInStudy(
            Connection c, String studyUid, String seriesUid, Collection<String> sopUids) throws SQLException {
        long studyPk;
        long patientPk;
        try (PreparedStatement ps =
                c.prepareStatement("select pk, patient_fk from study where study_iuid = ? for update")) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                studyPk = rs.getLong(1);
                patientPk = rs.getLong(2);
            }
        }
        List<InstanceRow> rows = instancesOf(c, studyPk, seriesUid, sopUids);
        if (rows.isEmpty()) {
            return List.of();
        }
        String patientId = patientIdOf(c, patientPk);
        List<Long> instancePks = rows.stream().map(InstanceRow::pk).toList();
        for (List<Long> chunk : chunks(instancePks)) {
            StudyAggregates.deleteWhere(
                    c,
                    "delete from extended_key where owner_level = 'INSTANCE' and owner_pk in ("
                            + Sql.marks(chunk.size()) + ")",
                    chunk.toArray());
            KeyTables.removeSequenceItems(c, IndexLevel.INSTANCE, chunk);
            StudyAggregates.deleteWhere(
                    c,
                    "delete from blob_finding where instance_pk in (" + Sql.marks(chunk.size()) + ")",
                    chunk.toArray());
            StudyAggregates.deleteWhere(
                    c,
                    "delete from instance_reference where instance_fk in (" + Sql.marks(chunk.size()) + ")",
                    chunk.toArray());
            StudyAggregates.deleteWhere(
                    c, "delete from instance where pk in (" + Sql.marks(chunk.size()) + ")", chunk.toArray());
        }
        Map<Long, String> touched = new LinkedHashMap<>();
        rows.forEach(r -> touched.put(r.seriesPk(), r.seriesUid()));
        Set<Long> remaining = new TreeSet<>();
        for (Map.Entry<Long, String> series : touched.entrySet()) {
            if (StudyHierarchy.findPk(
                            c, "select pk from instance where series_fk = ? fetch first 1 rows only", series.getKey())
                    == null) {
                deleteSeriesRows(c, series.getKey(), series.getValue());
            } else {
                remaining.add(series.getKey());
            }
        }
        if (seriesUid == null && sopUids == null) {
            // The whole study: also any series row left without instances.
            try (PreparedStatement ps = c.prepareStatement("select pk, series_iuid from series where study_fk = ?")) {
                ps.setLong(1, studyPk);
                List<Map.Entry<Long, String>> empty = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        empty.add(Map.entry(rs.getLong(1), rs.getString(2)));
                    }
                }
                for (Map.Entry<Long, String> s : empty) {
                    deleteSeriesRows(c, s.getKey(), s.getValue());
                }
            }
        }
        if (StudyHierarchy.findPk(c, "select pk from series where study_fk = ? fetch first 1 rows only", studyPk)
                == null) {
            deleteStudyRows(c, studyPk, studyUid, patientPk);
        } else {
            StudyAggregates.recompute(c, studyPk, remaining, extendedTags.all());
        }
        List<DeletedInstance> deleted = new ArrayList<>(rows.size());
        for (InstanceRow r : rows) {
            deleted.add(new DeletedInstance(
                    studyUid, r.seriesUid(), r.sopUid(), patientId, r.blobKey(), studyPk, r.seriesPk(), r.pk()));
        }
        return deleted;
    }

    private static List<InstanceRow> instancesOf(
            Connection c, long studyPk, String seriesUid, Collection<String> sopUids) throws SQLException {
        String select = """
                select i.pk, i.sop_iuid, i.blob_key, se.pk, se.series_iuid
                  from instance i join series se on se.pk = i.series_fk
                 where se.study_fk = ?""" + (seriesUid == null ? "" : " and se.series_iuid = ?");
        List<InstanceRow> rows = new ArrayList<>();
        List<List<String>> chunks = sopUids == null ? List.of(List.of()) : chunks(new ArrayList<>(sopUids));
        for (List<String> chunk : chunks) {
            List<Object> params = new ArrayList<>();
            params.add(studyPk);
            if (seriesUid != null) {
                params.add(seriesUid);
            }
            String statement = select;
            if (sopUids != null) {
                statement += " and i.sop_iuid in (" + Sql.marks(chunk.size()) + ")";
                params.addAll(chunk);
            }
            try (PreparedStatement ps = Sql.prepare(c, statement + " order by i.pk", params);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new InstanceRow(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return rows;
    }

    private static String patientIdOf(Connection c, long patientPk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select patient_id from patient where pk = ?")) {
            ps.setLong(1, patientPk);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A series without instances: its row and everything kept for it. */
    private static void deleteSeriesRows(Connection c, long seriesPk, String seriesUid) throws SQLException {
        StudyAggregates.deleteWhere(c, "delete from request_attributes_item where series_fk = ?", seriesPk);
        StudyAggregates.deleteWhere(
                c, "delete from extended_key where owner_level = 'SERIES' and owner_pk = ?", seriesPk);
        KeyTables.removeSequenceItems(c, IndexLevel.SERIES, List.of(seriesPk));
        StudyAggregates.deleteWhere(c, "delete from series_conflict where series_iuid = ?", seriesUid);
        StudyAggregates.deleteWhere(c, "delete from series where pk = ?", seriesPk);
    }

    /**
     * A study without series: its row and everything kept for it, and its patient when no other study is the
     * patient's.
     */
    private static void deleteStudyRows(Connection c, long studyPk, String studyUid, long patientPk)
            throws SQLException {
        StudyAggregates.deleteWhere(c, "delete from study_demographics where study_fk = ?", studyPk);
        StudyAggregates.deleteWhere(c, "delete from referenced_study_item where study_fk = ?", studyPk);
        StudyAggregates.deleteWhere(
                c, "delete from extended_key where owner_level = 'STUDY' and owner_pk = ?", studyPk);
        KeyTables.removeSequenceItems(c, IndexLevel.STUDY, List.of(studyPk));
        StudyAggregates.deleteWhere(
                c,
                "delete from series_conflict where stored_study_iuid = ? or refused_study_iuid = ?",
                studyUid,
                studyUid);
        StudyAggregates.deleteWhere(c, "delete from study where pk = ?", studyPk);
        deletePatientWithoutStudy(c, patientPk);
    }

    /**
     * Deletes a patient row unless a study points at it. Its row is locked first: a writer that has given a new study
     * this patient holds the row until it commits ({@link StudyHierarchy#holdPatient}), so the lock waits for that
     * study, which the statement after it then sees; a writer that comes later finds the row gone and makes another.
     */
    static void deletePatientWithoutStudy(Connection c, long patientPk) throws SQLException {
        if (StudyHierarchy.findPk(c, "select pk from patient where pk = ? for update", patientPk) != null) {
            StudyAggregates.deleteWhere(
                    c,
                    "delete from patient where pk = ? and not exists (select 1 from study where patient_fk = ?)",
                    patientPk,
                    patientPk);
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
