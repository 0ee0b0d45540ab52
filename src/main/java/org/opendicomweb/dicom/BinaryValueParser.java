package org.opendicomweb.dicom;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Text forms of binary numbers (AT, FL, FD, SL, SS, SV, UL, US, UV) into little endian bytes, as the DICOM JSON
 * Model (PS3.18 Annex F) and the Native DICOM Model (PS3.19 Annex A) carry them: integers in range (an integral
 * "1.0" or "1e3" counts), decimal floats or "NaN", "Infinity", "-Infinity", tags as 8 hex digits.
 */
public final class BinaryValueParser {
    private BinaryValueParser() {}

    /** A value that is not a valid number of its VR; the message names the value's position and text. */
    public static final class InvalidValueException extends IllegalArgumentException {
        InvalidValueException(String message) {
            super(message);
        }
    }

    /** The values, each already stripped of surrounding white space, as little endian bytes of {@code vr}. */
    public static byte[] parse(VR vr, String[] texts) {
        int width = vr.valueSize();
        byte[] out = new byte[texts.length * width];
        for (int k = 0; k < texts.length; k++) {
            String text = texts[k];
            int off = k * width;
            try {
                switch (vr) {
                    case AT -> Endianness.putInt(out, off, tag(text), vr, false);
                    case FL -> Endianness.putRaw(out, off, Float.floatToRawIntBits(parseFloat(text)), 4, false);
                    case FD -> Endianness.putRaw(out, off, Double.doubleToRawLongBits(parseDouble(text)), 8, false);
                    case UV ->
                        Endianness.putRaw(
                                out, off, integer(text, BigInteger.ZERO, MAX_UV).longValue(), 8, false);
                    case SV ->
                        Endianness.putRaw(
                                out, off, integer(text, MIN_SV, MAX_SV).longValue(), 8, false);
                    case UL ->
                        Endianness.putRaw(
                                out, off, integer(text, BigInteger.ZERO, MAX_UL).longValue(), 4, false);
                    case SL ->
                        Endianness.putRaw(
                                out, off, integer(text, MIN_SL, MAX_SL).longValue(), 4, false);
                    case US ->
                        Endianness.putRaw(
                                out, off, integer(text, BigInteger.ZERO, MAX_US).longValue(), 2, false);
                    case SS ->
                        Endianness.putRaw(
                                out, off, integer(text, MIN_SS, MAX_SS).longValue(), 2, false);
                    default -> throw new IllegalArgumentException(vr + " has no numeric text form");
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidValueException("Value " + (k + 1) + " \"" + text + "\" is not a valid " + vr
                        + " value (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static final BigInteger MAX_UV = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MIN_SV = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_SV = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MAX_UL = BigInteger.valueOf(0xFFFFFFFFL);
    private static final BigInteger MIN_SL = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX_SL = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger MAX_US = BigInteger.valueOf(0xFFFF);
    private static final BigInteger MIN_SS = BigInteger.valueOf(Short.MIN_VALUE);
    private static final BigInteger MAX_SS = BigInteger.valueOf(Short.MAX_VALUE);

    private static int tag(String text) {
        int at = Tag.parseHex(text);
        if (at == -1 && !text.equalsIgnoreCase("FFFFFFFF")) {
            throw new NumberFormatException("not 8 hex digits");
        }
        return at;
    }

    /** An integer in [min, max]; "1.0" and "1e3" are integers too, "1.5" is not. */
    private static BigInteger integer(String text, BigInteger min, BigInteger max) {
        BigInteger v = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0
                ? new BigInteger(text)
                : new BigDecimal(text).toBigIntegerExact();
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new ArithmeticException("out of range");
        }
        return v;
    }

    private static float parseFloat(String text) {
        return switch (text) {
            case "NaN" -> Float.NaN;
            case "Infinity" -> Float.POSITIVE_INFINITY;
            case "-Infinity" -> Float.NEGATIVE_INFINITY;
            default -> Float.parseFloat(checkedDecimal(text));
        };
    }

    private static double parseDouble(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(checkedDecimal(text));
        };
    }

    /** Java also parses "1f", "0x1p3" and " 1": none of them are decimal numbers. */
    private static String checkedDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw new NumberFormatException("not a decimal number");
            }
        }
        return text;
    }
}
