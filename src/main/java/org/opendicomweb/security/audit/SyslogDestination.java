package org.opendicomweb.security.audit;

import java.time.Duration;
import java.util.logging.Handler;
import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The syslog destination, connected when the first event is written and, until a receiver answers, tried again every
 * {@link #RETRY} while the writer waits: a receiver that starts after the server (a sidecar, a restarted relay) costs
 * queued events, never the start nor an unseen gap. Once connected, the syslog handler reconnects by itself.
 */
final class SyslogDestination extends ExtHandler {
    static final Duration RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SyslogDestination.class);

    /** Connects to the receiver. */
    @FunctionalInterface
    interface Connection {
        Handler open() throws Exception;
    }

    private final Connection connection;
    private final Duration retry;
    private final String receiver;
    private final OncePerInterval warning = new OncePerInterval(Duration.ofMinutes(1), System::nanoTime);
    private volatile Handler syslog;
    private volatile boolean closed;

    SyslogDestination(Connection connection, Duration retry, String receiver) {
        this.connection = connection;
        this.retry = retry;
        this.receiver = receiver;
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        Handler h = connected();
        if (h != null) {
            h.publish(record);
        }
    }

    /** The connected handler; null only once closed. */
    private Handler connected() {
        while (syslog == null && !closed) {
            try {
                Handler h = connection.open();
                h.setErrorManager(getErrorManager());
                syslog = h;
                LOG.infof("The audit trail writes to %s", receiver);
            } catch (Exception e) {
                if (warning.due()) {
                    LOG.warnf(
                            "The audit trail cannot reach %s (%s): audit events wait, trying again every %s",
                            receiver, e.toString(), retry);
                }
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return syslog;
    }

    @Override
    public void flush() {
        Handler h = syslog;
        if (h != null) {
            h.flush();
        }
    }

    @Override
    public void close() {
        closed = true;
        Handler h = syslog;
        if (h != null) {
            h.close();
        }
        super.close();
    }
}
