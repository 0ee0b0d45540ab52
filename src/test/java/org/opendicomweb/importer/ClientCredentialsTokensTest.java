package org.opendicomweb.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a client-credentials token is reused and when a fresh one is asked for. */
class ClientCredentialsTokensTest {
    private final AtomicInteger grants = new AtomicInteger();
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");

    private ClientCredentialsTokens valid(Duration lifetime) {
        return new ClientCredentialsTokens(
                () -> new ClientCredentialsTokens.Grant("token-" + grants.incrementAndGet(), Optional.of(lifetime)),
                () -> now);
    }

    @Test
    void aTokenIsReusedWhileItHasMoreThanThirtySecondsLeft() throws Exception {
        ClientCredentialsTokens tokens = valid(Duration.ofMinutes(5));
        assertEquals("token-1", tokens.token());
        now = now.plusSeconds(269);
        assertEquals("token-1", tokens.token());
        assertEquals(1, grants.get());
    }

    @Test
    void aFreshTokenIsAskedForThirtySecondsBeforeTheCurrentOneExpires() throws Exception {
        ClientCredentialsTokens tokens = valid(Duration.ofMinutes(5));
        tokens.token();
        now = now.plusSeconds(270);
        assertEquals("token-2", tokens.token());
        now = now.plusSeconds(269);
        assertEquals("token-2", tokens.token());
    }

    @Test
    void aShortLivedTokenIsReplacedAtHalfItsLifetime() throws Exception {
        ClientCredentialsTokens tokens = valid(Duration.ofSeconds(20));
        tokens.token();
        now = now.plusSeconds(9);
        assertEquals("token-1", tokens.token());
        now = now.plusSeconds(1);
        assertEquals("token-2", tokens.token());
    }

    @Test
    void aTokenWithoutLifetimeIsKeptUntilTheServerRefusesIt() throws Exception {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(
                () -> new ClientCredentialsTokens.Grant("token-" + grants.incrementAndGet(), Optional.empty()),
                () -> now);
        tokens.token();
        now = now.plus(Duration.ofDays(1));
        assertEquals("token-1", tokens.token());
        assertTrue(tokens.rejected("token-1"));
        assertEquals("token-2", tokens.token());
    }

    @Test
    void aRefusedTokenIsReplacedOnceThoughSeveralRequestsReportIt() throws Exception {
        ClientCredentialsTokens tokens = valid(Duration.ofMinutes(5));
        String refused = tokens.token();
        assertTrue(tokens.rejected(refused));
        String fresh = tokens.token();
        assertNotEquals(refused, fresh);
        // A request that was sent with the old token comes back with its 401 after the first one was replaced.
        assertTrue(tokens.rejected(refused));
        assertEquals(fresh, tokens.token());
        assertEquals(2, grants.get());
    }

    @Test
    void aGrantNeverShowsItsToken() {
        assertEquals(
                "Grant[access token withheld, expires in 300 s]",
                new ClientCredentialsTokens.Grant("eyJ.secret.sig", Optional.of(Duration.ofMinutes(5))).toString());
    }
}
