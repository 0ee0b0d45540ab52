package org.opendicomweb.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes one value with the sets of (0008,0005), emitting escape sequences only where a character is
 * missing from what G0 and G1 hold at that point (PS3.5 §6.1.2.5).
 *
 * <p>Before every control character, before '^' and '=' in PN and at the end of the value, the designations
 * are brought back to those of value 1 (PS3.5 §6.1.2.5.3), so each value, component group and line can be
 * read on its own. A character no available set holds is written as '?', as a lossy value beats none.
 */
final class Iso2022Encoder {

    private final GraphicSet initialG0;
    private final GraphicSet initialG1;
    /** The sets an escape may bring in, in the order of the terms of (0008,0005): value 1's sets win ties. */
    private final List<GraphicSet> available;

    Iso2022Encoder(GraphicSet initialG0, GraphicSet initialG1, List<GraphicSet> available) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.available = available;
    }

    byte[] encode(String value, boolean personName) {
        Run run = new Run(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                run.returnToInitial();
                // A literal ESC would be read back as the start of an escape sequence.
                run.out.write(c == 0x1B ? '?' : c);
            } else if (personName && (c == '^' || c == '=')) {
                run.returnToInitial();
                run.writeIn(run.g0, run.g0.encode(c));
            } else if (!run.tryCurrent(c) && !run.tryDesignating(c)) {
                run.writeUnencodable();
                if (Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++; // one '?' per code point: no set here holds characters beyond the BMP
                }
            }
        }
        run.returnToInitial();
        return run.out.toByteArray();
    }

    /** The state of one value being written. */
    private final class Run {
        final ByteArrayOutputStream out;
        GraphicSet g0 = initialG0;
        GraphicSet g1 = initialG1;

        Run(int expectedLength) {
            out = new ByteArrayOutputStream(expectedLength + 8);
        }

        boolean tryCurrent(char c) {
            int code = g0.encode(c);
            if (code >= 0) {
                writeIn(g0, code);
                return true;
            }
            if (g1 != null && (code = g1.encode(c)) >= 0) {
                writeIn(g1, code);
                return true;
            }
            return false;
        }

        boolean tryDesignating(char c) {
            for (GraphicSet set : available) {
                int code = set.encode(c);
                if (code >= 0) {
                    designate(set);
                    writeIn(set, code);
                    return true;
                }
            }
            return false;
        }

        void writeUnencodable() {
            if (g0.encode('?') < 0) {
                designate(initialG0);
            }
            writeIn(g0, g0.encode('?'));
        }

        void returnToInitial() {
            if (g0 != initialG0) {
                designate(initialG0);
            }
            if (g1 != initialG1) {
                if (initialG1 != null) {
                    designate(initialG1);
                } else {
                    // No escape can empty G1; the reader drops it here too, so designate afresh when next needed.
                    g1 = null;
                }
            }
        }

        void designate(GraphicSet set) {
            out.writeBytes(set.escape());
            if (set.slot() == GraphicSet.Slot.G0) {
                g0 = set;
            } else {
                g1 = set;
            }
        }

        /** Writes a 7-bit code through the element holding {@code set}: G1 bytes carry the high bit. */
        void writeIn(GraphicSet set, int code) {
            int highBit = set.slot() == GraphicSet.Slot.G1 ? 0x80 : 0;
            if (set.width() == 2) {
                out.write((code >> 8) | highBit);
            }
            out.write((code & 0xFF) | highBit);
        }
    }
}
