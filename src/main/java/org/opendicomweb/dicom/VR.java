package org.opendicomweb.dicom;

/**
 * Value Representations of PS3.5 §6.2 (Table 6.2-1), including the 2019 additions OV, SV, UV.
 *
 * <p>{@code longHeader}: the VR uses the 12-byte explicit header with a 32-bit length (PS3.5 §7.1.2).
 * {@code valueSize}: the width of one binary value, 0 for string and sequence VRs; it also tells how many
 * bytes to swap when changing endianness, except for AT, a pair of 16-bit numbers (see
 * {@link Endianness#swapWidth}).
 */
public enum VR {
    AE(Kind.STRING, false, 0, ' '),
    AS(Kind.STRING, false, 0, ' '),
    AT(Kind.BINARY, false, 4, 0),
    CS(Kind.STRING, false, 0, ' '),
    DA(Kind.STRING, false, 0, ' '),
    DS(Kind.STRING, false, 0, ' '),
    DT(Kind.STRING, false, 0, ' '),
    FD(Kind.BINARY, false, 8, 0),
    FL(Kind.BINARY, false, 4, 0),
    IS(Kind.STRING, false, 0, ' '),
    LO(Kind.STRING, false, 0, ' '),
    LT(Kind.TEXT, false, 0, ' '),
    OB(Kind.BULK, true, 1, 0),
    OD(Kind.BULK, true, 8, 0),
    OF(Kind.BULK, true, 4, 0),
    OL(Kind.BULK, true, 4, 0),
    OV(Kind.BULK, true, 8, 0),
    OW(Kind.BULK, true, 2, 0),
    PN(Kind.STRING, false, 0, ' '),
    SH(Kind.STRING, false, 0, ' '),
    SL(Kind.BINARY, false, 4, 0),
    SQ(Kind.SEQUENCE, true, 0, 0),
    SS(Kind.BINARY, false, 2, 0),
    ST(Kind.TEXT, false, 0, ' '),
    SV(Kind.BINARY, true, 8, 0),
    TM(Kind.STRING, false, 0, ' '),
    UC(Kind.STRING, true, 0, ' '),
    UI(Kind.STRING, false, 0, 0),
    UL(Kind.BINARY, false, 4, 0),
    UN(Kind.BULK, true, 1, 0),
    UR(Kind.TEXT, true, 0, ' '),
    US(Kind.BINARY, false, 2, 0),
    UT(Kind.TEXT, true, 0, ' '),
    UV(Kind.BINARY, true, 8, 0);

    /** How values of a VR are held and encoded. */
    public enum Kind {
        /** Character string, multi-valued with backslash. */
        STRING,
        /** Character string where backslash is an ordinary character (LT, ST, UT, UR: PS3.5 §6.2). */
        TEXT,
        /** Fixed-width binary numbers (and AT), multi-valued by count. */
        BINARY,
        /** Other-byte/word/... values: opaque, the candidates for bulk data. */
        BULK,
        SEQUENCE
    }

    private final Kind kind;
    private final boolean longHeader;
    private final int valueSize;
    private final int paddingByte;
    private final int code;

    VR(Kind kind, boolean longHeader, int valueSize, int paddingByte) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.valueSize = valueSize;
        this.paddingByte = paddingByte;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    public Kind kind() {
        return kind;
    }

    public boolean longHeader() {
        return longHeader;
    }

    /** Bytes per binary value; 0 for strings and sequences, 1 for OB and UN. */
    public int valueSize() {
        return valueSize;
    }

    /** Padding to an even length: space for character strings, NUL for UI and binary VRs (PS3.5 §6.2). */
    public int paddingByte() {
        return paddingByte;
    }

    /** The two ASCII letters as a big-endian 16-bit number, as they appear in an explicit VR header. */
    public int code() {
        return code;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** Values of these VRs are decoded with the Specific Character Set (PS3.5 §6.1.2.3); others are ASCII. */
    public boolean usesSpecificCharacterSet() {
        return switch (this) {
            case SH, LO, ST, LT, PN, UC, UT -> true;
            default -> false;
        };
    }

    /** Backslash separates values (PS3.5 §6.4); not so for LT, ST, UT, UR. */
    public boolean isMultiValuedString() {
        return kind == Kind.STRING;
    }

    /** Byte order matters: values wider than one byte are swapped between little and big endian. */
    public boolean isSwapped() {
        return (kind == Kind.BINARY || kind == Kind.BULK) && valueSize > 1;
    }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    /** The VR for the two bytes of an explicit header, or {@code null} if they name no VR. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }
}
