package org.opendicomweb.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A byte range of a Range header (RFC 9110 §14.1.2): {@code bytes=first-last}, {@code bytes=first-} or
 * {@code bytes=-suffix}, one or several separated by commas. Another unit, a malformed header or more than
 * {@value #MAX_RANGES} ranges are ignored (the whole representation is sent, as the RFC allows); when no range
 * of the header is satisfiable, that is a 416.
 */
public record ByteRange(long start, long length) {
    /** More ranges than this are ignored as a whole: many small ranges cost a part each (RFC 9110 §17.15). */
    static final int MAX_RANGES = 16;

    /**
     * The satisfiable ranges to send of a value of {@code size} bytes, in the order the header lists them, or
     * {@code null} to send all of it.
     *
     * @throws DicomwebException 416 when the header is well formed and none of its ranges is satisfiable
     */
    public static List<ByteRange> parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, "bytes=".length())) {
            return null;
        }
        List<ByteRange> ranges = new ArrayList<>();
        int specs = 0;
        for (String spec : value.substring("bytes=".length()).split(",")) {
            if (spec.isBlank()) {
                continue; // empty list elements are allowed (RFC 9110 §5.6.1)
            }
            if (++specs > MAX_RANGES) {
                return null;
            }
            Bounds b = Bounds.parse(spec.trim());
            if (b == null) {
                return null;
            }
            ByteRange r = b.within(size);
            if (r != null) {
                ranges.add(r);
            }
        }
        if (specs == 0) {
            return null;
        }
        if (ranges.isEmpty()) {
            throw new DicomwebException(416, "Range not satisfiable: the value has " + size + " bytes")
                    .withHeader("Content-Range", "bytes */" + size);
        }
        return ranges;
    }

    /** The Content-Range header value of this range of a value of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }

    /** One range-spec as written: {@code first} and {@code last} ({@code -1} when absent). */
    private record Bounds(long first, long last) {
        static Bounds parse(String spec) {
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return null;
            }
            try {
                String first = spec.substring(0, dash).trim();
                String last = spec.substring(dash + 1).trim();
                Bounds b = new Bounds(
                        first.isEmpty() ? -1 : Long.parseLong(first), last.isEmpty() ? -1 : Long.parseLong(last));
                boolean valid = b.first >= 0 ? b.last < 0 || b.last >= b.first : b.last >= 0;
                return valid ? b : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The range this spec selects of {@code size} bytes, or {@code null} when it selects none. */
        ByteRange within(long size) {
            if (first < 0) { // a suffix: the last bytes
                long n = Math.min(last, size);
                return n == 0 ? null : new ByteRange(size - n, n);
            }
            if (first >= size) {
                return null;
            }
            long end = last < 0 ? size - 1 : Math.min(last, size - 1);
            return new ByteRange(first, end - first + 1);
        }
    }
}
