package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.DatasetTooLargeException;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.io.DicomOutputStream;
import org.opendicomweb.index.IndexUnavailableException;
import org.opendicomweb.index.InstanceIndex;
import org.opendicomweb.index.InstanceIndex.AlreadyIndexedException;
import org.opendicomweb.index.InstanceIndex.SeriesInOtherStudyException;
import org.opendicomweb.index.InstanceIndex.StoredInstance;
import org.opendicomweb.index.ExtendedQueryTags;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.StagedBlob;
import org.opendicomweb.storage.StorageUnavailableException;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.RequestBodyStream;
import org.opendicomweb.web.multipart.MalformedMultipartException;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.multipart.MultipartReader;

/**
 * The store transaction (PS3.18 §10.5): reads the request body part by part as it arrives, and for each part
 * copies the bytes into a staged blob while the codec parses the header, validates, commits the blob
 * (fsync + atomic rename) and only then indexes it. A part that fails leaves nothing behind; the others are
 * still stored.
 */
@ApplicationScoped
public class StowService {
    private static final Logger LOG = Logger.getLogger(StowService.class);
    static final String APPLICATION_DICOM = "application/dicom";
    /** Binary values above this stay in the file and are referenced by offset (see InstanceMetadata). */
    private static final int PARSE_BULK_THRESHOLD = InstanceMetadata.INLINE_LIMIT;

    private final BlobStore blobs;
    private final InstanceIndex index;
    private final DicomwebConfig config;
    /** The request limit, which also bounds the bulk data spooled for one request. */
    private final MemorySize maxBodySize;
    private final ExtendedQueryTags extendedTags;

    @Inject
    StowService(BlobStore blobs, InstanceIndex index, DicomwebConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ExtendedQueryTags extendedTags) {
        this.blobs = blobs;
        this.index = index;
        this.config = config;
        this.maxBodySize = maxBodySize;
        this.extendedTags = extendedTags;
    }

    /**
     * Stores every instance of the body. Request-level faults (no boundary, no parts, unsupported type) are a
     * {@link DicomwebException} 400/415; everything about single instances is in the outcomes.
     */
    public StowResult store(InputStream body, String contentType, String studyInPath) {
        MediaType type = parseContentType(contentType);
        if (type.is(APPLICATION_DICOM)) {
            List<PartOutcome> outcomes = new ArrayList<>(1);
            Batch batch = new Batch();
            receivePart(staged -> receive(body, staged), studyInPath, null, outcomes, batch);
            commit(batch, outcomes);
            return new StowResult(requireServiceUsable(requireWithinLimit(body, outcomes)), List.of());
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
            throw DicomwebException.unsupportedMediaType("multipart/related; type=\"" + rootType + "\" is not supported;"
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
        requireWithinLimit(body, result.outcomes());
        if (result.outcomes().isEmpty()) {
            throw DicomwebException.badRequest(format == null ? "The multipart body holds no parts"
                    : "The multipart body holds no " + format.mediaType + " metadata");
        }
        return new StowResult(requireServiceUsable(result.outcomes()), result.remarks());
    }

    /** A body cut off at the request limit with nothing stored is a 413 (PS3.18 §10.5.3), not a 409. */
    private static List<PartOutcome> requireWithinLimit(InputStream body, List<PartOutcome> outcomes) {
        if (body instanceof RequestBodyStream stream && stream.limitExceeded() != null
                && outcomes.stream().noneMatch(PartOutcome::isStored)) {
            throw new DicomwebException(413, "Nothing was stored: " + stream.limitExceeded().getMessage());
        }
        return outcomes;
    }

    /** Parts that are Part 10 instances ({@code type="application/dicom"}). */
    private List<PartOutcome> storeInstances(MultipartReader reader, String studyInPath) {
        List<PartOutcome> outcomes = new ArrayList<>();
        Batch batch = new Batch();
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                String partType = part.header("content-type");
                if (partType != null && !isDicom(partType)) {
                    outcomes.add(PartOutcome.failed(null, null, null, null, FailureReason.CANNOT_UNDERSTAND,
                            "part of type " + partType + " in an application/dicom request"));
                    continue;
                }
                InputStream in = part.body();
                receivePart(staged -> receive(in, staged), studyInPath, null, outcomes, batch);
                if (batch.isFull()) {
                    commit(batch, outcomes);
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
            commit(batch, outcomes);
        }
        return outcomes;
    }

    /**
     * The metadata-and-bulk-data form (PS3.18 §10.5.1.4): each dataset becomes a Part 10 file (see
     * {@link InstanceAssembler}) that then takes the same path as a received instance: validation, staged write,
     * duplicate policy, batched commit.
     */
    private StowResult storeMetadataAndBulkData(MultipartReader reader, MetadataAndBulkData.Format format,
            String studyInPath) {
        List<PartOutcome> outcomes = new ArrayList<>();
        Batch batch = new Batch();
        String bodyFault = null;
        try (BulkDataParts parts = new BulkDataParts(blobs, maxBodySize.asLongValue(),
                "quarkus.http.limits.max-body-size (" + maxBodySize.asLongValue() + " bytes)")) {
            MetadataAndBulkData request = new MetadataAndBulkData(format, parts,
                    config.stow().maxMetadataSize().asLongValue(),
                    "dicomweb.stow.max-metadata-size (" + config.stow().maxMetadataSize().asLongValue() + " bytes)",
                    new MetadataAndBulkData.Sink() {
                        @Override
                        public void dataset(MetadataAndBulkData.MetadataInstance instance, BulkDataParts spooled) {
                            storeAssembled(instance, spooled, studyInPath, outcomes, batch);
                            if (batch.isFull()) {
                                commit(batch, outcomes);
                            }
                        }

                        @Override
                        public void refused(PartOutcome outcome) {
                            LOG.warnf("STOW %s refused (0x%04X): %s", outcome.source(), outcome.failure().code(),
                                    outcome.detail());
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
                    throw tooLarge ? new DicomwebException(413, "Nothing was stored: " + e.getMessage())
                            : DicomwebException.badRequest("Malformed multipart body: " + e.getMessage());
                }
                LOG.warnf("STOW metadata-and-bulk-data body ended early after %d instances: %s", outcomes.size(),
                        e.getMessage());
            }
            if (bodyFault != null) {
                String fault = bodyFault;
                request.finishFailing(m -> outcomes.add(failed(m, FailureReason.OUT_OF_RESOURCES, fault)));
            } else {
                request.finish();
            }
            commit(batch, outcomes);
            return new StowResult(outcomes, parts.remarks());
        } finally {
            commit(batch, outcomes);
        }
    }

    /** One dataset of the metadata: checked before anything is written, then assembled and received. */
    private void storeAssembled(MetadataAndBulkData.MetadataInstance m, BulkDataParts parts, String studyInPath,
            List<PartOutcome> outcomes, Batch batch) {
        Attributes ds = m.dataset();
        InstanceAssembler.Problem problem = InstanceAssembler.prepare(ds, parts);
        if (problem != null) {
            outcomes.add(failed(m, problem.reason(), problem.detail()));
            return;
        }
        Attributes fileMeta = DicomOutputStream.createFileMetaInformation(ds.getString(Tag.SOPClassUID),
                ds.getString(Tag.SOPInstanceUID), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        InstanceValidator.Violation violation = InstanceValidator.check(fileMeta, ds,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, studyInPath);
        if (violation != null) {
            // Refused before a byte is written: a large instance without UIDs costs nothing.
            outcomes.add(failed(m, violation.reason(), violation.detail()));
            return;
        }
        receivePart(staged -> assemble(ds, parts, staged), studyInPath, m.source(), outcomes, batch);
    }

    /**
     * Writes the file in a second (virtual) thread into a {@link Pipe} that {@link #receive} reads like a request
     * part: the staged copy, its digest and the dataset that is indexed are then exactly those of any received
     * instance.
     */
    private Received assemble(Attributes ds, BulkDataParts parts, StagedBlob staged) throws IOException {
        Pipe pipe = new Pipe();
        Throwable[] failure = new Throwable[1];
        Thread writer = Thread.ofVirtual().name("stow-assemble").start(() -> {
            try (OutputStream out = pipe.output()) {
                InstanceAssembler.write(ds, parts, out);
            } catch (Throwable t) {
                failure[0] = t;
                pipe.finishWriting(t);
            }
        });
        Received received;
        try {
            received = receive(pipe.input(), staged);
        } finally {
            pipe.input().close();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while assembling an instance");
            }
        }
        Throwable t = failure[0];
        if (t instanceof IOException io && received.fault == null) {
            throw new IOException("the spooled bulk data could not be read back: " + io.getMessage(), io);
        }
        if (t != null && !(t instanceof IOException)) {
            throw new IllegalStateException("assembling the instance failed", t);
        }
        return received;
    }

    private static PartOutcome failed(MetadataAndBulkData.MetadataInstance m, FailureReason reason, String detail) {
        return fail(m.dataset(), reason, detail).from(m.source());
    }

    /**
     * Nothing stored because the index or storage is down is not the client's fault: 503 (retry later) rather
     * than the 409 of PS3.18 §10.5.3, which says the request itself was refused.
     */
    private static List<PartOutcome> requireServiceUsable(List<PartOutcome> outcomes) {
        boolean noneStored = outcomes.stream().noneMatch(PartOutcome::isStored);
        PartOutcome down = outcomes.stream().filter(PartOutcome::unavailable).findFirst().orElse(null);
        if (noneStored && down != null) {
            throw DicomwebException.unavailable("Nothing was stored: " + down.detail());
        }
        return outcomes;
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

    /**
     * Parts that passed every check, staged and waiting to be committed together: their files share one folder
     * sync and their index rows one transaction, which is most of the cost of storing a small instance.
     */
    private static final class Batch extends ArrayList<Pending> {
        private static final int MAX_INSTANCES = 16;
        private static final long MAX_BYTES = 256L * 1024 * 1024;
        private long bytes;

        @Override
        public boolean add(Pending p) {
            bytes += p.received().size();
            return super.add(p);
        }

        boolean isFull() {
            return size() >= MAX_INSTANCES || bytes >= MAX_BYTES;
        }

        @Override
        public void clear() {
            super.clear();
            bytes = 0;
        }
    }

    /** A valid part whose staged bytes wait in a {@link Batch}; {@code position} is its place in the outcomes. */
    private record Pending(int position, Received received, StagedBlob staged, InstanceKeys keys, byte[] metadata,
            String key) {
        /** Set by {@link #judgeDuplicates}: the duplicate policy replaces a stored instance with other bytes. */
        boolean replaces() {
            return received.existing != null;
        }
    }

    /** How a part's bytes reach the staged blob: read from the request, or assembled from metadata. */
    @FunctionalInterface
    private interface PartSource {
        Received copyInto(StagedBlob staged) throws IOException;
    }

    /**
     * One instance: stage and parse, validate; then its outcome is known, or it joins the batch. {@code source}
     * says where it was in the request when that is not simply its own part.
     */
    private void receivePart(PartSource source, String studyInPath, String where, List<PartOutcome> outcomes,
            Batch batch) {
        Received received = null;
        StagedBlob staged = null;
        boolean batched = false;
        try {
            staged = blobs.stage();
            received = source.copyInto(staged);
            received.source = where;
            if (received.fault != null) {
                outcomes.add(fail(received, received.faultReason, received.fault));
                return;
            }
            InstanceValidator.Violation violation =
                    InstanceValidator.check(received.fileMeta, received.dataset, received.syntax,
                            received.encodingDiffersFromMeta, studyInPath);
            if (violation != null) {
                outcomes.add(fail(received, violation.reason(), violation.detail()));
                return;
            }
            InstanceKeys keys = InstanceKeys.of(received.dataset, extendedTags.all());
            byte[] metadata = InstanceMetadata.encode(received.dataset, keys.studyInstanceUid(),
                    keys.seriesInstanceUid(), keys.sopInstanceUid());
            batch.add(new Pending(outcomes.size(), received, staged, keys, metadata, blobKey(keys)));
            outcomes.add(null); // filled in when the batch is committed
            batched = true;
        } catch (StorageUnavailableException e) {
            outcomes.add(fail(received, FailureReason.OUT_OF_RESOURCES, e.getMessage()).asUnavailable().from(where));
        } catch (IOException e) {
            outcomes.add(fail(received, FailureReason.OUT_OF_RESOURCES, "storage failed: " + e.getMessage()).from(where));
        } catch (RuntimeException e) {
            // A fault of ours on one part must not turn the request into a 500 while other parts are stored.
            LOG.errorf(e, "Storing a STOW part failed unexpectedly");
            outcomes.add(fail(received, FailureReason.PROCESSING_FAILURE, "unexpected server error for this part").from(where));
        } finally {
            if (!batched && staged != null) {
                staged.close(); // discards the staged bytes
            }
        }
    }

    /** What parsing a part gave: the dataset so far, and the fault that stopped it, if any. */
    private static final class Received {
        final Attributes fileMeta;
        final Attributes dataset;
        final TransferSyntax syntax;
        final boolean encodingDiffersFromMeta;
        final long size;
        final String sha256;
        final String fault;
        final FailureReason faultReason;
        /** The stored instance with the same SOP Instance UID and other bytes, when the policy replaces it. */
        StoredInstance existing;
        /** Where in the request the instance was, when not simply its own part. */
        String source;

        Received(Attributes fileMeta, Attributes dataset, TransferSyntax syntax, boolean encodingDiffersFromMeta,
                long size, String sha256, String fault, FailureReason faultReason) {
            this.fileMeta = fileMeta;
            this.dataset = dataset;
            this.syntax = syntax;
            this.encodingDiffersFromMeta = encodingDiffersFromMeta;
            this.size = size;
            this.sha256 = sha256;
            this.fault = fault;
            this.faultReason = faultReason;
        }

        long size() {
            return size;
        }
    }

    private Received receive(InputStream part, StagedBlob staged) throws IOException {
        MessageDigest sha = sha256();
        Attributes fileMeta = null;
        Attributes dataset = new Attributes();
        TransferSyntax syntax = null;
        boolean differs = false;
        String fault = null;
        FailureReason faultReason = FailureReason.CANNOT_UNDERSTAND;
        OutputStream sink = new BufferedOutputStream(new DigestOutputStream(staged.outputStream(), sha), 64 * 1024);
        TeeInputStream tee = new TeeInputStream(part, sink);
        try {
            DicomInputStream in = new DicomInputStream(tee);
            in.setBulkDataThreshold(PARSE_BULK_THRESHOLD);
            in.setSkipInflatedBulkData(true);
            in.setMaxDatasetMemory(config.stow().maxDatasetMemory().asLongValue());
            fileMeta = in.readFileMetaInformation();
            syntax = in.transferSyntax();
            differs = in.encodingDiffersFromFileMeta();
            dataset = new Attributes(syntax.bigEndian(), 64);
            in.readDataset(dataset, -1);
            tee.drain();
        } catch (MalformedMultipartException e) {
            // The body itself broke off inside this part: nothing after it can be read either.
            fault = "request body ends inside this part: " + e.getMessage();
        } catch (DatasetTooLargeException e) {
            faultReason = FailureReason.OUT_OF_RESOURCES;
            fault = e.getMessage() + " (dicomweb.stow.max-dataset-memory)";
            try {
                tee.drain();
            } catch (MalformedMultipartException cut) {
                fault += "; the request body ends inside this part";
            }
        } catch (DicomParseException e) {
            fault = "not a readable DICOM instance: " + e.getMessage();
            try {
                tee.drain();
            } catch (MalformedMultipartException cut) {
                fault += "; the request body ends inside this part";
            }
        } catch (TeeInputStream.SinkException e) {
            throw e.getCause(); // the staged copy could not be written: a storage fault
        } catch (RequestBodyStream.TooLargeException e) {
            faultReason = FailureReason.OUT_OF_RESOURCES;
            fault = e.getMessage();
        } catch (IOException e) {
            fault = "the request body could not be read: " + e.getMessage();
        }
        sink.flush();
        return new Received(fileMeta, dataset, syntax, differs, tee.count(), HexFormat.of().formatHex(sha.digest()), fault,
                faultReason);
    }

    /**
     * The duplicate policy before anything is committed, for the whole batch in one lookup: identical bytes are a
     * success that changes nothing, other bytes are refused or marked to replace. Settled parts leave the batch
     * and their staged bytes are discarded.
     */
    private void judgeDuplicates(Batch batch, List<PartOutcome> outcomes) {
        Map<String, StoredInstance> stored;
        try {
            stored = index.findAll(batch.stream().map(p -> p.keys().sopInstanceUid()).toList());
        } catch (IndexUnavailableException e) {
            settle(batch, outcomes, p -> fail(p.received(), FailureReason.PROCESSING_FAILURE, e.getMessage()).asUnavailable());
            return;
        } catch (SQLException e) {
            LOG.errorf(e, "Looking up SOP Instances %s failed",
                    batch.stream().map(p -> p.keys().sopInstanceUid()).toList());
            settle(batch, outcomes, p -> fail(p.received(), FailureReason.PROCESSING_FAILURE, "the index could not be read"));
            return;
        }
        settle(batch, outcomes, p -> {
            StoredInstance existing = stored.get(p.keys().sopInstanceUid());
            if (existing == null) {
                return null;
            }
            if (existing.sha256().equals(p.received().sha256)) {
                return stored(p.keys(), null).from(p.received().source);
            }
            if (config.stow().duplicatePolicy() == DicomwebConfig.DuplicatePolicy.REJECT) {
                return fail(p.received(), FailureReason.DUPLICATE_SOP_INSTANCE, "SOPInstanceUID "
                        + p.keys().sopInstanceUid() + " is already stored with different content (duplicate policy: reject)");
            }
            p.received().existing = existing;
            return null;
        });
    }

    /** Gives each part its outcome where {@code judge} has one, and takes those parts out of the batch. */
    private static void settle(Batch batch, List<PartOutcome> outcomes, Function<Pending, PartOutcome> judge) {
        for (Iterator<Pending> it = batch.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            PartOutcome outcome = judge.apply(p);
            if (outcome != null) {
                outcomes.set(p.position(), outcome);
                p.staged().close(); // discards the staged bytes
                it.remove();
            }
        }
    }

    /**
     * Judges the batch's duplicates, commits the remaining files (synced, renamed, their folders synced once),
     * then indexes the new instances in one transaction. If that transaction fails, each instance is indexed on
     * its own, so one bad instance (a series reused across studies, a concurrent duplicate) fails alone.
     */
    private void commit(Batch batch, List<PartOutcome> outcomes) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            judgeDuplicates(batch, outcomes);
            if (!batch.isEmpty()) {
                commitJudged(batch, outcomes);
            }
        } finally {
            batch.clear(); // also resets its byte count, which settled parts left behind
        }
    }

    private void commitJudged(Batch batch, List<PartOutcome> outcomes) {
        try {
            blobs.commitAll(batch.stream().map(p -> Map.entry(p.staged(), p.key())).toList());
        } catch (IOException | StorageUnavailableException e) {
            for (Pending p : batch) {
                PartOutcome failed = fail(p.received(), FailureReason.OUT_OF_RESOURCES, "storage write failed: " + e.getMessage());
                outcomes.set(p.position(), e instanceof StorageUnavailableException ? failed.asUnavailable() : failed);
            }
            return;
        }
        List<Pending> inserts = batch.stream().filter(p -> !p.replaces()).toList();
        boolean indexedTogether = false;
        if (inserts.size() > 1) {
            try {
                index.insertAll(inserts.stream().map(p -> new InstanceIndex.NewInstance(p.keys(), blobOf(p), p.metadata()))
                        .toList());
                inserts.forEach(p -> outcomes.set(p.position(), stored(p.keys(), null)));
                indexedTogether = true;
            } catch (SQLException | SeriesInOtherStudyException | AlreadyIndexedException | RuntimeException e) {
                LOG.debugf("Indexing %d instances together failed (%s); indexing them one by one", inserts.size(),
                        e.getMessage());
            }
        }
        for (Pending p : batch) {
            if (!indexedTogether || p.replaces()) {
                outcomes.set(p.position(), indexOne(p));
            }
        }
    }

    private static InstanceIndex.Blob blobOf(Pending p) {
        return new InstanceIndex.Blob(p.key(), p.received().size, p.received().sha256, p.received().syntax.uid());
    }

    /** Indexes one committed instance; whatever fails removes its file again. */
    private PartOutcome indexOne(Pending p) {
        Received r = p.received();
        InstanceKeys keys = p.keys();
        String sop = keys.sopInstanceUid();
        try {
            if (p.replaces()) {
                String replaced = index.replace(keys, blobOf(p), p.metadata());
                deleteQuietly(replaced);
                LOG.infof("Replaced SOP Instance %s of study %s", sop, keys.studyInstanceUid());
                return stored(keys, FailureReason.WARNING_REPLACED_EXISTING);
            }
            index.insert(keys, blobOf(p), p.metadata());
            return stored(keys, null);
        } catch (AlreadyIndexedException e) {
            // A concurrent store of the same instance won the race: judge it as a duplicate now.
            deleteQuietly(p.key());
            try {
                return index.find(sop).filter(s -> s.sha256().equals(r.sha256)).isPresent()
                        ? stored(keys, null)
                        : fail(r, FailureReason.DUPLICATE_SOP_INSTANCE, e.getMessage() + " with different content");
            } catch (SQLException lookup) {
                return fail(r, FailureReason.PROCESSING_FAILURE, "the index could not be read");
            }
        } catch (SeriesInOtherStudyException e) {
            deleteQuietly(p.key());
            recordConflict(e, keys);
            return fail(r, FailureReason.SERIES_IN_OTHER_STUDY, e.getMessage());
        } catch (IndexUnavailableException e) {
            deleteQuietly(p.key());
            return fail(r, FailureReason.PROCESSING_FAILURE, e.getMessage()).asUnavailable();
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(p.key());
            LOG.errorf(e, "Indexing SOP Instance %s of study %s failed", sop, keys.studyInstanceUid());
            return fail(r, FailureReason.PROCESSING_FAILURE, "the index could not be written");
        }
    }

    /** Keeps the refusal for the integrity report; failing to do so must not change the instance's outcome. */
    private void recordConflict(SeriesInOtherStudyException e, InstanceKeys keys) {
        try {
            index.recordSeriesConflict(e, keys.studyInstanceUid(), keys.sopInstanceUid());
        } catch (SQLException | RuntimeException failure) {
            LOG.warnf("Could not record the refusal of series %s in study %s for the integrity report: %s",
                    e.seriesUid(), keys.studyInstanceUid(), failure.getMessage());
        }
    }

    /**
     * Where an instance's file goes: its UIDs and a random version of 12 digits, so that a replacing file never
     * overwrites the one the index still points at. Not a secret: a fast random source does.
     */
    private static String blobKey(InstanceKeys k) {
        String version = Long.toString(1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L))
                .substring(1);
        return k.studyInstanceUid() + "/" + k.seriesInstanceUid() + "/" + k.sopInstanceUid() + "-" + version;
    }

    private void deleteQuietly(String key) {
        if (key == null) {
            return;
        }
        try {
            blobs.delete(key);
        } catch (IOException e) {
            LOG.warnf("Could not delete blob %s: %s (it will be swept as an orphan)", key, e.getMessage());
        }
    }

    private static PartOutcome stored(InstanceKeys k, Integer warning) {
        return PartOutcome.stored(k.sopClassUid(), k.sopInstanceUid(), k.studyInstanceUid(), k.seriesInstanceUid(), warning);
    }

    private static PartOutcome fail(Received r, FailureReason reason, String detail) {
        return fail(r == null ? null : r.dataset, reason, detail).from(r == null ? null : r.source);
    }

    private static PartOutcome fail(Attributes ds, FailureReason reason, String detail) {
        String sopClass = ds == null ? null : Uids.normalise(ds.getString(Tag.SOPClassUID));
        String sop = ds == null ? null : Uids.normalise(ds.getString(Tag.SOPInstanceUID));
        String study = ds == null ? null : Uids.normalise(ds.getString(Tag.StudyInstanceUID));
        String series = ds == null ? null : Uids.normalise(ds.getString(Tag.SeriesInstanceUID));
        LOG.warnf("STOW instance refused (0x%04X): %s [study %s, series %s, instance %s]",
                reason.code(), detail, study, series, sop);
        return PartOutcome.failed(sopClass, sop, study, series, reason, detail);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
