package org.opendicomweb.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a file can be written in the blob store right now. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    @Inject
    BlobStore store;

    @Override
    public HealthCheckResponse call() {
        try {
            store.checkWritable();
            return HealthCheckResponse.named("storage")
                    .withData("location", store.location())
                    .up()
                    .build();
        } catch (StorageUnavailableException e) {
            return HealthCheckResponse.named("storage")
                    .withData("location", store.location())
                    .withData("reason", e.getMessage())
                    .down()
                    .build();
        }
    }
}
