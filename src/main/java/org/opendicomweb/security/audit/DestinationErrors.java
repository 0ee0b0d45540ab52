package org.opendicomweb.security.audit;

import io.micrometer.core.instrument.Counter;
import java.util.logging.ErrorManager;
import org.jboss.logging.Logger;

/**
 * What an audit destination reports when a line could not be written (a full disk, a closed connection): counted in
 * {@code dicomweb.audit.write.errors} and logged as a warning at most once a minute, so that a gap in the trail is
 * seen. A log handler's default error manager prints only its first error, to stderr.
 */
final class DestinationErrors extends ErrorManager {
    private static final Logger LOG = Logger.getLogger(DestinationErrors.class);

    private final Counter errors;
    private final OncePerInterval warning;

    DestinationErrors(Counter errors, OncePerInterval warning) {
        this.errors = errors;
        this.warning = warning;
    }

    @Override
    public void error(String message, Exception cause, int code) {
        errors.increment();
        if (warning.due()) {
            LOG.warnf(
                    cause,
                    "An audit destination failed (%s, %.0f failures so far): audit lines are being lost. %s",
                    kind(code),
                    errors.count(),
                    message == null ? "" : message);
        }
    }

    private static String kind(int code) {
        return switch (code) {
            case WRITE_FAILURE -> "write";
            case FLUSH_FAILURE -> "flush";
            case OPEN_FAILURE -> "open";
            case CLOSE_FAILURE -> "close";
            case FORMAT_FAILURE -> "format";
            default -> "error " + code;
        };
    }
}
