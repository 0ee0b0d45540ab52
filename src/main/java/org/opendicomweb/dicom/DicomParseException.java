package org.opendicomweb.dicom;

import java.io.IOException;

/** Malformed DICOM input; says where (byte offset in the stream) and in which element it went wrong. */
public class DicomParseException extends IOException {
    private final long offset;
    private final int tag;

    public DicomParseException(String message, long offset, int tag) {
        super(message + " at offset " + offset + (tag != -1 ? " in element " + Tag.toString(tag) : ""));
        this.offset = offset;
        this.tag = tag;
    }

    public DicomParseException(String message, long offset, int tag, Throwable cause) {
        this(message, offset, tag);
        initCause(cause);
    }

    public long offset() {
        return offset;
    }

    /** The tag of the element being read, or -1 when not known. */
    public int tag() {
        return tag;
    }
}
