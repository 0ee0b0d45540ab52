package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stores this process is running, by when each began: a file a store has committed is indexed only later, so
 * a sweep that runs while the process serves must not take a file written since the oldest of them began for an
 * orphan ({@link OrphanBlobSweep}).
 */
@ApplicationScoped
public class StoresInFlight {
    private final ConcurrentHashMap<Long, Instant> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A store under way until closed. */
    public interface Store extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks a store as begun, now; close the result when it has ended, whatever its outcome. */
    public Store begin() {
        long id = ids.incrementAndGet();
        running.put(id, Instant.now());
        return () -> running.remove(id);
    }

    /** When the oldest running store began; {@code now} when none runs. */
    public Instant oldestStart(Instant now) {
        Instant oldest = now;
        for (Instant started : running.values()) {
            if (started.isBefore(oldest)) {
                oldest = started;
            }
        }
        return oldest;
    }
}
