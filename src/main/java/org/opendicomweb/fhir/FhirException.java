package org.opendicomweb.fhir;

/**
 * A request the FHIR endpoints refuse, answered with its status and an OperationOutcome whose one issue carries
 * {@code code} (FHIR IssueType: invalid, not-found, not-supported, ...) and the message.
 */
final class FhirException extends RuntimeException {
    private final int status;
    private final String code;

    FhirException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static FhirException invalid(String message) {
        return new FhirException(400, "invalid", message);
    }

    static FhirException notFound(String message) {
        return new FhirException(404, "not-found", message);
    }

    static FhirException notSupported(int status, String message) {
        return new FhirException(status, "not-supported", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
