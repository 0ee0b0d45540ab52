package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opendicomweb.index.InstanceIndex.NewInstance;

/**
 * Records rejections (IHE IOCM) inside the transaction that indexes a batch: the rejection notes of the batch add
 * their rows to {@code rejected_instance}, and every instance that is rejected, stored before or arriving now, is
 * hidden by recounting {@code num_rejected} of its series and study.
 *
 * <p>Why a table and counters rather than removing rejected instances from the hierarchy: a rejection may come
 * before the instances it rejects, so its rows cannot hang off the instance rows; and a rejected instance stays on
 * disk (113001 for a grace period, 113037/113038 by setting) and must still be found by {@code includerejected}
 * and by the deletion that follows. The counters are recounted from the tables, never adjusted, so a rejection
 * that is repeated, or overlaps another, or arrives with the instances it rejects, leaves them exact. QIDO then
 * hides by comparing two columns of the row it reads anyway, and by one primary-key probe per instance row.
 */
final class Rejections {
    private Rejections() {}

    /**
     * What applying the batch's rejections changed: the batch's instances that arrive rejected (they get no create
     * entry in the change feed: nobody ever saw them), and one delete entry per instance stored before and now
     * rejected.
     */
    record Applied(Set<String> hiddenOnArrival, List<ChangeFeed.Change> deleted) {
        static final Applied NONE = new Applied(Set.of(), List.of());
    }

    /**
     * Records the rejections of the notes among {@code batch}, which is indexed already in this transaction, and
     * hides what they reject as well as the batch's instances rejected before they arrived.
     */
    static Applied apply(Connection c, List<NewInstance> batch) throws SQLException {
        Instant now = Instant.now();
        Set<String> rejectedNow = new LinkedHashSet<>();
        for (NewInstance n : batch) {
            if (n.rejection() != null) {
                record(c, n.rejection(), now);
                n.rejection().references().forEach(r -> rejectedNow.add(r.sopUid()));
            }
        }
        Set<String> batchUids = new LinkedHashSet<>();
        batch.forEach(n -> batchUids.add(n.keys().sopInstanceUid()));
        Set<String> hiddenOnArrival = rejectedAmong(c, batchUids);
        if (rejectedNow.isEmpty() && hiddenOnArrival.isEmpty()) {
            return Applied.NONE;
        }
        Set<String> affected = new LinkedHashSet<>(hiddenOnArrival);
        affected.addAll(rejectedNow);
        List<ChangeFeed.Change> deleted = new ArrayList<>();
        Set<Long> series = new TreeSet<>();
        Set<Long> studies = new TreeSet<>();
        for (Map.Entry<String, Located> e : locate(c, affected).entrySet()) {
            Located l = e.getValue();
            series.add(l.seriesPk());
            studies.add(l.studyPk());
            if (!batchUids.contains(e.getKey())) {
                deleted.add(new ChangeFeed.Change(l.studyUid(), l.seriesUid(), e.getKey(), ChangeFeed.Kind.DELETED));
            }
        }
        recount(c, series, studies);
        return new Applied(hiddenOnArrival, deleted);
    }

    /** One row per referenced instance; a later note takes the place of an earlier one's code and deadline. */
    private static void record(Connection c, RejectionNote note, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                        update rejected_instance set rejection_code = ?, note_iuid = ?, rejected = ?, delete_after = ?
                         where sop_iuid = ?""");
                PreparedStatement insert = c.prepareStatement("""
                        insert into rejected_instance (sop_iuid, study_iuid, series_iuid, rejection_code, note_iuid,
                                                       rejected, delete_after)
                        values (?, ?, ?, ?, ?, ?, ?)""")) {
            var deleteAfter = note.deleteAfter() == null ? null : Sql.timestamp(note.deleteAfter());
            for (RejectionNote.Reference r : note.references()) {
                Sql.bind(update, note.code().codeValue(), note.noteUid(), Sql.timestamp(now), deleteAfter, r.sopUid());
                if (update.executeUpdate() == 0) {
                    Sql.bind(
                            insert,
                            r.sopUid(),
                            r.studyUid(),
                            r.seriesUid(),
                            note.code().codeValue(),
                            note.noteUid(),
                            Sql.timestamp(now),
                            deleteAfter);
                    insert.executeUpdate();
                }
            }
        }
    }

    static boolean isRejected(Connection c, String sopUid) throws SQLException {
        return !rejectedAmong(c, Set.of(sopUid)).isEmpty();
    }

    private static Set<String> rejectedAmong(Connection c, Set<String> sopUids) throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        for (List<String> chunk : chunks(sopUids)) {
            try (PreparedStatement ps = Sql.prepare(
                            c,
                            "select sop_iuid from rejected_instance where sop_iuid in (" + Sql.marks(chunk.size())
                                    + ")",
                            chunk);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private record Located(long seriesPk, long studyPk, String studyUid, String seriesUid) {}

    private static Map<String, Located> locate(Connection c, Set<String> sopUids) throws SQLException {
        Map<String, Located> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(sopUids)) {
            try (PreparedStatement ps = Sql.prepare(c, """
                            select i.sop_iuid, se.pk, st.pk, st.study_iuid, se.series_iuid
                              from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                             where i.sop_iuid in (""" + Sql.marks(chunk.size()) + ")", chunk);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(
                            rs.getString(1),
                            new Located(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return found;
    }

    /**
     * Counts again the rejected instances of these series and studies, and the study's series that hold nothing
     * else; the versions change so that cached retrieves (ETags) are not reused. Studies first, in key order, the
     * order every writer locks them in.
     */
    static void recount(Connection c, Set<Long> seriesPks, Set<Long> studyPks) throws SQLException {
        if (studyPks.isEmpty()) {
            return;
        }
        List<Long> studies = List.copyOf(studyPks);
        try (PreparedStatement lock = Sql.prepare(
                        c,
                        "select pk from study where pk in (" + Sql.marks(studies.size()) + ") order by pk for update",
                        studies);
                ResultSet rs = lock.executeQuery()) {
            while (rs.next()) {
                // locked
            }
        }
        if (!seriesPks.isEmpty()) {
            List<Long> series = List.copyOf(seriesPks);
            try (PreparedStatement ps = Sql.prepare(c, """
                    update series set num_rejected = (select count(*) from instance i
                                                        join rejected_instance r on r.sop_iuid = i.sop_iuid
                                                       where i.series_fk = series.pk),
                           version = version + 1
                     where pk in (""" + Sql.marks(series.size()) + ")", series)) {
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = Sql.prepare(c, """
                update study set num_rejected = (select coalesce(sum(s.num_rejected), 0) from series s
                                                  where s.study_fk = study.pk),
                       num_rejected_series = (select count(*) from series s where s.study_fk = study.pk
                                                 and s.num_rejected > 0 and s.num_rejected >= s.num_instances),
                       version = version + 1
                 where pk in (""" + Sql.marks(studies.size()) + ")", studies)) {
            ps.executeUpdate();
        }
    }

    private static List<List<String>> chunks(Set<String> uids) {
        List<String> all = List.copyOf(uids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return chunks;
    }
}
