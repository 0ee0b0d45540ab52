package org.opendicomweb.stow;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.RequestBodyStream;
import org.opendicomweb.web.multipart.MalformedMultipartException;
import org.opendicomweb.web.multipart.MultipartReader;

/**
 * The store transaction (PS3.18 §10.5): chooses how the body is read from its media type and reads it part by
 * part as it arrives. Each instance is received ({@link PartReceiver}: staged, parsed, validated) and joins a
 * {@link Batch}; a full batch, and the last one, is committed ({@link BatchCommit}: duplicate policy, files, then
 * index rows). A part that fails leaves nothing behind; the others are still stored. The HTTP status follows from
 * the outcomes, in {@link StowResponse}.
 */
@ApplicationScoped
public class StowService {
    private static final Logger LOG = Logger.getLogger(StowService.class);
    static final String APPLICATION_DICOM = "application/dicom";

    private final PartReceiver receiver;
    private final BatchCommit batches;
    private final BlobStore blobs;
    private final DicomwebConfig config;
    private final StoresInFlight inFlight;
    /** The request limit, which also bounds the bulk data spooled for one request. */
    private final MemorySize maxBodySize;

    @Inject
    StowService(
            PartReceiver receiver,
            BatchCommit batches,
            BlobStore blobs,
            DicomwebConfig config,
            StoresInFlight inFlight,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.inFlight = inFlight;
        this.receiver = receiver;
        this.batches = batches;
        this.blobs = blobs;
        this.config = config;
        this.maxBodySize = maxBodySize;
    }

    /**
     * Stores every instance of the body. Request-level faults (no boundary, no parts, unsupported type) are a
     * {@link DicomwebException} 400/415; everything about single instances is in the outcomes.
     */
    public StowResult store(InputStream body, String contentType, String studyInPath) {
        // Its files are not swept as orphans before they are indexed.
        try (StoresInFlight.Store store = inFlight.begin()) {
            return storeBody(body, contentType, studyInPath);
        }
    }

    private StowResult storeBody(InputStream body, String contentType, String studyInPath) {
        MediaType type = parseContentType(contentType);
        if (type.is(APPLICATION_DICOM)) {
            List<PartOutcome> outcomes = new ArrayList<>(1);
            Batch batch = new Batch();
            receiver.receive(body, studyInPath, outcomes, batch);
            batches.commit(batch, outcomes);
            StowResponse.requireWithinLimit(body, outcomes);
            return new StowResult(StowResponse.requireServiceUsable(outcomes), List.of());
        }
        if (!type.is("multipart/related")) {
            throw DicomwebException.unsupportedMediaType("STOW-RS takes multipart/related; type=\"application/dicom\""
                    + " (or type=\"application/dicom+json\" or \"application/dicom+xml\" with bulk data parts)"
                    + " or application/dicom, not " + type.essence());
        }
        String rootType = type.parameter("type") == null ? APPLICATION_DICOM : type.parameter("type");
        MediaType root = parseContentType(rootType);
        MetadataAndBulkData.Format format = MetadataAndBulkData.Format.of(root);
        if (!root.is(APPLICATION_DICOM) && format == null) {
            throw DicomwebException.unsupportedMediaType(
                    "multipart/related; type=\"" + rootType + "\" is not supported;"
                            + " send type=\"application/dicom\", \"application/dicom+json\" or \"application/dicom+xml\"");
        }
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw DicomwebException.badRequest("multipart/related without a boundary parameter");
        }
        MultipartReader reader;
        try {
            reader = new MultipartReader(body, boundary);
        } catch (IllegalArgumentException e) {
            throw DicomwebException.badRequest(e.getMessage());
        }
        StowResult result = format == null
                ? new StowResult(storeInstances(reader, studyInPath), List.of())
                : storeMetadataAndBulkData(reader, format, studyInPath);
        StowResponse.requireWithinLimit(body, result.outcomes());
        if (result.outcomes().isEmpty()) {
            throw DicomwebException.badRequest(
                    format == null
                            ? "The multipart body holds no parts"
                            : "The multipart body holds no " + format.mediaType + " metadata");
        }
        return new StowResult(StowResponse.requireServiceUsable(result.outcomes()), result.remarks());
    }

    /** Parts that are Part 10 instances ({@code type="application/dicom"}). */
    private List<PartOutcome> storeInstances(MultipartReader reader, String studyInPath) {
        List<PartOutcome> outcomes = new ArrayList<>();
        Batch batch = new Batch();
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                String partType = part.header("content-type");
                if (partType != null && !isDicom(partType)) {
                    outcomes.add(PartOutcome.failed(
                            null,
                            null,
                            null,
                            null,
                            FailureReason.CANNOT_UNDERSTAND,
                            "part of type " + partType + " in an application/dicom request"));
                    continue;
                }
                receiver.receive(part.body(), studyInPath, outcomes, batch);
                if (batch.isFull()) {
                    batches.commit(batch, outcomes);
                }
            }
        } catch (MalformedMultipartException e) {
            if (outcomes.isEmpty()) {
                throw DicomwebException.badRequest("Malformed multipart body: " + e.getMessage());
            }
            LOG.warnf("STOW body broke off after %d parts: %s", outcomes.size(), e.getMessage());
        } catch (IOException e) {
            if (outcomes.isEmpty() && !(e instanceof RequestBodyStream.TooLargeException)) {
                throw DicomwebException.badRequest("Request body could not be read: " + e.getMessage());
            }
            LOG.warnf("STOW body could not be read after %d parts: %s", outcomes.size(), e.getMessage());
        } finally {
            batches.commit(batch, outcomes);
        }
        return outcomes;
    }

    /**
     * The metadata-and-bulk-data form (PS3.18 §10.5.1.4): each dataset becomes a Part 10 file (see
     * {@link InstanceAssembler}) that then takes the same path as a received instance: validation, staged write,
     * duplicate policy, batched commit.
     */
    private StowResult storeMetadataAndBulkData(
            MultipartReader reader, MetadataAndBulkData.Format format, String studyInPath) {
        List<PartOutcome> outcomes = new ArrayList<>();
        Batch batch = new Batch();
        String bodyFault = null;
        try (BulkDataParts parts = new BulkDataParts(
                blobs,
                maxBodySize.asLongValue(),
                "quarkus.http.limits.max-body-size (" + maxBodySize.asLongValue() + " bytes)")) {
            MetadataAndBulkData request = new MetadataAndBulkData(
                    format,
                    parts,
                    config.stow().maxMetadataSize().asLongValue(),
                    "dicomweb.stow.max-metadata-size ("
                            + config.stow().maxMetadataSize().asLongValue() + " bytes)",
                    new MetadataAndBulkData.Sink() {
                        @Override
                        public void dataset(MetadataAndBulkData.MetadataInstance instance, BulkDataParts spooled) {
                            receiver.receiveAssembled(instance, spooled, studyInPath, outcomes, batch);
                            if (batch.isFull()) {
                                batches.commit(batch, outcomes);
                            }
                        }

                        @Override
                        public void refused(PartOutcome outcome) {
                            LOG.warnf(
                                    "STOW %s refused (0x%04X): %s",
                                    outcome.source(), outcome.failure().code(), outcome.detail());
                            outcomes.add(outcome);
                        }
                    });
            try {
                request.read(reader);
            } catch (IOException e) {
                boolean tooLarge = e instanceof BulkDataParts.LimitExceededException
                        || e instanceof RequestBodyStream.TooLargeException;
                bodyFault = tooLarge ? e.getMessage() : "the request body broke off: " + e.getMessage();
                if (outcomes.isEmpty() && !request.hasWaiting()) {
                    throw tooLarge
                            ? new DicomwebException(413, "Nothing was stored: " + e.getMessage())
                            : DicomwebException.badRequest("Malformed multipart body: " + e.getMessage());
                }
                LOG.warnf(
                        "STOW metadata-and-bulk-data body ended early after %d instances: %s",
                        outcomes.size(), e.getMessage());
            }
            if (bodyFault != null) {
                String fault = bodyFault;
                request.finishFailing(
                        m -> outcomes.add(PartOutcome.refused(m.dataset(), FailureReason.OUT_OF_RESOURCES, fault)
                                .from(m.source())));
            } else {
                request.finish();
            }
            batches.commit(batch, outcomes);
            return new StowResult(outcomes, parts.remarks());
        } finally {
            batches.commit(batch, outcomes);
        }
    }

    private static boolean isDicom(String partType) {
        try {
            return MediaType.parse(partType).is(APPLICATION_DICOM);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static MediaType parseContentType(String contentType) {
        if (contentType == null) {
            throw DicomwebException.unsupportedMediaType("Content-Type is missing");
        }
        try {
            return MediaType.parse(contentType);
        } catch (IllegalArgumentException e) {
            throw DicomwebException.badRequest(e.getMessage());
        }
    }
}
