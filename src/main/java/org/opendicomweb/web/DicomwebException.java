package org.opendicomweb.web;

/**
 * A failure whose HTTP status is known where it happens: a malformed UID is 400, an unknown one 404, an
 * unsatisfiable Accept 406, and so on. The message goes to the client as is, so it must name the offending
 * parameter or UID and never carry internals. Mapped in one place, {@link ErrorMapper}.
 */
public class DicomwebException extends RuntimeException {

    private final int status;

    public DicomwebException(int status, String message) {
        this(status, message, null);
    }

    public DicomwebException(int status, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Not an error status: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static DicomwebException badRequest(String message) {
        return new DicomwebException(400, message);
    }

    public static DicomwebException notFound(String message) {
        return new DicomwebException(404, message);
    }

    public static DicomwebException notAcceptable(String message) {
        return new DicomwebException(406, message);
    }

    public static DicomwebException conflict(String message) {
        return new DicomwebException(409, message);
    }

    public static DicomwebException unsupportedMediaType(String message) {
        return new DicomwebException(415, message);
    }

    public static DicomwebException unavailable(String message) {
        return new DicomwebException(503, message);
    }
}
