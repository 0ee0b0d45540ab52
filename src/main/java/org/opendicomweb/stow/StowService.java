package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.io.DicomInputStream;
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
import org.opendicomweb.web.multipart.MalformedMultipartException;
import org.opendicomweb.web.multipart.MediaType;
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
    private final ExtendedQueryTags extendedTags;

    @Inject
    StowService(BlobStore blobs, InstanceIndex index, DicomwebConfig config, ExtendedQueryTags extendedTags) {
        this.blobs = blobs;
        this.index = index;
        this.config = config;
        this.extendedTags = extendedTags;
    }

    /**
     * Stores every part of the body. Request-level faults (no boundary, no parts, unsupported type) are a
     * {@link DicomwebException} 400/415; everything about single parts is in the outcomes.
     */
    public List<PartOutcome> store(InputStream body, String contentType, String studyInPath) {
        MediaType type = parseContentType(contentType);
        if (type.is(APPLICATION_DICOM)) {
            List<PartOutcome> outcomes = new ArrayList<>(1);
            Batch batch = new Batch();
            receivePart(body, studyInPath, outcomes, batch);
            commit(batch, outcomes);
            return requireServiceUsable(outcomes);
        }
        if (!type.is("multipart/related")) {
            throw DicomwebException.unsupportedMediaType("STOW-RS takes multipart/related; type=\"application/dicom\""
                    + " or application/dicom, not " + type.essence());
        }
        String rootType = type.parameter("type") == null ? APPLICATION_DICOM : type.parameter("type");
        if (!MediaType.parse(rootType).is(APPLICATION_DICOM)) {
            throw DicomwebException.unsupportedMediaType("multipart/related; type=\"" + rootType
                    + "\" is not supported yet; send the instances as type=\"application/dicom\"");
        }
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw DicomwebException.badRequest("multipart/related without a boundary parameter");
        }
        List<PartOutcome> outcomes = new ArrayList<>();
        MultipartReader reader = new MultipartReader(body, boundary);
        Batch batch = new Batch();
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                String partType = part.header("content-type");
                if (partType != null && !isDicom(partType)) {
                    outcomes.add(PartOutcome.failed(null, null, null, null, FailureReason.CANNOT_UNDERSTAND,
                            "part of type " + partType + " in an application/dicom request"));
                    continue;
                }
                receivePart(part.body(), studyInPath, outcomes, batch);
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
            if (outcomes.isEmpty()) {
                throw DicomwebException.badRequest("Request body could not be read: " + e.getMessage());
            }
            LOG.warnf("STOW body could not be read after %d parts: %s", outcomes.size(), e.getMessage());
        } finally {
            commit(batch, outcomes);
        }
        if (outcomes.isEmpty()) {
            throw DicomwebException.badRequest("The multipart body holds no parts");
        }
        return requireServiceUsable(outcomes);
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
            String key, boolean replaces) {}

    /** One part: stage and parse, validate; then its outcome is known, or it joins the batch. */
    private void receivePart(InputStream part, String studyInPath, List<PartOutcome> outcomes, Batch batch) {
        Received received = null;
        StagedBlob staged = null;
        boolean batched = false;
        try {
            staged = blobs.stage();
            received = receive(part, staged);
            if (received.fault != null) {
                outcomes.add(fail(received, FailureReason.CANNOT_UNDERSTAND, received.fault));
                return;
            }
            InstanceValidator.Violation violation =
                    InstanceValidator.check(received.fileMeta, received.dataset, received.syntax,
                            received.encodingDiffersFromMeta, studyInPath);
            if (violation != null) {
                outcomes.add(fail(received, violation.reason(), violation.detail()));
                return;
            }
            PartOutcome known = judgeDuplicate(received);
            if (known != null) {
                outcomes.add(known);
                return;
            }
            InstanceKeys keys = InstanceKeys.of(received.dataset, extendedTags.all());
            byte[] metadata = InstanceMetadata.encode(received.dataset, keys.studyInstanceUid(),
                    keys.seriesInstanceUid(), keys.sopInstanceUid());
            boolean replaces = received.existing != null;
            batch.add(new Pending(outcomes.size(), received, staged, keys, metadata, blobKey(keys), replaces));
            outcomes.add(null); // filled in when the batch is committed
            batched = true;
        } catch (StorageUnavailableException e) {
            outcomes.add(fail(received, FailureReason.OUT_OF_RESOURCES, e.getMessage()).asUnavailable());
        } catch (IOException e) {
            outcomes.add(fail(received, FailureReason.OUT_OF_RESOURCES, "storage write failed: " + e.getMessage()));
        } catch (RuntimeException e) {
            // A fault of ours on one part must not turn the request into a 500 while other parts are stored.
            LOG.errorf(e, "Storing a STOW part failed unexpectedly");
            outcomes.add(fail(received, FailureReason.PROCESSING_FAILURE, "unexpected server error for this part"));
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
        /** The stored instance with the same SOP Instance UID and other bytes, when the policy replaces it. */
        StoredInstance existing;

        Received(Attributes fileMeta, Attributes dataset, TransferSyntax syntax, boolean encodingDiffersFromMeta,
                long size, String sha256, String fault) {
            this.fileMeta = fileMeta;
            this.dataset = dataset;
            this.syntax = syntax;
            this.encodingDiffersFromMeta = encodingDiffersFromMeta;
            this.size = size;
            this.sha256 = sha256;
            this.fault = fault;
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
        OutputStream sink = new BufferedOutputStream(new DigestOutputStream(staged.outputStream(), sha), 64 * 1024);
        TeeInputStream tee = new TeeInputStream(part, sink);
        try {
            DicomInputStream in = new DicomInputStream(tee);
            in.setBulkDataThreshold(PARSE_BULK_THRESHOLD);
            fileMeta = in.readFileMetaInformation();
            syntax = in.transferSyntax();
            differs = in.encodingDiffersFromFileMeta();
            dataset = new Attributes(syntax.bigEndian(), 64);
            in.readDataset(dataset, -1);
            tee.drain();
        } catch (MalformedMultipartException e) {
            // The body itself broke off inside this part: nothing after it can be read either.
            fault = "request body ends inside this part: " + e.getMessage();
        } catch (DicomParseException e) {
            fault = "not a readable DICOM instance: " + e.getMessage();
            try {
                tee.drain();
            } catch (MalformedMultipartException cut) {
                fault += "; the request body ends inside this part";
            }
        } catch (TeeInputStream.SinkException e) {
            throw e.getCause(); // the staged copy could not be written: a storage fault
        } catch (IOException e) {
            fault = "the request body could not be read: " + e.getMessage();
        }
        sink.flush();
        return new Received(fileMeta, dataset, syntax, differs, tee.count(), HexFormat.of().formatHex(sha.digest()), fault);
    }

    /**
     * The duplicate policy before anything is written: identical bytes are a success that changes nothing,
     * other bytes are refused or marked to replace. {@code null}: the part goes on to be stored.
     */
    private PartOutcome judgeDuplicate(Received r) {
        String sop = Uids.normalise(r.dataset.getString(Tag.SOPInstanceUID));
        try {
            Optional<StoredInstance> existing = index.find(sop);
            if (existing.isEmpty()) {
                return null;
            }
            if (existing.get().sha256().equals(r.sha256)) {
                return stored(InstanceKeys.of(r.dataset), null);
            }
            if (config.stow().duplicatePolicy() == DicomwebConfig.DuplicatePolicy.REJECT) {
                return fail(r, FailureReason.DUPLICATE_SOP_INSTANCE, "SOPInstanceUID " + sop
                        + " is already stored with different content (duplicate policy: reject)");
            }
            r.existing = existing.get();
            return null;
        } catch (IndexUnavailableException e) {
            return fail(r, FailureReason.PROCESSING_FAILURE, e.getMessage()).asUnavailable();
        } catch (SQLException e) {
            LOG.errorf(e, "Looking up SOP Instance %s failed", sop);
            return fail(r, FailureReason.PROCESSING_FAILURE, "the index could not be read");
        }
    }

    /**
     * Commits the batch's files (synced, renamed, their folders synced once), then indexes the new instances in
     * one transaction. If that transaction fails, each instance is indexed on its own, so one bad instance (a
     * series reused across studies, a concurrent duplicate) fails alone.
     */
    private void commit(Batch batch, List<PartOutcome> outcomes) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            blobs.commitAll(batch.stream().map(p -> Map.entry(p.staged(), p.key())).toList());
        } catch (IOException | StorageUnavailableException e) {
            for (Pending p : batch) {
                PartOutcome failed = fail(p.received(), FailureReason.OUT_OF_RESOURCES, "storage write failed: " + e.getMessage());
                outcomes.set(p.position(), e instanceof StorageUnavailableException ? failed.asUnavailable() : failed);
            }
            batch.clear();
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
        batch.clear();
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

    /**
     * {@code study/series/instance-version}: a series' files share a folder (one new folder per series, and an
     * operator can find a study on disk); the version suffix makes every stored version a new key, so a
     * replacement never overwrites the file that the index still points at.
     */
    private static String blobKey(InstanceKeys k) {
        String version = Uids.generate();
        return k.studyInstanceUid() + "/" + k.seriesInstanceUid() + "/" + k.sopInstanceUid() + "-"
                + version.substring(version.length() - 12);
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
        Attributes ds = r == null ? null : r.dataset;
        String sopClass = ds == null ? null : Uids.normalise(ds.getString(Tag.SOPClassUID));
        String sop = ds == null ? null : Uids.normalise(ds.getString(Tag.SOPInstanceUID));
        String study = ds == null ? null : Uids.normalise(ds.getString(Tag.StudyInstanceUID));
        String series = ds == null ? null : Uids.normalise(ds.getString(Tag.SeriesInstanceUID));
        LOG.warnf("STOW part refused (0x%04X): %s [study %s, series %s, instance %s]",
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
