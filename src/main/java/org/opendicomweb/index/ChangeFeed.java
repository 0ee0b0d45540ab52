package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the change feed: one entry per instance stored, replaced, deleted or rejected, inside the transaction
 * that makes the change. Every writer calls {@link #append} as its last statement before the commit: it updates
 * the one {@code change_sequence} row, which the transaction then holds until it commits, so sequence numbers
 * become visible in the order they were taken and a reader that pages by "greater than the last sequence seen"
 * sees every entry exactly once. The price is that writing transactions commit one after the other for the short
 * time between this statement and the commit.
 */
public final class ChangeFeed {
    private ChangeFeed() {}

    /** What happened to an instance, and so which entry it gets and what becomes of its older entries. */
    public enum Kind {
        /** Stored for the first time: a create entry, current. */
        STORED("create", "current", null),
        /** Stored again in place of the indexed one: a create entry, current; the older entries become replaced. */
        REPLACED("create", "current", "replaced"),
        /** Deleted or rejected: a delete entry; it and the older entries are deleted. */
        DELETED("delete", "deleted", "deleted");

        private final String action;
        private final String state;
        private final String olderState;

        Kind(String action, String state, String olderState) {
            this.action = action;
            this.state = state;
            this.olderState = olderState;
        }
    }

    /** One change to one instance. */
    public record Change(String studyUid, String seriesUid, String sopUid, Kind kind) {}

    /**
     * Appends the entries of {@code changes} in their order. Must be the transaction's last statement: the
     * sequence row stays locked until the commit. A deletion of an instance whose entries are all deleted already
     * (it was rejected before) adds no entry: a reader has been told.
     */
    public static void append(Connection c, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<Change> entries = changes;
        List<Change> superseding = changes.stream()
                .filter(change -> change.kind().olderState != null)
                .toList();
        if (!superseding.isEmpty()) {
            int[] olderEntries;
            try (PreparedStatement older = c.prepareStatement(
                    "update change_feed set state = ? where sop_iuid = ? and state <> ? and state <> 'deleted'")) {
                for (Change change : superseding) {
                    older.setString(1, change.kind().olderState);
                    older.setString(2, change.sopUid());
                    older.setString(3, change.kind().olderState);
                    older.addBatch();
                }
                olderEntries = older.executeBatch();
            }
            entries = new ArrayList<>(changes.size());
            int next = 0;
            for (Change change : changes) {
                if (change.kind().olderState == null) {
                    entries.add(change);
                } else if (olderEntries[next++] != 0 || change.kind() != Kind.DELETED) {
                    entries.add(change);
                }
            }
            if (entries.isEmpty()) {
                return;
            }
        }
        long sequence = reserve(c, entries.size()) - entries.size();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into change_feed (sequence, study_iuid, series_iuid, sop_iuid, action, state, changed)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            var now = Sql.timestamp(Instant.now());
            for (Change change : entries) {
                Sql.bind(
                        insert,
                        ++sequence,
                        change.studyUid(),
                        change.seriesUid(),
                        change.sopUid(),
                        change.kind().action,
                        change.kind().state,
                        now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Takes {@code count} sequence numbers; returns the last of them. Locks the sequence row until the commit. */
    private static long reserve(Connection c, int count) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("update change_sequence set last_sequence = last_sequence + ? where id = 1")) {
            ps.setInt(1, count);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the change_sequence row is missing: the index schema is incomplete");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select last_sequence from change_sequence where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
