package org.opendicomweb.security.audit;

/** What kind of access to patient data an operation is, as its audit event records it ({@link AuditEventType}). */
public enum AuditKind {
    /** No patient data passes (service description, operations). */
    NONE,
    /** A search: QIDO-RS. */
    QUERY,
    /** Instances, metadata, frames, bulk data or renderings go to the caller: WADO-RS, WADO-URI. */
    RETRIEVE,
    /** Instances come from the caller: STOW-RS. */
    STORE,
    /** Instances are removed or hidden. */
    DELETE
}
