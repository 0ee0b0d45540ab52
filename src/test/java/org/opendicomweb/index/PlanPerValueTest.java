package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.TestDatabase;

/**
 * QIDO's statements are planned for their values at every execution: on PostgreSQL the driver must never prepare
 * them on the server, where a generic plan would follow (docs/benchmarks-qido.md, the name wildcard at 10,000,000
 * instances). The same statement through {@link Sql#prepare} is prepared there, which shows the check can fail.
 */
@QuarkusTest
class PlanPerValueTest {
    private static final int EXECUTIONS = 8;

    @Inject
    Sql sql;

    @Test
    void statementsForValuesAreNeverPreparedOnTheServer() throws SQLException {
        String perValue = "select count(*) from study where study_iuid like ? /* plan-per-value */";
        String shared = "select count(*) from study where study_iuid like ? /* plan-shared */";
        sql.withConnection(c -> {
            for (int i = 0; i < EXECUTIONS; i++) {
                try (PreparedStatement ps = Sql.prepareForValues(c, perValue, List.of("1.2.%" + i));
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getLong(1));
                }
                try (PreparedStatement ps = Sql.prepare(c, shared, List.of("1.2.%" + i));
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            if (TestDatabase.isPostgreSQL()) {
                assertEquals(0, preparedOnServer(c, "plan-per-value"));
                assertEquals(1, preparedOnServer(c, "plan-shared"));
            }
            return null;
        });
    }

    private static long preparedOnServer(Connection c, String marker) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("select count(*) from pg_prepared_statements where statement like ?");
                ResultSet rs = executed(ps, "%" + marker + "%")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ResultSet executed(PreparedStatement ps, String value) throws SQLException {
        ps.setString(1, value);
        return ps.executeQuery();
    }
}
