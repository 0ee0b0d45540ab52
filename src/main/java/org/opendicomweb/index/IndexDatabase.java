package org.opendicomweb.index;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.Session;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.config.DicomwebConfig.DatabaseKind;

/**
 * The index database that is active in this process (H2 or PostgreSQL, chosen by {@code dicomweb.database}).
 *
 * <p>Both persistence units map the same entities; only the selected one is active, and the other one's beans
 * must never be resolved. Everything that touches the index goes through this bean instead of injecting a
 * {@code Session} or {@code DataSource} directly.
 *
 * <p>{@link #session()} and {@link #dataSource()} throw {@link IndexUnavailableException} (HTTP 503) until
 * the schema has been migrated; the start-up migration keeps retrying while the database is down.
 */
@ApplicationScoped
public class IndexDatabase {

    private final DatabaseKind kind;
    private final Session session;
    private final AgroalDataSource dataSource;
    private final DurableCommits durableCommits;
    private volatile boolean migrated;

    @Inject
    IndexDatabase(
            DicomwebConfig config,
            @Any InjectableInstance<Session> sessions,
            @Any InjectableInstance<AgroalDataSource> dataSources) {
        this.kind = config.database();
        String unit = kind.unitName();
        // Client proxies: resolving them opens no connection.
        this.session = sessions.select(new PersistenceUnit.PersistenceUnitLiteral(unit)).get();
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit)).get();
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
     * The transaction-scoped Hibernate session of the active persistence unit. Writes need an active
     * transaction ({@code @Transactional} or {@code QuarkusTransaction}).
     *
     * @throws IndexUnavailableException while the schema is not migrated
     */
    public Session session() {
        requireMigrated();
        return session;
    }

    /**
     * The pooled datasource of the active database, for explicit SQL (QIDO queries, relative counter
     * updates). Connections join the current JTA transaction when there is one.
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

    /** The JDBC URL of the active database for log lines, with any password parameter masked. */
    public String jdbcUrl() {
        return Optional.ofNullable(dataSource.getConfiguration()
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
