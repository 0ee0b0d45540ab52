package org.opendicomweb.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.opendicomweb.config.DicomwebConfig;

/** Provides the application's {@link BlobStore}: the one {@code dicomweb.storage.type} names. */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @Singleton
    BlobStore blobStore(DicomwebConfig config) {
        DicomwebConfig.Storage storage = config.storage();
        return switch (storage.type()) {
            case FILESYSTEM -> new FileSystemBlobStore(storage.path(), storage.stagingGrace());
            case S3 -> S3BlobStore.open(S3Settings.from(storage.s3()), storage.path(), storage.stagingGrace());
        };
    }

    /** Opens the store at start-up, so that the staging sweep and any storage error show up in the log early. */
    void onStart(@Observes StartupEvent event, BlobStore store) {
        // Injection alone creates the store.
    }
}
