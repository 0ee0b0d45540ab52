package org.opendicomweb.index;

/**
 * The index database cannot serve requests right now: not reachable, or its schema is not migrated yet.
 * Mapped to HTTP 503 at the web edge; the server keeps retrying in the background.
 */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message) {
        super(message);
    }
}
