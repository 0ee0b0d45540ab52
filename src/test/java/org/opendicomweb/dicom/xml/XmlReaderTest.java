package org.opendicomweb.dicom.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BulkDataSource;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.json.JsonWriter;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/**
 * Reading the Native DICOM Model. What dcm2xml writes is read in the STOW-RS tests (stored, retrieved and compared
 * with pydicom); here: our own writer's output reads back to the same dataset, and hostile or odd documents.
 */
class XmlReaderTest {
    private static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private static Attributes read(String xml) throws IOException {
        return XmlReader.readDataset(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(Attributes ds, BulkDataSource source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = new JsonWriter(out)) {
            w.bulkDataSource(source).write(ds);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "test_files/CT_small.dcm",
                "test_files/rtplan.dcm",
                "test_files/test-SR.dcm",
                "test_files/waveform_ecg.dcm",
                "charset_files/chrH31.dcm",
                "charset_files/chrSQEncoding.dcm",
                "test_files/nested_priv_SQ.dcm"
            })
    @UsesTools
    void whatXmlWriterWritesReadsBackToTheSameDataset(String name) throws IOException {
        Path file = DATA.resolve(name);
        RequiredTools.require(Tool.PYDICOM_FILES);
        Attributes original;
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            original = in.readDataset();
        }
        BulkDataSource source = bd -> {
            SeekableByteChannel ch = Files.newByteChannel(file);
            ch.position(bd.offset());
            return Channels.newInputStream(ch);
        };
        blankEmptyNames(original);
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new XmlWriter().bulkData(null, source).write(original, xml);
        Attributes back = XmlReader.readDataset(new ByteArrayInputStream(xml.toByteArray()));
        assertEquals(json(original, source), json(back, null));
    }

    /**
     * A name of empty components only ("^^^^") has nothing for the XML model to hold: PS3.19 writes no PersonName
     * for it, so it reads back as the empty value it means.
     */
    private static void blankEmptyNames(Attributes ds) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                seq.forEach(XmlReaderTest::blankEmptyNames);
            } else if (ds.vrAt(i) == VR.PN
                    && String.join("", ds.stringsAt(i)).replaceAll("[\\^=]", "").isBlank()) {
                ds.setValue(ds.tagAt(i), VR.PN, null);
            }
        }
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
        String xxe =
                "<?xml version=\"1.0\"?><!DOCTYPE NativeDicomModel [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                        + "<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"PN\"><PersonName number=\"1\"><Alphabetic>"
                        + "<FamilyName>&secret;</FamilyName></Alphabetic></PersonName></DicomAttribute></NativeDicomModel>";
        DicomParseException e = assertThrows(DicomParseException.class, () -> read(xxe));
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
    }

    @Test
    void privateElementsGoToTheBlockTheirCreatorReserves() throws IOException {
        Attributes ds = read("""
                <NativeDicomModel xmlns="http://dicom.nema.org/PS3.19/models/NativeDICOM">
                  <DicomAttribute tag="00090010" vr="LO"><Value number="1">OTHER</Value></DicomAttribute>
                  <DicomAttribute tag="00090012" vr="SH" privateCreator="ACME"><Value number="1">b</Value></DicomAttribute>
                  <DicomAttribute tag="00090011" vr="LO"><Value number="1">ACME</Value></DicomAttribute>
                  <DicomAttribute tag="00090001" vr="SH" privateCreator="NEW"><Value number="1">c</Value></DicomAttribute>
                </NativeDicomModel>""");
        assertEquals("b", ds.getString(0x00091112));
        assertEquals("NEW", ds.getString(0x00090012));
        assertEquals("c", ds.getString(0x00091201));
        assertEquals("OTHER", ds.getString(0x00090010));
    }

    @Test
    void valuesKeepTheirNumberedPositions() throws IOException {
        Attributes ds = read("""
                <NativeDicomModel>
                  <DicomAttribute tag="00080008" vr="CS"><Value number="3">C</Value><Value number="1">A</Value></DicomAttribute>
                  <DicomAttribute tag="00280010" vr="US"><Value number="1">512</Value></DicomAttribute>
                  <DicomAttribute tag="00100010" vr="PN"><PersonName number="1"><Alphabetic><FamilyName>Doe</FamilyName>
                    <MiddleName>Q</MiddleName></Alphabetic><Phonetic><FamilyName>do</FamilyName></Phonetic></PersonName>
                  </DicomAttribute>
                  <DicomAttribute tag="7FE00010" vr="OW"><BulkData uri="bulk/1"/></DicomAttribute>
                  <DicomAttribute tag="00081140" vr="SQ"><Item number="2"/></DicomAttribute>
                </NativeDicomModel>""");
        assertArrayEquals(new String[] {"A", "", "C"}, ds.getStrings(Tag.ImageType));
        assertEquals(512, ds.getInt(Tag.Rows, -1));
        assertEquals("Doe^^Q==do", ds.getString(Tag.PatientName));
        assertEquals(BulkData.ofUri("bulk/1"), ds.getValue(Tag.PixelData));
        assertEquals(2, ds.getSequence(Tag.ReferencedImageSequence).size());
    }

    @Test
    void faultsNameTheAttributeAndThePlace() {
        DicomParseException e = assertThrows(
                DicomParseException.class,
                () -> read(
                        "<NativeDicomModel>\n<DicomAttribute tag=\"00280010\" vr=\"US\"><Value number=\"1\">70000</Value>"
                                + "</DicomAttribute></NativeDicomModel>"));
        assertTrue(e.getMessage().contains("\"70000\" is not a valid US value"), e.getMessage());
        assertTrue(e.getMessage().contains("(0028,0010)"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(
                DicomParseException.class,
                () -> read("<NativeDicomModel><DicomAttribute tag=\"0010001\" " + "vr=\"PN\"/></NativeDicomModel>"));
        assertTrue(e.getMessage().contains("tag \"0010001\" is not 8 hex digits"), e.getMessage());
        e = assertThrows(DicomParseException.class, () -> read("<Other/>"));
        assertTrue(e.getMessage().contains("not <NativeDicomModel>"), e.getMessage());
        e = assertThrows(
                DicomParseException.class,
                () -> read("<NativeDicomModel><DicomAttribute tag=\"00100010\" "
                        + "vr=\"PN\"><Value number=\"1\">x</Value></DicomAttribute></NativeDicomModel>"));
        assertTrue(e.getMessage().contains("<Value> is not allowed for VR PN"), e.getMessage());
    }
}
