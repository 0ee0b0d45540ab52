package org.opendicomweb.index;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DA plus TM plus Timezone Offset From UTC (0008,0201) as one instant, written {@code YYYYMMDDHHMMSS.FFFFFF}
 * in UTC: fixed width, so that instants compare as strings in SQL. A time with less precision stands for its
 * first instant ("10" is 10:00:00.000000), as stored times do in range matching.
 */
public final class UtcDateTime {
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss.SSSSSS");
    private static final Pattern TM = Pattern.compile("([01]\\d|2[0-3])(?:([0-5]\\d)(?:([0-5]\\d|60)(?:\\.(\\d{1,6}))?)?)?");
    /** &ZZXX (PS3.3 C.12.1.1.8): from -12:00 to +14:00. */
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})([0-5]\\d)");

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
        return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(OUT);
    }

    public static LocalDate date(String value) {
        if (value == null || value.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(value, DA);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** HH, HHMM, HHMMSS or HHMMSS.F{1,6}; a leap second 60 counts as 59.999999. */
    public static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = TM.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int micros = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00000").substring(0, 6));
        if (second == 60) {
            second = 59;
            micros = 999_999;
        }
        return LocalTime.of(hour, minute, second, micros * 1000);
    }

    /** A Timezone Offset From UTC value, or null when it is not one. */
    public static ZoneOffset offset(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = OFFSET.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        int total = (hours * 60 + minutes) * (m.group(1).equals("-") ? -1 : 1);
        if (total < -12 * 60 || total > 14 * 60) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(total * 60);
    }
}
