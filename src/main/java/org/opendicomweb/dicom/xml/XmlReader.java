package org.opendicomweb.dicom.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BinaryValueParser;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.Base64Writer;
import org.opendicomweb.dicom.io.BinarySpill;
import org.opendicomweb.dicom.io.SpillingOutputStream;

/**
 * Reads one dataset in the Native DICOM Model of PS3.19 Annex A, streaming with {@link XMLStreamReader}:
 * {@code <NativeDicomModel>} (with or without the PS3.19 namespace) holding {@code <DicomAttribute tag vr
 * keyword privateCreator>} elements whose content is {@code <Value number>}, {@code <PersonName number>},
 * {@code <Item number>}, {@code <InlineBinary>} or {@code <BulkData uri|uuid>}.
 *
 * <p>The result is like {@link org.opendicomweb.dicom.json.JsonReader}'s: strings as Unicode {@code String}
 * values, numbers of binary VRs as little endian bytes, InlineBinary decoded, BulkData as
 * {@link BulkData#ofUri} (a {@code uuid} becomes the URI {@code urn:uuid:<uuid>}). Values are placed by their
 * {@code number}, so a value left out keeps its position as an empty value. A private data element written as
 * {@code gggg00ee} with {@code privateCreator} (how PS3.19 writers, ours and dcmtk's, spell them) is placed in
 * the block that creator reserves in its dataset, or in a free block reserved for it when none does.
 *
 * <p>DTDs and external entities are refused, so a document can neither read local files nor expand entities
 * without bound. Malformed input is a {@link DicomParseException} naming the problem, the attribute and the
 * line and column.
 */
public final class XmlReader {
    private static final XMLInputFactory FACTORY = newFactory();
    /** Highest {@code number} of a value or item accepted; bounds the array a hostile number could demand. */
    private static final int MAX_NUMBER = 1 << 20;

    private static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] PN_COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private final XMLStreamReader xml;
    private final BinarySpill spill;

    private XmlReader(XMLStreamReader xml, BinarySpill spill) {
        this.xml = xml;
        this.spill = spill;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Text in pieces: a long InlineBinary is decoded piece by piece rather than held as one string.
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** Reads the document in {@code in}; its encoding comes from the XML declaration (UTF-8 without one). */
    public static Attributes readDataset(InputStream in) throws IOException {
        return readDataset(in, null);
    }

    /**
     * Like {@link #readDataset(InputStream)}, with InlineBinary values over {@link BinarySpill#IN_MEMORY_LIMIT}
     * bytes decoded into {@code spill} while they are read, so an image sent inline never exists in memory.
     */
    public static Attributes readDataset(InputStream in, BinarySpill spill) throws IOException {
        XMLStreamReader xml;
        try {
            xml = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        try {
            return new XmlReader(xml, spill).document();
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing more to read; the input stream is the caller's to close
            }
        }
    }

    private static DicomParseException malformed(XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        String message = e.getMessage() == null
                ? ""
                : e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
        return new DicomParseException(
                "Native DICOM Model XML: malformed XML" + where + ": " + message,
                at == null ? -1 : at.getCharacterOffset(),
                -1,
                e);
    }

    private Attributes document() throws XMLStreamException, IOException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, processing instructions
        }
        if (!xml.isStartElement()) {
            throw error("No root element", -1, "");
        }
        if (!xml.getLocalName().equals("NativeDicomModel")) {
            throw error("The root element is <" + xml.getLocalName() + ">, not <NativeDicomModel>", -1, "");
        }
        String ns = xml.getNamespaceURI();
        if (ns != null && !ns.isEmpty() && !ns.equals(XmlWriter.NAMESPACE)) {
            throw error("<NativeDicomModel> in namespace " + ns + ", not " + XmlWriter.NAMESPACE, -1, "");
        }
        Attributes ds = new Attributes();
        attributes(ds, "");
        return ds;
    }

    /** The DicomAttribute children of the current element, up to its end tag. */
    private void attributes(Attributes ds, String path) throws XMLStreamException, IOException {
        List<PrivateElement> privates = new ArrayList<>();
        while (nextTag()) {
            expect("DicomAttribute", -1, path);
            attribute(ds, privates, path);
        }
        placePrivateElements(ds, privates, path);
    }

    /** A private data element waiting for its block: the creator's block is known only once the dataset is read. */
    private record PrivateElement(int tag, String creator, VR vr, Object value) {}

    private void attribute(Attributes ds, List<PrivateElement> privates, String path)
            throws XMLStreamException, IOException {
        String tagText = xml.getAttributeValue(null, "tag");
        int tag = Tag.parseHex(tagText);
        if (tag == -1 && !"FFFFFFFF".equalsIgnoreCase(tagText)) {
            throw error(
                    tagText == null ? "<DicomAttribute> without a tag" : "tag \"" + tagText + "\" is not 8 hex digits",
                    -1,
                    path);
        }
        VR vr = vrOf(tag, xml.getAttributeValue(null, "vr"), path);
        String creator = xml.getAttributeValue(null, "privateCreator");
        Object value = value(tag, vr, path);
        // With privateCreator the element is a private data element, even when gggg00ee looks like a creator's tag.
        if (creator != null && Tag.isPrivate(tag)) {
            privates.add(new PrivateElement(tag, creator.strip(), vr, value));
        } else {
            set(ds, tag, vr, value);
        }
    }

    private VR vrOf(int tag, String name, String path) throws DicomParseException {
        if (name == null) {
            // PS3.19 lets a writer leave out vr; only the dictionary can then say what it is.
            VR known = Tag.isPrivate(tag) ? null : ElementDictionary.vrOf(tag);
            if (known == null || known == VR.UN) {
                throw error("Missing vr, and the dictionary does not know the element", tag, path);
            }
            return known;
        }
        VR vr = name.length() == 2 ? VR.ofCode(name.charAt(0) << 8 | name.charAt(1)) : null;
        if (vr == null || !vr.name().equals(name)) {
            throw error("Unknown VR \"" + name + "\"", tag, path);
        }
        return vr;
    }

    private static void set(Attributes ds, int tag, VR vr, Object value) {
        if (value instanceof List<?> items) {
            Sequence seq = ds.newSequence(tag, items.size());
            for (Object item : items) {
                seq.add((Attributes) item);
            }
        } else {
            ds.setValue(tag, vr, value);
        }
    }

    /**
     * The content of one DicomAttribute: {@code null} (empty), a {@code String}/{@code String[]}, bytes, a
     * {@link BulkData}, or a list of items for SQ.
     */
    private Object value(int tag, VR vr, String path) throws XMLStreamException, IOException {
        TreeMap<Integer, Object> numbered = new TreeMap<>();
        String kind = null;
        Object single = null;
        while (nextTag()) {
            String name = xml.getLocalName();
            if (kind != null && !kind.equals(name) || single != null) {
                throw error("<" + name + "> after <" + kind + ">: an attribute holds one kind of content", tag, path);
            }
            kind = name;
            switch (name) {
                case "Value" -> {
                    requireKind(vr != VR.SQ && vr != VR.PN && vr.kind() != VR.Kind.BULK, name, vr, tag, path);
                    int n = number(numbered, tag, path);
                    numbered.put(n, xml.getElementText());
                }
                case "PersonName" -> {
                    requireKind(vr == VR.PN, name, vr, tag, path);
                    int n = number(numbered, tag, path);
                    numbered.put(n, personName(tag, path));
                }
                case "Item" -> {
                    requireKind(vr == VR.SQ, name, vr, tag, path);
                    int n = number(numbered, tag, path);
                    Attributes item = new Attributes();
                    attributes(item, path + Tag.toHex(tag) + "/" + (n - 1) + "/");
                    numbered.put(n, item);
                }
                case "InlineBinary" -> {
                    requireKind(vr != VR.SQ, name, vr, tag, path);
                    single = inlineBinary(tag, path);
                }
                case "BulkData" -> {
                    requireKind(vr != VR.SQ, name, vr, tag, path);
                    single = bulkData(tag, path);
                    skipToEnd(tag, path);
                }
                default -> throw error("Unexpected element <" + name + "> in <DicomAttribute>", tag, path);
            }
        }
        if (single != null) {
            return single;
        }
        if (vr == VR.SQ) {
            return items(numbered);
        }
        if (numbered.isEmpty()) {
            return null;
        }
        String[] values = new String[numbered.lastKey()];
        for (int k = 0; k < values.length; k++) {
            Object v = numbered.get(k + 1);
            values[k] = v == null ? "" : (String) v;
        }
        if (vr.kind() == VR.Kind.BINARY) {
            return binary(tag, vr, values, numbered.size(), path);
        }
        return values.length == 1 ? values[0] : values;
    }

    private void requireKind(boolean allowed, String element, VR vr, int tag, String path) throws DicomParseException {
        if (!allowed) {
            throw error("<" + element + "> is not allowed for VR " + vr, tag, path);
        }
    }

    private int number(Map<Integer, Object> seen, int tag, String path) throws DicomParseException {
        String text = xml.getAttributeValue(null, "number");
        int n;
        try {
            n = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw error("<" + xml.getLocalName() + "> number=\"" + text + "\" is not a positive integer", tag, path);
        }
        if (n < 1 || n > MAX_NUMBER) {
            throw error(
                    "<" + xml.getLocalName() + "> number=\"" + text + "\" is out of range (1.." + MAX_NUMBER + ")",
                    tag,
                    path);
        }
        if (seen.containsKey(n)) {
            throw error("<" + xml.getLocalName() + "> number=\"" + n + "\" occurs twice", tag, path);
        }
        return n;
    }

    private static List<Attributes> items(TreeMap<Integer, Object> numbered) {
        int count = numbered.isEmpty() ? 0 : numbered.lastKey();
        List<Attributes> items = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            Object item = numbered.get(k);
            items.add(item == null ? new Attributes() : (Attributes) item);
        }
        return items;
    }

    private byte[] binary(int tag, VR vr, String[] values, int present, String path) throws DicomParseException {
        if (present != values.length) {
            throw error(
                    "A value of VR " + vr + " cannot be left out (values are numbered up to " + values.length
                            + " but only " + present + " are given)",
                    tag,
                    path);
        }
        String[] texts = new String[values.length];
        for (int k = 0; k < texts.length; k++) {
            texts[k] = vr == VR.AT ? tagText(values[k]) : values[k].strip();
        }
        try {
            return BinaryValueParser.parse(vr, texts);
        } catch (BinaryValueParser.InvalidValueException e) {
            throw error(e.getMessage(), tag, path);
        }
    }

    /** AT values as "ggggeeee"; "(gggg,eeee)" is accepted too, since people write tags that way. */
    private static String tagText(String value) {
        String s = value.strip();
        if (s.length() == 11 && s.charAt(0) == '(' && s.charAt(5) == ',' && s.charAt(10) == ')') {
            return s.substring(1, 5) + s.substring(6, 10);
        }
        return s;
    }

    private String personName(int tag, String path) throws XMLStreamException, IOException {
        String[] groups = new String[PN_GROUPS.length];
        while (nextTag()) {
            int g = indexOf(PN_GROUPS, xml.getLocalName());
            if (g < 0) {
                throw error("Unexpected element <" + xml.getLocalName() + "> in <PersonName>", tag, path);
            }
            if (groups[g] != null) {
                throw error("<" + PN_GROUPS[g] + "> occurs twice in one <PersonName>", tag, path);
            }
            String[] components = new String[PN_COMPONENTS.length];
            while (nextTag()) {
                int c = indexOf(PN_COMPONENTS, xml.getLocalName());
                if (c < 0) {
                    throw error("Unexpected element <" + xml.getLocalName() + "> in <" + PN_GROUPS[g] + ">", tag, path);
                }
                components[c] = xml.getElementText();
            }
            groups[g] = joinTrimmed(components, '^');
        }
        return joinTrimmed(groups, '=');
    }

    /** Joins with the delimiter, leaving out trailing empty parts (PS3.5 §6.2.1.1: trailing delimiters are not sent). */
    private static String joinTrimmed(String[] parts, char delimiter) {
        int last = parts.length - 1;
        while (last >= 0 && (parts[last] == null || parts[last].isEmpty())) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k <= last; k++) {
            if (k > 0) {
                sb.append(delimiter);
            }
            if (parts[k] != null) {
                sb.append(parts[k]);
            }
        }
        return sb.toString();
    }

    private static int indexOf(String[] names, String name) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    private Object inlineBinary(int tag, String path) throws XMLStreamException, IOException {
        if (spill != null) {
            return streamedInlineBinary(tag, path);
        }
        String text = xml.getElementText();
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c); // base64 may be wrapped in lines (RFC 2045)
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw error("InlineBinary is not base64: " + e.getMessage(), tag, path);
        }
    }

    private Object streamedInlineBinary(int tag, String path) throws XMLStreamException, IOException {
        SpillingOutputStream out = new SpillingOutputStream(spill);
        Base64Writer base64 = new Base64Writer(out);
        boolean done = false;
        try {
            for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) {
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        base64.write(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {}
                    default -> throw error("Unexpected content in <InlineBinary>", tag, path);
                }
            }
            base64.finish();
            Object value = out.value();
            done = true;
            return value;
        } catch (IllegalArgumentException e) {
            throw error("InlineBinary is not base64: " + e.getMessage(), tag, path);
        } finally {
            if (!done) {
                out.discard();
            }
        }
    }

    private BulkData bulkData(int tag, String path) throws DicomParseException {
        String uri = xml.getAttributeValue(null, "uri");
        String uuid = xml.getAttributeValue(null, "uuid");
        if (uri != null && !uri.isBlank()) {
            return BulkData.ofUri(uri.strip());
        }
        if (uuid != null && !uuid.isBlank()) {
            return BulkData.ofUri("urn:uuid:" + uuid.strip());
        }
        throw error("<BulkData> without a uri or uuid", tag, path);
    }

    private void skipToEnd(int tag, String path) throws XMLStreamException, IOException {
        if (nextTag()) {
            throw error("Unexpected element <" + xml.getLocalName() + "> in <BulkData>", tag, path);
        }
    }

    private void expect(String name, int tag, String path) throws DicomParseException {
        if (!xml.getLocalName().equals(name)) {
            throw error("Unexpected element <" + xml.getLocalName() + ">, expected <" + name + ">", tag, path);
        }
    }

    /**
     * Moves to the next child element (true) or to the end of the current one (false), skipping white space
     * and comments; other text between elements is an error, since the model has no mixed content.
     */
    private boolean nextTag() throws XMLStreamException, IOException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                    return false;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
                    if (!xml.isWhiteSpace() && !xml.getText().isBlank()) {
                        throw error(
                                "Unexpected text \"" + abbreviate(xml.getText().strip()) + "\" between elements",
                                -1,
                                "");
                    }
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw error("The document ends inside an element", -1, "");
                default:
                    break; // comments, processing instructions
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /**
     * Places the private data elements written as gggg00ee in the block their creator reserves here, or in the
     * lowest free block of the group, which then gets its creator element.
     */
    private void placePrivateElements(Attributes ds, List<PrivateElement> privates, String path)
            throws DicomParseException {
        for (PrivateElement p : privates) {
            int group = p.tag() >>> 16;
            int block = (p.tag() >>> 8) & 0xFF;
            if (block == 0) {
                block = blockOf(ds, group, p.creator());
                if (block < 0) {
                    block = freeBlock(ds, group);
                    if (block < 0) {
                        throw error(
                                "No free private block in group " + String.format("%04X", group)
                                        + " for privateCreator \"" + p.creator() + "\"",
                                p.tag(),
                                path);
                    }
                    ds.setString(group << 16 | block, VR.LO, p.creator());
                }
            } else {
                String reserved = ds.getString(group << 16 | block);
                if (reserved == null) {
                    ds.setString(group << 16 | block, VR.LO, p.creator());
                } else if (!reserved.strip().equals(p.creator())) {
                    throw error(
                            "privateCreator \"" + p.creator() + "\" differs from \"" + reserved
                                    + "\" that reserves the block",
                            p.tag(),
                            path);
                }
            }
            set(ds, group << 16 | block << 8 | (p.tag() & 0xFF), p.vr(), p.value());
        }
    }

    private static int blockOf(Attributes ds, int group, String creator) {
        for (int block = 0x10; block <= 0xFF; block++) {
            String value = ds.getString(group << 16 | block);
            if (value != null && value.strip().equals(creator)) {
                return block;
            }
        }
        return -1;
    }

    private static int freeBlock(Attributes ds, int group) {
        for (int block = 0x10; block <= 0xFF; block++) {
            if (!ds.contains(group << 16 | block)) {
                return block;
            }
        }
        return -1;
    }

    private DicomParseException error(String message, int tag, String path) {
        Location at = xml.getLocation();
        String where = path.isEmpty() ? "" : " (in " + path.substring(0, path.length() - 1) + ")";
        String line = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new DicomParseException(
                "Native DICOM Model XML: " + message + where + line, at == null ? -1 : at.getCharacterOffset(), tag);
    }
}
