package org.opendicomweb.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DestinationErrorsTest {

    @Test
    void everyFailedLineIsCountedAndWarnedAboutOnceAMinute() {
        Counter counter = new SimpleMeterRegistry().counter("dicomweb.audit.write.errors");
        AtomicLong clock = new AtomicLong();
        DestinationErrors errors =
                new DestinationErrors(counter, new OncePerInterval(Duration.ofMinutes(1), clock::get));
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(DestinationErrors.class.getName());
        Handler capture = new Handler() {
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
        log.addHandler(capture);
        try {
            for (int i = 0; i < 3; i++) {
                errors.error("disk full", new IOException("No space left on device"), ErrorManager.WRITE_FAILURE);
            }
            clock.addAndGet(Duration.ofMinutes(1).toNanos());
            errors.error("disk full", new IOException("No space left on device"), ErrorManager.WRITE_FAILURE);
        } finally {
            log.removeHandler(capture);
        }

        assertEquals(4.0, counter.count());
        assertEquals(2, warnings.size());
    }
}
