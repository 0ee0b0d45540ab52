package org.opendicomweb.security;

import java.util.Locale;

/** How callers are identified ({@code dicomweb.auth.mode}). */
public enum AuthMode {
    /**
     * Nobody is identified: for trying the server out on one machine. Only loopback clients are served, unless
     * {@code dicomweb.auth.allow-anonymous-remote} opens it to everyone on purpose.
     */
    NONE,
    /** Every request but the public ones carries an OAuth 2.0 bearer token of an OpenID Connect issuer. */
    OIDC;

    /** The mode a setting names, case-insensitively; anything else stops the start with the allowed values. */
    public static AuthMode parse(String value) {
        String v = value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "none" -> NONE;
            case "oidc" -> OIDC;
            default ->
                throw new IllegalArgumentException(
                        "dicomweb.auth.mode (DICOMWEB_AUTH_MODE) must be 'none' or 'oidc', not '" + value + "'");
        };
    }
}
