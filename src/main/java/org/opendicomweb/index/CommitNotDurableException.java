package org.opendicomweb.index;

import java.sql.SQLException;

/**
 * The transaction was committed, but making it durable failed (the sync of the embedded index: a full disk, an I/O
 * error). Its rows exist and point at their files, so nothing they refer to may be deleted; neither may the write
 * be acknowledged. A later sync makes them durable; after a crash first, they are gone and the orphan sweep removes
 * their files.
 */
public final class CommitNotDurableException extends SQLException {
    CommitNotDurableException(SQLException cause) {
        super(
                "the index committed but could not make the commit durable: " + cause.getMessage(),
                cause.getSQLState(),
                cause);
    }
}
