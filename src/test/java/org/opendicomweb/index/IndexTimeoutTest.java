package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are the index's timeouts: H2's own QUERY_TIMEOUT cancellation (run here on an in-memory database),
 * the connection pool's acquisition timeouts, and nothing else.
 */
class IndexTimeoutTest {

    @Test
    void h2QueryTimeoutIsAStatementTimeout() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:index-timeout", "sa", "");
                Statement s = c.createStatement()) {
            s.execute("set query_timeout 50");
            // Ten billion rows: far longer than the timeout, however fast the machine.
            SQLException cancelled = assertThrows(
                    SQLException.class,
                    () -> s.executeQuery("select count(*) from system_range(1, 100000) a, system_range(1, 100000) b"
                            + " where a.x + b.x = 7"));
            assertEquals(IndexTimeout.STATEMENT, IndexTimeout.of(new IndexQueryException(cancelled)));
        }
    }

    @Test
    void poolsAcquisitionTimeoutsAreConnectionTimeouts() {
        // Agroal's two wordings: every connection busy, and a new connection not opened in time.
        assertEquals(IndexTimeout.CONNECTION, IndexTimeout.of(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(
                IndexTimeout.CONNECTION,
                IndexTimeout.of(new SQLException(
                        "Acquisition timeout while waiting for new connection", new TimeoutException())));
    }

    @Test
    void otherFailuresAreNoTimeout() {
        assertNull(IndexTimeout.of(new SQLException("duplicate key", "23505")));
        assertNull(IndexTimeout.of(new SQLException("Connection refused", "08001")));
        // A lock timeout is retried as a transaction conflict (Sql), not answered as a busy server.
        assertNull(IndexTimeout.of(new SQLTimeoutException("Timeout trying to lock table", "HYT00")));
        assertNull(IndexTimeout.of(new IllegalStateException("acquisition timeout")));
        assertNull(IndexTimeout.of(null));
    }

    @Test
    void messagesNameTheWaitThatRanOut() {
        assertTrue(IndexTimeout.STATEMENT.message(null).contains("statement timeout"));
        assertTrue(IndexTimeout.CONNECTION
                .message(Duration.ofSeconds(5))
                .contains("connection pool's acquisition timeout (5 s)"));
        assertTrue(IndexTimeout.CONNECTION.message(Duration.ofMillis(250)).contains("acquisition timeout (250 ms)"));
        IndexUnavailableException busy =
                IndexTimeout.unavailable(new SQLException("Sorry, acquisition timeout!"), Duration.ofSeconds(1));
        assertTrue(busy.getMessage().contains("(1 s)"), busy.getMessage());
    }
}
