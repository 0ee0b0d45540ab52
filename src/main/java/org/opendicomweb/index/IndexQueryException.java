package org.opendicomweb.index;

import java.sql.SQLException;

/**
 * A failed statement, for callers that cannot declare {@link SQLException}; {@code web.ErrorMapper} turns a
 * connection failure or a timeout ({@link IndexTimeout}) into 503 and anything else into 500.
 */
public final class IndexQueryException extends RuntimeException {
    public IndexQueryException(SQLException cause) {
        super("Index query failed: " + cause.getMessage(), cause);
    }
}
