package org.opendicomweb.dicom.charset;

import java.nio.charset.StandardCharsets;
import org.opendicomweb.dicom.VR;

/** Placeholder until the full implementation lands: default repertoire and UTF-8 only. */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(false);
    private static final SpecificCharacterSet UTF8 = new SpecificCharacterSet(true);
    private final boolean utf8;

    private SpecificCharacterSet(boolean utf8) {
        this.utf8 = utf8;
    }

    public static SpecificCharacterSet valueOf(String... terms) {
        return terms.length > 0 && "ISO_IR 192".equals(terms[terms.length - 1]) ? UTF8 : DEFAULT;
    }

    public String decode(byte[] b, int off, int len, VR vr) {
        return new String(b, off, len, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    public byte[] encode(String s, VR vr) {
        return s.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }
}
