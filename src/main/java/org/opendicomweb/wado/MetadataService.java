package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.web.DicomResponses;
import org.opendicomweb.web.DicomwebException;

/**
 * Retrieve Metadata (PS3.18 §10.4.1.1.2) as DICOM JSON: the documents STOW computed for each instance are
 * copied out as they come from the index, one array, with the service root put in front of their relative
 * BulkDataURIs. No file is opened and no JSON is parsed.
 */
@ApplicationScoped
public class MetadataService {
    private static final byte[] KEY = InstanceMetadata.BULK_DATA_URI_KEY.getBytes(StandardCharsets.US_ASCII);

    private final RetrieveIndex index;

    @Inject
    MetadataService(RetrieveIndex index) {
        this.index = index;
    }

    /** The media type to answer with: application/dicom+json, or application/json when only that is accepted. */
    public String negotiate(String accept) {
        return DicomResponses.jsonType(accept, "Metadata");
    }

    /** The entity tag of the target's metadata at the given root; 404 when the target does not exist. */
    public String entityTag(RetrieveTarget target, String root) {
        RetrieveIndex.Version version = index.version(target)
                .orElseThrow(() -> DicomwebException.notFound("No " + target.describe()));
        String kind = switch (target.level()) {
            case STUDY -> "st";
            case SERIES -> "se";
            case INSTANCE -> "i";
        };
        return EntityTags.of(kind, version, root);
    }

    public boolean notModified(String ifNoneMatch, String entityTag) {
        return EntityTags.matches(ifNoneMatch, entityTag);
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
    static void copyWithRoot(byte[] doc, byte[] prefix, OutputStream out) throws IOException {
        int from = 0;
        for (int at = indexOf(doc, KEY, from); at >= 0; at = indexOf(doc, KEY, from)) {
            int valueStart = at + KEY.length;
            out.write(doc, from, valueStart - from);
            out.write(prefix);
            from = valueStart;
        }
        out.write(doc, from, doc.length - from);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
