package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How far a scrub pass has got (table {@code scrub_progress}), so that a pass stopped midway continues where it
 * stopped, on this node or another, rather than from the first object: the last instance checked and the counts of
 * the pass so far, saved together. The node that begins or continues a pass becomes its runner; a node's saves
 * count only while it is the runner, so that a node that lost its lease and was overtaken cannot set the pass back.
 */
@ApplicationScoped
public class ScrubProgress {

    /** A pass's position: every instance with a primary key up to {@code afterPk} is checked; the counts so far. */
    public record Position(
            long afterPk,
            Instant started,
            long checked,
            long intact,
            long checksumsFilled,
            long mismatches,
            long missing,
            long unreadable,
            long bytesRead) {
        /** A pass beginning now, before its first object. */
        public static Position beginning(Instant started) {
            return new Position(0, started, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    private final Sql sql;

    @Inject
    ScrubProgress(Sql sql) {
        this.sql = sql;
    }

    /** The position of the pass {@code name} that began and did not reach its end, if there is one. */
    public Optional<Position> unfinished(String name) throws SQLException {
        return sql.query(
                """
                select after_pk, started, checked, intact, checksums_filled, mismatches, missing, unreadable, bytes_read
                  from scrub_progress where name = ? and finished is null""",
                List.of(name),
                rs -> rs.next()
                        ? Optional.of(new Position(
                                rs.getLong(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getLong(9)))
                        : Optional.empty());
    }

    /**
     * Makes {@code runner} the node that runs the pass from {@code from} on: a new pass when {@code from} is
     * {@link Position#beginning}, else the continuation of the unfinished one. Called under the scrub's lease.
     */
    public void claim(String name, String runner, Position from) throws SQLException {
        sql.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update scrub_progress set runner = ?, after_pk = ?, started = ?, saved = current_timestamp,
                           finished = null, checked = ?, intact = ?, checksums_filled = ?, mismatches = ?, missing = ?,
                           unreadable = ?, bytes_read = ?
                     where name = ?""")) {
                bindPosition(ps, runner, from);
                ps.setString(11, name);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into scrub_progress (runner, after_pk, started, saved, finished, checked, intact,
                                                checksums_filled, mismatches, missing, unreadable, bytes_read, name)
                    values (?, ?, ?, current_timestamp, null, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                bindPosition(ps, runner, from);
                ps.setString(11, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Saves the position of the pass {@code runner} runs; false when another node has taken the pass over. */
    public boolean save(String name, String runner, Position at) throws SQLException {
        return update(name, runner, at, false);
    }

    /** Saves the last position of a pass that reached its end; the next pass starts over. */
    public boolean finish(String name, String runner, Position at) throws SQLException {
        return update(name, runner, at, true);
    }

    private boolean update(String name, String runner, Position at, boolean finished) throws SQLException {
        return sql.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update scrub_progress set runner = ?, after_pk = ?, started = ?, saved = current_timestamp,
                           checked = ?, intact = ?, checksums_filled = ?, mismatches = ?, missing = ?, unreadable = ?,
                           bytes_read = ?, finished = %s
                     where name = ? and runner = ? and finished is null""".formatted(finished ? "current_timestamp" : "null"))) {
                bindPosition(ps, runner, at);
                ps.setString(11, name);
                ps.setString(12, runner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void bindPosition(PreparedStatement ps, String runner, Position p) throws SQLException {
        Sql.bind(
                ps,
                runner,
                p.afterPk(),
                Sql.timestamp(p.started()),
                p.checked(),
                p.intact(),
                p.checksumsFilled(),
                p.mismatches(),
                p.missing(),
                p.unreadable(),
                p.bytesRead());
    }
}
