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

    @Inject
    StowService(BlobStore blobs, InstanceIndex index, DicomwebConfig config) {
        this.blobs = blobs;
        this.index = index;
        this.config = config;
    }

    /**
     * Stores every part of the body. Request-level faults (no boundary, no parts, unsupported type) are a
     * {@link DicomwebException} 400/415; everything about single parts is in the outcomes.
     */
    public List<PartOutcome> store(InputStream body, String contentType, String studyInPath) {
        MediaType type = parseContentType(contentType);
        if (type.is(APPLICATION_DICOM)) {
            return List.of(storePart(body, studyInPath));
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
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                String partType = part.header("content-type");
                if (partType != null && !isDicom(partType)) {
                    outcomes.add(PartOutcome.failed(null, null, null, null, FailureReason.CANNOT_UNDERSTAND,
                            "part of type " + partType + " in an application/dicom request"));
                    continue;
                }
                outcomes.add(storePart(part.body(), studyInPath));
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
        }
        if (outcomes.isEmpty()) {
            throw DicomwebException.badRequest("The multipart body holds no parts");
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

    /** One instance: stage and parse, validate, commit the blob, index it. */
    PartOutcome storePart(InputStream part, String studyInPath) {
        Received received = null;
        try (StagedBlob staged = blobs.stage()) {
            received = receive(part, staged);
            if (received.fault != null) {
                return fail(received, FailureReason.CANNOT_UNDERSTAND, received.fault);
            }
            InstanceValidator.Violation violation =
                    InstanceValidator.check(received.fileMeta, received.dataset, received.syntax,
                            received.encodingDiffersFromMeta, studyInPath);
            if (violation != null) {
                return fail(received, violation.reason(), violation.detail());
            }
            return commitAndIndex(received, staged);
        } catch (StorageUnavailableException e) {
            return fail(received, FailureReason.OUT_OF_RESOURCES, e.getMessage());
        } catch (IOException e) {
            return fail(received, FailureReason.OUT_OF_RESOURCES, "storage write failed: " + e.getMessage());
        }
    }

    /** What parsing a part gave: the dataset so far, and the fault that stopped it, if any. */
    private record Received(Attributes fileMeta, Attributes dataset, TransferSyntax syntax,
            boolean encodingDiffersFromMeta, long size, String sha256, String fault) {}

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
            tee.drain();
        }
        sink.flush();
        return new Received(fileMeta, dataset, syntax, differs, tee.count(), HexFormat.of().formatHex(sha.digest()), fault);
    }

    private PartOutcome commitAndIndex(Received r, StagedBlob staged) throws IOException {
        InstanceKeys keys = InstanceKeys.of(r.dataset);
        String sop = keys.sopInstanceUid();
        try {
            Optional<StoredInstance> existing = index.find(sop);
            if (existing.isPresent() && existing.get().sha256().equals(r.sha256)) {
                return stored(keys, null); // the same bytes again: success, nothing changes
            }
            if (existing.isPresent() && config.stow().duplicatePolicy() == DicomwebConfig.DuplicatePolicy.REJECT) {
                return fail(r, FailureReason.DUPLICATE_SOP_INSTANCE, "SOPInstanceUID " + sop
                        + " is already stored with different content (duplicate policy: reject)");
            }
            byte[] metadata = InstanceMetadata.encode(r.dataset, keys.studyInstanceUid(), keys.seriesInstanceUid(), sop);
            String key = blobKey(keys);
            blobs.commit(staged, key);
            InstanceIndex.Blob blob = new InstanceIndex.Blob(key, r.size, r.sha256, r.syntax.uid());
            try {
                if (existing.isPresent()) {
                    String replaced = index.replace(keys, blob, metadata);
                    deleteQuietly(replaced);
                    LOG.infof("Replaced SOP Instance %s of study %s", sop, keys.studyInstanceUid());
                    return stored(keys, FailureReason.WARNING_REPLACED_EXISTING);
                }
                index.insert(keys, blob, metadata);
                return stored(keys, null);
            } catch (AlreadyIndexedException e) {
                // A concurrent store of the same instance won the race: judge it as a duplicate now.
                deleteQuietly(key);
                return index.find(sop).filter(s -> s.sha256().equals(r.sha256)).isPresent()
                        ? stored(keys, null)
                        : fail(r, FailureReason.DUPLICATE_SOP_INSTANCE, e.getMessage() + " with different content");
            } catch (SeriesInOtherStudyException e) {
                deleteQuietly(key);
                return fail(r, FailureReason.SERIES_IN_OTHER_STUDY, e.getMessage());
            } catch (SQLException | RuntimeException e) {
                deleteQuietly(key);
                throw e;
            }
        } catch (IndexUnavailableException e) {
            return fail(r, FailureReason.PROCESSING_FAILURE, e.getMessage());
        } catch (SQLException e) {
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
