package org.opendicomweb.index;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.config.DicomwebConfig.DatabaseKind;

/**
 * The index database that is active in this process (H2 or PostgreSQL, chosen by {@code dicomweb.database}).
 *
 * <p>Both datasources are built into the jar; only the selected one is active, and the other one's beans must
 * never be resolved. Everything that touches the index goes through this bean instead of injecting a
 * {@code DataSource} directly.
 *
 * <p>{@link #dataSource()} throws {@link IndexUnavailableException} (HTTP 503) until
 * the schema has been migrated; the start-up migration keeps retrying while the database is down.
 */
@ApplicationScoped
public class IndexDatabase {

    private final DatabaseKind kind;
    private final AgroalDataSource dataSource;
    private final DurableCommits durableCommits;
    private volatile boolean migrated;

    @Inject
    IndexDatabase(DicomwebConfig config, @Any InjectableInstance<AgroalDataSource> dataSources) {
        this.kind = config.database();
        String unit = kind.unitName();
        // A client proxy: resolving it opens no connection.
        this.dataSource =
                dataSources.select(new DataSource.DataSourceLiteral(unit)).get();
        this.durableCommits = DurableCommits.of(kind);
    }

    /** Which database is active. */
    public DatabaseKind kind() {
        return kind;
    }

    public boolean isPostgreSQL() {
        return kind == DatabaseKind.POSTGRESQL;
    }

    /** True once Flyway has brought the schema up to date in this process. */
    public boolean isMigrated() {
        return migrated;
    }

    /**
     * The pooled datasource of the active database, for explicit SQL.
     *
     * @throws IndexUnavailableException while the schema is not migrated
     */
    public AgroalDataSource dataSource() {
        requireMigrated();
        return dataSource;
    }

    /**
     * Returns once the transaction just committed on {@code c} survives a crash of this process and a power
     * loss; a write is acknowledged to a client only after this. {@code c} must be back in auto-commit mode.
     */
    public void afterCommit(Connection c) throws SQLException {
        durableCommits.afterCommit(c);
    }

    /** How long a request waits for a pooled connection before it is refused ({@link IndexTimeout#CONNECTION}). */
    public Duration acquisitionTimeout() {
        return dataSource.getConfiguration().connectionPoolConfiguration().acquisitionTimeout();
    }

    /** The JDBC URL of the active database for log lines, with any password parameter masked. */
    public String jdbcUrl() {
        return Optional.ofNullable(dataSource
                        .getConfiguration()
                        .connectionPoolConfiguration()
                        .connectionFactoryConfiguration()
                        .jdbcUrl())
                .map(url -> url.replaceAll("(?i)(password=)[^&;]*", "$1***"))
                .orElse("(no JDBC URL configured)");
    }

    /** The datasource even before migration; only for the migration and the readiness check. */
    AgroalDataSource rawDataSource() {
        return dataSource;
    }

    void markMigrated() {
        migrated = true;
    }

    private void requireMigrated() {
        if (!migrated) {
            throw new IndexUnavailableException("The index database (" + kind.unitName()
                    + ") is not available yet: it is unreachable or its schema is being migrated");
        }
    }
}
