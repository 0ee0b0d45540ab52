package org.opendicomweb.dicom.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BinaryValueParser;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BinarySpill;
import org.opendicomweb.dicom.io.SpillingOutputStream;

/**
 * Reads the DICOM JSON Model (PS3.18 Annex F): one dataset, or an array of them.
 *
 * <p>Accepted: DS, IS, SV, UV values as numbers or strings (a number keeps its text); FL and FD as
 * numbers or the strings "NaN", "Infinity", "-Infinity"; PN as objects of component groups (or, leniently,
 * a plain string); null as an empty value; InlineBinary as base64; BulkDataURI on any VR as
 * {@link BulkData#ofUri}; the members of an attribute in any order. Strings become {@code String} values
 * (one value each, backslashes included), numbers of binary VRs little endian bytes, so the result is
 * Unicode text independent of Specific Character Set, which stays as metadata (PS3.18 §F.2.2 note 3).
 *
 * <p>Malformed input is a {@link DicomParseException} naming the attribute (with its path in sequences)
 * and the character offset in the input.
 */
public final class JsonReader implements Closeable {
    /**
     * Jackson refuses strings over 20 M characters by default, which an InlineBinary of 15 MB already is. This
     * reader sets no limit of its own: whoever reads untrusted input bounds the input (STOW-RS does, with
     * dicomweb.stow.max-metadata-size).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private static final Object NULL = new Object();

    /** A JSON number, kept as text so that DS/IS values round-trip exactly. */
    private record Num(String text) {}

    private final JsonParser parser;
    private long datasetOffset;
    /** The first member name seen twice in the object being read, if any. */
    private String duplicate;

    private BinarySpill spill;

    public JsonReader(InputStream in) throws IOException {
        this(FACTORY.createParser(in));
    }

    public JsonReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Decodes InlineBinary values while they are read, and puts those over {@link BinarySpill#IN_MEMORY_LIMIT}
     * bytes into {@code spill}, so an image sent inline never exists in memory as text. A value that is not
     * valid base64 then ends reading as malformed JSON.
     */
    public JsonReader inlineBinaryTo(BinarySpill spill) {
        this.spill = spill;
        return this;
    }

    /** Reads a whole input holding one dataset object. */
    public static Attributes readDataset(InputStream in) throws IOException {
        try (JsonReader r = new JsonReader(in)) {
            return r.readDataset();
        }
    }

    /** The next dataset: the input's object, or, inside an array, the next element. */
    public Attributes readDataset() throws IOException {
        try {
            return readOneDataset();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private Attributes readOneDataset() throws IOException {
        JsonToken t = next();
        if (t != JsonToken.START_OBJECT) {
            throw error("Expected a dataset object, found " + t, -1, "");
        }
        return toDataset(readObject(), new Attributes(), "");
    }

    /** Reads either one dataset object or an array of them, passing each on as it is read. */
    public void readDatasets(Consumer<Attributes> each) throws IOException {
        try {
            readEach(each);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static DicomParseException malformed(JsonProcessingException e) {
        // Jackson counts characters for text input and bytes for byte input; whichever it knows.
        long offset = e.getLocation() == null
                ? -1
                : e.getLocation().getCharOffset() >= 0
                        ? e.getLocation().getCharOffset()
                        : e.getLocation().getByteOffset();
        return new DicomParseException("DICOM JSON: malformed JSON: " + e.getOriginalMessage(), offset, -1, e);
    }

    private void readEach(Consumer<Attributes> each) throws IOException {
        JsonToken t = next();
        if (t == JsonToken.START_OBJECT) {
            each.accept(toDataset(readObject(), new Attributes(), ""));
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw error("Expected an array of datasets or a dataset object, found " + t, -1, "");
        }
        while ((t = next()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw error("Expected a dataset object in the array, found " + t, -1, "");
            }
            each.accept(toDataset(readObject(), new Attributes(), ""));
        }
    }

    /** What {@link #readDatasets(DatasetHandler)} hands on, element by element of the input. */
    public interface DatasetHandler {
        /** The dataset at {@code index} (0 for an input holding one dataset object). */
        void dataset(int index, Attributes ds);

        /** The element at {@code index} is well-formed JSON but not a valid dataset; reading goes on. */
        void invalid(int index, DicomParseException reason);
    }

    /**
     * Reads one dataset object or an array of them, like {@link #readDatasets(Consumer)}, except that an element
     * that is valid JSON but not a valid dataset (an unknown VR, a value of the wrong type) is reported and
     * skipped, so one bad instance does not hide the others. Malformed JSON still ends reading with a
     * {@link DicomParseException}: nothing after it can be trusted.
     */
    public void readDatasets(DatasetHandler handler) throws IOException {
        try {
            JsonToken t = next();
            if (t == JsonToken.START_OBJECT) {
                readElement(0, handler);
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                throw error("Expected an array of datasets or a dataset object, found " + t, -1, "");
            }
            int index = 0;
            while ((t = next()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.START_OBJECT) {
                    readElement(index, handler);
                } else {
                    datasetOffset = parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    handler.invalid(index, error("Expected a dataset object in the array, found " + t, -1, ""));
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private void readElement(int index, DatasetHandler handler) throws IOException {
        Map<String, Object> json = readObject();
        Attributes ds;
        try {
            ds = toDataset(json, new Attributes(), "");
        } catch (DicomParseException e) {
            handler.invalid(index, e);
            return;
        }
        handler.dataset(index, ds);
    }

    public List<Attributes> readAll() throws IOException {
        List<Attributes> out = new ArrayList<>();
        readDatasets(out::add);
        return out;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    // ---- JSON into plain objects: Map, List, String, Num, Boolean, NULL ----

    private JsonToken next() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw error("Unexpected end of input", -1, "");
        }
        return t;
    }

    private Map<String, Object> readObject() throws IOException {
        datasetOffset = parser.currentTokenLocation().getCharOffset();
        duplicate = null;
        Map<String, Object> map = object();
        if (duplicate != null) {
            // Reported only now, at the object's end, so that a caller may go on with the next one.
            throw error("Duplicate member \"" + duplicate + "\"", -1, "");
        }
        return map;
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        JsonToken t;
        while ((t = next()) != JsonToken.END_OBJECT) {
            String name = parser.currentName();
            next();
            Object value =
                    spill != null && name.equals("InlineBinary") && parser.currentToken() == JsonToken.VALUE_STRING
                            ? spilled()
                            : value();
            if (map.put(name, value) != null && duplicate == null) {
                duplicate = name;
            }
        }
        return map;
    }

    /** An InlineBinary decoded while it is read: bytes, or a reference to where a large value was spilled. */
    private Object spilled() throws IOException {
        SpillingOutputStream out = new SpillingOutputStream(spill);
        boolean done = false;
        try {
            parser.readBinaryValue(out);
            done = true;
            return out.value();
        } finally {
            if (!done) {
                out.discard();
            }
        }
    }

    private Object value() throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object();
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (next() != JsonToken.END_ARRAY) {
                    list.add(value());
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(parser.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default -> throw error("Unexpected " + parser.currentToken(), -1, "");
        };
    }

    // ---- plain objects into a dataset ----

    private Attributes toDataset(Map<String, Object> json, Attributes ds, String path) throws IOException {
        for (Map.Entry<String, Object> e : json.entrySet()) {
            int tag = Tag.parseHex(e.getKey());
            if (tag == -1 && !e.getKey().equalsIgnoreCase("FFFFFFFF")) {
                throw error("Attribute name \"" + e.getKey() + "\" is not 8 hex digits", -1, path);
            }
            if (!(e.getValue() instanceof Map<?, ?> attr)) {
                throw error("Attribute is not an object", tag, path);
            }
            attribute(ds, tag, cast(attr), path);
        }
        return ds;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private void attribute(Attributes ds, int tag, Map<String, Object> attr, String path) throws IOException {
        Object vrName = attr.get("vr");
        if (!(vrName instanceof String s) || s.length() != 2) {
            throw error(vrName == null ? "Missing \"vr\"" : "Invalid \"vr\": " + describe(vrName), tag, path);
        }
        VR vr = VR.ofCode(s.charAt(0) << 8 | s.charAt(1));
        if (vr == null || !vr.name().equals(s)) {
            throw error("Unknown VR \"" + s + "\"", tag, path);
        }
        Object value = attr.get("Value");
        Object inline = attr.get("InlineBinary");
        Object uri = attr.get("BulkDataURI");
        int present = (value != null ? 1 : 0) + (inline != null ? 1 : 0) + (uri != null ? 1 : 0);
        if (present > 1) {
            throw error("More than one of Value, InlineBinary, BulkDataURI", tag, path);
        }
        for (String key : attr.keySet()) {
            if (!key.equals("vr")
                    && !key.equals("Value")
                    && !key.equals("InlineBinary")
                    && !key.equals("BulkDataURI")) {
                throw error("Unknown member \"" + key + "\"", tag, path);
            }
        }
        if (uri != null) {
            if (!(uri instanceof String u) || u.isEmpty()) {
                throw error("BulkDataURI is not a non-empty string", tag, path);
            }
            ds.setValue(tag, vr, BulkData.ofUri(u));
        } else if (inline != null) {
            ds.setValue(tag, vr, inlineBinary(inline, tag, path));
        } else if (value == null || value == NULL) {
            if (vr == VR.SQ) {
                ds.newSequence(tag, 0);
            } else {
                ds.setValue(tag, vr, null);
            }
        } else if (!(value instanceof List<?> values)) {
            throw error("Value is not an array", tag, path);
        } else {
            values(ds, tag, vr, values, path);
        }
    }

    private Object inlineBinary(Object inline, int tag, String path) throws IOException {
        if (inline instanceof byte[] || inline instanceof BulkData) {
            return inline; // decoded while read (see inlineBinaryTo)
        }
        if (!(inline instanceof String text)) {
            throw error("InlineBinary is not a string", tag, path);
        }
        try {
            return Base64.getDecoder()
                    .decode(
                            text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                                    ? text.replaceAll("[\\r\\n]", "")
                                    : text);
        } catch (IllegalArgumentException e) {
            throw error("InlineBinary is not base64: " + e.getMessage(), tag, path);
        }
    }

    private void values(Attributes ds, int tag, VR vr, List<?> values, String path) throws IOException {
        switch (vr.kind()) {
            case SEQUENCE -> {
                Sequence seq = ds.newSequence(tag, values.size());
                for (int k = 0; k < values.size(); k++) {
                    Object item = values.get(k);
                    Attributes a = seq.addItem();
                    if (item instanceof Map<?, ?> m) {
                        toDataset(cast(m), a, path + Tag.toHex(tag) + "/" + k + "/");
                    } else if (item != NULL) {
                        throw error("Item " + k + " is not an object", tag, path);
                    }
                }
            }
            case STRING, TEXT -> ds.setValue(tag, vr, strings(tag, vr, values, path));
            case BINARY -> ds.setValue(tag, vr, binary(tag, vr, values, path));
            case BULK -> throw error("Value is not allowed for " + vr + "; use InlineBinary or BulkDataURI", tag, path);
        }
    }

    private Object strings(int tag, VR vr, List<?> values, String path) throws IOException {
        String[] out = new String[values.size()];
        for (int k = 0; k < out.length; k++) {
            Object v = values.get(k);
            if (v == NULL) {
                out[k] = "";
            } else if (v instanceof String s) {
                out[k] = s;
            } else if (v instanceof Num n) {
                out[k] = n.text();
            } else if (vr == VR.PN && v instanceof Map<?, ?> m) {
                out[k] = personName(cast(m), tag, path);
            } else {
                throw error(
                        "Value " + (k + 1) + " is not a " + (vr == VR.PN ? "person name object" : "string") + ": "
                                + describe(v),
                        tag,
                        path);
            }
        }
        return out.length == 1 ? out[0] : out;
    }

    private String personName(Map<String, Object> pn, int tag, String path) throws IOException {
        String[] groups = new String[3];
        int last = -1;
        for (Map.Entry<String, Object> e : pn.entrySet()) {
            int g = switch (e.getKey()) {
                case "Alphabetic" -> 0;
                case "Ideographic" -> 1;
                case "Phonetic" -> 2;
                default -> throw error("Unknown person name group \"" + e.getKey() + "\"", tag, path);
            };
            if (e.getValue() == NULL) {
                continue;
            }
            if (!(e.getValue() instanceof String s)) {
                throw error("Person name group " + e.getKey() + " is not a string", tag, path);
            }
            groups[g] = s;
            if (!s.isEmpty()) {
                last = Math.max(last, g);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g <= last; g++) {
            if (g > 0) {
                sb.append('=');
            }
            if (groups[g] != null) {
                sb.append(groups[g]);
            }
        }
        return sb.toString();
    }

    private byte[] binary(int tag, VR vr, List<?> values, String path) throws IOException {
        String[] texts = new String[values.size()];
        for (int k = 0; k < texts.length; k++) {
            Object v = values.get(k);
            texts[k] = v instanceof Num n ? n.text() : v instanceof String s ? s.strip() : null;
            if (texts[k] == null) {
                throw error(
                        "Value " + (k + 1) + " is not a " + (vr == VR.AT ? "tag" : "number") + ": " + describe(v),
                        tag,
                        path);
            }
        }
        try {
            return BinaryValueParser.parse(vr, texts);
        } catch (BinaryValueParser.InvalidValueException e) {
            throw error(e.getMessage(), tag, path);
        }
    }

    private static String describe(Object v) {
        if (v == NULL) {
            return "null";
        }
        if (v instanceof Num n) {
            return n.text();
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        return v instanceof Map ? "an object" : v instanceof List ? "an array" : String.valueOf(v);
    }

    private DicomParseException error(String message, int tag, String path) {
        String where = path.isEmpty() ? "" : " (in " + path.substring(0, path.length() - 1) + ")";
        return new DicomParseException("DICOM JSON: " + message + where, datasetOffset, tag);
    }
}
