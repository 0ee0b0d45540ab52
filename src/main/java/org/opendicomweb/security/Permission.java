package org.opendicomweb.security;

/**
 * What a caller must be allowed to do to call an operation. Each but {@link #PUBLIC} is one role of the issuer,
 * named by {@code dicomweb.auth.roles.*}.
 */
public enum Permission {
    /** Anyone, even without credentials: nothing about patients is in the answer. */
    PUBLIC,
    /** Search and retrieve: QIDO-RS, WADO-RS, WADO-URI, and what else reads patient data. */
    READ,
    /** Store: STOW-RS. */
    WRITE,
    /** Delete and reject. */
    DELETE,
    /** Operations: reindexing, the integrity report, metrics, the OpenAPI document. */
    ADMIN,
    /**
     * Any identified caller, whatever the roles: a path or method the API does not have, answered 404 or 405 only
     * to those who may use the API at all.
     */
    AUTHENTICATED
}
