package org.opendicomweb.web.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart body (RFC 2046 §5.1) part by part without holding any part in memory: each part's body is
 * an {@link InputStream} that ends at the next delimiter. Imports only java.*.
 *
 * <p>Tolerates what real clients send: no CRLF before the first delimiter, a preamble, transport padding after
 * a delimiter, bare LF line ends in part headers. A body that ends before the close delimiter makes the
 * current part's stream fail with {@link MalformedMultipartException}, so a cut-off upload is never taken for
 * a complete part.
 */
public final class MultipartReader {
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    /**
     * Larger than a {@link java.io.BufferedOutputStream}'s usual buffer, so that {@link PartStream#transferTo(OutputStream,
     * long)} hands such a stream pieces it passes on without copying them into its buffer.
     */
    private static final int BUFFER_BYTES = 256 * 1024;

    private final InputStream in;
    /** "\r\n--boundary": what ends a part's body. */
    private final byte[] delimiter;

    private final byte[] buf;
    private final BytePattern delimiterPattern;
    private int pos;
    private int lim;
    /**
     * Bytes of the buffer from {@code pos} up to here are known to hold no delimiter start: they are handed out
     * without searching again, so a reader asking for small chunks costs one scan of the body, not one per read.
     */
    private int scanned;

    private boolean eof;
    private boolean finished;
    private PartStream current;

    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new IllegalArgumentException("Missing or invalid multipart boundary");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(BUFFER_BYTES, delimiter.length * 4)];
        this.delimiterPattern = new BytePattern(delimiter);
    }

    /** One part: its headers (names lower-cased) and its body stream, valid until {@link #next()} is called again. */
    public record Part(Map<String, String> headers, InputStream body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The next part, or {@code null} after the close delimiter. The previous part's unread bytes are skipped. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.skipRest();
        }
        if (finished) {
            return null;
        }
        Map<String, String> headers = readHeaders();
        current = new PartStream();
        return new Part(headers, current);
    }

    /** The body up to and including the first delimiter; the first may lack its leading CRLF. */
    private void skipPreamble() throws IOException {
        fill(delimiter.length);
        if (startsWith(delimiter, 2)) {
            pos += delimiter.length - 2;
        } else {
            PartStream preamble = new PartStream();
            preamble.skipRest();
            if (preamble.sawNoDelimiter) {
                throw new MalformedMultipartException("No multipart delimiter found: wrong boundary or empty body");
            }
            return;
        }
        afterDelimiter();
    }

    /** After "--boundary": "--" closes the body; otherwise transport padding and CRLF start a part. */
    private void afterDelimiter() throws IOException {
        fill(2);
        if (lim - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return;
        }
        while (true) {
            if (fill(1) == 0) {
                throw new MalformedMultipartException("Body ends after a delimiter, before the part headers");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                throw new MalformedMultipartException("Unexpected characters after a multipart delimiter");
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        int total = 0;
        while (true) {
            if (fill(1) == 0) {
                throw new MalformedMultipartException("Body ends inside part headers");
            }
            byte b = buf[pos++];
            if (++total > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("Part headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                if (line.isEmpty()) {
                    return headers;
                }
                int colon = line.indexOf(":");
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) (b & 0xFF));
            }
        }
    }

    private int fill(int n) throws IOException {
        if (lim - pos >= n || eof) {
            return lim - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            scanned = Math.max(0, scanned - pos);
            pos = 0;
        }
        while (lim - pos < n) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
                break;
            }
            lim += r;
        }
        return lim - pos;
    }

    private boolean startsWith(byte[] pattern, int from) {
        if (lim - pos < pattern.length - from) {
            return false;
        }
        for (int k = from; k < pattern.length; k++) {
            if (buf[pos + k - from] != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bytes of the current part; ends where the delimiter starts. Besides reading, it can write its bytes to an
     * {@link OutputStream} straight from the reader's buffer ({@link #transferTo(OutputStream, long)}), which spares
     * a caller that only copies them a copy through its own buffer.
     */
    public final class PartStream extends InputStream {
        private boolean done;
        boolean sawNoDelimiter;

        PartStream() {
            scanned = pos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int k = scan(delimiter.length);
            return k < 0 ? -1 : handOut(b, off, Math.min(len, k));
        }

        /**
         * Writes up to {@code max} bytes of the part to {@code out} from the reader's buffer; fewer only where the
         * part ends. Returns how many it wrote. Waits for as many bytes as it still needs (up to a buffer), so that
         * it writes in large pieces: the part's bytes have to arrive anyway.
         */
        public long transferTo(OutputStream out, long max) throws IOException {
            long written = 0;
            while (written < max) {
                long wanted = Math.min(max - written, buf.length - delimiter.length) + delimiter.length;
                int k = scan((int) wanted);
                if (k < 0) {
                    break;
                }
                k = (int) Math.min(k, max - written);
                out.write(buf, pos, k);
                pos += k;
                written += k;
            }
            return written;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            long written = 0;
            for (int k = scan(delimiter.length); k >= 0; k = scan(delimiter.length)) {
                out.write(buf, pos, k);
                pos += k;
                written += k;
            }
            return written;
        }

        /**
         * How many bytes from {@code pos} are part data (at least one), or -1 once the part has ended (its delimiter
         * is then consumed). Reads until {@code want} bytes (at most a buffer) are buffered, or the body ends.
         */
        private int scan(int want) throws IOException {
            if (done) {
                return -1;
            }
            if (scanned > pos) {
                return scanned - pos;
            }
            fill(Math.min(Math.max(want, delimiter.length), buf.length));
            int avail = lim - pos;
            if (avail == 0) {
                throw new MalformedMultipartException("Body ends inside a part, before the closing delimiter");
            }
            int match = find();
            if (match == pos) {
                pos += delimiter.length;
                done = true;
                afterDelimiter();
                return -1;
            }
            // Bytes before a match, or before a tail that could still start the delimiter, are part data.
            int safe = match >= 0 ? match - pos : Math.max(avail - (delimiter.length - 1), eof ? 0 : 1);
            if (match < 0 && eof) {
                throw new MalformedMultipartException("Body ends inside a part, before the closing delimiter");
            }
            if (safe <= 0) {
                fill(lim - pos + 1);
                return scan(want);
            }
            scanned = pos + safe;
            return safe;
        }

        private int handOut(byte[] b, int off, int k) {
            System.arraycopy(buf, pos, b, off, k);
            pos += k;
            return k;
        }

        /**
         * Position of the first whole delimiter in the buffer, or -1. A delimiter cut off at the end of the buffer
         * is not found here: read() keeps the last delimiter.length - 1 bytes back until more arrive. A part's
         * body (megabytes of pixel data) is scanned about a delimiter length at a time ({@link BytePattern}).
         */
        private int find() {
            return delimiterPattern.indexIn(buf, pos, lim);
        }

        void skipRest() throws IOException {
            try {
                for (int k = scan(delimiter.length); k >= 0; k = scan(delimiter.length)) {
                    pos += k;
                }
            } catch (MalformedMultipartException e) {
                if (current == null) {
                    sawNoDelimiter = true; // the preamble never ended: no delimiter at all
                    return;
                }
                throw e;
            }
        }
    }
}
