package org.opendicomweb.fhir;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.opendicomweb.index.UtcDateTime;

/**
 * DICOM values as the FHIR primitive types that carry them (R5 Data Types, "Primitive Types"): a value that the type
 * cannot hold is left out rather than sent invalid.
 */
final class FhirValues {
    private FhirValues() {}

    /**
     * A FHIR string: no control characters but tab, CR and LF, no leading or trailing white space; null when nothing
     * is left.
     */
    static String string(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 || c == '\t' || c == '\r' || c == '\n') {
                out.append(c);
            }
        }
        String s = out.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** A FHIR code: one space between words, none around them; null when empty. */
    static String code(String value) {
        String s = string(value);
        return s == null ? null : s.replaceAll("\\s+", " ");
    }

    /** A FHIR unsignedInt: DICOM IS values may be negative, which it cannot hold. */
    static Integer unsignedInt(Integer value) {
        return value == null || value < 0 ? null : value;
    }

    /** A FHIR date from a DICOM DA the index keeps as YYYYMMDD; null when it is no calendar date. */
    static String date(String da) {
        LocalDate d = UtcDateTime.date(da);
        return d == null ? null : d.toString();
    }

    /**
     * A FHIR dateTime from DA, TM and Timezone Offset From UTC (0008,0201): with its time of day and offset when both
     * are known, else the day alone, since a FHIR dateTime with a time must carry its offset (R5 Data Types, dateTime) and
     * guessing the zone of a study would misplace it by hours. Null when the day is unknown.
     */
    static String dateTime(String da, String tm, String offset) {
        LocalDate d = UtcDateTime.date(da);
        if (d == null) {
            return null;
        }
        LocalTime t = UtcDateTime.time(tm);
        ZoneOffset z = UtcDateTime.offset(offset);
        if (t == null || z == null) {
            return d.toString();
        }
        StringBuilder s = new StringBuilder(d.toString()).append('T');
        s.append(String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format("%06d", micros).replaceAll("0+$", "");
            s.append('.').append(fraction);
        }
        s.append(z.getTotalSeconds() == 0 ? "+00:00" : z.getId());
        return s.toString();
    }
}
