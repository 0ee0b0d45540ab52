package org.opendicomweb.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters from the raw query string, split at '&' only. The framework's own parsing also splits at
 * ';', the HTML 4 alternative separator, which breaks values such as
 * {@code accept=multipart/related;type="application/dicom+xml"} and {@code charset=utf-8;q=0.5} (PS3.18
 * §8.3.3): a ';' is an ordinary character in a query (RFC 3986 §3.4). Names and values are percent-decoded as
 * UTF-8, '+' as a space (the form encoding browsers use).
 */
public final class QueryString {
    private QueryString() {}

    /** Each parameter's values in request order; parameters in the order they first appear. */
    public static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), pair);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text, String pair) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DicomwebException.badRequest("Malformed percent-encoding in query parameter '" + pair + "'");
        }
    }
}
