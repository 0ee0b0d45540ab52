package org.opendicomweb.security;

import io.vertx.core.http.HttpServerRequest;

/** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1). */
final class BearerToken {
    private static final String SCHEME = "bearer ";

    private BearerToken() {}

    /** The token, or null when the request has no Authorization header or one of another scheme. */
    static String of(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null
                || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
