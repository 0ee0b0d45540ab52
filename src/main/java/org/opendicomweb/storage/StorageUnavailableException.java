package org.opendicomweb.storage;

/**
 * The blob store cannot be used at all (folder missing and not creatable, not writable, disk gone).
 * Mapped to HTTP 503 at the web edge; readiness is DOWN meanwhile.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
