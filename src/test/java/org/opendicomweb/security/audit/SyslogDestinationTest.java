package org.opendicomweb.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class SyslogDestinationTest {

    @Test
    void theWriterWaitsUntilTheReceiverAnswersAndThenSendsTheEvent() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> sent = new CopyOnWriteArrayList<>();
        SyslogDestination destination = new SyslogDestination(
                () -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new ConnectException("Connection refused");
                    }
                    return capturing(sent);
                },
                Duration.ofMillis(1),
                "syslog at test");

        destination.publish(AuditHandlersTest.record("{\"n\":1}"));
        destination.publish(AuditHandlersTest.record("{\"n\":2}"));

        assertEquals(3, attempts.get(), "connected once, on the third attempt");
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), sent);
    }

    @Test
    void aClosedDestinationStopsTrying() {
        AtomicInteger attempts = new AtomicInteger();
        SyslogDestination destination = new SyslogDestination(
                () -> {
                    attempts.incrementAndGet();
                    throw new ConnectException("Connection refused");
                },
                Duration.ofMillis(1),
                "syslog at test");
        destination.close();

        destination.publish(AuditHandlersTest.record("{\"n\":1}"));

        assertEquals(0, attempts.get());
    }

    private static Handler capturing(List<String> sent) {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                sent.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
