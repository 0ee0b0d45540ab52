package org.opendicomweb.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The request target (RFC 9112 §3.2) as browsers, curl and shell scripts send it, made a valid URI (RFC 3986).
 *
 * <p>The WHATWG URL standard, which browsers and most HTTP libraries follow, leaves {@code ^ | [ ] `} and
 * {@code { }} unencoded in a query, and curl sends whatever it is given: {@code PatientName=Doe^Peter} or a
 * backslash-separated list of values ({@code PS3.18 §8.3.4}) arrive as typed. So do raw UTF-8 bytes of a name
 * such as Müller. The HTTP codec hands every byte of the request line over as one character from U+0000 to U+00FF,
 * so percent-encoding each such character as its byte gives back exactly what a client that encodes would have
 * sent, and the query is then decoded as UTF-8 like any other.
 *
 * <p>What cannot have been meant as a URI stays a 400: a control character or space, a '%' that does not start an
 * escape, or a target that still does not parse as a URI.
 */
public final class RequestTarget {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestTarget() {}

    /**
     * {@code target} with the characters RFC 3986 does not allow, but clients send unencoded, percent-encoded;
     * the same instance when there are none.
     *
     * @throws DicomwebException 400 when the target is malformed beyond that
     */
    public static String normalized(String target) {
        StringBuilder out = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                throw DicomwebException.badRequest("The request target contains "
                        + (c == ' ' ? "a space" : String.format("the control character 0x%02X", (int) c))
                        + " at position " + i + "; it must be percent-encoded");
            }
            if (c == '%' && !escapeAt(target, i)) {
                throw DicomwebException.badRequest(
                        "Malformed percent-encoding at position " + i + " of the request target");
            }
            if (c > 0xFF) {
                // HTTP/1.1 and HTTP/2 codecs both deliver the target byte per character; anything else is not a request
                // line that came over the wire.
                throw DicomwebException.badRequest("The request target contains a character that is not a byte");
            }
            if (needsEncoding(c)) {
                if (out == null) {
                    out = new StringBuilder(target.length() + 16).append(target, 0, i);
                }
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else if (out != null) {
                out.append(c);
            }
        }
        String normalized = out == null ? target : out.toString();
        try {
            new URI(normalized);
        } catch (URISyntaxException e) {
            throw DicomwebException.badRequest(
                    "Malformed request target: " + e.getReason() + " at position " + e.getIndex());
        }
        return normalized;
    }

    /**
     * Printable ASCII that RFC 3986 allows nowhere in a path or query (§2: neither unreserved nor reserved, and
     * '[' ']' only around an IP literal in the authority), and every byte of 0x80 and above.
     */
    private static boolean needsEncoding(char c) {
        return switch (c) {
            case '"', '<', '>', '\\', '^', '`', '{', '|', '}', '[', ']' -> true;
            default -> c >= 0x80;
        };
    }

    private static boolean escapeAt(String s, int i) {
        return i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
