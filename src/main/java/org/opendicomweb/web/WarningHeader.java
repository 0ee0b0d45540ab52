package org.opendicomweb.web;

/**
 * Values of the HTTP Warning header that DICOMweb uses to tell a client what was not done as asked
 * (PS3.18 §8.4.2: code 299 with a free text; RFC 7234 §5.5 syntax, "-" as the agent).
 */
public final class WarningHeader {
    public static final String NAME = "Warning";

    private WarningHeader() {}

    public static String of(String text) {
        return "299 - \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
