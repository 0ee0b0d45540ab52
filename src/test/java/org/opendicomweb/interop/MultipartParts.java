package org.opendicomweb.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a multipart/related body (RFC 2046 §5.1) as a client would, independently of the server's own multipart
 * code: find the boundary lines, take each part's headers up to the empty line and its body up to the CRLF
 * before the next boundary.
 */
final class MultipartParts {
    private MultipartParts() {}

    record Part(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static List<Part> split(String contentType, byte[] body) {
        Matcher m = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE)
                .matcher(contentType);
        if (!m.find()) {
            throw new AssertionError("no boundary in " + contentType);
        }
        String boundary = m.group(2) != null ? m.group(2) : m.group(1);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new AssertionError("boundary " + boundary + " not found in the body");
        }
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (body.length >= afterDelimiter + 2 && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return parts;
            }
            int headersStart = afterDelimiter + 2; // CRLF after the boundary line
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), headersEnd);
            if (headersEnd < 0 || next < 0) {
                throw new AssertionError("part " + (parts.size() + 1) + " is not terminated by a boundary");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String head = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            parts.add(new Part(headers, Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
