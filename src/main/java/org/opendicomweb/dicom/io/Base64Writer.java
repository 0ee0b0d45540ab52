package org.opendicomweb.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

/**
 * Decodes base64 text handed over in pieces (as a streaming parser delivers a long text) into an output stream,
 * ignoring white space (RFC 2045 line breaks), so a long value never exists as one string.
 */
public final class Base64Writer {
    private final OutputStream out;
    private final byte[] group = new byte[64 * 1024];
    private int n;

    public Base64Writer(OutputStream out) {
        this.out = out;
    }

    /** Adds characters of the text. */
    public void write(char[] text, int start, int length) throws IOException {
        for (int i = start, end = start + length; i < end; i++) {
            char c = text[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c > 0x7F) {
                throw new IllegalArgumentException("Illegal base64 character " + Integer.toHexString(c));
            }
            group[n++] = (byte) c;
            if (n == group.length) {
                out.write(Base64.getDecoder().decode(group));
                n = 0;
            }
        }
    }

    /** Decodes what is left (the last group may carry padding). */
    public void finish() throws IOException {
        if (n > 0) {
            byte[] rest = new byte[n];
            System.arraycopy(group, 0, rest, 0, n);
            out.write(Base64.getDecoder().decode(rest));
            n = 0;
        }
    }
}
