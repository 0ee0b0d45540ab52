package org.opendicomweb.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.DatasetTooLargeException;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;

/**
 * Hand-made broken input: each case must fail with a {@link DicomParseException} that says where (offset) and,
 * once an element header has been read, in which element, within a second and without allocating what a corrupt
 * length claims.
 */
class MalformedInputTest {

    private static final int UNDEFINED = 0xFFFFFFFF;

    /** Little-endian byte writer for element headers and values. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final boolean bigEndian;

        Bytes() {
            this(false);
        }

        Bytes(boolean bigEndian) {
            this.bigEndian = bigEndian;
        }

        Bytes u16(int v) {
            if (bigEndian) {
                out.write(v >>> 8);
                out.write(v);
            } else {
                out.write(v);
                out.write(v >>> 8);
            }
            return this;
        }

        Bytes u32(int v) {
            return bigEndian ? u16(v >>> 16).u16(v & 0xFFFF) : u16(v & 0xFFFF).u16(v >>> 16);
        }

        Bytes tag(int tag) {
            return u16(tag >>> 16).u16(tag & 0xFFFF);
        }

        Bytes ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        /** Explicit VR header with a 16-bit length. */
        Bytes shortHeader(int tag, String vr, int length) {
            return tag(tag).ascii(vr).u16(length);
        }

        /** Explicit VR header with a 32-bit length (OB, SQ, UT, ...). */
        Bytes longHeader(int tag, String vr, int length) {
            return tag(tag).ascii(vr).u16(0).u32(length);
        }

        /** Implicit VR header. */
        Bytes implicitHeader(int tag, int length) {
            return tag(tag).u32(length);
        }

        Bytes raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Bytes filler(int n) {
            out.writeBytes(new byte[n]);
            return this;
        }

        byte[] get() {
            return out.toByteArray();
        }
    }

    /** Preamble, DICM and a meta group declaring {@code tsUid}, as a Part 10 file starts. */
    private static Bytes part10(String tsUid) {
        String ts = tsUid.length() % 2 == 0 ? tsUid : tsUid + "\0";
        Bytes meta = new Bytes()
                .shortHeader(Tag.TransferSyntaxUID, "UI", ts.length())
                .ascii(ts);
        byte[] m = meta.get();
        return new Bytes()
                .filler(128)
                .ascii("DICM")
                .shortHeader(Tag.FileMetaInformationGroupLength, "UL", 4)
                .u32(m.length)
                .raw(m);
    }

    private static Bytes explicitLE() {
        return part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
    }

    private static Bytes implicitLE() {
        return part10(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
    }

    private static final Bytes PATIENT_ID =
            new Bytes().shortHeader(Tag.PatientID, "LO", 4).ascii("ID01");

    /** Reads the bytes to the end; the failure it must give. */
    private static DicomParseException refused(byte[] input) {
        return assertTimeoutPreemptively(
                Duration.ofSeconds(1),
                () -> assertThrows(DicomParseException.class, () -> {
                    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(input))) {
                        in.readDataset();
                    }
                }));
    }

    private static void assertWhere(DicomParseException e, long offset, int tag) {
        assertEquals(offset, e.offset(), "offset in: " + e.getMessage());
        assertEquals(tag, e.tag(), "tag in: " + e.getMessage());
        assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
        if (tag != -1) {
            assertTrue(e.getMessage().contains(Tag.toString(tag)), e.getMessage());
        }
    }

    /**
     * {@code start} and then what {@code rest} adds is refused {@code offset} bytes after {@code start}, naming
     * {@code tag} ({@code -1}: none).
     */
    private static DicomParseException assertRefusedAfter(Bytes start, UnaryOperator<Bytes> rest, int offset, int tag) {
        byte[] head = start.get();
        DicomParseException e = refused(rest.apply(new Bytes().raw(head)).get());
        assertWhere(e, head.length + offset, tag);
        return e;
    }

    /** Many empty items cost memory though no value is large: the dataset memory budget counts them. */
    @Test
    void manySmallElementsExceedTheDatasetMemoryBudget() throws IOException {
        Bytes b = explicitLE().longHeader(Tag.ReferencedSeriesSequence, "SQ", UNDEFINED);
        for (int i = 0; i < 30_000; i++) {
            b.tag(Tag.Item).u32(0);
        }
        byte[] input = b.tag(Tag.SequenceDelimitationItem).u32(0).get();

        DatasetTooLargeException e = assertThrows(DatasetTooLargeException.class, () -> {
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(input))) {
                in.setMaxDatasetMemory(1024 * 1024);
                in.readDataset();
            }
        });
        assertEquals(Tag.ReferencedSeriesSequence, e.tag());
        assertTrue(e.getMessage().contains("1048576"), e.getMessage());

        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(input))) {
            in.setMaxDatasetMemory(4 * 1024 * 1024);
            assertEquals(
                    30_000,
                    in.readDataset().getSequence(Tag.ReferencedSeriesSequence).size());
        }
    }

    @Test
    void emptyInput() {
        assertWhere(refused(new byte[0]), 0, -1);
    }

    @Test
    void garbageIsNotDicom() {
        byte[] text = "This is a README, not a DICOM file at all.\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        DicomParseException e = refused(text);
        assertTrue(e.getMessage().startsWith("Not a DICOM stream"), e.getMessage());
        assertWhere(e, 0, -1);
    }

    @Test
    void gzipIsNotDicom() {
        byte[] gz = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8};
        assertWhere(refused(gz), 0, -1);
    }

    @Test
    void preambleOnly() {
        byte[] b = new Bytes().filler(128).ascii("DICM").get();
        DicomParseException e = refused(b);
        assertEquals(132, e.offset(), e.getMessage());
    }

    @Test
    void headerTruncatedAfterTag() {
        assertRefusedAfter(explicitLE(), b -> b.tag(Tag.PatientName).ascii("P"), 4, Tag.PatientName);
    }

    @Test
    void headerTruncatedInsideTag() {
        assertRefusedAfter(explicitLE(), b -> b.raw(PATIENT_ID.get()).u16(0x0010), 12, -1);
    }

    @Test
    void valueTruncated() {
        assertRefusedAfter(
                explicitLE(), b -> b.shortHeader(Tag.PatientName, "PN", 10).ascii("Doe^"), 8, Tag.PatientName);
    }

    @Test
    void bulkValueLengthPastEnd() {
        assertRefusedAfter(
                explicitLE(), b -> b.longHeader(Tag.PixelData, "OW", 1000).filler(10), 12, Tag.PixelData);
    }

    /** An input that passes over values itself (a STOW part copied to staging), fed in small reads. */
    private static final class ExactSkipping extends ByteArrayInputStream implements ExactSkipInput {
        long skipped;

        ExactSkipping(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 100));
        }

        @Override
        public long skipExactly(long n) {
            long k = super.skip(n);
            skipped += k;
            return k;
        }
    }

    @Test
    void bulkValueIsPassedOverByAnExactSkipInput() throws IOException {
        byte[] start = explicitLE().get();
        byte[] input = new Bytes()
                .raw(start)
                .longHeader(Tag.PixelData, "OW", 1000)
                .filler(1000)
                .raw(PATIENT_ID.get())
                .get();
        ExactSkipping source = new ExactSkipping(input);
        try (DicomInputStream in = new DicomInputStream(source)) {
            in.setBulkDataThreshold(16);
            Attributes ds = in.readDataset();
            assertEquals("ID01", ds.getString(Tag.PatientID));
            assertEquals(BulkData.atOffset(start.length + 12, 1000, false), ds.getValue(Tag.PixelData));
        }
        assertTrue(source.skipped > 0, "the value was passed over by the input, not read");
    }

    @Test
    void bulkValueLengthPastTheEndOfAnExactSkipInput() {
        byte[] start = explicitLE().get();
        byte[] input = new Bytes()
                .raw(start)
                .longHeader(Tag.PixelData, "OW", 1000)
                .filler(500)
                .get();
        DicomParseException e = assertThrows(DicomParseException.class, () -> {
            try (DicomInputStream in = new DicomInputStream(new ExactSkipping(input))) {
                in.setBulkDataThreshold(16);
                in.readDataset();
            }
        });
        assertWhere(e, start.length + 12, Tag.PixelData);
        assertTrue(e.getMessage().contains("ends after 500"), e.getMessage());
    }

    @Test
    void absurdLengthOnShortVrInImplicitVr() {
        assertRefusedAfter(
                implicitLE(), b -> b.implicitHeader(Tag.PatientID, 0xFFFFFFF0).ascii("ID01"), 8, Tag.PatientID);
    }

    @Test
    void absurdLengthOnUnlimitedText() {
        assertRefusedAfter(
                explicitLE(), b -> b.longHeader(Tag.TextValue, "UT", 0xFFFFFFF0).ascii("text"), 12, Tag.TextValue);
    }

    @Test
    void absurdLengthOnOB() {
        assertRefusedAfter(
                explicitLE(),
                b -> b.longHeader(Tag.EncapsulatedDocument, "OB", 0xFFFFFFF0).filler(100),
                12,
                Tag.EncapsulatedDocument);
    }

    @Test
    void absurdLengthOnOBInAFile(@TempDir Path dir) throws IOException {
        byte[] start = explicitLE().get();
        Path file = dir.resolve("absurd.dcm");
        Files.write(
                file,
                new Bytes()
                        .raw(start)
                        .longHeader(Tag.PixelData, "OB", 0xFFFFFFF0)
                        .filler(100)
                        .get());
        DicomParseException e = assertTimeoutPreemptively(
                Duration.ofSeconds(1),
                () -> assertThrows(DicomParseException.class, () -> {
                    try (DicomInputStream in = new DicomInputStream(new FileInputStream(file.toFile()))) {
                        in.readDataset();
                    }
                }));
        assertWhere(e, start.length + 12, Tag.PixelData);
    }

    @Test
    void absurdLengthOnOBWhenDeflated() {
        // Deflated input has no offsets to refer to, so values are read into memory: the limit must hold there.
        byte[] start =
                part10(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid()).get();
        byte[] dataset = new Bytes()
                .longHeader(Tag.EncapsulatedDocument, "OB", 0xFFFFFFF0)
                .filler(100)
                .get();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        java.util.zip.Deflater d = new java.util.zip.Deflater(6, true);
        try (var out = new java.util.zip.DeflaterOutputStream(deflated, d)) {
            out.write(dataset);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        DicomParseException e =
                refused(new Bytes().raw(start).raw(deflated.toByteArray()).get());
        assertWhere(e, 12, Tag.EncapsulatedDocument);
    }

    @Test
    void claimedLengthIsNotAllocatedUpFront() {
        // 60 MB claimed (under the 64 MB limit), 8 bytes present: must fail at the end of input, not allocate.
        byte[] start = implicitLE().get();
        byte[] b = new Bytes()
                .raw(start)
                .implicitHeader(Tag.PatientID, 60 << 20)
                .ascii("ID01ID01")
                .get();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        assertWhere(refused(b), start.length + 8, Tag.PatientID);
        long after = rt.totalMemory() - rt.freeMemory();
        assertTrue(after - before < 32 << 20, "allocated " + (after - before) + " bytes for an 8-byte value");
    }

    @Test
    void sequencesNestedTooDeep() {
        byte[] start = explicitLE().get();
        Bytes b = new Bytes().raw(start);
        for (int i = 0; i < 100; i++) {
            b.longHeader(Tag.ReferencedSeriesSequence, "SQ", UNDEFINED)
                    .tag(Tag.Item)
                    .u32(UNDEFINED);
        }
        DicomParseException e = refused(b.get());
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        assertEquals(Tag.ReferencedSeriesSequence, e.tag());
        assertTrue(e.offset() > start.length, e.getMessage());
    }

    @Test
    void sequencesNestedTenThousandDeepFailWithoutStackOverflow() {
        Bytes b = implicitLE();
        for (int i = 0; i < 10_000; i++) {
            b.implicitHeader(Tag.ReferencedSeriesSequence, UNDEFINED)
                    .tag(Tag.Item)
                    .u32(UNDEFINED);
        }
        DicomParseException e = refused(b.get());
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void undefinedLengthOnTextElement() {
        assertRefusedAfter(
                explicitLE(), b -> b.longHeader(Tag.TextValue, "UT", UNDEFINED).ascii("text"), 0, Tag.TextValue);
    }

    @Test
    void undefinedLengthOnShortVrInImplicitVr() {
        assertRefusedAfter(
                implicitLE(), b -> b.implicitHeader(Tag.PatientID, UNDEFINED).ascii("ID01"), 0, Tag.PatientID);
    }

    @Test
    void invalidVrBytes() {
        // Not the first element: a first element without a VR makes the reader take the dataset as implicit VR.
        DicomParseException e = assertRefusedAfter(
                explicitLE(),
                b -> b.raw(PATIENT_ID.get())
                        .shortHeader(Tag.PatientBirthDate, "Z!", 8)
                        .ascii("19700101"),
                12,
                Tag.PatientBirthDate);
        assertTrue(e.getMessage().contains("Invalid VR"), e.getMessage());
    }

    @Test
    void itemOutsideSequence() {
        assertRefusedAfter(
                explicitLE(), b -> b.raw(PATIENT_ID.get()).tag(Tag.Item).u32(4).ascii("abcd"), 12, Tag.Item);
    }

    @Test
    void sequenceDelimiterOutsideSequence() {
        assertRefusedAfter(
                explicitLE(),
                b -> b.raw(PATIENT_ID.get()).tag(Tag.SequenceDelimitationItem).u32(0),
                12,
                Tag.SequenceDelimitationItem);
    }

    @Test
    void itemDelimiterAtTopLevelEndsTheDataset() throws IOException {
        // dcmtk and pydicom both stop reading there without complaint; so do we, keeping what came before.
        byte[] b = new Bytes()
                .raw(explicitLE().get())
                .raw(PATIENT_ID.get())
                .tag(Tag.ItemDelimitationItem)
                .u32(0)
                .shortHeader(Tag.StudyID, "SH", 2)
                .ascii("42")
                .get();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b))) {
            Attributes ds = in.readDataset();
            assertEquals("ID01", ds.getString(Tag.PatientID));
            assertEquals(1, ds.size());
        }
    }

    @Test
    void somethingElseThanAnItemInASequence() {
        assertRefusedAfter(
                explicitLE(),
                b -> b.longHeader(Tag.ReferencedSeriesSequence, "SQ", UNDEFINED).raw(PATIENT_ID.get()),
                12,
                Tag.ReferencedSeriesSequence);
    }

    @Test
    void itemLongerThanItsSequence() {
        byte[] start = explicitLE().get();
        byte[] item = PATIENT_ID.get();
        byte[] b = new Bytes()
                .raw(start)
                .longHeader(Tag.ReferencedSeriesSequence, "SQ", 8 + item.length - 4)
                .tag(Tag.Item)
                .u32(item.length)
                .raw(item)
                .raw(PATIENT_ID.get())
                .get();
        DicomParseException e = refused(b);
        assertEquals(Tag.ReferencedSeriesSequence, e.tag(), e.getMessage());
    }

    @Test
    void fragmentWithUndefinedLength() {
        assertRefusedAfter(
                part10("1.2.840.10008.1.2.4.50"),
                b -> b.longHeader(Tag.PixelData, "OB", UNDEFINED)
                        .tag(Tag.Item)
                        .u32(0)
                        .tag(Tag.Item)
                        .u32(UNDEFINED)
                        .filler(16),
                20,
                Tag.PixelData);
    }

    @Test
    void fragmentsWithoutSequenceDelimiter() {
        byte[] start = part10("1.2.840.10008.1.2.4.50").get();
        byte[] b = new Bytes()
                .raw(start)
                .longHeader(Tag.PixelData, "OB", UNDEFINED)
                .tag(Tag.Item)
                .u32(0)
                .tag(Tag.Item)
                .u32(4)
                .filler(4)
                .get();
        DicomParseException e = refused(b);
        assertEquals(Tag.PixelData, e.tag(), e.getMessage());
    }

    @Test
    void bigEndianBareDatasetTruncated() {
        byte[] b = new Bytes(true)
                .shortHeader(Tag.PatientName, "PN", 10)
                .ascii("Doe^")
                .get();
        DicomParseException e = assertThrows(DicomParseException.class, () -> {
            try (DicomInputStream in =
                    new DicomInputStream(new ByteArrayInputStream(b), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)) {
                in.readDataset();
            }
        });
        assertWhere(e, 8, Tag.PatientName);
    }

    @Test
    void wellFormedInputStillReads() throws IOException {
        // The builders above make valid input when nothing is broken: guards the failures above against false passes.
        byte[] b = new Bytes()
                .raw(explicitLE().get())
                .raw(PATIENT_ID.get())
                .longHeader(Tag.ReferencedSeriesSequence, "SQ", UNDEFINED)
                .tag(Tag.Item)
                .u32(UNDEFINED)
                .shortHeader(Tag.StudyID, "SH", 2)
                .ascii("42")
                .tag(Tag.ItemDelimitationItem)
                .u32(0)
                .tag(Tag.SequenceDelimitationItem)
                .u32(0)
                .get();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b))) {
            Attributes ds = in.readDataset();
            assertEquals("ID01", ds.getString(Tag.PatientID));
            assertEquals("42", ds.getNestedDataset(Tag.ReferencedSeriesSequence).getString(Tag.StudyID));
        }
    }
}
