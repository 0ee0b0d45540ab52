package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the change feed that {@link ChangeFeed} writes. Paging by sequence ({@link #after}) and the latest entry are
 * read along the primary key; a time window ({@link #within}) along {@code ix_change_feed_changed}.
 *
 * <p>With metadata, an entry whose instance is still indexed (its state is not deleted) comes with the instance's
 * precomputed DICOM JSON, the current one: a replaced entry shows what replaced it, as the feed's model says.
 */
@ApplicationScoped
public class ChangeFeedQuery {
    private static final String COLUMNS =
            "select cf.sequence, cf.study_iuid, cf.series_iuid, cf.sop_iuid, cf.action, cf.state, cf.changed";
    private static final String WITH_METADATA = COLUMNS + ", i.metadata from change_feed cf"
            + " left join instance i on i.sop_iuid = cf.sop_iuid and cf.state <> 'deleted'";
    private static final String WITHOUT_METADATA = COLUMNS + ", null from change_feed cf";

    private final Sql sql;

    @Inject
    ChangeFeedQuery(Sql sql) {
        this.sql = sql;
    }

    /**
     * One entry: its instance's metadata (relative BulkDataURIs, see {@link InstanceMetadata}) when asked for and
     * the instance is indexed, else null.
     */
    public record Entry(
            long sequence,
            String studyInstanceUid,
            String seriesInstanceUid,
            String sopInstanceUid,
            String action,
            String state,
            Instant timestamp,
            byte[] metadata) {}

    /** At most {@code limit} entries with a sequence greater than {@code sequence}, in sequence order. */
    public List<Entry> after(long sequence, int limit, boolean metadata) throws SQLException {
        return sql.query(
                from(metadata) + " where cf.sequence > ? order by cf.sequence limit ?",
                List.of(sequence, limit),
                ChangeFeedQuery::entries);
    }

    /**
     * The entries changed at or after {@code start} and before {@code end}, in time order (sequence order among
     * equal times), {@code offset} of them skipped, at most {@code limit}.
     */
    public List<Entry> within(Instant start, Instant end, long offset, int limit, boolean metadata)
            throws SQLException {
        return sql.query(
                from(metadata) + " where cf.changed >= ? and cf.changed < ?"
                        + " order by cf.changed, cf.sequence limit ? offset ?",
                List.of(Sql.timestamp(start), Sql.timestamp(end), limit, offset),
                ChangeFeedQuery::entries);
    }

    /** The entry with the greatest sequence; empty while the feed is. */
    public Optional<Entry> latest(boolean metadata) throws SQLException {
        List<Entry> last =
                sql.query(from(metadata) + " order by cf.sequence desc limit 1", List.of(), ChangeFeedQuery::entries);
        return last.stream().findFirst();
    }

    /**
     * A change as a node that keeps copies of what is stored needs it: {@code supersedes} when the entry ends what
     * was stored before under its SOP Instance UID (a deletion or rejection, a replacement, a store after a
     * deletion), not when it is a first store, which leaves nothing kept to forget.
     */
    public record Change(
            long sequence,
            String studyInstanceUid,
            String seriesInstanceUid,
            String sopInstanceUid,
            boolean supersedes) {}

    /**
     * At most {@code limit} changes with a sequence greater than {@code sequence}, in sequence order. Whether an
     * entry has older ones is one probe of {@code ix_change_feed_sop} each.
     */
    public List<Change> changesAfter(long sequence, int limit) throws SQLException {
        return sql.query("""
                select cf.sequence, cf.study_iuid, cf.series_iuid, cf.sop_iuid,
                       case when cf.action = 'delete' or exists (select 1 from change_feed o
                                 where o.sop_iuid = cf.sop_iuid and o.sequence < cf.sequence) then 1 else 0 end
                  from change_feed cf where cf.sequence > ? order by cf.sequence limit ?""", List.of(sequence, limit), rs -> {
            List<Change> changes = new ArrayList<>();
            while (rs.next()) {
                changes.add(new Change(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1));
            }
            return changes;
        });
    }

    /** The greatest sequence committed, 0 while the feed is empty. */
    public long lastSequence() throws SQLException {
        return sql.query("select max(sequence) from change_feed", List.of(), rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    private static String from(boolean metadata) {
        return metadata ? WITH_METADATA : WITHOUT_METADATA;
    }

    private static List<Entry> entries(ResultSet rs) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        while (rs.next()) {
            entries.add(new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, OffsetDateTime.class).toInstant(),
                    rs.getBytes(8)));
        }
        return entries;
    }
}
