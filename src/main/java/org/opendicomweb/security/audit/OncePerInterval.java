package org.opendicomweb.security.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets a warning through at most once per interval, from any thread and without a lock: an overload that drops
 * thousands of events a second must say so, but not thousands of times.
 */
final class OncePerInterval {
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong next;

    OncePerInterval(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.next = new AtomicLong(nanoClock.getAsLong());
    }

    /** True for the first call, then for the first call once the interval has passed since the last true. */
    boolean due() {
        long now = nanoClock.getAsLong();
        long at = next.get();
        // Differences, not comparisons, of System.nanoTime values: they may wrap around.
        return now - at >= 0 && next.compareAndSet(at, now + intervalNanos);
    }
}
