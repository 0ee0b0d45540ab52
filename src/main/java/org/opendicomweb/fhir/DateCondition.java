package org.opendicomweb.fhir;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of a FHIR date search parameter (R5 Search, "date" and "Prefixes"), matched against the day a study started
 * on: its Study Date (0008,0020) as the index keeps it (YYYYMMDD), in the study's own local time, as DICOM records
 * it. The value is a year, a month or a day ({@code 2020}, {@code 2020-06}, {@code 2020-06-15}), which stands for
 * the range of days {@code [from, until)} it covers; the prefix says how that range and the study's day must
 * relate. A study without a Study Date matches no condition. Values with a time of day are refused: the index
 * compares days, and a time cut to its day would match what the client did not ask for.
 *
 * @param prefix eq, ne, gt, lt, ge, le, sa or eb
 * @param from the first day of the value, YYYYMMDD
 * @param until the first day after the value, YYYYMMDD
 */
record DateCondition(String prefix, String from, String until) {
    private static final List<String> PREFIXES = List.of("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    static DateCondition parse(String parameter, String value) {
        String prefix = "eq";
        String date = value;
        if (value.length() >= 2 && Character.isLetter(value.charAt(0))) {
            prefix = value.substring(0, 2);
            date = value.substring(2);
            if (!PREFIXES.contains(prefix)) {
                throw FhirException.invalid("The prefix '" + prefix + "' of " + parameter + "=" + value
                        + " is not supported: use one of " + String.join(", ", PREFIXES) + ".");
            }
        }
        Matcher m = DATE.matcher(date);
        if (!m.matches()) {
            throw FhirException.invalid(parameter + "=" + value + " is not a date this server matches on: give a"
                    + " year, month or day (YYYY, YYYY-MM or YYYY-MM-DD), optionally after a prefix such as ge;"
                    + " the index compares days, without a time of day.");
        }
        LocalDate first;
        LocalDate next;
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                first = LocalDate.of(year, 1, 1);
                next = first.plusYears(1);
            } else if (m.group(3) == null) {
                first = LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
                next = first.plusMonths(1);
            } else {
                first = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                next = first.plusDays(1);
            }
        } catch (DateTimeException e) {
            throw FhirException.invalid(parameter + "=" + value + " is no calendar date.");
        }
        return new DateCondition(prefix, yyyymmdd(first), yyyymmdd(next));
    }

    /**
     * The condition on {@code column} (a YYYYMMDD column, compared as text), with {@code ?} for {@link #parameters}.
     * The study's day is the range [day, day + 1); R5's rules for two ranges reduce to these comparisons.
     */
    String sql(String column) {
        return switch (prefix) {
            case "eq" -> column + " >= ? and " + column + " < ?";
            case "ne" -> "(" + column + " < ? or " + column + " >= ?)";
            case "gt", "sa" -> column + " >= ?"; // the range above the value is [until, ...)
            case "lt", "eb" -> column + " < ?"; // the range below the value is (..., from)
            case "ge" -> column + " >= ?";
            case "le" -> column + " < ?";
            default -> throw new IllegalStateException(prefix);
        };
    }

    /** The values of the {@code ?} of {@link #sql}, in order. */
    List<Object> parameters() {
        return switch (prefix) {
            case "eq", "ne" -> List.of(from, until);
            case "gt", "sa", "le" -> List.of(until);
            case "lt", "eb", "ge" -> List.of(from);
            default -> throw new IllegalStateException(prefix);
        };
    }

    private static String yyyymmdd(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
