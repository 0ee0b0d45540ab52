package org.opendicomweb.index;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;

/**
 * Brings the index schema up to date with Flyway, without ever blocking start-up on the database.
 *
 * <p>Quarkus' migrate-at-start would make a database outage at boot fatal. Instead the first attempt runs
 * from the start-up observer; if it fails, one WARN line names the JDBC URL and the cause, and attempts
 * repeat in the background every {@code dicomweb.db.retry-interval} until one succeeds. Until then readiness
 * is DOWN and requests that need the index get 503.
 */
@ApplicationScoped
public class IndexMigration {

    private static final Logger LOG = Logger.getLogger(IndexMigration.class);

    private final IndexDatabase database;
    private final Flyway flyway;
    private final long retryMillis;
    private ScheduledExecutorService retries;
    private boolean warned;

    @Inject
    IndexMigration(IndexDatabase database, DicomwebConfig config, @Any InjectableInstance<Flyway> flyways) {
        this.database = database;
        this.flyway = flyways.select(FlywayDataSource.FlywayDataSourceLiteral.of(
                        database.kind().unitName()))
                .get();
        this.retryMillis = Math.max(100, config.db().retryInterval().toMillis());
    }

    void onStart(@Observes StartupEvent event) {
        if (!attempt()) {
            retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "index-migration");
                thread.setDaemon(true);
                return thread;
            });
            retries.scheduleWithFixedDelay(this::retry, retryMillis, retryMillis, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    private void retry() {
        if (attempt()) {
            retries.shutdown();
        }
    }

    /** One migration attempt; true when the schema is up to date. */
    synchronized boolean attempt() {
        if (database.isMigrated()) {
            return true;
        }
        try {
            MigrateResult result = flyway.migrate();
            database.markMigrated();
            LOG.infof(
                    "Index database %s ready at %s: schema version %s (%d migration(s) applied now)",
                    database.kind().unitName(),
                    database.jdbcUrl(),
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
            return true;
        } catch (RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warnf(
                        "Index database %s at %s is not usable (%s); readiness is DOWN and index requests get"
                                + " 503; retrying every %d ms",
                        database.kind().unitName(), database.jdbcUrl(), rootMessage(e), retryMillis);
            } else {
                LOG.debugf("Index database still not usable: %s", rootMessage(e));
            }
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
