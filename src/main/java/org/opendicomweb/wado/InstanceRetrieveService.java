package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.io.DicomOutputStream;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.wado.InstanceNegotiation.Delivery;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * Retrieve Instances of a study, series or single instance (PS3.18 §10.4.1.1.1): one multipart/related part
 * per instance, each the stored file byte for byte when its transfer syntax is acceptable, else transcoded
 * between the native syntaxes while it is sent.
 */
@ApplicationScoped
public class InstanceRetrieveService {
    /** Copy buffer for stored files: large reads, written past the response's own buffer. */
    private static final int COPY_BUFFER = 256 * 1024;

    private final RetrieveIndex index;
    private final BlobStore blobs;

    @Inject
    InstanceRetrieveService(RetrieveIndex index, BlobStore blobs) {
        this.index = index;
        this.blobs = blobs;
    }

    /** An instance to send and how. */
    public record Part(StoredFile file, Delivery delivery) {}

    /** What will be sent: the parts, and how many instances are left out because no syntax fits them. */
    public record Plan(List<Part> parts, int leftOut) {
        /** 200, or 206 when some instances are left out (PS3.18 §10.4.1.2). */
        public int status() {
            return leftOut == 0 ? 200 : 206;
        }
    }

    /** 404 for an unknown target, 406 when none of its instances can be sent as the client accepts. */
    public Plan plan(RetrieveTarget target, String accept) {
        InstanceNegotiation negotiation = InstanceNegotiation.of(accept);
        List<StoredFile> files = index.files(target);
        if (files.isEmpty()) {
            throw DicomwebException.notFound("No " + target.describe());
        }
        List<Part> parts = new ArrayList<>(files.size());
        for (StoredFile f : files) {
            Delivery d = negotiation.deliver(f.transferSyntaxUid());
            if (d != null) {
                parts.add(new Part(f, d));
            }
        }
        if (parts.isEmpty()) {
            throw DicomwebException.notAcceptable("None of the " + files.size() + " instance(s) of " + target.describe()
                    + " can be sent in an accepted transfer syntax: they are compressed ("
                    + files.get(0).transferSyntaxUid() + ") and no decoder is available; accept transfer-syntax=*");
        }
        return new Plan(parts, files.size() - parts.size());
    }

    public void write(Plan plan, String root, MultipartWriter multipart) throws IOException {
        for (Part part : plan.parts()) {
            StoredFile f = part.file();
            multipart.startPart(InstanceNegotiation.APPLICATION_DICOM + "; transfer-syntax=" + part.delivery().syntax().uid(),
                    root + "/studies/" + f.study() + "/series/" + f.series() + "/instances/" + f.instance());
            try (ReadableBlob blob = blobs.open(f.blobKey())) {
                if (blob.size() != f.blobSize()) {
                    throw new IOException("Stored file of " + f.instance() + " has " + blob.size()
                            + " bytes, the index says " + f.blobSize());
                }
                if (part.delivery().transcode()) {
                    transcode(blob, part.delivery(), multipart.body());
                } else {
                    copy(blob, multipart.body());
                }
            }
        }
        multipart.finish();
    }

    /** Writes one instance as a whole body (WADO-URI's application/dicom answer). */
    void writeOne(StoredFile f, Delivery delivery, OutputStream out) throws IOException {
        try (ReadableBlob blob = blobs.open(f.blobKey())) {
            if (delivery.transcode()) {
                transcode(blob, delivery, out);
            } else {
                copy(blob, out);
            }
        }
        out.flush();
    }

    private static void copy(ReadableBlob blob, OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, Math.max(1, blob.size()))];
        try (InputStream in = blob.inputStream()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** Reads the file (bulk values stay in it) and writes it again in the delivered syntax. */
    static void transcode(ReadableBlob blob, Delivery delivery, OutputStream out) throws IOException {
        Attributes fmi;
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(blob.inputStream())) {
            fmi = in.readFileMetaInformation();
            ds = in.readDataset();
        }
        String sopClass = ds.getString(Tag.SOPClassUID, fmi == null ? null : fmi.getString(Tag.MediaStorageSOPClassUID));
        String sop = ds.getString(Tag.SOPInstanceUID, fmi == null ? null : fmi.getString(Tag.MediaStorageSOPInstanceUID));
        DicomOutputStream dout = new DicomOutputStream(new KeepOpen(out));
        dout.setBulkDataSource(bd -> blob.inputStream(bd.offset(), bd.length()));
        dout.writeFileMetaInformation(DicomOutputStream.createFileMetaInformation(sopClass, sop, delivery.syntax().uid()));
        dout.writeDataset(ds, delivery.syntax());
        dout.flush();
    }

    /** The response stream outlives each part: closing a part's writer must not close it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
