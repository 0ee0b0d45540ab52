package org.opendicomweb.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.DatasetTooLargeException;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;

/**
 * Streaming reader of DICOM Part 10 files and bare datasets (PS3.10 §7, PS3.5 §7).
 *
 * <p>Large binary values are not read: pixel data always, and other OB/OD/OF/OL/OV/OW/UN values longer than
 * the bulk data threshold, become {@link BulkData} references to their offset in the stream, which the caller
 * can read later from the same file. {@link #readDataset(int)} stops before a given tag, so indexing a 2 GB
 * multi-frame file reads only its header. Every length is distrusted: values are read in bounded chunks, so a
 * corrupt length fails at the end of the input instead of allocating what it claims.
 */
public final class DicomInputStream implements Closeable {
    public static final int DEFAULT_BULK_DATA_THRESHOLD = 64 * 1024;
    /** Non-bulk values longer than this are refused as corrupt rather than held in memory. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 64 * 1024 * 1024;

    public static final int MAX_SEQUENCE_DEPTH = 64;
    /** What one read may hold in memory by default: values, plus a per-element and per-item allowance. */
    public static final long DEFAULT_MAX_DATASET_MEMORY = 256L * 1024 * 1024;
    /** Roughly the heap an element costs beyond its value bytes (slot, value object, array header). */
    private static final int ELEMENT_OVERHEAD = 48;

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int BASIC_OFFSET_TABLE_INLINE_LIMIT = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final InputStream source;
    private InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int bufPos;
    private int bufLim;
    /** Stream offset of buf[0]. */
    private long bufStart;

    private boolean offsetsValid = true;
    /** Bulk values of a deflated stream are skipped like the others rather than read into memory. */
    private boolean skipInflatedBulkData;

    private int bulkDataThreshold = DEFAULT_BULK_DATA_THRESHOLD;
    private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;
    private long maxDatasetMemory = DEFAULT_MAX_DATASET_MEMORY;
    /** Memory held by what this stream has read so far, as counted by {@link #retain}. */
    private long retained;

    private Attributes fileMetaInformation;
    private TransferSyntax transferSyntax;
    private boolean headerRead;
    private boolean bigEndian;
    private boolean explicitVR;
    private int stopTag = -1;
    private boolean encodingDiffersFromFileMeta;

    public DicomInputStream(InputStream in) {
        this.source = in;
        this.in = in;
    }

    /** A bare dataset in a known transfer syntax (e.g. a STOW part whose syntax is given), no preamble or meta. */
    public DicomInputStream(InputStream in, TransferSyntax transferSyntax) {
        this(in);
        this.transferSyntax = transferSyntax;
        this.headerRead = true;
        applyTransferSyntax();
    }

    public void setBulkDataThreshold(int bytes) {
        this.bulkDataThreshold = bytes;
    }

    public void setMaxValueLength(int bytes) {
        this.maxValueLength = bytes;
    }

    /**
     * Bounds the memory the elements read by this stream may hold in total (value bytes plus an allowance per
     * element and per sequence item): millions of small elements are as costly as one huge value. Exceeding
     * it throws {@link DatasetTooLargeException}.
     */
    public void setMaxDatasetMemory(long bytes) {
        this.maxDatasetMemory = bytes;
    }

    /**
     * For deflated syntaxes: skip the values that become bulk data (pixel data always) instead of reading them into
     * memory, as for any other syntax, their {@link BulkData} offsets counting in the inflated stream. For a reader
     * that only indexes (STOW-RS keeps the received bytes and computes metadata), so that a deflated upload holds
     * no more memory than any other; a reader that sends values leaves it off.
     */
    public void setSkipInflatedBulkData(boolean skip) {
        this.skipInflatedBulkData = skip;
    }

    /** Offset of the next unread byte in the (inflated, for deflated syntaxes) stream. */
    public long position() {
        return bufStart + bufPos;
    }

    /**
     * Whether {@link BulkData} offsets point into the original stream; false for deflated syntaxes, whose values
     * are then read into memory instead (unless {@link #setSkipInflatedBulkData}).
     */
    public boolean bulkDataOffsetsValid() {
        return offsetsValid;
    }

    /** The File Meta Information (group 0002), or {@code null} for a bare dataset. Reads it if not yet read. */
    public Attributes readFileMetaInformation() throws IOException {
        readHeader();
        return fileMetaInformation;
    }

    /**
     * True when the dataset turned out to be encoded otherwise than (0002,0010) declares (it is read anyway, in
     * the encoding found). A store must not keep such a file as it is: every reader that trusts the meta fails.
     */
    public boolean encodingDiffersFromFileMeta() throws IOException {
        readHeader();
        return encodingDiffersFromFileMeta;
    }

    public TransferSyntax transferSyntax() throws IOException {
        readHeader();
        return transferSyntax;
    }

    /** Reads the whole dataset (large binary values as references). */
    public Attributes readDataset() throws IOException {
        return readDataset(-1);
    }

    /**
     * Reads the dataset up to, not including, the first top-level element whose tag is {@code stopTag} or
     * greater (unsigned); -1 reads to the end.
     */
    public Attributes readDataset(int stopTag) throws IOException {
        readHeader();
        Attributes ds = new Attributes(bigEndian, 64);
        readDataset(ds, stopTag);
        return ds;
    }

    /**
     * Reads into {@code ds}, which must have this stream's byte order ({@link #transferSyntax()}). When reading
     * fails, {@code ds} keeps what was read before the fault, so a caller can still report the UIDs it saw.
     */
    public void readDataset(Attributes ds, int stopTag) throws IOException {
        readHeader();
        this.stopTag = stopTag;
        readElements(ds, -1, 0, explicitVR, bigEndian);
    }

    @Override
    public void close() throws IOException {
        in.close();
        if (in != source) {
            source.close();
        }
    }

    // ---- header: preamble, file meta, transfer syntax detection ----

    private void readHeader() throws IOException {
        if (headerRead) {
            return;
        }
        headerRead = true;
        int n = fill(132);
        if (n >= 132 && buf[128] == 'D' && buf[129] == 'I' && buf[130] == 'C' && buf[131] == 'M') {
            bufPos = 132;
            readMeta();
        } else if (n >= 6 && buf[0] == 2 && buf[1] == 0 && isVrCode(buf[4], buf[5])) {
            readMeta(); // meta information without the 128-byte preamble, as some old writers do
        } else {
            transferSyntax = guessTransferSyntax(n);
        }
        applyTransferSyntax();
        if (transferSyntax.deflated()) {
            inflateRemainder();
        }
    }

    private void readMeta() throws IOException {
        Attributes meta = new Attributes(false, 12);
        while (true) {
            if (fill(4) < 4) {
                break;
            }
            int group = (buf[bufPos] & 0xFF) | (buf[bufPos + 1] & 0xFF) << 8;
            if (group != 2) {
                break;
            }
            readElement(meta, 0, true, false);
        }
        fileMetaInformation = meta;
        String tsUid = meta.getString(Tag.TransferSyntaxUID);
        if (tsUid == null) {
            // PS3.10 requires (0002,0010); without it the dataset itself tells how it is encoded.
            transferSyntax = guessTransferSyntax(fill(8));
        } else {
            transferSyntax = TransferSyntax.of(tsUid);
            if (transferSyntax.explicitVR()
                    && !transferSyntax.bigEndian()
                    && !transferSyntax.deflated()
                    && fill(8) >= 8
                    && !isVrCode(buf[bufPos + 4], buf[bufPos + 5])) {
                // Some writers declare explicit VR but write the dataset implicit; the first element shows it.
                // A compressed syntax stays one: its pixel data are still fragments.
                transferSyntax = transferSyntax.encapsulated()
                        ? new TransferSyntax(transferSyntax.uid(), false, false, false, true)
                        : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
                encodingDiffersFromFileMeta = true;
            }
        }
    }

    private TransferSyntax guessTransferSyntax(int available) throws IOException {
        if (available < 8) {
            throw new DicomParseException("Not a DICOM stream: too short", position(), -1);
        }
        int p = bufPos;
        int groupLE = (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8;
        int groupBE = (buf[p] & 0xFF) << 8 | (buf[p + 1] & 0xFF);
        boolean explicit = isVrCode(buf[p + 4], buf[p + 5]);
        if (plausibleFirstGroup(groupLE)) {
            return explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        if (plausibleFirstGroup(groupBE) && explicit) {
            return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        }
        throw new DicomParseException(
                "Not a DICOM stream: no DICM prefix and no recognisable first element", position(), -1);
    }

    private static boolean plausibleFirstGroup(int group) {
        // Odd groups are private and never lead a standard dataset, yet old test objects start with (0001,xxxx).
        return group >= 0x0001 && group <= 0x0028;
    }

    private static boolean isVrCode(byte a, byte b) {
        return VR.ofCode((a & 0xFF) << 8 | (b & 0xFF)) != null;
    }

    private void applyTransferSyntax() {
        bigEndian = transferSyntax.bigEndian();
        explicitVR = transferSyntax.explicitVR();
    }

    /** Deflated syntax (PS3.5 §A.5): everything after the meta information is a raw deflate stream. */
    private void inflateRemainder() {
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf.clone(), bufPos, bufLim - bufPos), in);
        in = new InflaterInputStream(rest, new Inflater(true), CHUNK);
        bufStart = 0;
        bufPos = 0;
        bufLim = 0;
        offsetsValid = false;
    }

    // ---- elements ----

    /**
     * Reads elements into {@code ds} until {@code end} (a stream offset), or, when {@code end} is -1, until an
     * item delimiter or, at the top level, the end of the stream.
     */
    private void readElements(Attributes ds, long end, int depth, boolean explicit, boolean be) throws IOException {
        while (end < 0 || position() < end) {
            int got = fill(4);
            if (got == 0) {
                // End of input where delimiters should close open undefined-length items, or where a defined
                // item length claims more than is there: accepted like dcmtk and pydicom do, since every
                // element before it is complete.
                return;
            }
            if (got < 4) {
                throw new DicomParseException("Truncated: stream ends inside an element header", position(), -1);
            }
            int tag = peekTag(be);
            if (depth == 0 && stopTag != -1 && Integer.compareUnsigned(tag, stopTag) >= 0) {
                return;
            }
            if (tag == Tag.ItemDelimitationItem) {
                bufPos += 4;
                readU32(be, tag);
                if (end >= 0) {
                    continue; // a stray delimiter inside a defined-length item: tolerated, as dcmtk does
                }
                return;
            }
            readElement(ds, depth, explicit, be);
        }
        if (end >= 0 && position() > end) {
            throw new DicomParseException("Element runs past the end of its item", position(), -1);
        }
    }

    private void readElement(Attributes ds, int depth, boolean explicit, boolean be) throws IOException {
        long headerPos = position();
        int tag = readTag(be);
        VR vr;
        long len;
        if (tag == Tag.Item || tag == Tag.SequenceDelimitationItem) {
            throw new DicomParseException("Unexpected item tag outside a sequence", headerPos, tag);
        }
        if (explicit) {
            need(4, tag);
            int code = (buf[bufPos] & 0xFF) << 8 | (buf[bufPos + 1] & 0xFF);
            vr = VR.ofCode(code);
            bufPos += 2;
            if (vr == null) {
                throw new DicomParseException(String.format("Invalid VR bytes 0x%04X", code), headerPos, tag);
            }
            if (vr.longHeader()) {
                need(6, tag);
                bufPos += 2;
                len = readU32(be, tag);
            } else {
                len = readU16(be, tag);
            }
        } else {
            len = readU32(be, tag);
            vr = implicitVR(ds, tag);
        }
        if (vr == VR.UN && explicit && len != UNDEFINED && !Tag.isPrivate(tag)) {
            VR known = implicitVR(ds, tag);
            if (known != VR.UN) {
                readUnknownAsKnown(ds, tag, known, len, depth, be);
                return;
            }
        }
        if (vr == VR.SQ || (len == UNDEFINED && vr == VR.UN && !isPixelData(tag))) {
            // UN of undefined length is a sequence encoded as implicit VR little endian (PS3.5 §6.2.2 note 4).
            boolean itemsExplicit = vr == VR.SQ && explicit;
            boolean itemsBE = vr == VR.SQ && be;
            readSequence(ds, tag, len, depth, itemsExplicit, itemsBE);
            return;
        }
        if (len == UNDEFINED) {
            if (isPixelData(tag) || vr == VR.OB || vr == VR.OW) {
                // Encapsulated pixel data is OB (PS3.5 §A.4), also where implicit VR made it "OB or OW".
                readFragments(ds, tag, vr == VR.UN || !explicit ? VR.OB : vr, be);
                return;
            }
            throw new DicomParseException("Undefined length on a " + vr + " element", headerPos, tag);
        }
        readValue(ds, tag, vr, len, be);
    }

    /**
     * A public element sent as UN, as converters that lost the VRs write them: PS3.5 §6.2.2 has a reader that knows
     * the tag use its dictionary VR, and the value is then as implicit VR little endian would have it (a sequence
     * of implicit VR items, binary numbers little endian). pydicom and Orthanc read it so; so does every user of
     * this reader (metadata, queries, the index), while the stored file keeps the bytes as received. A value that
     * does not fit the dictionary's VR stays UN.
     */
    private void readUnknownAsKnown(Attributes ds, int tag, VR known, long len, int depth, boolean be)
            throws IOException {
        if (len > bulkDataThreshold && (known == VR.SQ || known.isString())) {
            // Text and sequences are read into memory to be checked: only up to the size of any value kept in memory.
            // A larger one stays UN bulk data, streamed and never held. Binary values stream under their own VR.
            readValue(ds, tag, VR.UN, len, be);
            return;
        }
        if (known == VR.SQ && !be) {
            readUnknownSequence(ds, tag, len, depth);
            return;
        }
        // A sequence stays UN in a big endian dataset, whose items hold big endian values: its little endian
        // ones would read wrong there.
        if (known == VR.SQ || (known.valueSize() > 1 && len % known.valueSize() != 0)) {
            readValue(ds, tag, VR.UN, len, be);
            return;
        }
        if (known.isString()) {
            byte[] value = readHeld(len, tag);
            ds.setValue(tag, isText(value) ? known : VR.UN, value);
            return;
        }
        readValue(ds, tag, known, len, false);
        if (be && known.isSwapped() && ds.getValue(tag) instanceof byte[] b) {
            Endianness.swap(b, 0, b.length - b.length % Endianness.swapWidth(known), Endianness.swapWidth(known));
        }
    }

    /** A sequence sent as UN of defined length: its items are implicit VR little endian (PS3.5 §6.2.2 note 4). */
    private void readUnknownSequence(Attributes ds, int tag, long len, int depth) throws IOException {
        byte[] value = readHeld(len, tag);
        // Parsed from the bytes in hand, so that a value that is no sequence after all can stay UN.
        DicomInputStream items =
                new DicomInputStream(new ByteArrayInputStream(value), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        items.offsetsValid = false;
        items.maxValueLength = maxValueLength;
        items.maxDatasetMemory = maxDatasetMemory - retained;
        try {
            items.readSequence(ds, tag, len, depth, false, false);
        } catch (DatasetTooLargeException e) {
            throw e;
        } catch (DicomParseException e) {
            ds.setValue(tag, VR.UN, value);
            return;
        }
        // The items now hold what the raw value held, which is dropped: count the memory once.
        retained += items.retained - len;
    }

    /** Whether a value sent as UN reads as text: no control characters but the ones PS3.5 §6.1.3 allows. */
    private static boolean isText(byte[] value) {
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--; // NUL pads a UI (PS3.5 §6.2)
        }
        for (int i = 0; i < end; i++) {
            int c = value[i] & 0xFF;
            if (c < 0x20 && c != 0x1B && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private VR implicitVR(Attributes ds, int tag) {
        if (Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag)) {
            String creator = ds.privateCreatorOf(tag);
            return creator == null ? VR.UN : ElementDictionary.vrOf(creator, tag);
        }
        VR vr = ElementDictionary.vrOf(tag);
        if (ElementDictionary.isAmbiguousVR(tag)) {
            vr = resolveAmbiguous(ds, tag, vr);
        }
        return vr;
    }

    /**
     * "US or SS" elements follow Pixel Representation; "OB or OW" is OW in implicit VR (PS3.5 §A.1 c).
     */
    private static VR resolveAmbiguous(Attributes ds, int tag, VR first) {
        if (first == VR.OB || first == VR.OW) {
            return VR.OW;
        }
        if (first == VR.US || first == VR.SS) {
            for (Attributes a = ds; a != null; a = a.parent()) {
                if (a.contains(Tag.PixelRepresentation)) {
                    return a.getInt(Tag.PixelRepresentation, 0) == 1 ? VR.SS : VR.US;
                }
            }
            return VR.US;
        }
        return first;
    }

    private static boolean isPixelData(int tag) {
        return tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData;
    }

    private void readValue(Attributes ds, int tag, VR vr, long len, boolean be) throws IOException {
        long valuePos = position();
        boolean bulk = vr.kind() == VR.Kind.BULK && (isPixelData(tag) || len > bulkDataThreshold);
        if (bulk && (offsetsValid || skipInflatedBulkData)) {
            retain(0, valuePos, tag);
            skipFully(len, tag);
            ds.setValue(tag, vr, BulkData.atOffset(valuePos, len, be));
            return;
        }
        ds.setValue(tag, vr, readHeld(len, tag));
    }

    /** A value read into memory, within the limits of one value and of the dataset. */
    private byte[] readHeld(long len, int tag) throws IOException {
        long valuePos = position();
        if (len > maxValueLength) {
            throw new DicomParseException(
                    "Value length " + len + " exceeds the limit of " + maxValueLength, valuePos, tag);
        }
        retain(len, valuePos, tag);
        return readBytes((int) len, tag);
    }

    private void readSequence(Attributes ds, int tag, long len, int depth, boolean explicit, boolean be)
            throws IOException {
        if (depth >= MAX_SEQUENCE_DEPTH) {
            throw new DicomParseException("Sequences nested deeper than " + MAX_SEQUENCE_DEPTH, position(), tag);
        }
        Sequence seq = ds.newSequence(tag, 4);
        long end = len == UNDEFINED ? -1 : position() + len;
        while (end < 0 || position() < end) {
            long itemPos = position();
            int got = fill(8);
            if (got == 0) {
                return; // sequence delimiter missing or defined length past the end of input, see readElements
            }
            if (got < 8) {
                throw new DicomParseException("Truncated: stream ends inside a sequence", position(), tag);
            }
            int itemTag = readTag(be);
            long itemLen = readU32(be, tag);
            if (itemTag == Tag.SequenceDelimitationItem) {
                break;
            }
            if (itemTag != Tag.Item) {
                throw new DicomParseException(
                        "Expected an item in sequence, found " + Tag.toString(itemTag), itemPos, tag);
            }
            retain(0, itemPos, tag);
            Attributes item = seq.addItem();
            readElements(item, itemLen == UNDEFINED ? -1 : position() + itemLen, depth + 1, explicit, be);
        }
        if (end >= 0 && position() != end) {
            throw new DicomParseException("Sequence items run past the sequence length", position(), tag);
        }
    }

    private void readFragments(Attributes ds, int tag, VR vr, boolean be) throws IOException {
        Fragments frags = ds.newFragments(tag, vr, 8);
        while (true) {
            long itemPos = position();
            if (fill(8) < 8) {
                throw new DicomParseException("Truncated: stream ends inside encapsulated pixel data", position(), tag);
            }
            int itemTag = readTag(be);
            long itemLen = readU32(be, tag);
            if (itemTag == Tag.SequenceDelimitationItem) {
                return;
            }
            if (itemTag != Tag.Item || itemLen == UNDEFINED) {
                throw new DicomParseException("Malformed fragment item " + Tag.toString(itemTag), itemPos, tag);
            }
            boolean offsetTable = frags.isEmpty();
            if ((offsetsValid || skipInflatedBulkData)
                    && !(offsetTable && itemLen <= BASIC_OFFSET_TABLE_INLINE_LIMIT)) {
                long valuePos = position();
                retain(0, valuePos, tag);
                skipFully(itemLen, tag);
                frags.add(BulkData.atOffset(valuePos, itemLen, be));
            } else {
                if (itemLen > maxValueLength) {
                    throw new DicomParseException(
                            "Fragment of " + itemLen + " bytes exceeds the limit of " + maxValueLength
                                    + " for values held in memory",
                            itemPos,
                            tag);
                }
                retain(itemLen, itemPos, tag);
                frags.add(readBytes((int) itemLen, tag));
            }
        }
    }

    private void retain(long valueBytes, long pos, int tag) throws DatasetTooLargeException {
        retained += valueBytes + ELEMENT_OVERHEAD;
        if (retained > maxDatasetMemory) {
            throw new DatasetTooLargeException(
                    "Dataset holds more than " + maxDatasetMemory
                            + " bytes in memory (values and elements), the most allowed",
                    pos,
                    tag);
        }
    }

    // ---- primitive reads over our own buffer (positions tracked, reads bounded by what arrives) ----

    /** Ensures up to {@code n} bytes are buffered from bufPos; returns how many are (fewer only at end). */
    private int fill(int n) throws IOException {
        int avail = bufLim - bufPos;
        if (avail >= n) {
            return avail;
        }
        if (bufPos > 0) {
            System.arraycopy(buf, bufPos, buf, 0, avail);
            bufStart += bufPos;
            bufPos = 0;
            bufLim = avail;
        }
        while (bufLim < n) {
            int r;
            try {
                r = in.read(buf, bufLim, buf.length - bufLim);
            } catch (ZipException | EOFException e) {
                if (in == source) {
                    throw e;
                }
                // Corrupt or cut deflate data of a deflated syntax is malformed input like any other.
                throw new DicomParseException("Corrupt deflated data: " + e.getMessage(), bufStart + bufLim, -1, e);
            }
            if (r < 0) {
                break;
            }
            bufLim += r;
        }
        return bufLim - bufPos;
    }

    private void need(int n, int tag) throws IOException {
        if (fill(n) < n) {
            throw new DicomParseException("Truncated: stream ends inside an element header", position(), tag);
        }
    }

    private int peekTag(boolean be) {
        int g = u16(bufPos, be);
        int e = u16(bufPos + 2, be);
        return g << 16 | e;
    }

    private int readTag(boolean be) throws IOException {
        need(4, -1);
        int tag = peekTag(be);
        bufPos += 4;
        return tag;
    }

    private int u16(int p, boolean be) {
        return be ? (buf[p] & 0xFF) << 8 | (buf[p + 1] & 0xFF) : (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8;
    }

    private int readU16(boolean be, int tag) throws IOException {
        need(2, tag);
        int v = u16(bufPos, be);
        bufPos += 2;
        return v;
    }

    private long readU32(boolean be, int tag) throws IOException {
        need(4, tag);
        long v = be
                ? ((long) u16(bufPos, true) << 16) | u16(bufPos + 2, true)
                : ((long) u16(bufPos + 2, false) << 16) | u16(bufPos, false);
        bufPos += 4;
        return v;
    }

    /** Reads exactly {@code len} bytes, growing the array only as bytes actually arrive. */
    private byte[] readBytes(int len, int tag) throws IOException {
        long start = position();
        byte[] out = new byte[Math.min(len, CHUNK)];
        int done = 0;
        while (done < len) {
            if (done == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(len, (long) out.length * 2));
            }
            int want = out.length - done;
            int avail = bufLim - bufPos;
            if (avail == 0) {
                if (fill(1) == 0) {
                    throw new DicomParseException(
                            "Truncated: value of " + len + " bytes ends after " + done, start, tag, new EOFException());
                }
                avail = bufLim - bufPos;
            }
            int k = Math.min(want, avail);
            System.arraycopy(buf, bufPos, out, done, k);
            bufPos += k;
            done += k;
        }
        return out;
    }

    private void skipFully(long len, int tag) throws IOException {
        long start = position();
        long left = len;
        int k = (int) Math.min(left, bufLim - bufPos);
        bufPos += k;
        left -= k;
        if (left == 0) {
            return;
        }
        bufStart += bufPos;
        bufPos = 0;
        bufLim = 0;
        if (in instanceof FileInputStream file) {
            // A file seeks; its size tells whether the value is really there (skip alone would run past the end).
            FileChannel ch = file.getChannel();
            if (ch.position() + left > ch.size()) {
                throw new DicomParseException(
                        "Truncated: value of " + len + " bytes runs past the end of the file",
                        start,
                        tag,
                        new EOFException());
            }
            ch.position(ch.position() + left);
            bufStart += left;
            return;
        }
        if (in instanceof ExactSkipInput exact) {
            long passed = exact.skipExactly(left);
            bufStart += passed;
            if (passed < left) {
                throw new DicomParseException(
                        "Truncated: value of " + len + " bytes ends after " + (len - left + passed),
                        start,
                        tag,
                        new EOFException());
            }
            return;
        }
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new DicomParseException(
                        "Truncated: value of " + len + " bytes ends after " + (len - left),
                        start,
                        tag,
                        new EOFException());
            }
            bufStart += r;
            left -= r;
        }
    }
}
