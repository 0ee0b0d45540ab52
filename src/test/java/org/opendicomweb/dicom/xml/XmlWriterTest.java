package org.opendicomweb.dicom.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BulkDataSource;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The Native DICOM Model: well-formed, the expected structure, and the same content as dcm2xml's. */
@UsesTools
class XmlWriterTest {
    private static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private static byte[] xml(Attributes ds, BulkDataSource source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlWriter().bulkData(null, source).write(ds, out);
        return out.toByteArray();
    }

    private static Document parse(byte[] xml, boolean namespaceAware) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(namespaceAware);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String xpath(Document doc, String expr) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        return (String) x.evaluate(expr, doc, XPathConstants.STRING);
    }

    @Test
    void structureOfTheModel() throws Exception {
        Attributes ds = new Attributes();
        ds.setValue(0x00080005, VR.CS, "ISO_IR 192".getBytes());
        ds.setValue(0x00080008, VR.CS, "DERIVED \\\\AXIAL ".getBytes());
        ds.setValue(0x00090010, VR.LO, "ACME".getBytes());
        ds.setValue(0x00091001, VR.SH, "x".getBytes());
        ds.setValue(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎".getBytes(StandardCharsets.UTF_8));
        ds.setValue(0x00100020, VR.LO, null);
        byte[] fl = new byte[4];
        Endianness.putRaw(fl, 0, Float.floatToIntBits(Float.MIN_VALUE), 4, false);
        ds.setValue(0x00189219, VR.FL, fl);
        Sequence seq = ds.newSequence(0x00081115, 2);
        seq.addItem();
        seq.addItem().setString(0x0020000E, VR.UI, "1.2.3");
        ds.setValue(0x7FE00010, VR.OW, new byte[] {1, 2, 3, 4});
        Document doc = parse(xml(ds, null), true);
        Element root = doc.getDocumentElement();
        assertEquals("NativeDicomModel", root.getLocalName());
        assertEquals(XmlWriter.NAMESPACE, root.getNamespaceURI());
        Document plain = parse(xml(ds, null), false);
        assertEquals("DERIVED", xpath(plain, "//DicomAttribute[@tag='00080008']/Value[@number='1']"));
        assertEquals("AXIAL", xpath(plain, "//DicomAttribute[@tag='00080008']/Value[@number='3']"));
        assertEquals("0", xpath(plain, "count(//DicomAttribute[@tag='00080008']/Value[@number='2'])"));
        assertEquals("ImageType", xpath(plain, "//DicomAttribute[@tag='00080008']/@keyword"));
        assertEquals("ACME", xpath(plain, "//DicomAttribute[@tag='00090001']/@privateCreator"));
        assertEquals("x", xpath(plain, "//DicomAttribute[@tag='00090001']/Value"));
        assertEquals(
                "Yamada",
                xpath(plain, "//DicomAttribute[@tag='00100010']/PersonName[@number='1']/Alphabetic/FamilyName"));
        assertEquals("太郎", xpath(plain, "//DicomAttribute[@tag='00100010']/PersonName/Ideographic/GivenName"));
        assertEquals("0", xpath(plain, "count(//DicomAttribute[@tag='00100020']/*)"));
        assertEquals("1.4E-45", xpath(plain, "//DicomAttribute[@tag='00189219']/Value"));
        assertEquals("0", xpath(plain, "count(//DicomAttribute[@tag='00081115']/Item[@number='1']/*)"));
        assertEquals(
                "1.2.3",
                xpath(
                        plain,
                        "//DicomAttribute[@tag='00081115']/Item[@number='2']/DicomAttribute[@tag='0020000E']/Value"));
        assertEquals("AQIDBA==", xpath(plain, "//DicomAttribute[@tag='7FE00010']/InlineBinary"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlWriter().bulkData((a, t, v, value, p) -> "http://h/" + p, null).write(ds, out);
        assertEquals(
                "http://h/7FE00010",
                xpath(parse(out.toByteArray(), false), "//DicomAttribute[@tag='7FE00010']/BulkData/@uri"));
    }

    /** Compared with dcm2xml --native-format: binary values only as present/absent (it writes UUID references). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "test_files/CT_small.dcm",
                "test_files/rtplan.dcm",
                "test_files/MR_small_bigendian.dcm",
                "test_files/nested_priv_SQ.dcm",
                "charset_files/chrRuss.dcm",
                "test_files/reportsi.dcm"
            })
    void sameContentAsDcm2xml(String name) throws Exception {
        Path file = DATA.resolve(name);
        RequiredTools.require(Tool.PYDICOM_FILES, Tool.DCMTK);
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            ds = in.readDataset();
        }
        BulkDataSource source = bd -> {
            SeekableByteChannel ch = Files.newByteChannel(file);
            ch.position(bd.offset());
            return Channels.newInputStream(ch);
        };
        Process p = new ProcessBuilder("dcm2xml", "--native-format", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] theirs = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "dcm2xml failed");
        List<String> ours = canonical(parse(xml(ds, source), false).getDocumentElement(), "", true);
        List<String> expected = canonical(parse(theirs, false).getDocumentElement(), "", false);
        // keywords: where dcm2xml's dictionary has one, ours must be the same (ours is newer: it has more)
        List<String> oursWithoutNewKeywords = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            String line = ours.get(i);
            oursWithoutNewKeywords.add(
                    i < expected.size() && !expected.get(i).contains(" kw=") ? line.replaceAll(" kw=\\S*", "") : line);
        }
        assertEquals(String.join("\n", expected), String.join("\n", oursWithoutNewKeywords));
    }

    /**
     * One line per attribute and value. Normalised: (0008,0005) left out (dcm2xml rewrites it for its UTF-8
     * output), group lengths and trailing padding left out, binary content as a marker, FL/FD by value.
     */
    private static List<String> canonical(Element parent, String path, boolean ours) {
        List<String> lines = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !e.getTagName().equals("DicomAttribute")) {
                continue;
            }
            String tag = e.getAttribute("tag");
            if (tag.equals("00080005") || tag.endsWith("0000") || tag.equals("FFFCFFFC")) {
                continue;
            }
            String vr = e.getAttribute("vr");
            String head = path + tag + " " + vr + " " + e.getAttribute("privateCreator");
            String keyword = e.getAttribute("keyword");
            lines.add(head + (keyword.isEmpty() ? "" : " kw=" + keyword));
            NodeList children = e.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (!(children.item(i) instanceof Element c)) {
                    continue;
                }
                switch (c.getTagName()) {
                    case "Item" ->
                        lines.addAll(canonical(c, head.split(" ")[0] + "/" + c.getAttribute("number") + "/", ours));
                    case "InlineBinary", "BulkData" -> lines.add(head + " = binary");
                    case "PersonName" -> lines.add(head + " #" + c.getAttribute("number") + " = " + personName(c));
                    default -> {
                        String text = c.getTextContent();
                        if (vr.equals("FL") || vr.equals("FD")) {
                            text = Double.toString(
                                    vr.equals("FL")
                                            ? (float) Double.parseDouble(text) + 0.0f
                                            : Double.parseDouble(text) + 0.0);
                        }
                        lines.add(head + " #" + c.getAttribute("number") + " = " + text);
                    }
                }
            }
        }
        return lines;
    }

    /** "Alphabetic.FamilyName=Doe Alphabetic.GivenName=John ...", whitespace between elements ignored. */
    private static String personName(Element pn) {
        StringBuilder sb = new StringBuilder();
        for (Node g = pn.getFirstChild(); g != null; g = g.getNextSibling()) {
            if (g instanceof Element group) {
                for (Node c = group.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element component) {
                        sb.append(group.getTagName())
                                .append('.')
                                .append(component.getTagName())
                                .append('=')
                                .append(component.getTextContent())
                                .append(' ');
                    }
                }
            }
        }
        return sb.toString().strip();
    }
}
