package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;
import org.postgresql.PGStatement;

/**
 * Every statement against the index runs through here: a connection of the active database, a transaction
 * retried when a concurrent writer got in the way and made durable before it returns, bound parameters, a
 * streaming cursor, {@code IN (?, …)} lists.
 *
 * <p>Failures reach callers one way: as the {@link SQLException} itself, which every method here declares. A
 * caller that cannot declare it (a REST service, a streaming response body) rethrows it as
 * {@link IndexQueryException}. A statement cancelled by the statement timeout and a connection not had within the
 * pool's acquisition timeout are the exception: {@link IndexUnavailableException} ({@link IndexTimeout}), as while
 * the index is unreachable.
 */
@ApplicationScoped
public class Sql {
    private static final Logger LOG = Logger.getLogger(Sql.class);
    /** A unique violation, deadlock or serialization failure is retried this often before it is thrown. */
    private static final int ATTEMPTS = 4;

    private final IndexDatabase database;

    @Inject
    Sql(IndexDatabase database) {
        this.database = database;
    }

    /** Work on one connection; {@code X} is the caller's own checked exception, if any. */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T run(Connection c) throws SQLException, X;
    }

    /** Turns the rows of a result into a value. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code work} on a connection in auto-commit mode: each statement commits on its own. */
    public <T, X extends Exception> T withConnection(Work<T, X> work) throws SQLException, X {
        try (Connection c = database.dataSource().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unlessTimedOut(e);
        }
    }

    /** One statement's rows, read by {@code rows}. */
    public <T> T query(String sql, List<?> params, Rows<T> rows) throws SQLException {
        return withConnection(c -> query(c, sql, params, rows));
    }

    /** One statement's rows on {@code c}, read by {@code rows}. */
    public static <T> T query(Connection c, String sql, List<?> params, Rows<T> rows) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rows.read(rs);
        }
    }

    /**
     * Runs {@code work} in one transaction, from the start again when a concurrent writer created the same row
     * first or the database chose it as a deadlock victim. Returns once the commit is durable
     * ({@link IndexDatabase#afterCommit}): only then may a write be acknowledged. A commit that could not be made
     * durable throws {@link CommitNotDurableException}: its rows are written, so the caller must not undo what they
     * point at.
     */
    public <T, X extends Exception> T inTransaction(Work<T, X> work) throws SQLException, X {
        try {
            return inTransactionRetried(work);
        } catch (SQLException e) {
            throw unlessTimedOut(e);
        }
    }

    private <T, X extends Exception> T inTransactionRetried(Work<T, X> work) throws SQLException, X {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                T result;
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    if (!isRetryable(e)) {
                        throw e;
                    }
                    last = e;
                    continue;
                } catch (Exception e) { // RuntimeException or X
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                try {
                    database.afterCommit(c);
                } catch (SQLException e) {
                    throw new CommitNotDurableException(e);
                }
                return result;
            }
        }
        throw last;
    }

    /**
     * Returns once every commit that this process has seen is durable: what another writer committed is visible
     * on H2 before that writer's sync has made it durable, so a write may be acknowledged on the strength of a row
     * found (an identical duplicate) only after this. Nothing to wait for on PostgreSQL.
     */
    public void awaitDurable() throws SQLException {
        withConnection(c -> {
            database.afterCommit(c);
            return null;
        });
    }

    /**
     * Runs {@code work} on a connection that reads with a cursor: PostgreSQL fetches rows
     * {@link PreparedStatement#setFetchSize fetch size} at a time only inside a transaction, else it reads the
     * whole result into memory first. Nothing is written, so the transaction is rolled back afterwards.
     */
    public <T, X extends Exception> T withCursor(Work<T, X> work) throws SQLException, X {
        try {
            return withCursorOnce(work);
        } catch (SQLException e) {
            throw unlessTimedOut(e);
        }
    }

    private <T, X extends Exception> T withCursorOnce(Work<T, X> work) throws SQLException, X {
        try (Connection c = database.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            Throwable failure = null;
            try {
                return work.run(c);
            } catch (Throwable e) {
                failure = e;
                throw e;
            } finally {
                try {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    // A connection broken while streaming fails here too: the first failure is the one to report.
                    if (failure == null) {
                        throw e;
                    }
                    failure.addSuppressed(e);
                }
            }
        }
    }

    /**
     * {@code e} to rethrow, unless the statement ran past the statement timeout or no connection could be had within
     * the pool's acquisition timeout: that is thrown here as {@link IndexUnavailableException}, the busy server's 503,
     * which callers already meet while the index is unreachable, and not left to look like a failed statement.
     */
    private SQLException unlessTimedOut(SQLException e) {
        IndexUnavailableException busy = IndexTimeout.unavailable(e, database.acquisitionTimeout());
        if (busy == null) {
            return e;
        }
        LOG.warnf("%s (%s)", busy.getMessage(), e.getMessage());
        throw busy;
    }

    /**
     * Unique violation (23505 on both databases), deadlock (40P01) or serialization failure (40001), or H2's lock
     * timeout (HYT00): a writer may wait on a row lock longer than H2 allows (a deletion holds its study row while it
     * removes a large study), and then the whole transaction can simply run again.
     */
    private static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ("23505".equals(state) || "40P01".equals(state) || "40001".equals(state) || "HYT00".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A statement with its parameters bound; the caller closes it. */
    public static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(ps, params.toArray());
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    /**
     * A statement PostgreSQL plans for its bound values at every execution, for queries whose best plan depends on
     * them (a wildcard that matches 50 studies or 20,000, a date range of a day or of ten years). The driver prepares
     * a statement on the server from its fifth execution on, and PostgreSQL then moves to one generic plan for every
     * value once that plan looks no costlier on average: for a name wildcard the generic plan read every matching
     * study, 15 ms for a common name where its own plan stops after 101 (docs/benchmarks-qido.md). Planning costs
     * a tenth of a millisecond. H2 plans every execution anyway.
     */
    public static PreparedStatement prepareForValues(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = prepare(c, sql, params);
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return ps;
    }

    /**
     * Binds parameters by their Java type. A null is bound untyped, so the column decides (integer, varchar,
     * char); {@link #setInt} binds a typed one where a batch must keep one parameter type for every row.
     */
    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            switch (p) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case Integer n -> ps.setInt(i + 1, n);
                case Long n -> ps.setLong(i + 1, n);
                case OffsetDateTime t -> ps.setObject(i + 1, t);
                case byte[] b -> ps.setBytes(i + 1, b);
                default -> ps.setString(i + 1, p.toString());
            }
        }
    }

    /** An integer parameter, null typed as an integer. */
    public static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** The placeholders of an {@code IN} list of {@code n} values: {@code ?, ?, ?}. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** As java.time, not java.sql.Timestamp: the driver writes it without a Calendar and time zone lookups. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
