package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written parsers against java.time's strict formatter and the DICOM grammars written as regular
 * expressions (PS3.5 §6.2 DA and TM, PS3.3 C.12.1.1.8 offsets), over edge cases and random strings near them.
 */
class UtcDateTimeTest {
    private static final DateTimeFormatter DA =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss.SSSSSS");
    private static final Pattern TM =
            Pattern.compile("([01]\\d|2[0-3])(?:([0-5]\\d)(?:([0-5]\\d|60)(?:\\.(\\d{1,6}))?)?)?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})([0-5]\\d)");
    private static final String ALPHABET = "0123456789012345678901234567890123456789.+- x";

    @Test
    void datesAgreeWithTheStrictFormatter() {
        for (String v : new String[] {
            "20240229",
            "20230229",
            "20241231",
            "20241301",
            "20240000",
            "00000101",
            "2024011",
            "2024-01-",
            "99991231",
            "20240431",
            " 2024010"
        }) {
            assertEquals(referenceDate(v), UtcDateTime.date(v), v);
        }
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String v = String.format("%04d%02d%02d", random.nextInt(10000), random.nextInt(14), random.nextInt(33));
            assertEquals(referenceDate(v), UtcDateTime.date(v), v);
        }
    }

    @Test
    void timesAndOffsetsAgreeWithTheirGrammars() {
        for (String v : new String[] {
            "10",
            "1",
            "103",
            "1030",
            "10305",
            "103059",
            "103060",
            "103061",
            "2400",
            "235959.999999",
            "235959.",
            "235959.1234567",
            "101010.5",
            " 0930 ",
            "0960",
            "+0100",
            "-1200",
            "-1201",
            "+1400",
            "+1401",
            "+0160",
            "0100",
            "+01000"
        }) {
            assertEquals(referenceTime(v), UtcDateTime.time(v), v);
            assertEquals(referenceOffset(v), UtcDateTime.offset(v), v);
        }
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String v = sb.toString();
            assertEquals(referenceTime(v), UtcDateTime.time(v), v);
            assertEquals(referenceOffset(v), UtcDateTime.offset(v), v);
        }
    }

    @Test
    void instantsAreFormattedAsTheFormatterWrites() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(
                    random.nextInt(10000),
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextInt(1_000_000) * 1000);
            ZoneOffset zone = ZoneOffset.ofTotalSeconds((random.nextInt(26 * 60 + 1) - 12 * 60) * 60);
            String expected = local.atOffset(zone)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime()
                    .format(OUT);
            assertEquals(expected, UtcDateTime.format(local, zone), local + " " + zone);
        }
        assertEquals("20240101093000.000000", UtcDateTime.of("20240101", "1030", "+0100"));
    }

    private static LocalDate referenceDate(String v) {
        try {
            return v.length() == 8 ? LocalDate.parse(v, DA) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime referenceTime(String v) {
        Matcher m = TM.matcher(v.strip());
        if (!m.matches()) {
            return null;
        }
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int micros = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00000").substring(0, 6));
        if (second == 60) {
            second = 59;
            micros = 999_999;
        }
        return LocalTime.of(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                second,
                micros * 1000);
    }

    private static ZoneOffset referenceOffset(String v) {
        Matcher m = OFFSET.matcher(v.strip());
        if (!m.matches()) {
            return null;
        }
        int total = (Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3)))
                * (m.group(1).equals("-") ? -1 : 1);
        return total < -12 * 60 || total > 14 * 60 ? null : ZoneOffset.ofTotalSeconds(total * 60);
    }
}
