package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.json.JsonReader;
import org.opendicomweb.dicom.xml.XmlWriter;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.web.DicomResponses;
import org.opendicomweb.web.DicomResponses.DatasetType;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.multipart.BytePattern;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * Retrieve Metadata (PS3.18 §10.4.1.1.2) as DICOM JSON: the documents STOW computed for each instance are
 * copied out as they come from the index, one array, with the service root put in front of their relative
 * BulkDataURIs. No file is opened and no JSON is parsed.
 *
 * <p>The rarer XML representation ({@code multipart/related; type="application/dicom+xml"}, one PS3.19 part per
 * instance) is made from the same documents, parsed one at a time and written as XML.
 */
@ApplicationScoped
public class MetadataService {
    private static final byte[] KEY = InstanceMetadata.BULK_DATA_URI_KEY.getBytes(StandardCharsets.US_ASCII);
    private static final BytePattern KEY_PATTERN = new BytePattern(KEY);

    private final RetrieveIndex index;

    @Inject
    MetadataService(RetrieveIndex index) {
        this.index = index;
    }

    /** The entity tag of the target's metadata at the given root; 404 when the target does not exist. */
    public String entityTag(RetrieveTarget target, String root, DatasetType representation) {
        RetrieveIndex.Version version =
                index.version(target).orElseThrow(() -> DicomwebException.notFound("No " + target.describe()));
        String kind = switch (target.level()) {
                    case STUDY -> "st";
                    case SERIES -> "se";
                    case INSTANCE -> "i";
                }
                + (representation == DatasetType.DICOM_XML ? "x" : "");
        return EntityTags.of(kind, version, root);
    }

    public boolean notModified(String ifNoneMatch, String entityTag) {
        return EntityTags.matches(ifNoneMatch, entityTag);
    }

    /** Writes one {@code application/dicom+xml} part per instance, BulkData URIs absolute under {@code root}. */
    public void writeXml(RetrieveTarget target, String root, MultipartWriter multipart) throws IOException {
        byte[] prefix = (root + "/").getBytes(StandardCharsets.UTF_8);
        XmlWriter xml = new XmlWriter();
        ByteArrayOutputStream absolute = new ByteArrayOutputStream(16 * 1024);
        index.forEachMetadata(target, doc -> {
            absolute.reset();
            copyWithRoot(doc, prefix, absolute);
            Attributes ds = JsonReader.readDataset(new ByteArrayInputStream(absolute.toByteArray()));
            multipart.startPart(DicomResponses.DICOM_XML, null);
            xml.write(ds, multipart.body());
        });
        multipart.finish();
    }

    /** Writes {@code [doc,doc,...]}, each document's BulkDataURIs made absolute under {@code root}. */
    public void write(RetrieveTarget target, String root, OutputStream out) throws IOException {
        byte[] prefix = (root + "/").getBytes(StandardCharsets.UTF_8);
        boolean[] first = {true};
        out.write('[');
        index.forEachMetadata(target, doc -> {
            if (!first[0]) {
                out.write(',');
            }
            first[0] = false;
            copyWithRoot(doc, prefix, out);
        });
        out.write(']');
    }

    /** Copies a stored document, inserting {@code prefix} at the start of every BulkDataURI value. */
    public static void copyWithRoot(byte[] doc, byte[] prefix, OutputStream out) throws IOException {
        int from = 0;
        for (int at = indexOfKey(doc, from); at >= 0; at = indexOfKey(doc, from)) {
            int valueStart = at + KEY.length;
            out.write(doc, from, valueStart - from);
            out.write(prefix);
            from = valueStart;
        }
        out.write(doc, from, doc.length - from);
    }

    /**
     * Where {@link #KEY} next starts in {@code doc} at or after {@code from}, or -1. Every metadata request runs it
     * over every stored document, so it must not stop at every quote as a byte-by-byte search would: {@link
     * BytePattern} probes about once per key length.
     */
    static int indexOfKey(byte[] doc, int from) {
        return KEY_PATTERN.indexIn(doc, from, doc.length);
    }
}
