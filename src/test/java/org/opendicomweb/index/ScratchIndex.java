package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.opendicomweb.support.TestDatabase;

/**
 * An index database of a migration test's own, migrated step by step: an in-memory H2, or a new schema of the test
 * database on PostgreSQL (dropped on close), so that rows can be written as an older version left them.
 */
final class ScratchIndex implements AutoCloseable {
    private final String schema;
    private final String url;
    private final String user;
    private final List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
    private final Connection connection;

    ScratchIndex(String prefix) throws SQLException {
        schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (TestDatabase.isPostgreSQL()) {
            String server = System.getProperty("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
            url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            user = System.getProperty("test.postgresql.user", "postgres");
            locations.add("classpath:db/migration/postgresql");
        } else {
            url = "jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1";
            user = "sa";
        }
        connection = DriverManager.getConnection(url, user, "");
    }

    Connection connection() {
        return connection;
    }

    /** Applies the migrations up to and including {@code version}. */
    void migrateTo(String version) {
        var configuration = Flyway.configure()
                .dataSource(url, user, "")
                .locations(locations.toArray(String[]::new))
                .target(version);
        if (TestDatabase.isPostgreSQL()) {
            configuration.schemas(schema);
        }
        configuration.load().migrate();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (TestDatabase.isPostgreSQL()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("drop schema if exists " + schema + " cascade");
                }
            }
        } finally {
            connection.close();
        }
    }
}
