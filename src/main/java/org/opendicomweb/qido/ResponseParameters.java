package org.opendicomweb.qido;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * The content negotiation query parameters of PS3.18 §8.3.3, for links where no header can be set:
 * {@code accept} (the Accept header's syntax without wildcards) and {@code charset} (a list of character sets).
 * A bad value is a 400 naming the parameter.
 */
final class ResponseParameters {
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])");

    private ResponseParameters() {}

    /** The Accept value to negotiate with: the {@code accept} parameter when given, else the header. */
    static String accept(Map<String, List<String>> parameters, String header) {
        List<String> values = parameters.get(QueryParser.ACCEPT);
        if (values == null) {
            return header;
        }
        // A '+' sent without percent-encoding (application/dicom+json) arrives as a space; no media type has a
        // space between two letters, so it can only have been a '+'.
        String value =
                SPACE_FOR_PLUS.matcher(single(QueryParser.ACCEPT, values)).replaceAll("+");
        if (value.isBlank()) {
            throw bad(QueryParser.ACCEPT, "no media type given");
        }
        AcceptHeader parsed;
        try {
            parsed = AcceptHeader.parse(value);
        } catch (DicomwebException e) {
            throw bad(QueryParser.ACCEPT, "'" + value + "' is not a list of media types");
        }
        boolean dicom = false;
        boolean other = false;
        for (MediaType range : parsed.ranges()) {
            if (range.type().equals("*") || range.subtype().equals("*")) {
                throw bad(
                        QueryParser.ACCEPT,
                        "wildcards such as '" + range.type() + "/" + range.subtype()
                                + "' are not allowed here (PS3.18 §8.3.3.1)");
            }
            if (isDicom(range)) {
                dicom = true;
            } else {
                other = true;
            }
        }
        if (dicom && other) {
            throw bad(QueryParser.ACCEPT, "DICOM and non-DICOM media types cannot be mixed (PS3.18 §8.3.3.1)");
        }
        return value;
    }

    /**
     * Checks {@code charset}: responses are always UTF-8 (DICOM JSON must be, and the XML parts are), so the
     * list must include utf-8 (with a non-zero weight); anything else is a 400, as PS3.18 §8.3.3.2 requires for
     * character sets the server does not support.
     */
    static void checkCharset(Map<String, List<String>> parameters) {
        List<String> values = parameters.get(QueryParser.CHARSET);
        if (values == null) {
            return;
        }
        String value = single(QueryParser.CHARSET, values);
        boolean utf8 = false;
        for (String element : value.split(",", -1)) {
            String[] parts = element.split(";");
            String name = parts[0].strip();
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        throw bad(QueryParser.CHARSET, "'" + p + "' is not a weight");
                    }
                }
            }
            if (name.isEmpty() || name.equals("*")) {
                throw bad(
                        QueryParser.CHARSET,
                        name.isEmpty() ? "an empty character set" : "wildcards are not allowed here (PS3.18 §8.3.3.2)");
            }
            Charset charset;
            try {
                charset = Charset.isSupported(name) ? Charset.forName(name) : null;
            } catch (IllegalCharsetNameException e) {
                charset = null;
            }
            if (charset == null) {
                throw bad(QueryParser.CHARSET, "'" + name + "' is not a known character set");
            }
            utf8 |= charset.equals(StandardCharsets.UTF_8) && q > 0;
        }
        if (!utf8) {
            throw bad(
                    QueryParser.CHARSET,
                    "'" + value + "' does not include utf-8, the only character set of" + " search results");
        }
    }

    /** application/dicom, application/dicom+json, application/dicom+xml, or multipart/related of one of them. */
    private static boolean isDicom(MediaType range) {
        String essence = range.essence();
        if (essence.equals("multipart/related")) {
            String type = range.parameter("type");
            return type != null && type.toLowerCase().startsWith("application/dicom");
        }
        return essence.startsWith("application/dicom");
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw bad(name, "given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static DicomwebException bad(String parameter, String problem) {
        return DicomwebException.badRequest("Query parameter '" + parameter + "': " + problem);
    }
}
