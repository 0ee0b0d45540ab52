package org.opendicomweb.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/**
 * Public elements sent as UN in explicit VR (PS3.5 §6.2.2) are read with their dictionary VR, values taken as
 * implicit VR little endian has them; what does not fit that VR, and private elements, stay UN.
 */
class UnknownVrElementsTest {
    private static final Path RTDOSE = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/rtdose_rle.dcm");

    /** Explicit VR little endian elements, by hand. */
    private static final class Elements {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Elements un(int tag, byte[] value) {
            header(tag);
            out.writeBytes(new byte[] {'U', 'N', 0, 0});
            u32(value.length);
            out.writeBytes(value);
            return this;
        }

        Elements un(int tag, String value) {
            return un(tag, value.getBytes(StandardCharsets.US_ASCII));
        }

        private void header(int tag) {
            u16(tag >>> 16);
            u16(tag & 0xFFFF);
        }

        private void u16(int v) {
            out.write(v);
            out.write(v >>> 8);
        }

        private void u32(int v) {
            u16(v & 0xFFFF);
            u16(v >>> 16);
        }

        Attributes read() throws IOException {
            try (DicomInputStream in = new DicomInputStream(
                    new ByteArrayInputStream(out.toByteArray()), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                return in.readDataset();
            }
        }
    }

    /** An implicit VR little endian item holding one element. */
    private static byte[] implicitItem(int tag, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] header = {0xFFFE, 0xE000};
        for (int h : header) {
            out.write(h);
            out.write(h >>> 8);
        }
        int len = 8 + v.length;
        out.writeBytes(new byte[] {(byte) len, (byte) (len >>> 8), (byte) (len >>> 16), (byte) (len >>> 24)});
        out.writeBytes(new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8)});
        out.writeBytes(new byte[] {(byte) v.length, (byte) (v.length >>> 8), 0, 0});
        out.writeBytes(v);
        return out.toByteArray();
    }

    @Test
    void publicTextElementSentAsUnIsReadWithItsDictionaryVr() throws IOException {
        Attributes ds = new Elements()
                .un(Tag.StudyDate, "20030805")
                .un(Tag.SOPInstanceUID, "1.2.3.4\0")
                .read();
        assertEquals(VR.DA, ds.vrOf(Tag.StudyDate));
        assertEquals(VR.UI, ds.vrOf(Tag.SOPInstanceUID));
        assertEquals("1.2.3.4", ds.getString(Tag.SOPInstanceUID));
    }

    @Test
    void publicBinaryElementSentAsUnIsReadLittleEndian() throws IOException {
        Attributes ds = new Elements()
                .un(Tag.FrameIncrementPointer, new byte[] {0x04, 0x30, 0x0C, 0x00})
                .un(Tag.Rows, new byte[] {0x00, 0x02})
                .read();
        assertEquals(VR.AT, ds.vrOf(Tag.FrameIncrementPointer));
        assertEquals(Tag.GridFrameOffsetVector, ds.getInt(Tag.FrameIncrementPointer, 0));
        assertEquals(VR.US, ds.vrOf(Tag.Rows));
        assertEquals(512, ds.getInt(Tag.Rows, 0));
    }

    @Test
    void publicSequenceSentAsUnOfDefinedLengthIsReadAsImplicitItems() throws IOException {
        Attributes ds = new Elements()
                .un(Tag.ReferencedRTPlanSequence, implicitItem(Tag.ReferencedSOPInstanceUID, "1.2.5\0"))
                .read();
        assertEquals(VR.SQ, ds.vrOf(Tag.ReferencedRTPlanSequence));
        Sequence items = ds.getSequence(Tag.ReferencedRTPlanSequence);
        assertEquals(1, items.size());
        assertEquals(VR.UI, items.get(0).vrOf(Tag.ReferencedSOPInstanceUID));
        assertEquals("1.2.5", items.get(0).getString(Tag.ReferencedSOPInstanceUID));
    }

    @Test
    void valueSentAsUnLargerThanTheBulkDataThresholdStaysUnAndIsNotHeld() throws IOException {
        String description = "x".repeat(DicomInputStream.DEFAULT_BULK_DATA_THRESHOLD + 2);
        byte[] sequence = implicitItem(
                Tag.ReferencedSOPInstanceUID, "1." + "2".repeat(DicomInputStream.DEFAULT_BULK_DATA_THRESHOLD));
        Attributes ds = new Elements()
                .un(Tag.StudyDescription, description)
                .un(Tag.ReferencedRTPlanSequence, sequence)
                .read();
        assertEquals(VR.UN, ds.vrOf(Tag.StudyDescription));
        assertEquals(VR.UN, ds.vrOf(Tag.ReferencedRTPlanSequence));
        assertTrue(ds.getValue(Tag.ReferencedRTPlanSequence) instanceof BulkData, "streamed, not held");
    }

    @Test
    void valueThatDoesNotFitTheDictionaryVrStaysUn() throws IOException {
        byte[] notASequence = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        byte[] oddRows = {1, 2, 3};
        byte[] binaryUid = {'1', '.', 2, 0x7F, 0x01, '3'};
        Attributes ds = new Elements()
                .un(Tag.SOPInstanceUID, binaryUid)
                .un(Tag.Rows, oddRows)
                .un(Tag.ReferencedRTPlanSequence, notASequence)
                .read();
        assertEquals(VR.UN, ds.vrOf(Tag.SOPInstanceUID));
        assertArrayEquals(binaryUid, (byte[]) ds.getValue(Tag.SOPInstanceUID));
        assertEquals(VR.UN, ds.vrOf(Tag.Rows));
        assertEquals(VR.UN, ds.vrOf(Tag.ReferencedRTPlanSequence));
        assertArrayEquals(notASequence, (byte[]) ds.getValue(Tag.ReferencedRTPlanSequence));
    }

    @Test
    void privateElementSentAsUnStaysUn() throws IOException {
        Attributes ds = new Elements()
                .un(0x00090010, "SIEMENS CT VA0  COAD")
                .un(0x00091001, "text")
                .read();
        assertEquals(VR.UN, ds.vrOf(0x00091001));
    }

    @Test
    @UsesTools
    void fileWrittenWithEveryElementAsUnReadsLikeOneWithItsVrs() throws IOException {
        RequiredTools.require(Tool.PYDICOM_FILES);
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new FileInputStream(RTDOSE.toFile()))) {
            ds = in.readDataset();
        }
        for (int i = 0; i < ds.size(); i++) {
            assertTrue(ds.vrAt(i) != VR.UN, Tag.toString(ds.tagAt(i)) + " is still UN");
        }
        assertEquals("20030805", ds.getString(Tag.StudyDate));
        assertEquals(VR.IS, ds.vrOf(Tag.SeriesNumber));
        assertEquals(VR.DS, ds.vrOf(Tag.GridFrameOffsetVector));
        assertEquals(1, ds.getSequence(Tag.ReferencedRTPlanSequence).size());
    }
}
