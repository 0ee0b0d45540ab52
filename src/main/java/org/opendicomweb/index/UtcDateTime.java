package org.opendicomweb.index;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A DA plus TM plus Timezone Offset From UTC (0008,0201) as one instant, written {@code YYYYMMDDHHMMSS.FFFFFF}
 * in UTC: fixed width, so that instants compare as strings in SQL. A time with less precision stands for its
 * first instant ("10" is 10:00:00.000000), as stored times do in range matching.
 */
public final class UtcDateTime {
    /** Only for the years a four-digit field cannot hold; parsing and the common case are by hand (a formatter or a
     * pattern costs microseconds per call, and every stored instance has several of these values). */
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss.SSSSSS");

    private UtcDateTime() {}

    /** The UTC instant, or null when any part is missing or malformed. */
    public static String of(String date, String time, String offset) {
        LocalDate d = date(date);
        LocalTime t = time(time);
        ZoneOffset z = offset(offset);
        if (d == null || t == null || z == null) {
            return null;
        }
        return format(LocalDateTime.of(d, t), z);
    }

    /** {@code local} in the zone {@code offset}, as a UTC instant string. */
    public static String format(LocalDateTime local, ZoneOffset offset) {
        LocalDateTime utc =
                local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return utc.format(OUT);
        }
        StringBuilder sb = new StringBuilder(21);
        digits(sb, utc.getYear(), 4);
        digits(sb, utc.getMonthValue(), 2);
        digits(sb, utc.getDayOfMonth(), 2);
        digits(sb, utc.getHour(), 2);
        digits(sb, utc.getMinute(), 2);
        digits(sb, utc.getSecond(), 2);
        sb.append('.');
        digits(sb, utc.getNano() / 1000, 6);
        return sb.toString();
    }

    /** YYYYMMDD, a real calendar date. */
    public static LocalDate date(String value) {
        if (value == null || value.length() != 8) {
            return null;
        }
        int year = number(value, 0, 4);
        int month = number(value, 4, 6);
        int day = number(value, 6, 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // the 31st of a shorter month, the 29th of February of a common year
        }
    }

    /** HH, HHMM, HHMMSS or HHMMSS.F{1,6}; a leap second 60 counts as 59.999999. */
    public static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int n = v.length();
        int hour = n < 2 ? -1 : number(v, 0, 2);
        if (hour < 0 || hour > 23 || n == 3 || n == 5) {
            return null;
        }
        int minute = n >= 4 ? number(v, 2, 4) : 0;
        int second = n >= 6 ? number(v, 4, 6) : 0;
        if (minute < 0 || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        int micros = 0;
        if (n > 6) {
            int fraction = n - 7;
            if (v.charAt(6) != '.' || fraction < 1 || fraction > 6) {
                return null;
            }
            micros = number(v, 7, n);
            if (micros < 0) {
                return null;
            }
            for (int i = fraction; i < 6; i++) {
                micros *= 10;
            }
        }
        if (second == 60) {
            second = 59;
            micros = 999_999;
        }
        return LocalTime.of(hour, minute, second, micros * 1000);
    }

    /** A Timezone Offset From UTC value (&ZZXX, PS3.3 C.12.1.1.8: -12:00 to +14:00), or null when it is not one. */
    public static ZoneOffset offset(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() != 5 || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
            return null;
        }
        int hours = number(v, 1, 3);
        int minutes = number(v, 3, 5);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return null;
        }
        int total = (hours * 60 + minutes) * (v.charAt(0) == '-' ? -1 : 1);
        if (total < -12 * 60 || total > 14 * 60) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(total * 60);
    }

    /** The decimal number in {@code [from, to)}, or -1 unless every character there is an ASCII digit. */
    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void digits(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
