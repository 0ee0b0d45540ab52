package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.imaging.DecodedFrame;
import org.opendicomweb.imaging.FrameDecoder;
import org.opendicomweb.imaging.FrameDecoders;
import org.opendicomweb.imaging.FrameEncoder;
import org.opendicomweb.imaging.FrameEncoders;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.StreamingBody;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * Retrieve Frames (PS3.18 §10.4.1.1.3): the pixel bytes of single frames, one part per frame. Viewers ask for
 * one frame per request, many per second, so the path is an index lookup, a cached {@link FrameTable} of the
 * stored file (keyed by its blob key, which changes whenever the instance is replaced) and a copy of the
 * frame's bytes.
 *
 * <p>Native pixel data is sent as {@code application/octet-stream} in Explicit VR Little Endian byte order.
 * Compressed frames are sent as they are stored, under the syntax's image media type, when the client accepts
 * that ({@code transfer-syntax=*}, the stored syntax, or the image media type). A client that asks for
 * uncompressed frames ({@code application/octet-stream} without a transfer syntax, or with Explicit VR Little
 * Endian) gets them decoded, one frame in memory at a time, when {@link FrameDecoders} has a decoder for the
 * stored syntax, else 406. Encapsulated Uncompressed frames are native pixels already: they are sent as Explicit
 * VR Little Endian unless the client names their syntax. A client that names another compressed syntax (or an
 * image media type standing for one) that {@link FrameEncoders} can encode gets each frame compressed into it.
 */
@ApplicationScoped
public class FrameService {
    static final String OCTET_STREAM = "application/octet-stream";
    private static final int CACHED_TABLES = 4096;

    private final InstanceLocations locations;
    private final BlobStore blobs;
    private final Map<String, FrameTable> tables = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FrameTable> eldest) {
            return size() > CACHED_TABLES;
        }
    });

    @Inject
    FrameService(InstanceLocations locations, BlobStore blobs) {
        this.locations = locations;
        this.blobs = blobs;
    }

    /**
     * The frames to send: the stored file, its table, the 0-based frame indexes, the parts' media type and transfer
     * syntax and, when compressed frames are sent decoded, the decoder.
     */
    public record Plan(
            StoredFile file,
            FrameTable table,
            List<Integer> frames,
            String mediaType,
            String transferSyntax,
            int missing,
            FrameDecoder decoder,
            FrameEncoder encoder) {
        public int status() {
            return missing == 0 ? 200 : 206;
        }

        String partType() {
            return mediaType + "; transfer-syntax=" + transferSyntax;
        }

        /** Fragments sent as native pixels (Encapsulated Uncompressed as Explicit VR Little Endian). */
        boolean unwrapped() {
            return table.encapsulated()
                    && decoder == null
                    && encoder == null
                    && !transferSyntax.equals(table.syntax.uid());
        }
    }

    /**
     * What the client gets: the parts' media type and transfer syntax, whether compressed frames are decoded, and
     * the encoder when frames are compressed into another syntax.
     */
    record Negotiated(String mediaType, String transferSyntax, boolean decode, FrameEncoder encoder) {
        Negotiated(String mediaType, String transferSyntax, boolean decode) {
            this(mediaType, transferSyntax, decode, null);
        }
    }

    /** 400 for a malformed list, 404 for an unknown instance or when none of the frames exists, 406 as above. */
    public Plan plan(RetrieveTarget target, String frameList, String accept) {
        List<Integer> requested = parseFrameList(frameList);
        List<StoredFile> files = locations.files(target);
        if (files.isEmpty()) {
            throw DicomwebException.notFound("No " + target.describe());
        }
        StoredFile file = files.get(0);
        FrameTable table = table(file);
        Negotiated negotiated = negotiate(table, accept);
        List<Integer> frames = new ArrayList<>(requested.size());
        for (int n : requested) {
            if (n <= table.frames) {
                frames.add(n - 1);
            }
        }
        if (frames.isEmpty()) {
            throw DicomwebException.notFound(
                    "The " + target.describe() + " has " + table.frames + " frame(s); asked for " + frameList);
        }
        FrameDecoder decoder = negotiated.decode()
                ? FrameDecoders.forSyntax(table.syntax.uid()).orElseThrow()
                : null;
        return new Plan(
                file,
                table,
                frames,
                negotiated.mediaType(),
                negotiated.transferSyntax(),
                requested.size() - frames.size(),
                decoder,
                negotiated.encoder());
    }

    public void write(Plan plan, MultipartWriter multipart) throws IOException {
        try (ReadableBlob blob = blobs.open(plan.file().blobKey())) {
            for (int k : plan.frames()) {
                if (plan.encoder() != null) {
                    // Encoded before its part starts, as decoded frames are below.
                    DecodedFrame frame = FrameEncoding.nativeFrame(plan.table(), blob, k, plan.file());
                    byte[] codestream =
                            FrameEncoding.encode(plan.encoder(), frame, k, plan.file(), plan.transferSyntax());
                    multipart.startPart(plan.partType(), null);
                    multipart.body().write(codestream);
                } else if (plan.decoder() != null) {
                    // Decoded before its part starts, so a corrupt first frame is still an error response.
                    DecodedFrame frame = FrameDecoding.decode(plan.decoder(), plan.table(), blob, k, plan.file());
                    multipart.startPart(plan.partType(), null);
                    multipart.body().write(frame.pixels());
                } else {
                    multipart.startPart(plan.partType(), null);
                    writeFrame(blob, plan.table(), k, plan.unwrapped(), multipart.body());
                }
            }
        }
        multipart.finish();
    }

    /** One frame's answer that is one region of the stored file: the body's media type, the part's, the region. */
    record StoredRegion(String mediaType, String partType, long offset, long length) {}

    /**
     * How frame {@code n} (1-based) of {@code file} is answered under {@code accept} when that needs no reading at
     * all: its table is kept, the frame exists, the first acceptable range takes it as stored and it is one region
     * of the file. Else {@code null}, and {@link #plan} decides.
     */
    StoredRegion storedRegion(StoredFile file, int n, String accept) {
        FrameTable table = tables.get(file.blobKey());
        if (table == null || n < 1 || n > table.frames) {
            return null;
        }
        Negotiated negotiated;
        try {
            negotiated = negotiate(table, accept);
        } catch (DicomwebException e) {
            return null;
        }
        if (negotiated.decode() || negotiated.encoder() != null) {
            return null;
        }
        Plan plan = new Plan(
                file, table, List.of(n - 1), negotiated.mediaType(), negotiated.transferSyntax(), 0, null, null);
        long[] region = table.storedRegion(n - 1, plan.unwrapped());
        return region == null ? null : new StoredRegion(plan.mediaType(), plan.partType(), region[0], region[1]);
    }

    /** Drops the tables of these instances' stored files: deleted, rejected or replaced, maybe by another node. */
    public void forgetInstances(Set<String> sopInstanceUids) {
        synchronized (tables) {
            tables.keySet().removeIf(key -> sopInstanceUids.contains(InstanceBlobKey.instanceOf(key)));
        }
    }

    /** The stored file's table; 404 when it has no frames. */
    FrameTable table(StoredFile file) {
        try {
            return tableOf(file);
        } catch (FrameTable.NoFramesException e) {
            throw DicomwebException.notFound("No frames in instance " + file.instance() + ": " + e.getMessage());
        }
    }

    /** The stored file's table, kept per blob key; NoFramesException says why there is none. */
    FrameTable tableOf(StoredFile file) throws FrameTable.NoFramesException {
        FrameTable table = tables.get(file.blobKey());
        if (table != null) {
            return table;
        }
        try (ReadableBlob blob = blobs.open(file.blobKey())) {
            table = FrameTable.read(blob);
        } catch (FrameTable.NoFramesException e) {
            throw e;
        } catch (IOException e) {
            throw new DicomwebException(500, "The stored file of instance " + file.instance() + " cannot be read", e);
        }
        if (table.inflated == null) { // an inflated copy is memory: built again per request, never kept
            tables.put(file.blobKey(), table);
        }
        return table;
    }

    /** The parts' media type and syntax for the first acceptable range (in q-order), else 406. */
    static Negotiated negotiate(FrameTable table, String accept) {
        String stored = table.syntax.uid();
        String compressedType = table.encapsulated() ? CompressedMediaTypes.of(stored) : null;
        // Encapsulated Uncompressed holds each frame's native pixels in one fragment: the same bytes can go out as
        // Explicit VR Little Endian, which every client decodes (OHIF has no decoder for 1.2.840.10008.1.2.1.98).
        boolean plainFragments =
                stored.equals(UID.EncapsulatedUncompressedExplicitVRLittleEndian) && table.frameBits > 0;
        String explicitLe = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
        boolean decodable = table.encapsulated()
                && !plainFragments
                && FrameDecoders.forSyntax(stored).isPresent();
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            String partType;
            if (range.is("*/*")) {
                partType = OCTET_STREAM;
            } else if (range.type().equals("multipart")
                    && (range.subtype().equals("related") || range.subtype().equals("*"))) {
                partType = range.parameter("type") == null ? OCTET_STREAM : range.parameter("type");
            } else {
                continue;
            }
            MediaType part;
            try {
                part = MediaType.parse(partType);
            } catch (IllegalArgumentException e) {
                continue;
            }
            String ts = range.parameter("transfer-syntax");
            String compressInto = compressionAsked(part, ts, stored);
            if (compressInto != null) {
                FrameEncoder encoder = FrameEncoders.forSyntax(compressInto).orElseThrow();
                if (FrameEncoding.refusal(table, encoder) == null) {
                    return new Negotiated(CompressedMediaTypes.of(compressInto), compressInto, false, encoder);
                }
                continue;
            }
            if (!table.encapsulated() || plainFragments) {
                boolean uncompressed = ts == null || ts.equals("*") || ts.equals(explicitLe);
                if (uncompressed && AcceptHeader.covers(part, OCTET_STREAM)) {
                    return new Negotiated(OCTET_STREAM, explicitLe, false);
                }
                if (plainFragments && stored.equals(ts) && AcceptHeader.covers(part, OCTET_STREAM)) {
                    return new Negotiated(OCTET_STREAM, stored, false);
                }
            } else if (decodable && (ts == null || ts.equals(explicitLe)) && AcceptHeader.covers(part, OCTET_STREAM)) {
                return new Negotiated(OCTET_STREAM, explicitLe, true);
            } else if (compressedType != null) {
                // OHIF asks type=application/octet-stream; transfer-syntax=* and decodes what the part's type says.
                boolean syntaxOk = "*".equals(ts) || stored.equals(ts) || (ts == null && !part.is(OCTET_STREAM));
                boolean typeOk = part.is(OCTET_STREAM) || AcceptHeader.covers(part, compressedType);
                if (syntaxOk && typeOk) {
                    return new Negotiated(compressedType, stored, false);
                }
            }
        }
        String decoded = decodable ? " or, decoded, " + OCTET_STREAM : " (this server has no decoder for it)";
        throw DicomwebException.notAcceptable("Frames of this instance are stored in " + stored
                + (table.encapsulated()
                        ? " and are sent as " + (compressedType == null ? "stored" : compressedType) + decoded
                        : " and are sent as " + OCTET_STREAM)
                + "; Accept was: " + accept);
    }

    /**
     * The syntax other than the stored one that a range asks frames to be compressed into, when this server has an
     * encoder for it: named by the transfer-syntax parameter, or implied by an image media type without one.
     */
    private static String compressionAsked(MediaType part, String ts, String stored) {
        String syntax = ts;
        if (ts == null && part.type().equals("image") && !part.essence().equals(CompressedMediaTypes.of(stored))) {
            syntax = CompressedMediaTypes.defaultSyntax(part.essence()); // a JPEG stored as JPEG is sent as stored
        }
        if (syntax == null
                || syntax.equals(stored)
                || FrameEncoders.forSyntax(syntax).isEmpty()) {
            return null;
        }
        return part.is(OCTET_STREAM) || AcceptHeader.covers(part, CompressedMediaTypes.of(syntax)) ? syntax : null;
    }

    static List<Integer> parseFrameList(String list) {
        List<Integer> frames = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            String s = item.trim();
            int n;
            try {
                n = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || !s.chars().allMatch(Character::isDigit)) {
                throw DicomwebException.badRequest(
                        "Malformed frame list '" + list + "': frame numbers are positive integers separated by commas");
            }
            frames.add(n);
        }
        return frames;
    }

    /**
     * Writes frame {@code k}: its fragments as stored, or with {@code unwrapped} the native pixels they hold, without
     * the padding byte that makes a fragment of odd length even (PS3.5 §A.4).
     */
    static void writeFrame(ReadableBlob blob, FrameTable t, int k, boolean unwrapped, OutputStream out)
            throws IOException {
        blob = t.source(blob);
        if (t.encapsulated()) {
            long[] f = t.fragments[k];
            long left = unwrapped ? (t.frameBits + 7) / 8 : Long.MAX_VALUE;
            for (int i = 0; i < f.length && left > 0; i += 2) {
                long n = Math.min(f[i + 1], left);
                copy(blob, f[i], n, out, 1);
                left -= n;
            }
            if (unwrapped && left > 0) {
                throw new IOException("Fragments of frame " + (k + 1) + " are shorter than its pixels");
            }
            return;
        }
        long startBit = k * t.frameBits;
        long length = (t.frameBits + 7) / 8;
        if (startBit % 8 == 0) {
            copy(blob, t.valueOffset + startBit / 8, length, out, t.swapWidth);
            return;
        }
        // BitsAllocated 1: this frame starts inside a byte; shift its bits down to bit 0 (pixel order is LSB first).
        int shift = (int) (startBit % 8);
        long from = t.valueOffset + startBit / 8;
        long available = Math.min(length + 1, t.valueOffset + t.valueLength - from);
        byte[] packed = new byte[(int) available];
        try (InputStream in = blob.inputStream(from, available)) {
            in.readNBytes(packed, 0, packed.length);
        }
        byte[] frame = new byte[(int) length];
        for (int i = 0; i < frame.length; i++) {
            int lo = (packed[i] & 0xFF) >>> shift;
            int hi = i + 1 < packed.length ? (packed[i + 1] & 0xFF) << (8 - shift) : 0;
            frame[i] = (byte) (lo | hi);
        }
        int tailBits = (int) (t.frameBits % 8);
        if (tailBits != 0) {
            frame[frame.length - 1] &= (byte) ((1 << tailBits) - 1);
        }
        out.write(frame);
    }

    /** Copies a range of the file; swaps each value of {@code width} bytes (big endian files) to little endian. */
    private static void copy(ReadableBlob blob, long offset, long length, OutputStream out, int width)
            throws IOException {
        if (width == 1 && blob.fileChannel().isPresent()) {
            StreamingBody.transfer(blob.fileChannel().get(), offset, length, out);
            return;
        }
        byte[] buffer = new byte[(int) Math.min(256 * 1024, Math.max(8, length))];
        buffer = width > 1 ? new byte[buffer.length - buffer.length % width] : buffer;
        try (InputStream in = blob.inputStream(offset, length)) {
            long left = length;
            while (left > 0) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                if (n <= 0) {
                    throw new IOException("Stored file ends inside a frame");
                }
                if (width > 1) {
                    Endianness.swap(buffer, 0, n - n % width, width);
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
