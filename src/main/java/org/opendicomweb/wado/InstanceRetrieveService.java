package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BulkDataSource;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.io.DicomOutputStream;
import org.opendicomweb.imaging.DecodedFrame;
import org.opendicomweb.imaging.FrameDecoder;
import org.opendicomweb.imaging.FrameDecoders;
import org.opendicomweb.imaging.FrameEncoder;
import org.opendicomweb.imaging.FrameEncoders;
import org.opendicomweb.imaging.PixelDescription;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.wado.InstanceNegotiation.Delivery;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.StreamingBody;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * Retrieve Instances of a study, series or single instance (PS3.18 §10.4.1.1.1): one multipart/related part
 * per instance, each the stored file byte for byte when its transfer syntax is acceptable, else transcoded
 * between the native syntaxes, decompressed, or compressed into the syntax asked for, while it is sent.
 */
@ApplicationScoped
public class InstanceRetrieveService {
    /** Copy buffer for stored files: large reads, written past the response's own buffer. */
    private static final int COPY_BUFFER = 256 * 1024;

    private final InstanceLocations locations;
    private final BlobStore blobs;
    private final FrameService frames;

    @Inject
    InstanceRetrieveService(InstanceLocations locations, BlobStore blobs, FrameService frames) {
        this.locations = locations;
        this.blobs = blobs;
        this.frames = frames;
    }

    /** An instance to send and how. */
    public record Part(StoredFile file, Delivery delivery) {}

    /** What will be sent: the parts, and how many instances are left out because no syntax fits them. */
    public record Plan(List<Part> parts, int leftOut, boolean zip) {
        /** 200, or 206 when some instances are left out (PS3.18 §10.4.1.2). */
        public int status() {
            return leftOut == 0 ? 200 : 206;
        }
    }

    /** 404 for an unknown target, 406 when none of its instances can be sent as the client accepts. */
    public Plan plan(RetrieveTarget target, String accept) {
        InstanceNegotiation negotiation = InstanceNegotiation.of(accept);
        List<StoredFile> files = locations.files(target);
        if (files.isEmpty()) {
            throw DicomwebException.notFound("No " + target.describe());
        }
        List<Part> parts = new ArrayList<>(files.size());
        for (StoredFile f : files) {
            Delivery d = deliver(negotiation, f);
            if (d != null) {
                parts.add(new Part(f, d));
            }
        }
        if (parts.isEmpty()) {
            throw DicomwebException.notAcceptable("None of the " + files.size() + " instance(s) of " + target.describe()
                    + " can be sent in an accepted transfer syntax (the first is stored in "
                    + files.get(0).transferSyntaxUid() + "): either no decoder is available for it, or the compressed"
                    + " syntax asked for cannot be made from its pixels; accept transfer-syntax=*");
        }
        return new Plan(parts, files.size() - parts.size(), negotiation.zip());
    }

    /**
     * How {@code f} is sent under {@code negotiation}, or {@code null} when it cannot be. Compressing into a syntax
     * is offered only when the file's pixels suit the encoder, which its header tells: the answer is known before
     * anything is sent.
     */
    Delivery deliver(InstanceNegotiation negotiation, StoredFile f) {
        return negotiation.deliver(f.transferSyntaxUid(), d -> !d.compress() || compressible(f, d.syntax()));
    }

    /** Read through the frame service's tables, so the write that follows (and later frame requests) reuse it. */
    private boolean compressible(StoredFile f, TransferSyntax syntax) {
        try {
            return FrameEncoding.refusal(
                            frames.tableOf(f),
                            FrameEncoders.forSyntax(syntax.uid()).orElseThrow())
                    == null;
        } catch (FrameTable.NoFramesException e) {
            return e.noPixelData(); // no image: its other elements are written as they are
        }
    }

    public void write(Plan plan, String root, MultipartWriter multipart) throws IOException {
        for (Part part : plan.parts()) {
            StoredFile f = part.file();
            multipart.startPart(
                    InstanceNegotiation.APPLICATION_DICOM + "; transfer-syntax="
                            + part.delivery().syntax().uid(),
                    root + "/studies/" + f.study() + "/series/" + f.series() + "/instances/" + f.instance());
            writeInstance(f, part.delivery(), multipart.body());
        }
        multipart.finish();
    }

    /**
     * The same files as one ZIP archive, {@code <series>/<instance>.dcm} each. Deflated at the fastest level:
     * native pixel data shrinks, compressed pixel data costs little to pass through.
     */
    public void writeZip(Plan plan, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out));
        zip.setLevel(Deflater.BEST_SPEED);
        for (Part part : plan.parts()) {
            StoredFile f = part.file();
            zip.putNextEntry(new ZipEntry(f.series() + "/" + f.instance() + ".dcm"));
            writeInstance(f, part.delivery(), new KeepOpen(zip)); // a transcoder's close must not end the archive
            zip.closeEntry();
        }
        zip.finish();
        out.flush();
    }

    /** Writes one instance as a whole body (WADO-URI's application/dicom answer). */
    void writeOne(StoredFile f, Delivery delivery, OutputStream out) throws IOException {
        writeInstance(f, delivery, out);
        out.flush();
    }

    /** One stored instance in the delivered syntax: copied, transcoded between native syntaxes, or decompressed. */
    private void writeInstance(StoredFile f, Delivery delivery, OutputStream out) throws IOException {
        try (ReadableBlob blob = blobs.open(f.blobKey())) {
            if (blob.size() != f.blobSize()) {
                throw new IOException("Stored file of " + f.instance() + " has " + blob.size()
                        + " bytes, the index says " + f.blobSize());
            }
            if (delivery.compress()) {
                compress(blob, f, delivery, out);
            } else if (delivery.transcode()
                    && TransferSyntax.of(f.transferSyntaxUid()).encapsulated()) {
                decompress(blob, f, delivery, out);
            } else if (delivery.transcode()) {
                transcode(blob, delivery, out);
            } else {
                copy(blob, out);
            }
        }
    }

    private static void copy(ReadableBlob blob, OutputStream out) throws IOException {
        if (blob.fileChannel().isPresent()) {
            StreamingBody.transfer(blob.fileChannel().get(), 0, blob.size(), out);
            return;
        }
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, Math.max(1, blob.size()))];
        try (InputStream in = blob.inputStream()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** Reads the file (bulk values stay in it) and writes it again in the delivered syntax. */
    static void transcode(ReadableBlob blob, Delivery delivery, OutputStream out) throws IOException {
        StoredDataset stored = StoredDataset.read(blob);
        stored.write(delivery.syntax(), bd -> blob.inputStream(bd.offset(), bd.length()), out);
    }

    /** The dataset of a stored file, its bulk values left in the file, and the File Meta Information it came with. */
    private record StoredDataset(Attributes fmi, Attributes ds) {
        static StoredDataset read(ReadableBlob blob) throws IOException {
            try (DicomInputStream in = new DicomInputStream(blob.inputStream())) {
                Attributes fmi = in.readFileMetaInformation();
                return new StoredDataset(fmi, in.readDataset());
            }
        }

        /** Writes it as a Part 10 file in {@code syntax}, with new File Meta Information. */
        void write(TransferSyntax syntax, BulkDataSource bulk, OutputStream out) throws IOException {
            String sopClass =
                    ds.getString(Tag.SOPClassUID, fmi == null ? null : fmi.getString(Tag.MediaStorageSOPClassUID));
            String sop = ds.getString(
                    Tag.SOPInstanceUID, fmi == null ? null : fmi.getString(Tag.MediaStorageSOPInstanceUID));
            DicomOutputStream dout = new DicomOutputStream(new KeepOpen(out));
            dout.setBulkDataSource(bulk);
            dout.writeFileMetaInformation(DicomOutputStream.createFileMetaInformation(sopClass, sop, syntax.uid()));
            dout.writeDataset(ds, syntax);
            dout.flush();
        }
    }

    /**
     * Writes a compressed file again in a native syntax with its frames decoded (PS3.18 §8.7.3.4: Explicit VR
     * Little Endian is the default). The Pixel Data length is known once the first frame is decoded (every frame
     * decodes to the same layout); the frames are then decoded and written one at a time. Photometric
     * Interpretation and Planar Configuration become what the decoder produced; Lossy Image Compression stays as
     * the stored file says, since decompressing does not make lossy pixels lossless.
     */
    static void decompress(ReadableBlob blob, StoredFile file, Delivery delivery, OutputStream out) throws IOException {
        FrameTable table;
        try {
            table = FrameTable.read(blob);
        } catch (FrameTable.NoFramesException e) {
            throw new DicomwebException(
                    500,
                    "Instance " + file.instance() + " (study " + file.study() + ", series " + file.series()
                            + ") cannot be decompressed: " + e.getMessage(),
                    e);
        }
        if (table.frames != table.description.numberOfFrames()) {
            throw new DicomwebException(
                    500,
                    "Instance " + file.instance() + " (study " + file.study() + ", series "
                            + file.series() + ") cannot be decompressed: it has " + table.description.numberOfFrames()
                            + " frames, of which " + table.frames + " can be told apart in its pixel data");
        }
        FrameDecoder decoder = FrameDecoders.forSyntax(table.syntax.uid())
                .orElseThrow(() -> new IOException("no decoder for " + table.syntax.uid()));
        StoredDataset stored = StoredDataset.read(blob);
        Attributes ds = stored.ds();
        DecodedFrame first = FrameDecoding.decode(decoder, table, blob, 0, file);
        PixelDescription decoded = first.description();
        long length = decoded.frameLength() * table.frames;
        if (length > MAX_VALUE_LENGTH) {
            throw new IOException("Instance " + file.instance() + " decodes to " + length
                    + " bytes of pixel data, more than one Explicit VR Little Endian value can hold");
        }
        BulkData pixels = new BulkData(null, -1, length, false);
        ds.setValue(Tag.PixelData, decoded.bitsAllocated() > 8 ? VR.OW : VR.OB, pixels);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, decoded.photometricInterpretation());
        if (decoded.samplesPerPixel() > 1) {
            ds.setInt(Tag.PlanarConfiguration, VR.US, decoded.planarConfiguration());
        }
        // They index the encapsulated fragments (PS3.3 §C.7.6.3.1.8): meaningless for native pixel data.
        ds.remove(Tag.ExtendedOffsetTable);
        ds.remove(Tag.ExtendedOffsetTableLengths);
        stored.write(
                delivery.syntax(),
                bd -> bd == pixels
                        ? new DecodedFrames(decoder, table, blob, file, first)
                        : blob.inputStream(bd.offset(), bd.length()),
                out);
    }

    /**
     * Writes a file again with its frames compressed into the delivered syntax, one fragment per frame behind an
     * empty Basic Offset Table; each frame is made native (copied or decoded), encoded and written before the next
     * one is read. The first frame is encoded before anything is written, since the decoder decides the Photometric
     * Interpretation the header must carry. A lossy encoder makes the instance a derived one
     * ({@link LossyDerivation}); after a lossless one Lossy Image Compression stays as stored. A file without pixel
     * data is written as it is under the new syntax's name.
     */
    private void compress(ReadableBlob blob, StoredFile file, Delivery delivery, OutputStream out) throws IOException {
        String syntax = delivery.syntax().uid();
        FrameEncoder encoder = FrameEncoders.forSyntax(syntax).orElseThrow();
        FrameTable table;
        try {
            table = frames.tableOf(file);
        } catch (FrameTable.NoFramesException e) {
            if (e.noPixelData()) {
                transcode(blob, delivery, out);
                return;
            }
            throw cannotCompress(file, syntax, e.getMessage(), e);
        }
        String refusal = FrameEncoding.refusal(table, encoder);
        if (refusal != null) {
            throw cannotCompress(file, syntax, refusal, null);
        }
        StoredDataset stored = StoredDataset.read(blob);
        DecodedFrame first = FrameEncoding.nativeFrame(table, blob, 0, file);
        Fragments fragments = new Fragments(VR.OB, false, table.frames + 1);
        fragments.add(new byte[0]);
        byte[] firstCodestream = FrameEncoding.encode(encoder, first, 0, file, syntax);
        fragments.add(firstCodestream);
        for (int k = 1; k < table.frames; k++) {
            int frame = k;
            fragments.add((Fragments.Deferred) () -> FrameEncoding.encode(
                    encoder, FrameEncoding.nativeFrame(table, blob, frame, file), frame, file, syntax));
        }
        Attributes ds = stored.ds();
        PixelDescription encoded = encoder.encoded(first.description());
        ds.setValue(Tag.PixelData, VR.OB, fragments);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, encoded.photometricInterpretation());
        if (encoded.samplesPerPixel() > 1) {
            ds.setInt(Tag.PlanarConfiguration, VR.US, encoded.planarConfiguration());
        }
        ds.remove(Tag.ExtendedOffsetTable); // they index the stored fragments, not these
        ds.remove(Tag.ExtendedOffsetTableLengths);
        if (encoder.lossyMethod() != null) {
            // The first frame's ratio stands for all: PS3.3 asks for an approximate one, before the frames are made.
            LossyDerivation.record(
                    ds,
                    encoder.lossyMethod(),
                    (double) first.description().frameLength() / firstCodestream.length,
                    syntax);
        }
        stored.write(delivery.syntax(), bd -> blob.inputStream(bd.offset(), bd.length()), out);
    }

    private static DicomwebException cannotCompress(StoredFile file, String syntax, String why, Exception cause) {
        return new DicomwebException(
                500,
                "Instance " + file.instance() + " (study " + file.study() + ", series " + file.series()
                        + ") cannot be compressed into " + syntax + ": " + why,
                cause);
    }

    /** The largest even value length of a 32-bit length field (0xFFFFFFFF means undefined). */
    private static final long MAX_VALUE_LENGTH = 0xFFFFFFFEL;

    /** The frames of a compressed file as one stream of native pixel bytes, decoding a frame when it is reached. */
    private static final class DecodedFrames extends InputStream {
        private final FrameDecoder decoder;
        private final FrameTable table;
        private final ReadableBlob blob;
        private final StoredFile file;
        private byte[] frame;
        private int next = 1;
        private int pos;

        DecodedFrames(FrameDecoder decoder, FrameTable table, ReadableBlob blob, StoredFile file, DecodedFrame first) {
            this.decoder = decoder;
            this.table = table;
            this.blob = blob;
            this.file = file;
            this.frame = first.pixels();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == frame.length) {
                if (next == table.frames) {
                    return -1;
                }
                DecodedFrame d = FrameDecoding.decode(decoder, table, blob, next, file);
                if (d.pixels().length != frame.length) {
                    throw new DicomwebException(
                            500,
                            "Frame " + (next + 1) + " of instance " + file.instance() + " decodes to "
                                    + d.pixels().length + " bytes, frame 1 to " + frame.length);
                }
                frame = d.pixels();
                next++;
                pos = 0;
            }
            int n = Math.min(len, frame.length - pos);
            System.arraycopy(frame, pos, b, off, n);
            pos += n;
            return n;
        }
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
