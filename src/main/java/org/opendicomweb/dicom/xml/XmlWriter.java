package org.opendicomweb.dicom.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BulkDataSource;
import org.opendicomweb.dicom.json.BulkDataPolicy;
import org.opendicomweb.dicom.json.BulkValueResolver;
import org.opendicomweb.dicom.json.TagPath;

/**
 * Writes a dataset in the Native DICOM Model of PS3.19 Annex A, streaming with {@link XMLStreamWriter}:
 * {@code <NativeDicomModel>} holding a {@code <DicomAttribute tag vr keyword privateCreator>} per element,
 * with {@code <Value number>}, {@code <PersonName number>} (component groups and components as elements),
 * {@code <Item number>}, {@code <InlineBinary>} or {@code <BulkData uri>}.
 *
 * <p>Values follow the same rules as {@link org.opendicomweb.dicom.json.JsonWriter}: no group lengths, no
 * trailing padding, no File Meta Information unless asked; padding trimmed from each value; backslash a
 * delimiter except in LT, ST, UT, UR; an empty value within several is left out while the numbering keeps
 * its position; binary values and bulk data references as {@link BulkValueResolver} decides. The keyword
 * is written for standard elements the dictionary knows. A private data element whose block is reserved
 * gets the privateCreator attribute and the tag gggg00ee, the block byte left to the creator (as dcmtk's
 * dcm2xml writes them), so the XML does not depend on which block a writer happened to use.
 */
public final class XmlWriter {
    /** The namespace of the PS3.19 schema for the Native DICOM Model. */
    public static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private BulkValueResolver resolver = new BulkValueResolver(null, null);
    private final BulkValueResolver.Resolved resolved = new BulkValueResolver.Resolved();
    private final TagPath path = new TagPath();
    private boolean includeFileMeta;
    private XMLStreamWriter out;

    public XmlWriter bulkData(BulkDataPolicy policy, BulkDataSource source) {
        this.resolver = new BulkValueResolver(policy, source);
        return this;
    }

    public XmlWriter includeFileMetaInformation(boolean include) {
        this.includeFileMeta = include;
        return this;
    }

    /** Writes a complete UTF-8 document for {@code ds} to {@code os} (which is left open). */
    public void write(Attributes ds, OutputStream os) throws IOException {
        try {
            out = FACTORY.createXMLStreamWriter(os, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            out.writeStartElement("NativeDicomModel");
            out.writeDefaultNamespace(NAMESPACE);
            out.writeAttribute("xml:space", "preserve");
            attributes(ds, true);
            out.writeEndElement();
            out.writeEndDocument();
            out.flush();
            out.close();
        } catch (XMLStreamException e) {
            throw new IOException("Writing Native DICOM Model XML failed", e);
        } finally {
            out = null;
        }
    }

    private void attributes(Attributes ds, boolean topLevel) throws XMLStreamException, IOException {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (Tag.isGroupLength(tag)
                    || tag == 0xFFFCFFFC
                    || (topLevel && Tag.group(tag) == 0x0002 && !includeFileMeta)) {
                continue;
            }
            VR vr = ds.vrAt(i);
            String creator = Tag.isPrivate(tag) ? ds.privateCreatorOf(tag) : null;
            out.writeStartElement("DicomAttribute");
            // A private data element of a reserved block is gggg00ee: its privateCreator names the block.
            out.writeAttribute("tag", Tag.toHex(creator != null ? tag & 0xFFFF00FF : tag));
            out.writeAttribute("vr", vr.name());
            if (creator != null) {
                out.writeAttribute("privateCreator", creator);
            } else if (!Tag.isPrivate(tag)) {
                String keyword = ElementDictionary.keywordOf(tag);
                if (keyword != null && !keyword.isEmpty()) {
                    out.writeAttribute("keyword", keyword);
                }
            }
            path.push(tag);
            try {
                value(ds, i, tag, vr, ds.valueAt(i));
            } finally {
                path.pop();
            }
            out.writeEndElement();
        }
    }

    private void value(Attributes ds, int i, int tag, VR vr, Object v) throws XMLStreamException, IOException {
        if (v instanceof BulkData || v instanceof Fragments || (vr.kind() == VR.Kind.BULK && v instanceof byte[])) {
            if (v instanceof byte[] b && b.length == 0) {
                return;
            }
            resolver.resolve(ds, tag, vr, v, path, resolved);
            if (resolved.uri != null) {
                out.writeEmptyElement("BulkData");
                out.writeAttribute("uri", resolved.uri);
            } else if (resolved.bytes != null && resolved.bytes.length > 0) {
                out.writeStartElement("InlineBinary");
                out.writeCharacters(Base64.getEncoder().encodeToString(resolved.bytes));
                out.writeEndElement();
            }
            resolved.bytes = null;
            return;
        }
        if (vr == VR.SQ) {
            if (v instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    path.enterItem(k);
                    out.writeStartElement("Item");
                    out.writeAttribute("number", Integer.toString(k + 1));
                    attributes(seq.get(k), false);
                    out.writeEndElement();
                }
            }
            return;
        }
        String[] values = ds.stringsAt(i);
        if (vr.kind() == VR.Kind.BINARY && v instanceof byte[] b) {
            values = binaryStrings(b, vr, ds.bigEndian());
        }
        for (int k = 0; k < values.length; k++) {
            String s = values[k];
            if (s == null || s.isEmpty()) {
                continue;
            }
            if (vr == VR.PN) {
                personName(s, k + 1);
            } else {
                out.writeStartElement("Value");
                out.writeAttribute("number", Integer.toString(k + 1));
                text(s);
                out.writeEndElement();
            }
        }
    }

    /**
     * Character data with every CR as a character reference: a parser turns a literal CR or CRLF into LF (XML 1.0
     * §2.11), which would change the text of LT, ST and UT values.
     */
    private void text(String s) throws XMLStreamException {
        int start = 0;
        for (int cr = s.indexOf('\r'); cr >= 0; cr = s.indexOf('\r', start)) {
            out.writeCharacters(s.substring(start, cr));
            out.writeEntityRef("#13");
            start = cr + 1;
        }
        out.writeCharacters(start == 0 ? s : s.substring(start));
    }

    /** Like the JSON writer: floats in their shortest form, AT as 8 hex digits, UV unsigned. */
    private static String[] binaryStrings(byte[] b, VR vr, boolean be) {
        int width = vr.valueSize();
        String[] out = new String[b.length / width];
        for (int k = 0; k < out.length; k++) {
            int off = k * width;
            out[k] = switch (vr) {
                case FL -> Float.toString(Float.intBitsToFloat((int) Endianness.raw(b, off, 4, be)));
                case FD -> Double.toString(Double.longBitsToDouble(Endianness.raw(b, off, 8, be)));
                case UV -> Long.toUnsignedString(Endianness.raw(b, off, 8, be));
                case AT -> Tag.toHex((int) Endianness.getLong(b, off, vr, be));
                default -> Long.toString(Endianness.getLong(b, off, vr, be));
            };
        }
        return out;
    }

    private void personName(String value, int number) throws XMLStreamException {
        String[] groups = value.split("=", 3);
        boolean any = false;
        for (String g : groups) {
            any |= !g.replace("^", "").isEmpty();
        }
        if (!any) {
            return;
        }
        out.writeStartElement("PersonName");
        out.writeAttribute("number", Integer.toString(number));
        for (int g = 0; g < groups.length; g++) {
            String[] components = groups[g].split("\\^", 5);
            boolean present = false;
            for (String c : components) {
                present |= !c.isEmpty();
            }
            if (!present) {
                continue;
            }
            out.writeStartElement(GROUPS[g]);
            for (int c = 0; c < components.length; c++) {
                if (!components[c].isEmpty()) {
                    out.writeStartElement(COMPONENTS[c]);
                    text(components[c]);
                    out.writeEndElement();
                }
            }
            out.writeEndElement();
        }
        out.writeEndElement();
    }
}
