package org.opendicomweb.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/** The DICOM JSON details servers commonly get wrong (shared/CLIENTS.md), one by one. */
class JsonWriterTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String json(Attributes ds) {
        return JsonWriter.toJson(ds);
    }

    private static String one(int tag, VR vr, Object value) {
        Attributes ds = new Attributes();
        ds.setValue(tag, vr, value);
        String s = json(ds);
        String prefix = "{\"" + Tag.toHex(tag) + "\":";
        assertTrue(s.startsWith(prefix), s);
        return s.substring(prefix.length(), s.length() - 1);
    }

    private static Attributes roundTrip(Attributes ds) throws IOException {
        return JsonReader.readDataset(new ByteArrayInputStream(json(ds).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void backslashIsNoDelimiterInTextVRs() {
        assertEquals(
                "{\"vr\":\"UT\",\"Value\":[\"C:\\\\dir\\\\file.txt\"]}",
                one(0x00700006, VR.UT, ascii("C:\\dir\\file.txt ")));
        assertEquals("{\"vr\":\"LT\",\"Value\":[\" a\\\\b\"]}", one(0x00204000, VR.LT, ascii(" a\\b  ")));
        assertEquals("{\"vr\":\"ST\",\"Value\":[\"x\\\\y\"]}", one(0x00081080, VR.ST, ascii("x\\y")));
        assertEquals(
                "{\"vr\":\"UR\",\"Value\":[\"http://h/a\\\\b\"]}", one(0x00081190, VR.UR, ascii("http://h/a\\b ")));
        // and is one in the others
        assertEquals("{\"vr\":\"LO\",\"Value\":[\"a\",\"b\"]}", one(0x00081030, VR.LO, ascii("a\\b ")));
    }

    @Test
    void paddingIsTrimmedFromEveryValue() {
        assertEquals(
                "{\"vr\":\"CS\",\"Value\":[\"DERIVED\",\"PRIMARY\",\"AXIAL\"]}",
                one(0x00080008, VR.CS, ascii("DERIVED \\ PRIMARY \\AXIAL ")));
        assertEquals(
                "{\"vr\":\"UI\",\"Value\":[\"1.2.3\",\"1.2.4\"]}",
                one(0x00081150, VR.UI, ascii("1.2.3\u0000\\1.2.4\u0000")));
        assertEquals("{\"vr\":\"SH\",\"Value\":[\"a\",null,\"c\"]}", one(0x00080050, VR.SH, ascii("a \\  \\c")));
    }

    @Test
    void emptyAttributesAreKept() {
        Attributes ds = new Attributes();
        ds.setValue(Tag.PatientName, VR.PN, null);
        ds.setValue(0x00080050, VR.SH, ascii("  "));
        ds.newSequence(0x00081110, 0);
        ds.setValue(0x00280010, VR.US, new byte[0]);
        ds.setValue(0x7FE00010, VR.OW, new byte[0]);
        assertEquals(
                "{\"00080050\":{\"vr\":\"SH\"},\"00081110\":{\"vr\":\"SQ\"},\"00100010\":{\"vr\":\"PN\"},"
                        + "\"00280010\":{\"vr\":\"US\"},\"7FE00010\":{\"vr\":\"OW\"}}",
                json(ds));
    }

    @Test
    void emptySequenceItemStaysAnEmptyObject() throws IOException {
        Attributes ds = new Attributes();
        Sequence seq = ds.newSequence(0x00081115, 2);
        seq.addItem();
        seq.addItem().setString(0x0020000E, VR.UI, "1.2.3");
        assertEquals(
                "{\"00081115\":{\"vr\":\"SQ\",\"Value\":[{},{\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}]}}",
                json(ds));
        assertEquals(json(ds), json(roundTrip(ds)));
    }

    @Test
    void ovSvUvAreRealVRs() throws IOException {
        byte[] sv = new byte[24];
        Endianness.putRaw(sv, 0, -5, 8, false);
        Endianness.putRaw(sv, 8, (1L << 53) + 1, 8, false);
        Endianness.putRaw(sv, 16, -(1L << 53), 8, false);
        assertEquals(
                "{\"vr\":\"SV\",\"Value\":[-5,\"9007199254740993\",-9007199254740992]}", one(0x00189219, VR.SV, sv));
        byte[] uv = new byte[16];
        Endianness.putRaw(uv, 0, 1L << 53, 8, false);
        Endianness.putRaw(uv, 8, -1L, 8, false);
        assertEquals(
                "{\"vr\":\"UV\",\"Value\":[9007199254740992,\"18446744073709551615\"]}", one(0x0008041B, VR.UV, uv));
        assertEquals(
                "{\"vr\":\"OV\",\"InlineBinary\":\"AQAAAAAAAAA=\"}",
                one(0x00080301, VR.OV, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}));
        Attributes ds = new Attributes();
        ds.setValue(0x00189219, VR.SV, sv);
        ds.setValue(0x0008041B, VR.UV, uv);
        Attributes back = roundTrip(ds);
        assertEquals(json(ds), json(back));
        assertTrue(java.util.Arrays.equals(sv, (byte[]) back.getValue(0x00189219)));
    }

    @Test
    void floatVRsOfOtherTypeAreBinaryNeverNumbers() {
        byte[] of = new byte[8];
        Endianness.putRaw(of, 0, Float.floatToIntBits(1.5f), 4, false);
        Endianness.putRaw(of, 4, Float.floatToIntBits(-2f), 4, false);
        String s = one(0x00660016, VR.OF, of);
        assertTrue(s.contains("\"InlineBinary\"") && !s.contains("Value"), s);
        assertTrue(one(Tag.FloatPixelData, VR.OF, of).contains("InlineBinary"));
        assertTrue(one(0x00660040, VR.OL, new byte[4]).contains("InlineBinary"));
        assertTrue(one(Tag.DoubleFloatPixelData, VR.OD, new byte[8]).contains("InlineBinary"));
    }

    @Test
    void extremeFloatsSurvive() throws IOException {
        float[] floats = {
            Float.MIN_VALUE,
            -Float.MIN_NORMAL / 3,
            Float.MAX_VALUE,
            0.1f,
            -0.0f,
            Float.NaN,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY
        };
        byte[] fl = new byte[floats.length * 4];
        for (int i = 0; i < floats.length; i++) {
            Endianness.putRaw(fl, 4 * i, Float.floatToRawIntBits(floats[i]), 4, false);
        }
        assertEquals(
                "{\"vr\":\"FL\",\"Value\":[1.4E-45,-3.918315E-39,3.4028235E38,0.1,-0.0,\"NaN\",\"Infinity\",\"-Infinity\"]}",
                one(0x00189219, VR.FL, fl));
        double[] doubles = {Double.MIN_VALUE, Double.MAX_VALUE, 0.1, -Double.MIN_NORMAL / 7};
        byte[] fd = new byte[doubles.length * 8];
        for (int i = 0; i < doubles.length; i++) {
            Endianness.putRaw(fd, 8 * i, Double.doubleToRawLongBits(doubles[i]), 8, false);
        }
        assertEquals(
                "{\"vr\":\"FD\",\"Value\":[4.9E-324,1.7976931348623157E308,0.1,-3.17867694072457E-309]}",
                one(0x00189219, VR.FD, fd));
        Attributes ds = new Attributes();
        ds.setValue(0x00189219, VR.FL, fl);
        ds.setValue(0x0018921A, VR.FD, fd);
        Attributes back = roundTrip(ds);
        assertTrue(java.util.Arrays.equals(fl, (byte[]) back.getValue(0x00189219)));
        assertTrue(java.util.Arrays.equals(fd, (byte[]) back.getValue(0x0018921A)));
    }

    @Test
    void decimalAndIntegerStrings() {
        assertEquals(
                "{\"vr\":\"DS\",\"Value\":[1.50,-0.5,\"+1\",\"001\",\".5\",2.5E3,\"1e400\",null]}",
                one(0x00281050, VR.DS, ascii("1.50\\-0.5\\+1\\001\\.5\\ 2.5E3 \\1e400\\")));
        assertEquals("{\"vr\":\"IS\",\"Value\":[12,\"1A\"]}", one(0x00200013, VR.IS, ascii(" 12\\1A ")));
        // 16 digits that no double holds (2^53 + 1): a string, not a rounded number; 16 digits that one holds: a number
        assertEquals(
                "{\"vr\":\"DS\",\"Value\":[\"9007199254740993\",1.2345678901234567]}",
                one(0x00281050, VR.DS, ascii("9007199254740993\\1.2345678901234567")));
    }

    @Test
    void personNameGroups() {
        Attributes ds = new Attributes();
        ds.setValue(0x00080005, VR.CS, ascii("ISO_IR 192"));
        ds.setValue(
                Tag.PatientName,
                VR.PN,
                "Yamada^Tarou=山田^太郎=やまだ^たろう\\=Only^Ideographic\\\\Doe^John^^^".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},\"00100010\":{\"vr\":\"PN\",\"Value\":["
                        + "{\"Alphabetic\":\"Yamada^Tarou\",\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"},"
                        + "{\"Ideographic\":\"Only^Ideographic\"},null,{\"Alphabetic\":\"Doe^John^^^\"}]}}",
                json(ds));
    }

    @Test
    void atIsHexAndIntegersAreNumbers() {
        byte[] at = new byte[4];
        Endianness.putInt(at, 0, 0x00100010, VR.AT, false);
        assertEquals("{\"vr\":\"AT\",\"Value\":[\"00100010\"]}", one(0x00209165, VR.AT, at));
        byte[] us = {(byte) 0xFF, (byte) 0xFF, 1, 0};
        assertEquals("{\"vr\":\"US\",\"Value\":[65535,1]}", one(0x00280010, VR.US, us));
        assertEquals("{\"vr\":\"SS\",\"Value\":[-1,1]}", one(0x00281101, VR.SS, us));
        assertEquals("{\"vr\":\"UL\",\"Value\":[4294967295]}", one(0x00081160, VR.UL, new byte[] {-1, -1, -1, -1}));
    }

    @Test
    void noGroupLengthsNoFileMetaPrivateTagsAsAnyOther() {
        Attributes ds = new Attributes();
        ds.setValue(0x00020010, VR.UI, ascii("1.2.840.10008.1.2.1\0"));
        ds.setValue(0x00080000, VR.UL, new byte[4]);
        ds.setValue(0x00090010, VR.LO, ascii("ACME 1.0"));
        ds.setValue(0x00091001, VR.SH, ascii("x"));
        assertEquals(
                "{\"00090010\":{\"vr\":\"LO\",\"Value\":[\"ACME 1.0\"]},\"00091001\":{\"vr\":\"SH\",\"Value\":[\"x\"]}}",
                json(ds));
    }

    @Test
    void bigEndianBinaryIsInlinedLittleEndian() {
        Attributes ds = new Attributes(true, 4);
        ds.setValue(0x7FE00010, VR.OW, new byte[] {0x12, 0x34});
        ds.setValue(0x00281201, VR.US, new byte[] {0x12, 0x34});
        assertEquals(
                "{\"00281201\":{\"vr\":\"US\",\"Value\":[4660]},\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"NBI=\"}}",
                json(ds));
    }

    @Test
    void bulkDataPolicyAndReferences() throws IOException {
        Attributes ds = new Attributes();
        ds.setValue(0x00420011, VR.OB, new byte[100]);
        ds.setValue(0x00660016, VR.OF, new byte[8]);
        Fragments frags = ds.newFragments(0x7FE00010, VR.OB, 2);
        frags.add(new byte[0]);
        frags.add(BulkData.atOffset(1000, 50, false));
        BulkDataPolicy policy = BulkDataPolicy.aboveThreshold(64, (a, tag, vr, value, path) -> "http://x/bulk/" + path);
        String s = write(ds, policy, null);
        assertEquals(
                "{\"00420011\":{\"vr\":\"OB\",\"BulkDataURI\":\"http://x/bulk/00420011\"},"
                        + "\"00660016\":{\"vr\":\"OF\",\"InlineBinary\":\"AAAAAAAAAAA=\"},"
                        + "\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"http://x/bulk/7FE00010\"}}",
                s);
        // Pixel data is never inline once a policy is set, even if the policy declines
        Attributes px = new Attributes();
        px.setValue(0x7FE00010, VR.OW, new byte[4]);
        assertEquals("{\"7FE00010\":{\"vr\":\"OW\"}}", write(px, (a, t, v, x, p) -> null, null));
        // A reference into a file: inline from the source, else an error; a reference with a URI keeps it
        Attributes ref = new Attributes();
        ref.setValue(0x7FE00010, VR.OW, BulkData.atOffset(2, 4, true));
        assertEquals(
                "{\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"AwIFBA==\"}}",
                write(ref, null, bd -> new ByteArrayInputStream(new byte[] {0, 1, 2, 3, 4, 5}, (int) bd.offset(), 6)));
        assertThrows(IllegalStateException.class, () -> write(ref, null, null));
        ref.setValue(0x7FE00010, VR.OW, BulkData.ofUri("http://x/px"));
        assertEquals("{\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"http://x/px\"}}", write(ref, null, null));
    }

    @Test
    void policySeesThePathIntoSequences() throws IOException {
        Attributes ds = new Attributes();
        Sequence icons = ds.newSequence(0x00880200, 1);
        icons.addItem();
        icons.addItem().setValue(0x7FE00010, VR.OW, new byte[8]);
        java.util.List<String> paths = new java.util.ArrayList<>();
        write(
                ds,
                (a, tag, vr, value, path) -> {
                    paths.add(path.toString());
                    return "u";
                },
                null);
        assertEquals(java.util.List.of("00880200/1/7FE00010"), paths);
    }

    private static String write(Attributes ds, BulkDataPolicy policy, org.opendicomweb.dicom.io.BulkDataSource source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = new JsonWriter(out)) {
            w.bulkDataPolicy(policy).bulkDataSource(source).write(ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
