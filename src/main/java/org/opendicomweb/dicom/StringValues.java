package org.opendicomweb.dicom;

/** Padding rules of PS3.5 Table 6.2-1: which leading and trailing characters are insignificant per VR. */
final class StringValues {
    private StringValues() {}

    static String trim(String s, VR vr) {
        int end = s.length();
        // NUL is not a legal pad except for UI, yet devices send it after every VR; it is never significant.
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (leadingSpacesInsignificant(vr)) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** LT, ST, UT keep leading spaces (PS3.5 §6.2); PN and UR have none by definition but keep them as sent. */
    private static boolean leadingSpacesInsignificant(VR vr) {
        return switch (vr) {
            case LT, ST, UT, UR, PN -> false;
            default -> true;
        };
    }
}
