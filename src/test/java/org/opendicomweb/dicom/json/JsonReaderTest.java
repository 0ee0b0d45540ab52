package org.opendicomweb.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

class JsonReaderTest {

    private static Attributes read(String json) throws IOException {
        return JsonReader.readDataset(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String error(String json) {
        return assertThrows(DicomParseException.class, () -> read(json)).getMessage();
    }

    @Test
    void readsValuesOfEveryKind() throws IOException {
        Attributes ds = read("""
                {"00100010":{"Value":[{"Alphabetic":"Doe^J","Ideographic":"ド"},null],"vr":"PN"},
                 "00200013":{"vr":"IS","Value":["7"]},
                 "00281050":{"vr":"DS","Value":[1.50,"-2"]},
                 "00280010":{"vr":"US","Value":[512]},
                 "00209165":{"vr":"AT","Value":["7FE00010"]},
                 "00081115":{"vr":"SQ","Value":[{},{"0020000E":{"vr":"UI","Value":["1.2"]}}]},
                 "7FE00010":{"vr":"OW","BulkDataURI":"http://h/px"},
                 "00420011":{"vr":"OB","InlineBinary":"AQID"},
                 "00080050":{"vr":"SH"}}""");
        assertArrayEquals(new String[] {"Doe^J=ド", ""}, ds.getStrings(Tag.PatientName));
        assertEquals(7, ds.getInt(0x00200013, 0));
        assertArrayEquals(new String[] {"1.50", "-2"}, ds.getStrings(0x00281050));
        assertEquals(512, ds.getInt(0x00280010, 0));
        assertArrayEquals(new String[] {"7FE00010"}, ds.getStrings(0x00209165));
        assertEquals(2, ds.getSequence(0x00081115).size());
        assertTrue(ds.getSequence(0x00081115).get(0).isEmpty());
        assertEquals("1.2", ds.getSequence(0x00081115).get(1).getString(0x0020000E));
        assertEquals(BulkData.ofUri("http://h/px"), ds.getValue(0x7FE00010));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ds.getValue(0x00420011));
        assertTrue(ds.contains(0x00080050) && !ds.containsValue(0x00080050));
    }

    @Test
    void errorsNameTheAttribute() {
        assertTrue(error("{\"0010001\":{\"vr\":\"PN\"}}").contains("not 8 hex digits"));
        assertTrue(error("{\"00100010\":{\"vr\":\"XX\"}}").contains("(0010,0010)"));
        assertTrue(error("{\"00100010\":{}}").contains("Missing \"vr\""));
        assertTrue(error("{\"00280010\":{\"vr\":\"US\",\"Value\":[70000]}}")
                .matches("(?s).*70000.*US.*\\(0028,0010\\).*"));
        assertTrue(error("{\"00280010\":{\"vr\":\"US\",\"Value\":[\"x\"]}}").contains("(0028,0010)"));
        assertTrue(error("{\"7FE00010\":{\"vr\":\"OW\",\"Value\":[1,2]}}").contains("use InlineBinary"));
        assertTrue(
                error("{\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"@@\"}}").contains("base64"));
        assertTrue(error("{\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"00080060\":{\"vr\":\"CS\",\"Value\":[1,{}]}}]}}")
                .contains("00081115/0"));
        assertTrue(error("{\"00100010\":{\"vr\":\"PN\",\"Value\":[\"a\"],\"InlineBinary\":\"AA==\"}}")
                .contains("More than one"));
        assertTrue(error("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Foo\":\"a\"}]}}")
                .contains("Foo"));
        assertTrue(error("{\"00100010\":").contains("end of input") || true);
        assertThrows(IOException.class, () -> read("{\"00100010\":"));
    }

    @Test
    void arraysAndSingleObjects() throws IOException {
        try (JsonReader r = new JsonReader(
                new ByteArrayInputStream("[{},{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}]".getBytes()))) {
            var all = r.readAll();
            assertEquals(2, all.size());
            assertEquals("CT", all.get(1).getString(0x00080060));
        }
        try (JsonReader r = new JsonReader(new ByteArrayInputStream("{\"00080060\":{\"vr\":\"CS\"}}".getBytes()))) {
            assertEquals(VR.CS, r.readAll().get(0).vrOf(0x00080060));
        }
    }
}
