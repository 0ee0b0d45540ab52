package org.opendicomweb.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectReaderTest {

    @Test
    void aTokenResponseIsReadWithItsTypes() {
        Map<String, Object> answer = JsonObjectReader.read("""
                {"access_token":"eyJ\\u0041.b\\/c","expires_in":300, "refresh_expires_in" : 0,
                 "token_type":"Bearer","not-before-policy":0,"scope":"email profile",
                 "nested":{"a":[1,2.5e1,true,false,null,"x\\"y"]}}
                """);
        assertEquals("eyJA.b/c", answer.get("access_token"));
        assertEquals(300.0, answer.get("expires_in"));
        assertEquals("Bearer", answer.get("token_type"));
        assertEquals(Map.of("a", Arrays.asList(1.0, 25.0, true, false, null, "x\"y")), answer.get("nested"));
    }

    @Test
    void anEmptyObjectHasNoMembers() {
        assertEquals(Map.of(), JsonObjectReader.read(" {} "));
        assertEquals(List.of(), JsonObjectReader.read("{\"a\":[]}").get("a"));
    }

    @Test
    void whatIsNoJsonObjectIsRefusedWithoutRepeatingTheText() {
        for (String bad : new String[] {
            "",
            "[]",
            "<html>",
            "{\"a\":1",
            "{\"a\":1}x",
            "{\"a\" 1}",
            "{\"a\":tru}",
            "{\"a\":\"\\x\"}",
            "{\"a\":-}",
            "{\"a\":\"open"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> JsonObjectReader.read(bad), bad);
            // Only where it stopped: the text may be a token endpoint's answer.
            assertTrue(e.getMessage().matches("not a JSON object: expected .+ at character \\d+"), e.getMessage());
        }
    }
}
