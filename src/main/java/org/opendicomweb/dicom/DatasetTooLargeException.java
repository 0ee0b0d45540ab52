package org.opendicomweb.dicom;

/**
 * A dataset whose elements would hold more memory than the reader allows: not malformed, but more than the
 * caller is prepared to keep in memory (a server answers it as out of resources, not as unreadable input).
 */
public final class DatasetTooLargeException extends DicomParseException {
    public DatasetTooLargeException(String message, long offset, int tag) {
        super(message, offset, tag);
    }
}
