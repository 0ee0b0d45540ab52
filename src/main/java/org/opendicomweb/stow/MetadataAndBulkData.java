package org.opendicomweb.stow;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.json.JsonReader;
import org.opendicomweb.dicom.xml.XmlReader;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.multipart.MalformedMultipartException;
import org.opendicomweb.web.multipart.MultipartReader;

/**
 * Reads a request in the metadata-and-bulk-data form of PS3.18 §10.5.1.4: {@code multipart/related;
 * type="application/dicom+json"} (one part holding an array of DICOM JSON datasets) or {@code
 * type="application/dicom+xml"} (one part per dataset in the Native DICOM Model), with bulk data parts
 * referenced by the BulkDataURIs of the metadata. Parts may come in any order: bulk data is spooled (see
 * {@link BulkDataParts}), and each dataset is handed to the {@link Sink} as soon as every part it references
 * has arrived, the rest when the body ends.
 *
 * <p>Which part is metadata: a part of the request's root type, or a first part without Content-Type (RFC 2387:
 * the first part is the root). Every other part is bulk data.
 */
final class MetadataAndBulkData {

    /** The two metadata representations. */
    enum Format {
        JSON("application/dicom+json", "DICOM JSON"),
        XML("application/dicom+xml", "Native DICOM Model XML");

        final String mediaType;
        final String description;

        Format(String mediaType, String description) {
            this.mediaType = mediaType;
            this.description = description;
        }

        static Format of(MediaType type) {
            for (Format f : values()) {
                if (type.is(f.mediaType)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A dataset from the metadata, and where in the request it was. */
    record MetadataInstance(Attributes dataset, String source) {}

    /** Where datasets and refused parts go, in request order. */
    interface Sink {
        /** A dataset whose references have all arrived (or, at the end, may never arrive). */
        void dataset(MetadataInstance instance, BulkDataParts parts);

        /** Something of the request that yields no dataset (unreadable metadata, a part of the wrong kind). */
        void refused(PartOutcome outcome);
    }

    private final Format format;
    private final BulkDataParts parts;
    private final Sink sink;
    private long metadataBudget;
    private final String metadataLimitName;
    private final List<MetadataInstance> waiting = new ArrayList<>();

    MetadataAndBulkData(Format format, BulkDataParts parts, long metadataBudget, String metadataLimitName, Sink sink) {
        this.format = format;
        this.parts = parts;
        this.metadataBudget = metadataBudget;
        this.metadataLimitName = metadataLimitName;
        this.sink = sink;
    }

    /**
     * Reads all parts. The body breaking off (or the bulk data growing past its limit) ends reading with the
     * exception, after the datasets read so far have been handed on; {@link #finish} then hands on the rest.
     */
    void read(MultipartReader reader) throws IOException {
        int number = 0;
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            number++;
            String header = part.header("content-type");
            MediaType type = parse(header);
            if (header != null && type == null) {
                sink.refused(PartOutcome.failed(
                                null,
                                null,
                                null,
                                null,
                                FailureReason.CANNOT_UNDERSTAND,
                                "malformed Content-Type '" + header + "'")
                        .from("part " + number));
                continue;
            }
            if ((type == null && number == 1) || (type != null && Format.of(type) == format)) {
                readMetadata(part.body(), number);
            } else if (type != null && (Format.of(type) != null || type.is(StowService.APPLICATION_DICOM))) {
                sink.refused(PartOutcome.failed(
                                null,
                                null,
                                null,
                                null,
                                FailureReason.CANNOT_UNDERSTAND,
                                "a part of type " + type.essence() + " in a request of type " + format.mediaType)
                        .from("part " + number));
            } else {
                parts.receive(part.body(), number, type, part.header("content-location"), part.header("content-id"));
            }
            handOnReady(false);
        }
    }

    /** Whether datasets are waiting for parts that have not arrived. */
    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Hands on every dataset still waiting: a reference that has no part now never will. */
    void finish() {
        handOnReady(true);
    }

    /**
     * After the body broke off: hands each dataset still waiting for a part to {@code failing}, since its part
     * will never come.
     */
    void finishFailing(Consumer<MetadataInstance> failing) {
        waiting.forEach(failing);
        waiting.clear();
    }

    private void handOnReady(boolean bodyEnded) {
        for (Iterator<MetadataInstance> it = waiting.iterator(); it.hasNext(); ) {
            MetadataInstance m = it.next();
            if (bodyEnded || InstanceAssembler.references(m.dataset()).stream().allMatch(r -> parts.has(r.uri()))) {
                it.remove();
                sink.dataset(m, parts);
            }
        }
    }

    private static MediaType parse(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MediaType.parse(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void readMetadata(InputStream body, int number) throws IOException {
        String part = format.description + " part " + number;
        Budget budgeted = new Budget(body);
        try {
            if (format == Format.JSON) {
                try (JsonReader json = new JsonReader(budgeted).inlineBinaryTo(parts.spillFor(number))) {
                    json.readDatasets(new JsonReader.DatasetHandler() {
                        @Override
                        public void dataset(int index, Attributes ds) {
                            waiting.add(new MetadataInstance(ds, "dataset " + (index + 1) + " of " + part));
                        }

                        @Override
                        public void invalid(int index, DicomParseException reason) {
                            refuse(
                                    "dataset " + (index + 1) + " of " + part,
                                    FailureReason.CANNOT_UNDERSTAND,
                                    reason.getMessage());
                        }
                    });
                }
            } else {
                waiting.add(new MetadataInstance(XmlReader.readDataset(budgeted, parts.spillFor(number)), part));
            }
        } catch (DicomParseException e) {
            // The XML parser reports what broke under it as malformed XML: find the real cause.
            MalformedMultipartException cut = causeOf(e, MalformedMultipartException.class);
            if (cut != null) {
                throw cut;
            }
            MetadataTooLargeException tooLarge = causeOf(e, MetadataTooLargeException.class);
            refuse(
                    part,
                    tooLarge != null ? FailureReason.OUT_OF_RESOURCES : FailureReason.CANNOT_UNDERSTAND,
                    tooLarge != null ? tooLarge.getMessage() : e.getMessage());
        } catch (MetadataTooLargeException e) {
            refuse(part, FailureReason.OUT_OF_RESOURCES, e.getMessage());
        } finally {
            metadataBudget -= budgeted.count;
        }
    }

    private void refuse(String where, FailureReason reason, String why) {
        sink.refused(PartOutcome.failed(null, null, null, null, reason, why).from(where));
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Metadata is held in memory until its instances are stored, so the request's metadata is bounded. */
    static final class MetadataTooLargeException extends IOException {
        MetadataTooLargeException(String message) {
            super(message);
        }
    }

    /** Counts what a metadata part uses of the request's metadata budget and fails once it is spent. */
    private final class Budget extends FilterInputStream {
        long count;

        Budget(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > metadataBudget) {
                    throw new MetadataTooLargeException("the metadata of this request exceeds " + metadataLimitName);
                }
            }
            return n;
        }
    }
}
