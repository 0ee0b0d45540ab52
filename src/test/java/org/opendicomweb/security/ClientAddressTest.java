package org.opendicomweb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void loopbackClientsOfBothFamiliesAreLocal() {
        assertTrue(ClientAddress.isLocal("127.0.0.1", false, headers()));
        assertTrue(ClientAddress.isLocal("127.8.9.10", false, headers()));
        assertTrue(ClientAddress.isLocal("0:0:0:0:0:0:0:1", false, headers()));
        assertTrue(ClientAddress.isLocal("::1", false, headers()));
    }

    @Test
    void otherAddressesAreRemote() {
        assertFalse(ClientAddress.isLocal("203.0.113.5", false, headers()));
        assertFalse(ClientAddress.isLocal("10.0.0.1", false, headers()));
        assertFalse(ClientAddress.isLocal("2001:db8::1", false, headers()));
        assertFalse(ClientAddress.isLocal("unknown", false, headers()));
        assertFalse(ClientAddress.isLocal(null, false, headers()));
    }

    @Test
    void aHostNameIsNeverResolvedIntoLoopback() {
        assertFalse(ClientAddress.isLocal("localhost", false, headers()));
    }

    @Test
    void aProxiedRequestThatDoesNotNameItsClientIsRemote() {
        assertFalse(ClientAddress.isLocal("127.0.0.1", true, headers("X-Forwarded-Host", "pacs.example.org")));
        assertFalse(ClientAddress.isLocal("127.0.0.1", true, headers("X-Forwarded-Proto", "https")));
        assertFalse(ClientAddress.isLocal("127.0.0.1", true, headers("Via", "1.1 proxy")));
        assertTrue(ClientAddress.isLocal("127.0.0.1", true, headers()));
    }

    @Test
    void theHeadersOfAPeerThatIsNoTrustedProxyCountForNothing() {
        assertTrue(ClientAddress.isLocal("127.0.0.1", false, headers("X-Forwarded-For", "203.0.113.5")));
        assertFalse(ClientAddress.isLocal("203.0.113.5", false, headers("X-Forwarded-For", "127.0.0.1")));
    }

    @Test
    void aProxiedRequestIsLocalOnlyIfEveryForwardedHopIs() {
        assertTrue(ClientAddress.isLocal(
                "127.0.0.1", true, headers("X-Forwarded-For", "127.0.0.1", "X-Forwarded-Host", "pacs.example.org")));
        assertTrue(ClientAddress.isLocal("127.0.0.1", true, headers("X-Forwarded-For", "127.0.0.1:51234, [::1]:8080")));
        // a client elsewhere that writes a loopback address first, behind a proxy that appends its own view
        assertFalse(ClientAddress.isLocal("127.0.0.1", true, headers("X-Forwarded-For", "127.0.0.1, 203.0.113.5")));
        assertFalse(ClientAddress.isLocal("127.0.0.1", true, headers("X-Forwarded-For", "unknown")));
    }

    @Test
    void forwardedForEntriesLoseTheirPortsAndBrackets() {
        assertEquals("203.0.113.5", ClientAddress.hostOf(" 203.0.113.5:4711 "));
        assertEquals("2001:db8::1", ClientAddress.hostOf("[2001:db8::1]:443"));
        assertEquals("2001:db8::1", ClientAddress.hostOf("2001:db8::1"));
    }
}
