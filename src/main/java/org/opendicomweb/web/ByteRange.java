package org.opendicomweb.web;

/**
 * One byte range of a Range header (RFC 9110 §14.1.2): {@code bytes=first-last}, {@code bytes=first-} or
 * {@code bytes=-suffix}. Several ranges, or another unit, are ignored (the whole representation is sent, as
 * the RFC allows); a range that starts past the end is a 416.
 */
public record ByteRange(long start, long length) {

    /** The range to send of a value of {@code size} bytes, or {@code null} to send all of it. */
    public static ByteRange parse(String header, long size) {
        if (header == null || !header.trim().startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.trim().substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    throw unsatisfiable(size);
                }
                long n = Math.min(suffix, size);
                return new ByteRange(size - n, n);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size || end < start) {
                throw unsatisfiable(size);
            }
            return new ByteRange(start, end - start + 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The Content-Range header value of this range of a value of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }

    private static DicomwebException unsatisfiable(long size) {
        return new DicomwebException(416, "Range not satisfiable: the value has " + size + " bytes");
    }
}
