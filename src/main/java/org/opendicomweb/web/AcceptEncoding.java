package org.opendicomweb.web;

import java.util.Locale;

/** The Accept-Encoding request header (RFC 9110 §12.5.3), as far as a server that offers gzip needs it. */
public final class AcceptEncoding {
    private AcceptEncoding() {}

    /** Whether gzip is acceptable: named (or {@code x-gzip}, or {@code *}) with a weight above 0. */
    public static boolean acceptsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        boolean wildcard = false;
        for (String item : header.split(",")) {
            String[] fields = item.split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            boolean acceptable = weight(fields) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return acceptable; // named: its own weight decides, whatever a wildcard says
            }
            if (coding.equals("*")) {
                wildcard = acceptable;
            }
        }
        return wildcard;
    }

    private static double weight(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String p = fields[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0; // a weight that cannot be read is no consent
                }
            }
        }
        return 1;
    }
}
