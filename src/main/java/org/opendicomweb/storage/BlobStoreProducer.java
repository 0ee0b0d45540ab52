package org.opendicomweb.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.opendicomweb.config.DicomwebConfig;

/** Provides the application's {@link BlobStore}; the filesystem one for now. */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @Singleton
    BlobStore blobStore(DicomwebConfig config) {
        return new FileSystemBlobStore(config.storage().path(), config.storage().stagingGrace());
    }

    /** Opens the store at start-up, so that the staging sweep and any storage error show up in the log early. */
    void onStart(@Observes StartupEvent event, BlobStore store) {
        // Injection alone creates the store.
    }
}
