package org.opendicomweb.security.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Handler;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.opendicomweb.cluster.ClusterNode;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.StudyPatients;

/**
 * The audit trail: one JSON line per audited request ({@link AuditLine}) on the log category {@value #CATEGORY}, to
 * the destinations {@code dicomweb.audit.destination} names (a file of its own, stdout, syslog: {@link AuditHandlers}).
 *
 * <p>{@link #record} is called on the Vert.x event loop when a response ends, so it never blocks: it hands the
 * event to a bounded queue that one thread of its own empties, in batches, filling in the Patient IDs from the
 * index ({@link PatientIds}) and writing the lines. When the queue is full the event is dropped, never waited for:
 * the gap is counted ({@code dicomweb.audit.events.dropped} on /q/metrics) and logged as a warning at most once a
 * minute, so that it is seen.
 */
@Startup
@ApplicationScoped
public class AuditTrail {
    /** The log category of the audit lines. */
    public static final String CATEGORY = "dicomweb.audit";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    /** Held here: the log manager keeps a logger, and so the handlers added to it, only while it is referenced. */
    private static final org.jboss.logmanager.Logger CATEGORY_LOGGER = org.jboss.logmanager.Logger.getLogger(CATEGORY);
    /** The most events one Patient ID query and one pass of the writer take. */
    static final int BATCH = 256;
    /** Studies whose Patient ID is kept (about 200 bytes each). */
    static final int KNOWN_STUDIES = 10_000;
    /** How long the writer waits for an event before it looks whether the server is stopping. */
    private static final long IDLE_WAKE_MILLIS = 200;

    private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final String FQCN = AuditTrail.class.getName();

    private final BlockingQueue<AuditEvent> queue;
    private final int capacity;
    private final Consumer<List<AuditEvent>> writer;
    private final Counter dropped;
    private final OncePerInterval dropWarning;
    private final AtomicLong accepted = new AtomicLong();
    private final Object progress = new Object();
    /** Events the writer has finished with, written or not; guarded by {@link #progress}. */
    private long handled;

    private volatile boolean closing;
    private Thread thread;
    /** The destinations' handlers on {@link #CATEGORY}, removed and closed when the trail stops. */
    private List<Handler> handlers = List.of();

    @Inject
    AuditTrail(DicomwebConfig config, StudyPatients studies, MeterRegistry registry) {
        this(config.audit(), AuditFile.of(config), studies, registry, hostName());
    }

    private AuditTrail(
            DicomwebConfig.Audit settings, Path file, StudyPatients studies, MeterRegistry registry, String host) {
        this(
                new AuditWriter(
                        new PatientIds(
                                studies::patientIds,
                                KNOWN_STUDIES,
                                new OncePerInterval(WARN_INTERVAL, System::nanoTime)),
                        new AuditLine(host),
                        AuditTrail::log),
                settings.queueSize(),
                registry,
                System::nanoTime);
        Counter errors = Counter.builder("dicomweb.audit.write.errors")
                .description("Audit lines a destination failed to write (disk full, connection lost)")
                .register(registry);
        handlers = AuditHandlers.open(
                settings,
                file,
                host,
                new DestinationErrors(errors, new OncePerInterval(WARN_INTERVAL, System::nanoTime)));
        handlers.forEach(CATEGORY_LOGGER::addHandler);
        LOG.infof(
                "Audit trail: one JSON line per access to patient data and per refusal, to %s",
                settings.destination().stream()
                        .map(d -> describe(d, settings, file))
                        .collect(Collectors.joining(" and ")));
    }

    /** Not started: {@link #start} starts the writer. */
    AuditTrail(Consumer<List<AuditEvent>> writer, int capacity, MeterRegistry registry, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "dicomweb.audit.queue-size (DICOMWEB_AUDIT_QUEUE_SIZE) must be at least 1, not " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.writer = writer;
        this.dropped = Counter.builder("dicomweb.audit.events.dropped")
                .description("Audit events lost because the audit writer could not keep up: accesses not audited")
                .register(registry);
        Gauge.builder("dicomweb.audit.queue.events", queue, BlockingQueue::size)
                .description("Audit events waiting to be written")
                .register(registry);
        this.dropWarning = new OncePerInterval(WARN_INTERVAL, nanoClock);
    }

    /**
     * Audits one request. Returns at once: the event is written by the trail's own thread. Dropped (counted, and
     * warned about once a minute) when the queue is full or the server is stopping.
     */
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (!closing && queue.offer(event)) {
            accepted.incrementAndGet();
            return;
        }
        dropped.increment();
        if (dropWarning.due()) {
            LOG.warnf(
                    "The audit trail has dropped %.0f events so far: its queue of %d events (dicomweb.audit.queue-size)"
                            + " is full%s. Those accesses are not audited; is the audit destination slow or"
                            + " unreachable?",
                    dropped.count(), capacity, closing ? " or the server is stopping" : "");
        }
    }

    /**
     * Waits until every event recorded before this call has been written, at most {@code timeout}; false if some
     * had not been by then. For shutdown and tests: requests never wait for the trail.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (handled < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    @PostConstruct
    void start() {
        thread = Thread.ofPlatform().name("dicomweb-audit-writer").daemon().start(this::run);
    }

    /** Writes what is queued, then stops; events recorded from now on are dropped and counted. */
    @PreDestroy
    void close() {
        closing = true;
        try {
            if (thread != null) {
                thread.join(SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread != null && thread.isAlive()) {
            LOG.warnf("The audit trail stops with %d events not written after %s", queue.size(), SHUTDOWN_WAIT);
        }
        for (Handler h : handlers) {
            CATEGORY_LOGGER.removeHandler(h);
            h.close();
        }
    }

    /** One line to the audit category, as it is: no parameters, so nothing in it is taken for a format. */
    private static void log(String line) {
        CATEGORY_LOGGER.log(new ExtLogRecord(Level.INFO, line, ExtLogRecord.FormatStyle.NO_FORMAT, FQCN));
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        try {
            while (!closing || !queue.isEmpty()) {
                AuditEvent first = queue.poll(IDLE_WAKE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                try {
                    writer.accept(batch);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%d audit events could not be written", batch.size());
                }
                synchronized (progress) {
                    handled += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            LOG.warnf("The audit writer was interrupted with %d events not written", queue.size());
        }
    }

    private static String describe(AuditDestination d, DicomwebConfig.Audit settings, Path file) {
        return switch (d) {
            case FILE -> "the file " + file.toAbsolutePath();
            case STDOUT -> "standard output";
            case SYSLOG ->
                "syslog at " + settings.syslog().host() + ":"
                        + settings.syslog().port() + " (" + settings.syslog().protocol() + ")";
        };
    }

    /** The AuditSourceID: this node's host name, resolved once at start-up, off the request path. */
    static String hostName() {
        return ClusterNode.hostName();
    }
}
