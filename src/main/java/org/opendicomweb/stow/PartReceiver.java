package org.opendicomweb.stow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.DatasetTooLargeException;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.io.DicomOutputStream;
import org.opendicomweb.index.ExtendedQueryTags;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.index.RejectionNote;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.storage.StagedBlob;
import org.opendicomweb.storage.StorageUnavailableException;
import org.opendicomweb.web.RequestBodyStream;
import org.opendicomweb.web.multipart.MalformedMultipartException;

/**
 * Receives one instance of a STOW request: its bytes are teed into a staged blob while the codec parses the
 * header (stopping at pixel data), then it is validated; the staged blob keeps the CRC-32C of its bytes. Either its outcome is then known (a
 * refusal, and the staged bytes are discarded), or it joins the {@link Batch} and is committed with it.
 */
@ApplicationScoped
class PartReceiver {
    private static final Logger LOG = Logger.getLogger(PartReceiver.class);
    /** Binary values above this stay in the file and are referenced by offset (see InstanceMetadata). */
    private static final int PARSE_BULK_THRESHOLD = InstanceMetadata.INLINE_LIMIT;

    private final BlobStore blobs;
    private final DicomwebConfig config;
    private final ExtendedQueryTags extendedTags;
    private final RejectionPolicy policy;

    @Inject
    PartReceiver(BlobStore blobs, DicomwebConfig config, ExtendedQueryTags extendedTags, RejectionPolicy policy) {
        this.blobs = blobs;
        this.config = config;
        this.extendedTags = extendedTags;
        this.policy = policy;
    }

    /** A Part 10 instance: a part of the request, or the whole body of an application/dicom request. */
    void receive(InputStream part, String studyInPath, List<PartOutcome> outcomes, Batch batch) {
        receive(staged -> copy(part, staged), studyInPath, null, outcomes, batch);
    }

    /**
     * One dataset of the metadata-and-bulk-data form (PS3.18 §10.5.1.4), checked before anything is written, then
     * assembled into a Part 10 file (see {@link InstanceAssembler}) that is received like any other instance.
     */
    void receiveAssembled(
            MetadataAndBulkData.MetadataInstance m,
            BulkDataParts parts,
            String studyInPath,
            List<PartOutcome> outcomes,
            Batch batch) {
        Attributes ds = m.dataset();
        InstanceAssembler.Problem problem = InstanceAssembler.prepare(ds, parts);
        if (problem != null) {
            outcomes.add(
                    PartOutcome.refused(ds, problem.reason(), problem.detail()).from(m.source()));
            return;
        }
        Attributes fileMeta = DicomOutputStream.createFileMetaInformation(
                ds.getString(Tag.SOPClassUID),
                ds.getString(Tag.SOPInstanceUID),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        InstanceValidator.Violation violation =
                InstanceValidator.check(fileMeta, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, studyInPath);
        if (violation != null) {
            // Refused before a byte is written: a large instance without UIDs costs nothing.
            outcomes.add(PartOutcome.refused(ds, violation.reason(), violation.detail())
                    .from(m.source()));
            return;
        }
        receive(staged -> assemble(ds, parts, staged), studyInPath, m.source(), outcomes, batch);
    }

    /** How an instance's bytes reach the staged blob: read from the request, or assembled from metadata. */
    @FunctionalInterface
    private interface PartSource {
        ReceivedInstance copyInto(StagedBlob staged) throws IOException;
    }

    /**
     * One instance: stage and parse, validate; then its outcome is known, or it joins the batch. {@code where}
     * says where it was in the request when that is not simply its own part.
     */
    private void receive(PartSource source, String studyInPath, String where, List<PartOutcome> outcomes, Batch batch) {
        ReceivedInstance received = null;
        StagedBlob staged = null;
        boolean batched = false;
        try {
            staged = blobs.stage();
            received = source.copyInto(staged);
            received.source = where;
            if (received.fault != null) {
                outcomes.add(received.refused(received.faultReason, received.fault));
                return;
            }
            InstanceValidator.Violation violation = InstanceValidator.check(
                    received.fileMeta,
                    received.dataset,
                    received.syntax,
                    received.encodingDiffersFromMeta,
                    studyInPath);
            if (violation != null) {
                outcomes.add(received.refused(violation.reason(), violation.detail()));
                return;
            }
            RejectionNote rejection = null;
            switch (RejectionNote.read(received.dataset)) {
                case RejectionNote.Refused r -> {
                    outcomes.add(received.refused(FailureReason.INVALID_REJECTION_NOTE, r.detail()));
                    return;
                }
                case RejectionNote.Note n -> rejection = policy.deadline(n.note());
                case RejectionNote.NotANote n -> {}
            }
            InstanceKeys keys = InstanceKeys.of(received.dataset, extendedTags.all());
            byte[] metadata = InstanceMetadata.encode(
                    received.dataset, keys.studyInstanceUid(), keys.seriesInstanceUid(), keys.sopInstanceUid());
            String key = InstanceBlobKey.newVersion(
                    keys.studyInstanceUid(), keys.seriesInstanceUid(), keys.sopInstanceUid());
            batch.add(new Batch.Pending(outcomes.size(), received, staged, keys, metadata, key, rejection));
            outcomes.add(null); // filled in when the batch is committed
            batched = true;
        } catch (StorageUnavailableException e) {
            outcomes.add(refused(received, FailureReason.OUT_OF_RESOURCES, e.getMessage())
                    .asUnavailable()
                    .from(where));
        } catch (IOException e) {
            outcomes.add(refused(received, FailureReason.OUT_OF_RESOURCES, "storage failed: " + e.getMessage())
                    .from(where));
        } catch (RuntimeException e) {
            // A fault of ours on one part must not turn the request into a 500 while other parts are stored.
            LOG.errorf(e, "Storing a STOW part failed unexpectedly");
            outcomes.add(refused(received, FailureReason.PROCESSING_FAILURE, "unexpected server error for this part")
                    .from(where));
        } finally {
            if (!batched && staged != null) {
                staged.close(); // discards the staged bytes
            }
        }
    }

    /** An instance refused before or while it was read: {@code received} is null when nothing was. */
    private static PartOutcome refused(ReceivedInstance received, FailureReason reason, String detail) {
        return received == null ? PartOutcome.refused(null, reason, detail) : received.refused(reason, detail);
    }

    /** Copies the part into the staged blob while parsing it; a fault of the part is in the result, not thrown. */
    private ReceivedInstance copy(InputStream part, StagedBlob staged) throws IOException {
        Attributes fileMeta = null;
        Attributes dataset = new Attributes();
        TransferSyntax syntax = null;
        boolean differs = false;
        String fault = null;
        FailureReason faultReason = FailureReason.CANNOT_UNDERSTAND;
        OutputStream sink = new BufferedOutputStream(staged.outputStream(), 64 * 1024);
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
        return new ReceivedInstance(
                fileMeta, dataset, syntax, differs, tee.count(), staged.crc32c(), fault, faultReason);
    }

    /**
     * Writes the file in a second (virtual) thread into a {@link Pipe} that {@link #copy} reads like a request
     * part: the staged copy, its checksum and the dataset that is indexed are then exactly those of any received
     * instance.
     */
    private ReceivedInstance assemble(Attributes ds, BulkDataParts parts, StagedBlob staged) throws IOException {
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
        ReceivedInstance received;
        try {
            received = copy(pipe.input(), staged);
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
}
