package org.opendicomweb.security;

import java.time.Instant;
import java.util.Set;

/**
 * Who sent a request: the subject and preferred username of a verified token and the roles it carries, or nobody
 * in mode {@code none}.
 *
 * @param subject the token's {@code sub}, or null when nobody is identified
 * @param userName the token's {@code preferred_username}, or null
 * @param roles the roles the token carries
 * @param validUntil until when the verification may be reused for the same token
 */
public record Caller(String subject, String userName, Set<String> roles, Instant validUntil) {

    /** Mode {@code none}: nobody is identified, and nothing about the caller is checked but its address. */
    public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), Instant.MAX);

    /** How the caller is named in messages: the username, else the subject. */
    public String displayName() {
        return userName != null ? userName : subject;
    }
}
