package org.opendicomweb.index;

/**
 * The index database cannot serve requests right now: not reachable, its schema not migrated yet, or too busy to
 * answer within a timeout ({@link IndexTimeout}). Mapped to HTTP 503 at the web edge; the server keeps retrying in
 * the background.
 */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message) {
        super(message);
    }

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
