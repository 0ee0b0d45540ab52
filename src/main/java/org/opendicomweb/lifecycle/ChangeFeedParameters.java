package org.opendicomweb.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendicomweb.web.DicomwebException;

/**
 * The query parameters of a change feed request, parsed as Microsoft's DICOM server reads them, so that its clients
 * (DICOM Cast, its client library) work unchanged. Names are matched without regard to case, as ASP.NET binds them;
 * parameters it does not know are ignored, as there.
 *
 * <p>Two ways to page, as its API versions 1 and 2 have them. Without {@code startTime} and {@code endTime},
 * {@code offset} is the last Sequence seen and the entries after it come in sequence order ({@code limit} default
 * 10, at most 100). With either, the entries changed at or after {@code startTime} and before {@code endTime} come
 * in time order and {@code offset} is how many of them to skip ({@code limit} default 100, at most 200). Sequences
 * start at 1 and have no gaps, so without a window both readings of {@code offset} name the same entries.
 */
record ChangeFeedParameters(long offset, int limit, Instant startTime, Instant endTime, boolean includeMetadata) {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_WINDOW_LIMIT = 100;
    static final int MAX_WINDOW_LIMIT = 200;
    /** The bounds of an open window: those of .NET's DateTimeOffset, which Microsoft's server defaults to. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Whether the request names a time window, and so pages by position in it. */
    boolean windowed() {
        return startTime != null;
    }

    static ChangeFeedParameters parse(Map<String, List<String>> query) {
        Map<String, String> values = byLowerCaseName(query);
        String start = values.get("starttime");
        String end = values.get("endtime");
        boolean windowed = start != null || end != null;
        long offset = integer("offset", values.get("offset"), 0, 0, Long.MAX_VALUE);
        int limit = (int)
                (windowed
                        ? integer("limit", values.get("limit"), DEFAULT_WINDOW_LIMIT, 1, MAX_WINDOW_LIMIT)
                        : integer("limit", values.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT));
        boolean metadata = metadataWanted(values);
        if (!windowed) {
            return new ChangeFeedParameters(offset, limit, null, null, metadata);
        }
        Instant from = start == null ? EARLIEST : time("startTime", start);
        Instant to = end == null ? LATEST : time("endTime", end);
        if (!from.isBefore(to)) {
            throw DicomwebException.badRequest(
                    "The query parameters 'startTime' and 'endTime' are invalid: the window from " + from
                            + " to before " + to + " is empty.");
        }
        return new ChangeFeedParameters(offset, limit, from, to, metadata);
    }

    /** {@code includeMetadata} alone, for the latest entry. */
    static boolean includeMetadata(Map<String, List<String>> query) {
        return metadataWanted(byLowerCaseName(query));
    }

    private static boolean metadataWanted(Map<String, String> values) {
        String value = values.get("includemetadata");
        if (value == null) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("includeMetadata", value, "it is neither true nor false");
        };
    }

    private static Map<String, String> byLowerCaseName(Map<String, List<String>> query) {
        Map<String, String> values = new HashMap<>();
        query.forEach((name, given) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (given.size() > 1 || values.containsKey(key)) {
                throw DicomwebException.badRequest("The query parameter '" + name + "' is given more than once.");
            }
            values.put(key, given.get(0));
        });
        return values;
    }

    private static long integer(String name, String value, long absent, long min, long max) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, value, "it is not an integer from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }

    /**
     * An ISO 8601 date and time with its offset from UTC: without one the instant is unknown, and Microsoft's server
     * refuses it too. A '+' sent unencoded arrives as a space, which is taken back.
     */
    private static Instant time(String name, String value) {
        String text = value.strip();
        if (text.length() > 19 && text.charAt(text.length() - 6) == ' ') {
            text = text.substring(0, text.length() - 6) + "+" + text.substring(text.length() - 5);
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            Instant instant = t.toInstant();
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(name, value, "it is not a date and time with an offset from UTC from year 1 to 9999");
    }

    private static DicomwebException invalid(String name, String value, String why) {
        return DicomwebException.badRequest(
                "The query parameter '" + name + "' is invalid: '" + value + "', " + why + ".");
    }
}
