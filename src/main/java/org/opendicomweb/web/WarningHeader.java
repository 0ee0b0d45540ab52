package org.opendicomweb.web;

/**
 * Values of the HTTP Warning header that DICOMweb uses to tell a client what was not done as asked
 * (PS3.18 §8.4.2: code 299 with a free text; RFC 7234 §5.5 syntax, "-" as the agent).
 */
public final class WarningHeader {
    public static final String NAME = "Warning";

    private WarningHeader() {}

    /** The header value; characters a header cannot carry (controls, non-ASCII from DICOM values) become '?'. */
    public static String of(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 10).append("299 - \"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\').append(c);
            } else {
                sb.append(c >= 0x20 && c <= 0x7E ? c : '?');
            }
        }
        return sb.append('"').toString();
    }
}
