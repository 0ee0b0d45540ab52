package org.opendicomweb.wado;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.imaging.PixelDescription;
import org.opendicomweb.storage.BytesReadableBlob;
import org.opendicomweb.storage.ReadableBlob;

/**
 * Where each frame of a stored instance lies in its file, found by one header parse that stops at the pixel
 * data and a walk over the fragment item headers; kept per stored file so later frame requests only copy bytes.
 *
 * <p>Native pixel data (PS3.5 §8.1.1, §8.2): frame {@code k} is the {@code k}-th run of
 * Rows × Columns × SamplesPerPixel × BitsAllocated bits; with BitsAllocated 1 a frame may start inside a byte
 * and is shifted out. Float and Double Float Pixel Data follow the same rule (BitsAllocated 32 and 64).
 *
 * <p>Encapsulated pixel data (PS3.5 §A.4): the Extended Offset Table (7FE0,0001) when present, else the Basic
 * Offset Table, else one fragment per frame when the counts agree, else frame starts recognised by the
 * codestream markers (JPEG SOI, JPEG 2000 SOC or signature box, the RLE header).
 */
final class FrameTable {
    private static final int ITEM = 0xFFFEE000;
    private static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    /** An offset table longer than this is corrupt: 8 bytes per frame for a million frames. */
    private static final long MAX_OFFSET_TABLE = 8L * 1024 * 1024;

    final TransferSyntax syntax;
    final int frames;
    /** The stored Image Pixel Module, for decoding compressed frames. */
    final PixelDescription description;
    // Native pixel data
    final long valueOffset;
    final long valueLength;
    /** Bits of one frame's pixels (also known for encapsulated pixel data, where it is 0 when Rows or Columns is missing). */
    final long frameBits;

    final int swapWidth;
    /** Float or Double Float Pixel Data: values are IEEE floats, not integers. */
    final boolean floatPixels;
    // Encapsulated pixel data: per frame, the (offset, length) of each of its fragments' values, flattened
    final long[][] fragments;
    /**
     * For a deflated file, the inflated copy (as Explicit VR Little Endian) that the offsets point into: frames are
     * read from it instead of the stored blob. {@code null} otherwise.
     */
    final ReadableBlob inflated;

    private FrameTable(
            TransferSyntax syntax,
            int frames,
            PixelDescription description,
            long valueOffset,
            long valueLength,
            long frameBits,
            int swapWidth,
            boolean floatPixels,
            long[][] fragments,
            ReadableBlob inflated) {
        this.syntax = syntax;
        this.frames = frames;
        this.description = description;
        this.valueOffset = valueOffset;
        this.valueLength = valueLength;
        this.frameBits = frameBits;
        this.swapWidth = swapWidth;
        this.floatPixels = floatPixels;
        this.fragments = fragments;
        this.inflated = inflated;
    }

    /** Where frame bytes are read: the inflated copy of a deflated file, else the stored blob itself. */
    ReadableBlob source(ReadableBlob stored) {
        return inflated != null ? inflated : stored;
    }

    boolean encapsulated() {
        return fragments != null;
    }

    /** Size in bytes of frame {@code k} (0-based) as it is sent. */
    long frameLength(int k) {
        if (!encapsulated()) {
            return (frameBits + 7) / 8;
        }
        long n = 0;
        for (int i = 1; i < fragments[k].length; i += 2) {
            n += fragments[k][i];
        }
        return n;
    }

    /**
     * The {offset, length} in the stored file of frame {@code k} (0-based) as {@link FrameService#writeFrame} sends
     * it, when that is one region: native pixels in little-endian order that start on a byte, or one fragment (of
     * which {@code unwrapped} takes the frame's pixels only); else {@code null}.
     */
    long[] storedRegion(int k, boolean unwrapped) {
        if (inflated != null) {
            return null;
        }
        long bytes = (frameBits + 7) / 8;
        if (encapsulated()) {
            long[] f = fragments[k];
            if (f.length != 2 || unwrapped && f[1] < bytes) {
                return null;
            }
            return new long[] {f[0], unwrapped ? bytes : f[1]};
        }
        long start = k * frameBits;
        if (swapWidth != 1 || start % 8 != 0 || start / 8 + bytes > valueLength) {
            return null;
        }
        return new long[] {valueOffset + start / 8, bytes};
    }

    /** The codestream of encapsulated frame {@code k} (0-based): its fragments' values one after another. */
    InputStream codestream(ReadableBlob blob, int k) throws IOException {
        long[] f = fragments[k];
        if (f.length == 2) {
            return blob.inputStream(f[0], f[1]);
        }
        // Opened one fragment at a time: a frame may be split into hundreds of fragments.
        return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return next < f.length;
            }

            @Override
            public InputStream nextElement() {
                try {
                    InputStream in = blob.inputStream(f[next], f[next + 1]);
                    next += 2;
                    return in;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }

    /** Thrown when the file has no frames to give: no pixel data, or pixel data we cannot split. */
    static final class NoFramesException extends IOException {
        private final boolean noPixelData;

        NoFramesException(String message) {
            this(message, false);
        }

        private NoFramesException(String message, boolean noPixelData) {
            super(message);
            this.noPixelData = noPixelData;
        }

        static NoFramesException withoutPixelData() {
            return new NoFramesException("the instance has no pixel data", true);
        }

        /** The instance is no image at all, rather than one whose pixel data cannot be split. */
        boolean noPixelData() {
            return noPixelData;
        }
    }

    /** Deflated files are inflated whole into memory up to this size; larger ones have no frames to give. */
    private static final int MAX_INFLATED = 256 * 1024 * 1024;

    /**
     * Offsets into a deflated stream point nowhere, so the file is inflated once (as Explicit VR Little Endian,
     * in memory) and the table points into that copy. Deflate is used for small objects; a large one is refused.
     */
    private static FrameTable inflatedCopy(ReadableBlob blob) throws IOException {
        BoundedBuffer copy = new BoundedBuffer(MAX_INFLATED);
        try {
            InstanceRetrieveService.transcode(
                    blob, new InstanceNegotiation.Delivery(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, true), copy);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        ReadableBlob inflated = copy.toBlob();
        return read(inflated, inflated);
    }

    /** Collects bytes up to a limit; beyond it the file is refused rather than held. */
    private static final class BoundedBuffer extends java.io.ByteArrayOutputStream {
        private final int limit;

        BoundedBuffer(int limit) {
            super(64 * 1024);
            this.limit = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > limit) {
                throw new java.io.UncheckedIOException(new NoFramesException(
                        "the deflated file inflates to more than " + limit + " bytes; its frames are not served"));
            }
            super.write(b, off, len);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        ReadableBlob toBlob() {
            return new BytesReadableBlob(buf, count);
        }
    }

    static FrameTable read(ReadableBlob blob) throws IOException {
        return read(blob, null);
    }

    /** Reads the table of {@code blob}; {@code inflated} is that same blob when it is a deflated file's copy. */
    private static FrameTable read(ReadableBlob blob, ReadableBlob inflated) throws IOException {
        Attributes ds;
        TransferSyntax ts;
        long pixelHeader;
        try (DicomInputStream in = new DicomInputStream(blob.inputStream())) {
            in.readFileMetaInformation();
            ts = in.transferSyntax();
            if (ts.deflated()) {
                return inflatedCopy(blob);
            }
            ds = in.readDataset(Tag.FloatPixelData);
            pixelHeader = in.position();
        }
        if (pixelHeader + 8 > blob.size()) {
            throw NoFramesException.withoutPixelData();
        }
        byte[] h = new byte[(int) Math.min(12, blob.size() - pixelHeader)];
        try (InputStream in = blob.inputStream(pixelHeader, h.length)) {
            readFully(in, h);
        }
        boolean be = ts.bigEndian();
        int tag = u16(h, 0, be) << 16 | u16(h, 2, be);
        if (tag != Tag.PixelData && tag != Tag.FloatPixelData && tag != Tag.DoubleFloatPixelData) {
            throw NoFramesException.withoutPixelData();
        }
        VR vr;
        long length;
        long value;
        if (ts.explicitVR()) {
            vr = VR.ofCode((h[4] & 0xFF) << 8 | (h[5] & 0xFF));
            if (vr == null || !vr.longHeader() || h.length < 12) {
                throw new IOException("malformed pixel data element header");
            }
            length = u32(h, 8, be);
            value = pixelHeader + 12;
        } else {
            vr = tag == Tag.FloatPixelData ? VR.OF : tag == Tag.DoubleFloatPixelData ? VR.OD : VR.OW;
            length = u32(h, 4, be);
            value = pixelHeader + 8;
        }
        int frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        int samples = Math.max(1, ds.getInt(Tag.SamplesPerPixel, 1));
        if (samples == 3
                && ds.getString(Tag.PhotometricInterpretation, "").trim().endsWith("_422")) {
            samples = 2; // PS3.3 §C.7.6.3.1.2: native YBR_FULL_422 holds two Y, one CB and one CR per pair of pixels
        }
        long frameBits = (long) ds.getInt(Tag.Rows, 0)
                * ds.getInt(Tag.Columns, 0)
                * samples
                * ds.getInt(Tag.BitsAllocated, vr == VR.OB ? 8 : 16);
        if (length == UNDEFINED) {
            return encapsulated(blob, ts, ds, frames, value, Math.max(0, frameBits));
        }
        if (frameBits <= 0) {
            throw new NoFramesException("Rows, Columns or BitsAllocated is missing");
        }
        long available = Math.min(length, blob.size() - value);
        int whole = (int) Math.min(frames, available * 8 / frameBits);
        int swap = be ? (vr == VR.OW ? 2 : vr == VR.OF ? 4 : vr == VR.OD ? 8 : 1) : 1;
        return new FrameTable(
                ts,
                whole,
                PixelDescription.of(ds),
                value,
                available,
                frameBits,
                swap,
                tag != Tag.PixelData,
                null,
                inflated);
    }

    private static FrameTable encapsulated(
            ReadableBlob blob, TransferSyntax ts, Attributes ds, int frames, long start, long frameBits)
            throws IOException {
        byte[] basicOffsets = null;
        List<long[]> items = new ArrayList<>(); // {item offset relative to the first fragment, value offset, length}
        long firstFragment = -1;
        try (InputStream in = new BufferedInputStream(blob.inputStream(start, blob.size() - start), 8 * 1024)) {
            long pos = start;
            byte[] h = new byte[8];
            while (pos + 8 <= blob.size()) {
                readFully(in, h);
                int tag = u16(h, 0, false) << 16 | u16(h, 2, false);
                long len = u32(h, 4, false);
                if (tag == SEQUENCE_DELIMITER) {
                    break;
                }
                if (tag != ITEM || len == UNDEFINED || pos + 8 + len > blob.size()) {
                    throw new IOException("malformed fragment item at offset " + pos);
                }
                if (basicOffsets == null) {
                    if (len > MAX_OFFSET_TABLE) {
                        throw new IOException("Basic Offset Table of " + len + " bytes");
                    }
                    basicOffsets = new byte[(int) len];
                    readFully(in, basicOffsets);
                } else {
                    if (firstFragment < 0) {
                        firstFragment = pos;
                    }
                    items.add(new long[] {pos - firstFragment, pos + 8, len});
                    in.skipNBytes(len);
                }
                pos += 8 + len;
            }
        }
        if (items.isEmpty()) {
            throw new NoFramesException("the encapsulated pixel data holds no fragments");
        }
        long[] starts = frameStarts(blob, ds, basicOffsets, items, frames);
        long[][] perFrame = new long[starts.length][];
        int item = 0;
        for (int k = 0; k < starts.length; k++) {
            while (item < items.size() && items.get(item)[0] < starts[k]) {
                item++;
            }
            if (item == items.size() || items.get(item)[0] != starts[k]) {
                throw new NoFramesException("offset table entry " + (k + 1) + " does not point at a fragment");
            }
            long end = k + 1 < starts.length ? starts[k + 1] : Long.MAX_VALUE;
            List<long[]> own = new ArrayList<>();
            while (item < items.size() && items.get(item)[0] < end) {
                own.add(items.get(item++));
            }
            perFrame[k] = new long[own.size() * 2];
            for (int i = 0; i < own.size(); i++) {
                perFrame[k][2 * i] = own.get(i)[1];
                perFrame[k][2 * i + 1] = own.get(i)[2];
            }
        }
        return new FrameTable(ts, starts.length, PixelDescription.of(ds), -1, -1, frameBits, 1, false, perFrame, null);
    }

    /** The offset (relative to the first fragment's item tag) at which each frame starts. */
    private static long[] frameStarts(
            ReadableBlob blob, Attributes ds, byte[] basicOffsets, List<long[]> items, int frames) throws IOException {
        byte[] extended = valueOf(blob, ds, Tag.ExtendedOffsetTable);
        if (extended != null && extended.length >= 8) {
            long[] starts = new long[extended.length / 8];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = u32(extended, 8 * k, false) | u32(extended, 8 * k + 4, false) << 32;
            }
            return starts;
        }
        if (basicOffsets != null && basicOffsets.length >= 4) {
            long[] starts = new long[basicOffsets.length / 4];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = u32(basicOffsets, 4 * k, false);
            }
            return starts;
        }
        if (frames == 1) {
            return new long[] {0};
        }
        if (items.size() == frames) {
            long[] starts = new long[frames];
            for (int k = 0; k < frames; k++) {
                starts[k] = items.get(k)[0];
            }
            return starts;
        }
        // No table and more fragments than frames: a frame starts where a codestream starts.
        List<Long> starts = new ArrayList<>();
        byte[] head = new byte[8];
        for (long[] item : items) {
            if (item[2] < head.length) {
                continue;
            }
            try (InputStream in = blob.inputStream(item[1], head.length)) {
                readFully(in, head);
            }
            if (startsCodestream(head)) {
                starts.add(item[0]);
            }
        }
        if (starts.size() != frames || starts.get(0) != 0) {
            throw new NoFramesException("the frames cannot be told apart: no offset table and " + items.size()
                    + " fragments for " + frames + " frames");
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean startsCodestream(byte[] b) {
        boolean jpeg = (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8; // SOI (also JPEG-LS)
        boolean j2k = (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0x4F && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x51;
        boolean jp2 = b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0x0C && b[4] == 'j' && b[5] == 'P';
        long segments = u32(b, 0, false);
        boolean rle = segments >= 1 && segments <= 15 && u32(b, 4, false) == 64; // PS3.5 §G.5 header
        return jpeg || j2k || jp2 || rle;
    }

    private static byte[] valueOf(ReadableBlob blob, Attributes ds, int tag) throws IOException {
        Object v = ds.getValue(tag);
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof BulkData bd && bd.hasOffset() && bd.length() <= MAX_OFFSET_TABLE) {
            byte[] b = new byte[(int) bd.length()];
            try (InputStream in = blob.inputStream(bd.offset(), bd.length())) {
                readFully(in, b);
            }
            return b;
        }
        return null;
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
        if (in.readNBytes(b, 0, b.length) != b.length) {
            throw new EOFException("stored file ends early");
        }
    }

    private static int u16(byte[] b, int off, boolean be) {
        return be ? (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF) : (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int off, boolean be) {
        return be
                ? (long) u16(b, off, true) << 16 | u16(b, off + 2, true)
                : (long) u16(b, off + 2, false) << 16 | u16(b, off, false);
    }
}
