package org.opendicomweb.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed media type: {@code type/subtype} and its parameters (RFC 2045 §5.1). Clients differ in quoting
 * ({@code type=application/dicom} and {@code type="application/dicom"} both arrive) and in parameter order, so
 * names are case-insensitive and quotes optional. Imports only java.*.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

    public static MediaType parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Empty media type");
        }
        int semi = text.indexOf(';');
        String essence = (semi < 0 ? text : text.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            throw new IllegalArgumentException("Malformed media type '" + text + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = semi < 0 ? text.length() : semi + 1;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            int nextSemi = text.indexOf(';', i);
            if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) {
                i = nextSemi < 0 ? text.length() : nextSemi + 1; // a parameter without value: ignore it
                continue;
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < text.length() && text.charAt(v) == ' ') {
                v++;
            }
            String value;
            if (v < text.length() && text.charAt(v) == '"') {
                StringBuilder sb = new StringBuilder();
                int k = v + 1;
                while (k < text.length() && text.charAt(k) != '"') {
                    char c = text.charAt(k);
                    if (c == '\\' && k + 1 < text.length()) {
                        c = text.charAt(++k);
                    }
                    sb.append(c);
                    k++;
                }
                value = sb.toString();
                int end = text.indexOf(';', k);
                i = end < 0 ? text.length() : end + 1;
            } else {
                int end = text.indexOf(';', v);
                value = (end < 0 ? text.substring(v) : text.substring(v, end)).trim();
                i = end < 0 ? text.length() : end + 1;
            }
            if (!name.isEmpty()) {
                params.putIfAbsent(name, value);
            }
        }
        return new MediaType(
                essence.substring(0, slash).trim(),
                essence.substring(slash + 1).trim(),
                Collections.unmodifiableMap(params));
    }

    /** "type/subtype", lower case, without parameters. */
    public String essence() {
        return type + "/" + subtype;
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean is(String essence) {
        return essence().equalsIgnoreCase(essence);
    }
}
