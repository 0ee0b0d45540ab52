package org.opendicomweb.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives each PostgreSQL test run its own schema in the shared 'test' database, so that concurrent runs from
 * several checkouts never see each other's rows, and drops it when the run ends. Does nothing on H2, whose
 * database file lives in the per-run storage folder anyway.
 *
 * <p>Server location: system properties {@code test.postgresql.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) and {@code test.postgresql.user} (default {@code postgres}).
 */
public class PostgresTestSchema implements QuarkusTestResourceLifecycleManager {

    private String url;
    private String user;
    private String schema;

    @Override
    public Map<String, String> start() {
        if (!TestDatabase.isPostgreSQL()) {
            return Map.of();
        }
        url = System.getProperty("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        user = System.getProperty("test.postgresql.user", "postgres");
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        schema = "odw_test_" + HexFormat.of().formatHex(random);
        return Map.of(
                "quarkus.datasource.postgresql.jdbc.url",
                        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "quarkus.datasource.postgresql.username", user,
                "quarkus.flyway.postgresql.schemas", schema);
    }

    @Override
    public void stop() {
        if (schema == null) {
            return;
        }
        try (Connection connection =
                        DriverManager.getConnection(url, user, System.getProperty("test.postgresql.password", ""));
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
