package org.opendicomweb.index;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * The two waits that bound a request's use of the index, and that a node asked more than its database or its
 * connection pool can give runs into: the statement timeout the database enforces (PostgreSQL's
 * {@code statement_timeout}, H2's {@code QUERY_TIMEOUT}) and the pool's acquisition timeout. Either means the server
 * is busy, not that the request is wrong or the server broken: a client should retry later, as when the index is
 * unreachable (503 with Retry-After), and the message says which wait ran out so that an operator knows which
 * setting or which load to look at (docs/configuration.md, "PostgreSQL at scale").
 */
public enum IndexTimeout {
    /** The database cancelled a statement that ran longer than its statement timeout. */
    STATEMENT,
    /** No pooled connection became free, and no new one could be opened, within the acquisition timeout. */
    CONNECTION;

    /**
     * SQLSTATE 57014 (query_canceled) on both databases: PostgreSQL when {@code statement_timeout} cancels a
     * statement, H2 (STATEMENT_WAS_CANCELED) when {@code QUERY_TIMEOUT} does. The server never cancels a statement
     * itself, so a cancellation is a timeout or an administrator's {@code pg_cancel_backend}, retried alike.
     */
    private static final String QUERY_CANCELED = "57014";

    /** The timeout {@code failure} or one of its causes ran into, or null when it is some other failure. */
    public static IndexTimeout of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                if (QUERY_CANCELED.equals(s.getSQLState())) {
                    return STATEMENT;
                }
                if (isAcquisitionTimeout(s)) {
                    return CONNECTION;
                }
            }
        }
        return null;
    }

    /**
     * Agroal throws a plain SQLException without SQLSTATE, "Sorry, acquisition timeout!" when every connection stayed
     * busy and "Acquisition timeout while waiting for new connection" when opening one took too long; its wording is
     * all that tells them from other failures.
     */
    private static boolean isAcquisitionTimeout(SQLException s) {
        return s.getSQLState() == null
                && s.getMessage() != null
                && s.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /**
     * What the client is told; {@code acquisitionTimeout} is the pool's setting, named when known (it may be null).
     */
    public String message(Duration acquisitionTimeout) {
        return switch (this) {
            case STATEMENT ->
                "The index query was cancelled: it took longer than the index database's configured statement"
                        + " timeout. The server is busy or the query is costly; retry later or narrow the query";
            case CONNECTION ->
                "No index database connection was free within the connection pool's acquisition timeout"
                        + (acquisitionTimeout == null || acquisitionTimeout.isZero()
                                ? ""
                                : " (" + describe(acquisitionTimeout) + ")")
                        + ": the server is busy; retry later";
        };
    }

    /** {@code failure} as the 503 it stands for, or null when it is not a timeout. */
    public static IndexUnavailableException unavailable(Throwable failure, Duration acquisitionTimeout) {
        IndexTimeout timeout = of(failure);
        return timeout == null ? null : new IndexUnavailableException(timeout.message(acquisitionTimeout), failure);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
