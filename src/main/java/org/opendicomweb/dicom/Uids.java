package org.opendicomweb.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** UID rules of PS3.5 §9.1 and new UIDs in the UUID-derived form of PS3.5 §B.2. */
public final class Uids {
    public static final int MAX_LENGTH = 64;

    private Uids() {}

    /**
     * Strips the padding some devices leave on UIDs: trailing NUL (the UI pad, PS3.5 §6.2) and trailing or
     * leading spaces. Anything else stays and is judged by {@link #problemWith}.
     */
    public static String normalise(String uid) {
        if (uid == null) {
            return null;
        }
        int start = 0;
        int end = uid.length();
        while (end > start && (uid.charAt(end - 1) == '\0' || uid.charAt(end - 1) == ' ')) {
            end--;
        }
        while (start < end && uid.charAt(start) == ' ') {
            start++;
        }
        return uid.substring(start, end);
    }

    /** {@code null} when {@code uid} is a valid UID, otherwise what is wrong with it, in words. */
    public static String problemWith(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "is empty";
        }
        if (uid.length() > MAX_LENGTH) {
            return "is " + uid.length() + " characters long, more than the " + MAX_LENGTH + " allowed";
        }
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                int len = i - componentStart;
                if (len == 0) {
                    return "has an empty component at position " + i;
                }
                if (len > 1 && uid.charAt(componentStart) == '0') {
                    return "has a component with a leading zero at position " + componentStart;
                }
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return "contains '" + printable(c) + "' at position " + i + "; only digits and dots are allowed";
            }
        }
        return null;
    }

    public static boolean isValid(String uid) {
        return problemWith(uid) == null;
    }

    /** A new UID "2.25." + the decimal value of a random UUID (PS3.5 §B.2). */
    public static String generate() {
        UUID u = UUID.randomUUID();
        byte[] b = ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, b);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
