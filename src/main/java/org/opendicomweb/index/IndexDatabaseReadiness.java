package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the index schema is migrated and the database answers now. */
@Readiness
@ApplicationScoped
public class IndexDatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_SECONDS = 3;

    @Inject
    IndexDatabase database;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("index-database")
                .withData("database", database.kind().unitName())
                .withData("migrated", database.isMigrated());
        if (!database.isMigrated()) {
            return response.down().withData("reason", "schema not migrated yet").build();
        }
        try (Connection connection = database.rawDataSource().getConnection()) {
            boolean valid = connection.isValid(VALIDATION_SECONDS);
            return valid
                    ? response.up().build()
                    : response.down().withData("reason", "connection not valid").build();
        } catch (SQLException e) {
            return response.down()
                    .withData("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
