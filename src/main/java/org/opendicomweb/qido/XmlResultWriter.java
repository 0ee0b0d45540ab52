package org.opendicomweb.qido;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.json.JsonReader;
import org.opendicomweb.dicom.xml.XmlWriter;
import org.opendicomweb.web.DicomResponses;

/**
 * Writes query results as {@code multipart/related; type="application/dicom+xml"} (PS3.18 §10.6.3.2), one
 * Native DICOM Model document (PS3.19 Annex A) per part, while they are read.
 *
 * <p>Unlike {@link JsonResultWriter}, a result is merged as a dataset: the stored metadata is read into one
 * (JsonReader) and the wanted attributes are added to the index attributes. XML is the rarer representation;
 * JSON keeps the token-copying fast path.
 */
final class XmlResultWriter implements ResultWriter {
    private final OutputStream out;
    private final String root;
    private final String boundary;
    private final XmlWriter xml = new XmlWriter();

    XmlResultWriter(OutputStream out, String root, String boundary) {
        this.out = out;
        this.root = root;
        this.boundary = boundary;
    }

    @Override
    public void write(Attributes fromIndex, byte[] metadata, ResultTemplate template) throws IOException {
        if (metadata != null) {
            Attributes stored = JsonReader.readDataset(new ByteArrayInputStream(metadata));
            for (int i = 0, n = stored.size(); i < n; i++) {
                int tag = stored.tagAt(i);
                if (!fromIndex.contains(tag) && template.takesFromMetadata(tag)) {
                    fromIndex.setValue(tag, stored.vrAt(i), absolute(stored.valueAt(i)));
                }
            }
        }
        out.write(("--" + boundary + "\r\nContent-Type: " + DicomResponses.DICOM_XML + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        xml.write(fromIndex, out);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Ends the multipart body; not called when writing failed, so that a broken response never looks complete. */
    @Override
    public void finish() throws IOException {
        out.write(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Stored BulkDataURIs are relative to the service root (InstanceMetadata); clients get them absolute. */
    private Object absolute(Object value) {
        if (value instanceof BulkData bd && bd.uri() != null && !bd.uri().contains("://")) {
            return BulkData.ofUri(root + "/" + bd.uri());
        }
        if (value instanceof Sequence seq) {
            for (Attributes item : seq) {
                for (int i = 0, n = item.size(); i < n; i++) {
                    Object v = item.valueAt(i);
                    Object fixed = absolute(v);
                    if (fixed != v) {
                        item.setValue(item.tagAt(i), item.vrAt(i), fixed);
                    }
                }
            }
        }
        return value;
    }
}
