package org.opendicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTargetTest {

    @Test
    void aValidTargetIsReturnedAsItIs() {
        String target = "/dicom-web/studies?PatientName=Doe%5EPeter&includefield=00081030%2C00080060&x=a+b;c=d*?";
        assertSame(target, RequestTarget.normalized(target));
    }

    @ParameterizedTest
    @CsvSource(
            quoteCharacter = '\'',
            value = {
                "'/s?n=Doe^Peter', '/s?n=Doe%5EPeter'",
                "'/s?n=a|b{c}[d]`e', '/s?n=a%7Cb%7Bc%7D%5Bd%5D%60e'",
                "'/s?n=a\\b\"c<d>', '/s?n=a%5Cb%22c%3Cd%3E'",
                "'/s/1^2?n=x', '/s/1%5E2?n=x'"
            })
    void charactersClientsLeaveUnencodedArePercentEncoded(String target, String expected) {
        assertEquals(expected, RequestTarget.normalized(target));
    }

    @Test
    void eachCharacterOfARawByteBecomesThatByteEncoded() {
        // "Müller" as UTF-8, each byte handed over as one character by the HTTP codec
        String target = "/s?n=M\u00c3\u00bcller";
        assertEquals("/s?n=M%C3%BCller", RequestTarget.normalized(target));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 'the control character 0x00'",
        "31, 'the control character 0x1F'",
        "127, 'the control character 0x7F'",
        "32, 'a space'"
    })
    void aControlCharacterOrSpaceIsABadRequest(int c, String named) {
        DicomwebException e =
                assertThrows(DicomwebException.class, () -> RequestTarget.normalized("/s?n=a" + (char) c));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(named + " at position 6"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"/s?n=%", "/s?n=%4", "/s?n=%zz", "/s?n=%4g"})
    void aPercentSignThatStartsNoEscapeIsABadRequest(String target) {
        DicomwebException e = assertThrows(DicomwebException.class, () -> RequestTarget.normalized(target));
        assertTrue(e.getMessage().startsWith("Malformed percent-encoding at position 5"), e.getMessage());
    }

    @Test
    void aCharacterBeyondAByteIsABadRequest() {
        assertThrows(DicomwebException.class, () -> RequestTarget.normalized("/s?n=\u0100"));
    }

    @Test
    void aTargetThatIsStillNoUriIsABadRequest() {
        DicomwebException e = assertThrows(DicomwebException.class, () -> RequestTarget.normalized("/s?n=a#b#c"));
        assertTrue(e.getMessage().startsWith("Malformed request target"), e.getMessage());
    }
}
