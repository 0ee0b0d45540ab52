package org.opendicomweb.security.audit;

/**
 * Where the audit lines go ({@code dicomweb.audit.destination}, one or more). There is no {@code off}: every access to
 * patient data is audited.
 */
public enum AuditDestination {
    /** A file of its own, rotated daily and by size ({@code dicomweb.audit.file}). */
    FILE,
    /** Standard output, for containers whose runtime collects it. */
    STDOUT,
    /** A syslog receiver: RFC 5424 messages over TCP, TLS (RFC 5425) or UDP ({@code dicomweb.audit.syslog.*}). */
    SYSLOG
}
