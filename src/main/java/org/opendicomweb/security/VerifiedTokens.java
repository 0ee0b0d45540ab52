package org.opendicomweb.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Callers of tokens verified a moment ago, by token. A viewer sends the same token with every one of the hundreds of
 * requests that open a study, and checking its signature each time would be most of the cost of answering from the
 * event loop. A token is only reused within its lifetime, and for at most {@link #REUSE}, so that a key the issuer
 * withdraws stops being trusted soon after the JWKS no longer lists it.
 */
final class VerifiedTokens {
    static final Duration REUSE = Duration.ofSeconds(60);
    private static final int CAPACITY = 10_000;

    private final ConcurrentHashMap<String, Caller> callers = new ConcurrentHashMap<>();

    /** The caller of a token verified before and still reusable at {@code now}, else null. */
    Caller find(String token, Instant now) {
        Caller caller = callers.get(token);
        if (caller == null) {
            return null;
        }
        if (!now.isBefore(caller.validUntil())) {
            callers.remove(token, caller);
            return null;
        }
        return caller;
    }

    /** Keeps a caller whose token was verified at {@code now} and expires at {@code expiry}. */
    Caller keep(String token, Caller verified, Instant now, Instant expiry) {
        Instant until = now.plus(REUSE);
        Caller kept = new Caller(
                verified.subject(),
                verified.userName(),
                verified.roles(),
                expiry != null && expiry.isBefore(until) ? expiry : until);
        if (callers.size() >= CAPACITY) {
            callers.clear(); // crude, but bounded: a flood of distinct tokens costs verifications, never memory
        }
        callers.put(token, kept);
        return kept;
    }
}
