package org.opendicomweb.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request path never waits for the audit trail: a full queue drops events, counts them and says so. */
class AuditTrailQueueTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AuditEvent> written = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final AuditTrail trail = new AuditTrail(written::addAll, 2, registry, clock::get);
    private final Logger log = Logger.getLogger(AuditTrail.class.getName());
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
        trail.close();
    }

    @Test
    void aFullQueueDropsTheEventAndCountsIt() throws Exception {
        AuditEvent[] events = events(5);
        for (AuditEvent e : events) {
            trail.record(e); // the writer is not started: nothing leaves the queue
        }

        assertEquals(3.0, dropped());
        trail.start();
        assertTrue(trail.flush(Duration.ofSeconds(10)));
        assertEquals(List.of(events[0], events[1]), written);
    }

    @Test
    void dropsAreWarnedAboutAtMostOnceAMinute() {
        fill();

        trail.record(events(1)[0]);
        trail.record(events(1)[0]);
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        trail.record(events(1)[0]);
        assertEquals(1, warnings.size(), "one warning in the first minute");

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        trail.record(events(1)[0]);
        assertEquals(2, warnings.size());
        assertTrue(
                message(warnings.get(1)).contains("dropped 4 events"),
                "the warning says how many: " + message(warnings.get(1)));
    }

    @Test
    void everyRecordedEventIsWrittenInOrder() throws Exception {
        AuditTrail roomy = new AuditTrail(written::addAll, 1_000, new SimpleMeterRegistry(), System::nanoTime);
        roomy.start();
        AuditEvent[] events = events(700);
        for (AuditEvent e : events) {
            roomy.record(e);
        }

        assertTrue(roomy.flush(Duration.ofSeconds(10)));
        roomy.close();
        assertEquals(List.of(events), written);
    }

    @Test
    void stoppingWritesWhatIsQueuedAndDropsWhatComesAfter() {
        fill();
        trail.start();

        trail.close();
        trail.record(events(1)[0]);

        assertEquals(2, written.size());
        assertEquals(1.0, dropped());
    }

    @Test
    void aWriterFailureLosesItsBatchButNotTheTrail() throws Exception {
        AuditTrail failing = new AuditTrail(
                batch -> {
                    if (batch.stream().anyMatch(e -> e.status() == 500)) {
                        throw new IllegalStateException("destination broke");
                    }
                    written.addAll(batch);
                },
                10,
                new SimpleMeterRegistry(),
                System::nanoTime);
        failing.start();
        AuditEvent[] events = events(2);

        failing.record(events[1]);
        assertTrue(failing.flush(Duration.ofSeconds(10)));
        failing.record(events[0]);
        assertTrue(failing.flush(Duration.ofSeconds(10)));
        failing.close();

        assertEquals(List.of(events[0]), written);
    }

    private void fill() {
        for (AuditEvent e : events(2)) {
            trail.record(e);
        }
    }

    private static String message(LogRecord r) {
        return r instanceof ExtLogRecord x ? x.getFormattedMessage() : r.getMessage();
    }

    private double dropped() {
        return registry.get("dicomweb.audit.events.dropped").counter().count();
    }

    /** Distinct events, by their query; the second answered 500. */
    private static AuditEvent[] events(int n) {
        AuditEvent[] events = new AuditEvent[n];
        for (int i = 0; i < n; i++) {
            AuditEvent base = PatientIdsTest.event(AuditEventType.QUERY);
            events[i] = new AuditEvent(
                    base.time(),
                    base.type(),
                    base.outcome(),
                    base.userId(),
                    base.userName(),
                    base.clientAddress(),
                    base.method(),
                    base.path(),
                    "n=" + i,
                    i == 1 ? 500 : 200,
                    base.participants());
        }
        return events;
    }
}
