package org.opendicomweb.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure whose HTTP status is known where it happens: a malformed UID is 400, an unknown one 404, an
 * unsatisfiable Accept 406, and so on. The message goes to the client as is, so it must name the offending
 * parameter or UID and never carry internals. Mapped in one place, {@link ErrorMapper}.
 */
public class DicomwebException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();

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

    /** Adds a header the error response must carry (e.g. Content-Range on a 416). */
    public DicomwebException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
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
