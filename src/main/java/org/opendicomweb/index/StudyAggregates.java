package org.opendicomweb.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opendicomweb.dicom.json.JsonReader;

/**
 * Recomputes what a study and its series hold about their instances after some of them were removed: counters,
 * ModalitiesInStudy, SOPClassesInStudy, the modalities of each series, the demographic variants, the sequence
 * items and the study and series values of extended query tags. The writers only ever add to these, so a removal
 * cannot subtract: what remains is read again, each instance's keys from its stored metadata document (the index
 * keeps no Modality or Patient's Name per instance). The caller holds the study row lock.
 */
final class StudyAggregates {
    private StudyAggregates() {}

    /** What the remaining instances of one series add up to. */
    private static final class SeriesTotal {
        int instances;
        String modalities = "";
    }

    /** One demographic variant of the study: its first instance and how many instances carry it. */
    private record Variant(InstanceKeys first, int[] count) {}

    /**
     * Recomputes the study {@code studyPk} (which still has series) and the series of {@code touchedSeries} that
     * remain, and bumps their versions, which entity tags of metadata responses carry.
     */
    static void recompute(Connection c, long studyPk, Collection<Long> touchedSeries, List<ExtendedQueryTag> tags)
            throws SQLException {
        // Items and study/series values are rebuilt from the remaining instances; instance values stay as they are.
        deleteWhere(c, "delete from referenced_study_item where study_fk = ?", studyPk);
        deleteWhere(c, "delete from extended_key where owner_level = 'STUDY' and owner_pk = ?", studyPk);
        KeyTables.removeSequenceItems(c, IndexLevel.STUDY, List.of(studyPk));
        for (long series : touchedSeries) {
            deleteWhere(c, "delete from request_attributes_item where series_fk = ?", series);
            deleteWhere(c, "delete from extended_key where owner_level = 'SERIES' and owner_pk = ?", series);
        }
        KeyTables.removeSequenceItems(c, IndexLevel.SERIES, List.copyOf(touchedSeries));
        Map<Long, SeriesTotal> series = new LinkedHashMap<>();
        Map<String, Variant> variants = new LinkedHashMap<>();
        String reference = null;
        String modalities = "";
        String sopClasses = "";
        int instances = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                select i.pk, i.series_fk, i.sop_class_uid, i.metadata
                  from instance i join series se on se.pk = i.series_fk
                 where se.study_fk = ? order by i.pk""")) {
            // A cursor (the caller's transaction lets PostgreSQL keep one): a study's documents are never held at once.
            ps.setFetchSize(200);
            ps.setLong(1, studyPk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long instancePk = rs.getLong(1);
                    long seriesPk = rs.getLong(2);
                    instances++;
                    sopClasses = MultiValuedKey.add(sopClasses, rs.getString(3));
                    SeriesTotal total = series.computeIfAbsent(seriesPk, pk -> new SeriesTotal());
                    total.instances++;
                    InstanceKeys keys = keysOf(rs.getBytes(4), tags);
                    if (keys == null) {
                        continue;
                    }
                    total.modalities = MultiValuedKey.add(total.modalities, keys.modality());
                    modalities = MultiValuedKey.add(modalities, keys.modality());
                    String digest = Demographics.digest(keys);
                    if (reference == null) {
                        reference = digest;
                    }
                    variants.computeIfAbsent(digest, d -> new Variant(keys, new int[1]))
                            .count()[0]++;
                    KeyTables.addItems(c, studyPk, seriesPk, keys);
                    KeyTables.addExtended(c, studyPk, seriesPk, instancePk, keys);
                }
            }
        }
        OffsetDateTime now = Sql.timestamp(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("""
                update series set num_instances = ?, modalities = ?, num_modalities = ?, version = version + 1,
                       updated = ?
                 where pk = ?""")) {
            for (long pk : touchedSeries) {
                SeriesTotal total = series.getOrDefault(pk, new SeriesTotal());
                ps.setInt(1, total.instances);
                ps.setString(2, total.modalities);
                ps.setInt(3, MultiValuedKey.count(total.modalities));
                ps.setObject(4, now);
                ps.setLong(5, pk);
                ps.executeUpdate();
            }
        }
        recomputeVariants(c, studyPk, reference, variants);
        try (PreparedStatement ps = c.prepareStatement("""
                update study set num_instances = ?, num_series = (select count(*) from series where study_fk = ?),
                       modalities_in_study = ?, sop_classes_in_study = ?, demographics_sha = ?,
                       num_demographic_variants = ?, version = version + 1, updated = ?
                 where pk = ?""")) {
            Sql.bind(ps, instances, studyPk, modalities, sopClasses, reference, variants.size(), now, studyPk);
            ps.executeUpdate();
        }
        // The rejected instances among those that remain: a deletion of rejected instances leaves none of them.
        Rejections.recount(c, new TreeSet<>(touchedSeries), Set.of(studyPk));
    }

    /**
     * The study's variant rows as a writer would have left them had only the remaining instances been stored: the
     * first instance's variant is the reference, counted 0; every other variant counts its instances.
     */
    private static void recomputeVariants(Connection c, long studyPk, String reference, Map<String, Variant> variants)
            throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("select variant_sha, pk from study_demographics where study_fk = ?")) {
            ps.setLong(1, studyPk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<Long> gone = new ArrayList<>();
        rows.forEach((sha, pk) -> {
            if (!variants.containsKey(sha)) {
                gone.add(pk);
            }
        });
        for (long pk : gone) {
            deleteWhere(c, "delete from study_demographics where pk = ?", pk);
        }
        for (Map.Entry<String, Variant> v : variants.entrySet()) {
            int count = v.getKey().equals(reference) ? 0 : v.getValue().count()[0];
            Long pk = rows.get(v.getKey());
            if (pk == null) {
                IntegrityRecords.insertVariant(
                        c, studyPk, v.getKey(), v.getValue().first(), count);
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "update study_demographics set num_instances = ?, first_sop_iuid = ? where pk = ?")) {
                    Sql.bind(ps, count, v.getValue().first().sopInstanceUid(), pk);
                    ps.executeUpdate();
                }
            }
        }
    }

    private static InstanceKeys keysOf(byte[] metadata, List<ExtendedQueryTag> tags) throws SQLException {
        if (metadata == null) {
            return null;
        }
        try {
            return InstanceKeys.of(JsonReader.readDataset(new ByteArrayInputStream(metadata)), tags);
        } catch (IOException | RuntimeException e) {
            throw new SQLException("The stored metadata of an instance cannot be read: " + e.getMessage(), e);
        }
    }

    static int deleteWhere(Connection c, String delete, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(delete)) {
            Sql.bind(ps, params);
            return ps.executeUpdate();
        }
    }
}
