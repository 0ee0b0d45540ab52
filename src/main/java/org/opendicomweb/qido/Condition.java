package org.opendicomweb.qido;

import java.util.List;

/**
 * One matching condition of a query, already validated and normalised (PS3.4 C.2.2.2). Universal matching
 * (an empty value) is no condition at all. Only {@link QuerySql} turns conditions into SQL.
 */
public sealed interface Condition {

    /** Matches when any of the values matches the key's column (a single value is a list of one). */
    record AnyText(QueryKey key, List<TextValue> values) implements Condition {
        public AnyText {
            values = List.copyOf(values);
        }
    }

    /** IS/US keys compared as numbers: "1" finds a stored "001". */
    record AnyNumber(QueryKey key, List<Long> values) implements Condition {
        public AnyNumber {
            values = List.copyOf(values);
        }
    }

    /**
     * A closed or open range of a DA, TM or DT key, bounds inclusive and comparable as strings (YYYYMMDD; times
     * with the upper bound widened to the end of its precision). A missing bound is open; an open range never
     * matches an empty value.
     */
    record Range(QueryKey key, String lower, String upper) implements Condition {}

    /**
     * A date key and its time key given together: one range from (lowerDate, lowerTime) to (upperDate,
     * upperTime) (PS3.4 C.2.2.2.5.1). A missing date bound is open; a missing time bound is that day's start or
     * end.
     */
    record DateTimeRange(
            MatchingKey dateKey,
            MatchingKey timeKey,
            String lowerDate,
            String lowerTime,
            String upperDate,
            String upperTime)
            implements Condition {}

    /**
     * A date (and time) range given in the query's timezone (TimezoneOffsetFromUTC, PS3.18 §8.3.4.1.1), as UTC
     * instants YYYYMMDDHHMMSS.FFFFFF (open when null) compared with the key's UTC column. Entities whose instant is
     * unknown (no time or no offset stored) are matched by {@code local}, the range as written.
     */
    record ZonedRange(MatchingKey key, String lowerUtc, String upperUtc, Condition local) implements Condition {}

    /**
     * A time-of-day range given in the query's timezone, converted to UTC times of day HHMMSS.FFFFFF; when the
     * conversion crosses midnight, {@code lowerUtc > upperUtc} and the range wraps. Entities whose instant is
     * unknown are matched by {@code local}.
     */
    record ZonedTimeRange(MatchingKey key, String lowerUtc, String upperUtc, Condition local) implements Condition {}

    /** One value of a text-like key. */
    sealed interface TextValue {
        /** Single value matching (PS3.4 C.2.2.2.1); for names, the normalised name. */
        record Exact(String value) implements TextValue {}

        /** Wildcard matching with {@code *} and {@code ?} (PS3.4 C.2.2.2.4). */
        record Wildcard(String pattern) implements TextValue {}

        /**
         * Fuzzy name matching: every term (normalised, wildcards allowed) starts some component or word of the
         * name.
         */
        record NamePrefixes(List<String> terms) implements TextValue {
            public NamePrefixes {
                terms = List.copyOf(terms);
            }
        }
    }
}
