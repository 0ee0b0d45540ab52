package org.opendicomweb.qido;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.json.JsonWriter;

/**
 * Writes query results as a DICOM JSON array (PS3.18 §10.6.3.3.1, Annex F) while they are read, one result
 * object at a time.
 *
 * <p>A result is the index attributes merged, in tag order, with the wanted top-level members of a stored
 * metadata document ({@link org.opendicomweb.index.InstanceMetadata}: DICOM JSON in tag order). Stored members are copied token by token,
 * never decoded into a dataset, so a result costs about what its bytes cost. Stored BulkDataURIs are relative
 * to the service root and are made absolute on the way.
 *
 * <p>One client quirk shapes the output: a ModalitiesInStudy without a value (a study whose instances carry no
 * Modality) is written as one empty value, {@code {"vr":"CS","Value":[null]}}, not as the attribute without
 * "Value" that §F.2.5 gives an empty attribute. OHIF Viewer 3 (@ohif/core getModalities, up to 3.13 at least)
 * reads {@code ModalitiesInStudy.Value.length} of every study-list result without a guard, so a single such
 * study ends its whole study list with a TypeError. The attribute stays present, as Table 10.6.3-3 requires of
 * a Required key; {@code null} is §F.2.5's encoding of an empty value, and in the binary encoding (PS3.5) one
 * empty value and no value are the same zero-length Value Field. Omitting the attribute, what OHIF also reads,
 * would break the Required key. The XML representation keeps the plain empty attribute.
 */
final class JsonResultWriter implements ResultWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String BULK_DATA_URI = "BulkDataURI";
    private static final String MODALITIES_IN_STUDY = "00080061";

    private final JsonWriter writer;
    private final JsonGenerator gen;
    private final String root;

    JsonResultWriter(OutputStream out, String root) throws IOException {
        this.writer = new JsonWriter(out);
        this.gen = writer.generator();
        this.root = root;
        writer.writeArrayStart();
    }

    /** One result; {@code metadata} may be null (no stored document wanted or none found). */
    @Override
    public void write(Attributes fromIndex, byte[] metadata, ResultTemplate template) throws IOException {
        gen.writeStartObject();
        int next = 0;
        int size = fromIndex.size();
        if (metadata != null) {
            try (JsonParser p = FACTORY.createParser(metadata)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("Stored metadata is not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    int tag = parseTag(name);
                    while (next < size && Integer.compareUnsigned(fromIndex.tagAt(next), tag) < 0) {
                        writeFromIndex(fromIndex, next++);
                    }
                    if (tag != -1 && next < size && fromIndex.tagAt(next) == tag) {
                        writeFromIndex(fromIndex, next++);
                        p.skipChildren();
                    } else if (tag != -1 && template.takesFromMetadata(tag)) {
                        gen.writeFieldName(name);
                        copyValue(p);
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        while (next < size) {
            writeFromIndex(fromIndex, next++);
        }
        gen.writeEndObject();
    }

    private void writeFromIndex(Attributes fromIndex, int index) throws IOException {
        if (fromIndex.tagAt(index) == Tag.ModalitiesInStudy && Attributes.isEmptyValue(fromIndex.valueAt(index))) {
            writeOneEmptyValue(MODALITIES_IN_STUDY, fromIndex.vrAt(index).name());
        } else {
            writer.writeAttribute(fromIndex, index);
        }
    }

    /** {@code "name": {"vr": vr, "Value": [null]}}: see the class comment for why. */
    private void writeOneEmptyValue(String name, String vr) throws IOException {
        gen.writeFieldName(name);
        gen.writeStartObject();
        gen.writeStringField("vr", vr);
        gen.writeFieldName("Value");
        gen.writeStartArray();
        gen.writeNull();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** Copies the value the parser is at, with relative BulkDataURIs made absolute. */
    private void copyValue(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (!token.isStructStart()) {
            gen.copyCurrentEvent(p);
            return;
        }
        int depth = 0;
        do {
            token = p.currentToken();
            if (token == JsonToken.FIELD_NAME && BULK_DATA_URI.equals(p.currentName())) {
                gen.writeFieldName(BULK_DATA_URI);
                p.nextToken();
                String uri = p.getText();
                gen.writeString(uri.contains("://") ? uri : root + "/" + uri);
            } else {
                gen.copyCurrentEvent(p);
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        } while (depth > 0 && p.nextToken() != null);
    }

    /** "0020000D" as a tag; -1 for anything else (a stored document only has such keys). */
    private static int parseTag(String name) {
        if (name.length() != 8) {
            return -1;
        }
        try {
            return Integer.parseUnsignedInt(name, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Ends the array; not called when writing failed, so that a broken response never looks complete. */
    @Override
    public void finish() throws IOException {
        writer.writeArrayEnd();
        writer.flush();
    }
}
