package org.opendicomweb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Caller READER = new Caller("s-1", "reader", Set.of("dicomweb-read"), Instant.MAX);

    @Test
    void aVerifiedTokenIsReusedWithinItsLifetime() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.keep("t", READER, NOW, NOW.plusSeconds(30));
        assertNotNull(tokens.find("t", NOW.plusSeconds(29)));
        assertEquals("reader", tokens.find("t", NOW.plusSeconds(29)).userName());
    }

    @Test
    void anExpiredTokenIsNeverReused() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.keep("t", READER, NOW, NOW.plusSeconds(30));
        assertNull(tokens.find("t", NOW.plusSeconds(30)));
        assertNull(tokens.find("t", NOW.plusSeconds(29))); // dropped when found expired
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheReusePeriod() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.keep("t", READER, NOW, NOW.plusSeconds(3600));
        assertNotNull(tokens.find("t", NOW.plus(VerifiedTokens.REUSE).minusSeconds(1)));
        assertNull(tokens.find("t", NOW.plus(VerifiedTokens.REUSE)));
    }

    @Test
    void anotherTokenOfTheSameUserIsNotFound() {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.keep("t", READER, NOW, null);
        assertNull(tokens.find("u", NOW));
    }
}
