package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * A node asked more than its index can give within its timeouts answers 503 with Retry-After and names the wait that
 * ran out, on QIDO-RS, WADO-RS and STOW-RS alike, rather than an internal error: no connection free within the pool's
 * acquisition timeout (on both databases: the test holds every connection of the pool), and a statement cancelled by
 * PostgreSQL's statement_timeout (the test holds a lock on the tables the request reads, so the request's statement
 * waits until the timeout cancels it).
 */
@QuarkusTest
@TestProfile(BusyIndexTest.Timeouts.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class BusyIndexTest {
    private static final int POOL = 3;
    private static final String BOUNDARY = "busy-index-boundary";

    /** A small pool that gives up soon, and on PostgreSQL a statement timeout set on every new connection. */
    public static class Timeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.h2.jdbc.max-size", String.valueOf(POOL),
                    "quarkus.datasource.h2.jdbc.acquisition-timeout", "1s",
                    "quarkus.datasource.postgresql.jdbc.max-size", String.valueOf(POOL),
                    "quarkus.datasource.postgresql.jdbc.acquisition-timeout", "1s",
                    // Far above what a statement of these tests takes, the schema's migration included.
                    "quarkus.datasource.postgresql.jdbc.new-connection-sql",
                            "set random_page_cost = 1.1; set statement_timeout = '2s'");
        }
    }

    @Inject
    IndexDatabase index;

    @Test
    void searchWithoutAFreeConnectionIs503NamingThePool() throws SQLException {
        try (Held held = everyConnection()) {
            expectPoolExhausted(search());
        }
    }

    @Test
    void retrieveWithoutAFreeConnectionIs503NamingThePool() throws SQLException {
        try (Held held = everyConnection()) {
            expectPoolExhausted(retrieve());
        }
    }

    @Test
    void storeWithoutAFreeConnectionIs503NamingThePool() throws SQLException {
        try (Held held = everyConnection()) {
            expectPoolExhausted(store()).body("message", startsWith("Nothing was stored"));
        }
    }

    @Test
    void searchCancelledByTheStatementTimeoutIs503NamingIt() throws SQLException {
        try (Held held = lockedIndexTables()) {
            expectStatementTimeout(search());
        }
    }

    @Test
    void retrieveCancelledByTheStatementTimeoutIs503NamingIt() throws SQLException {
        try (Held held = lockedIndexTables()) {
            expectStatementTimeout(retrieve());
        }
    }

    @Test
    void storeCancelledByTheStatementTimeoutIs503NamingIt() throws SQLException {
        try (Held held = lockedIndexTables()) {
            expectStatementTimeout(store()).body("message", startsWith("Nothing was stored"));
        }
    }

    @Test
    void theServerAnswersAgainOnceTheConnectionsAreFree() throws SQLException {
        try (Held held = everyConnection()) {
            expectPoolExhausted(search());
        }
        search().statusCode(200);
    }

    private static ValidatableResponse search() {
        return given().accept("application/dicom+json")
                .when()
                .get("/dicom-web/studies")
                .then();
    }

    private static ValidatableResponse retrieve() {
        DicomFiles.Builder absent = DicomFiles.ctImage();
        return given().accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .when()
                .get("/dicom-web/studies/" + absent.studyInstanceUid() + "/series/" + absent.seriesInstanceUid()
                        + "/instances/" + absent.sopInstanceUid())
                .then();
    }

    private static ValidatableResponse store() {
        return given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, List.of(DicomFiles.ctImage().toBytes())))
                .when()
                .post("/dicom-web/studies")
                .then();
    }

    private static ValidatableResponse expectPoolExhausted(ValidatableResponse response) {
        return expect503(response)
                .body(
                        "message",
                        containsString("No index database connection was free within the connection pool's"
                                + " acquisition timeout (1 s)"));
    }

    private static ValidatableResponse expectStatementTimeout(ValidatableResponse response) {
        return expect503(response).body("message", containsString("configured statement timeout"));
    }

    private static ValidatableResponse expect503(ValidatableResponse response) {
        return response.statusCode(503)
                .contentType("application/json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503));
    }

    /** Every connection of the node's pool, taken from it until closed. */
    private Held everyConnection() throws SQLException {
        Held held = new Held();
        try {
            for (int i = 0; i < POOL; i++) {
                held.connections.add(index.dataSource().getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    /**
     * The tables a search, a retrieval and a store read, locked against every other transaction until closed: what
     * a long schema change or a stuck transaction does to the requests of a live server.
     */
    private Held lockedIndexTables() throws SQLException {
        Assumptions.assumeTrue(index.isPostgreSQL(), "PostgreSQL's statement_timeout; H2 has no table lock to wait on");
        Held held = new Held();
        try {
            Connection c = index.dataSource().getConnection();
            held.connections.add(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table study, series, instance in access exclusive mode");
            }
        } catch (SQLException | RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    private static final class Held implements AutoCloseable {
        final List<Connection> connections = new ArrayList<>();

        @Override
        public void close() throws SQLException {
            for (Connection c : connections) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                c.close();
            }
        }
    }
}
