package org.opendicomweb.security;

import io.quarkus.vertx.http.runtime.ForwardedInfo;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where a request comes from, for mode {@code none}'s rule (loopback clients only) and for the audit trail.
 *
 * <p>The address is the one the HTTP layer settled on: the connection's peer, or the {@code X-Forwarded-For} client
 * when the peer is a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}); an untrusted peer's forwarding
 * headers are ignored, so nobody can claim to be loopback from elsewhere. One case is ours: a request that a trusted
 * proxy forwarded (the HTTP layer applied its forwarding headers) without naming the client in
 * {@code X-Forwarded-For} comes from a client we cannot see, so it is not local even though its peer, the proxy, is.
 */
public final class ClientAddress {
    /** Headers by which a proxy says it forwarded a request (RFC 7239, the X-Forwarded-* family, RFC 9110 Via). */
    private static final List<String> FORWARDING_HEADERS = List.of(
            "Forwarded",
            "X-Forwarded-Host",
            "X-Forwarded-Proto",
            "X-Forwarded-Port",
            "X-Forwarded-Prefix",
            "X-Real-IP",
            "Via");

    private ClientAddress() {}

    /** The client's address as text, or "unknown". */
    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    /** Whether the request comes from this machine itself. */
    public static boolean isLocal(HttpServerRequest request) {
        // The HTTP layer records what it made of the forwarding headers only for a peer that is a trusted proxy.
        boolean trustedPeer = request instanceof HttpServerRequestInternal internal
                && internal.context().getLocal(ForwardedInfo.CONTEXT_KEY) != null;
        return isLocal(of(request), trustedPeer, request.headers());
    }

    /**
     * The rule itself: a loopback address; and from a trusted proxy, a client named in X-Forwarded-For with every
     * hop of it loopback, or no forwarding headers at all (a client on this machine, which may be trusted as a proxy
     * too). An untrusted peer's headers count for nothing, as for the HTTP layer.
     */
    static boolean isLocal(String address, boolean trustedPeer, MultiMap headers) {
        if (!isLoopback(address)) {
            return false;
        }
        if (!trustedPeer) {
            return true;
        }
        List<String> forwardedFor = headers.getAll("X-Forwarded-For");
        if (forwardedFor.isEmpty()) {
            return FORWARDING_HEADERS.stream().noneMatch(headers::contains);
        }
        // The HTTP layer takes the first address of the chain, which the client itself may have written: a proxy
        // that appends to the header passes it on. Local only if every hop is.
        return forwardedFor.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(ClientAddress::hostOf)
                .allMatch(ClientAddress::isLoopback);
    }

    /** The address of one X-Forwarded-For entry: without a port, and without the brackets of an IPv6 address. */
    static String hostOf(String entry) {
        String e = entry.trim();
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            return close < 0 ? e : e.substring(1, close);
        }
        int colon = e.indexOf(':');
        return colon >= 0 && colon == e.lastIndexOf(':') ? e.substring(0, colon) : e;
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty() || !(Character.isDigit(address.charAt(0)) || address.contains(":"))) {
            return false; // only literal addresses: a name is never resolved here
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
