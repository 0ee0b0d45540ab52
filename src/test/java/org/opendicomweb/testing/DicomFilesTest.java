package org.opendicomweb.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;

/** The fixture builder makes what it says, in every syntax, and dcmdump finds nothing wrong with it. */
class DicomFilesTest {

    private static Attributes read(byte[] file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            return in.readDataset();
        }
    }

    private static int pixel(byte[] file, Attributes ds, int index) throws IOException {
        BulkData bd = (BulkData) ds.getValue(Tag.PixelData);
        byte[] b = new byte[2];
        try (InputStream in = new ByteArrayInputStream(file, (int) bd.offset() + index * 2, 2)) {
            in.readNBytes(b, 0, 2);
        }
        return (int) Endianness.raw(b, 0, 2, bd.bigEndian());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void ctImageInEachNativeSyntax(String tsUid) throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage()
                .patient("Doe^Jane", "PID-7")
                .study("1.2.826.0.1.3680043.10.1", LocalDate.of(2026, 11, 23))
                .series("1.2.826.0.1.3680043.10.1.1", 3)
                .instance("1.2.826.0.1.3680043.10.1.1.1", 5)
                .size(4, 6)
                .transferSyntax(TransferSyntax.of(tsUid));
        byte[] file = b.toBytes();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            assertEquals(tsUid, in.readFileMetaInformation().getString(Tag.TransferSyntaxUID));
            Attributes ds = in.readDataset();
            assertEquals(UID.CTImageStorage, ds.getString(Tag.SOPClassUID));
            assertEquals("1.2.826.0.1.3680043.10.1.1.1", ds.getString(Tag.SOPInstanceUID));
            assertEquals("Doe^Jane", ds.getString(Tag.PatientName));
            assertEquals("PID-7", ds.getString(Tag.PatientID));
            assertEquals("20261123", ds.getString(Tag.StudyDate));
            assertEquals(3, ds.getInt(Tag.SeriesNumber, -1));
            assertEquals(5, ds.getInt(Tag.InstanceNumber, -1));
            assertEquals(4, ds.getInt(Tag.Rows, -1));
            assertEquals(6, ds.getInt(Tag.Columns, -1));
            assertEquals(VR.OW, ds.vrOf(Tag.PixelData));
            Object px = ds.getValue(Tag.PixelData);
            if (TransferSyntax.of(tsUid).deflated()) {
                byte[] b2 = (byte[]) px;
                assertEquals(4 * 6 * 2, b2.length);
                assertEquals(
                        DicomFiles.expectedPixel(0, 3, 5, 12), (int) Endianness.raw(b2, (3 * 6 + 5) * 2, 2, false));
            } else {
                assertEquals(4 * 6 * 2, ((BulkData) px).length());
                assertEquals(DicomFiles.expectedPixel(0, 3, 5, 12), pixel(file, ds, 3 * 6 + 5));
            }
        }
    }

    @Test
    void sameInputsGiveTheSameBytes() {
        DicomFiles.Builder b =
                DicomFiles.ctImage().studyUid("1.2.3").seriesUid("1.2.3.4").sopInstanceUid("1.2.3.4.5");
        assertArrayEquals(b.toBytes(), b.toBytes());
    }

    @Test
    void uidsAreMadeWhenNotGivenAndKeptAfterwards() throws IOException {
        DicomFiles.Builder b = DicomFiles.ctImage();
        Attributes ds = read(b.toBytes());
        assertTrue(ds.getString(Tag.StudyInstanceUID).startsWith("2.25."));
        assertEquals(b.studyInstanceUid(), ds.getString(Tag.StudyInstanceUID));
        assertEquals(b.sopInstanceUid(), read(b.toBytes()).getString(Tag.SOPInstanceUID));
    }

    @Test
    void multiFrameWithFrameIncrementPointer() throws IOException {
        byte[] file = DicomFiles.multiFrame(3).size(2, 2).explicitBigEndian().toBytes();
        Attributes ds = read(file);
        assertEquals(UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage, ds.getString(Tag.SOPClassUID));
        assertEquals(3, ds.getInt(Tag.NumberOfFrames, -1));
        assertEquals(Tag.FrameTime, ds.getInt(Tag.FrameIncrementPointer, -1));
        assertEquals("00181063", ds.getString(Tag.FrameIncrementPointer));
        assertEquals(DicomFiles.expectedPixel(2, 1, 0, 12), pixel(file, ds, 2 * 4 + 2));
    }

    @Test
    void eightBitMultiFrameIsByteSecondaryCapture() throws IOException {
        Attributes ds =
                read(DicomFiles.multiFrame(2).bitsAllocated(8).size(3, 3).toBytes());
        assertEquals(UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage, ds.getString(Tag.SOPClassUID));
        assertEquals(VR.OB, ds.vrOf(Tag.PixelData));
        assertEquals(18, ((BulkData) ds.getValue(Tag.PixelData)).length());
    }

    @Test
    void encapsulatedHasOneFragmentPerFrame() throws IOException {
        Attributes ds = read(
                DicomFiles.multiFrame(3).size(4, 4).encapsulatedUncompressed().toBytes());
        Fragments f = assertInstanceOf(Fragments.class, ds.getValue(Tag.PixelData));
        assertEquals(4, f.size());
        assertEquals(0, f.lengthOf(0));
        assertEquals(32, f.lengthOf(3));
    }

    @Test
    void unicodeNameSetsUtf8() throws IOException {
        Attributes ds = read(DicomFiles.ctImage().patientName("Müller^Zoë").toBytes());
        assertEquals("ISO_IR 192", ds.getString(Tag.SpecificCharacterSet));
        assertEquals("Müller^Zoë", ds.getString(Tag.PatientName));
    }

    @Test
    void extraElementsSequencesAndRemovals() throws IOException {
        Attributes ds = read(DicomFiles.ctImage()
                .with(Tag.BodyPartExamined, VR.CS, "CHEST")
                .withInt(Tag.AcquisitionNumber, VR.IS, 2)
                .withSequence(
                        Tag.ReferencedImageSequence,
                        item -> item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.1"),
                        item -> item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.2"))
                .without(Tag.PatientBirthDate)
                .toBytes());
        assertEquals("CHEST", ds.getString(Tag.BodyPartExamined));
        assertEquals(2, ds.getInt(Tag.AcquisitionNumber, -1));
        assertEquals(
                "1.2.3.2", ds.getSequence(Tag.ReferencedImageSequence).get(1).getString(Tag.ReferencedSOPInstanceUID));
        assertTrue(!ds.contains(Tag.PatientBirthDate));
    }

    @Test
    @UsesTools
    void dcmdumpFindsNothingWrong(@TempDir Path dir) throws IOException {
        RequiredTools.require(Tool.DCMTK);
        Map<String, DicomFiles.Builder> files = Map.of(
                "explicit.dcm", DicomFiles.ctImage(),
                "implicit.dcm", DicomFiles.ctImage().implicitLittleEndian(),
                "big.dcm", DicomFiles.multiFrame(2).explicitBigEndian(),
                "deflated.dcm", DicomFiles.ctImage().patientName("Müller^Zoë").deflated(),
                "encapsulated.dcm",
                        DicomFiles.multiFrame(2).bitsAllocated(8).size(3, 3).encapsulatedUncompressed());
        List<Path> paths = new ArrayList<>();
        for (var e : files.entrySet()) {
            paths.add(e.getValue().writeTo(dir.resolve(e.getKey())));
        }
        Map<Path, Dcmtk.Result> results = Dcmtk.dcmdumpEach(paths);
        for (Path p : paths) {
            assertEquals(
                    Map.of(p.getFileName().toString(), java.util.Set.of()),
                    Map.of(p.getFileName().toString(), results.get(p).problems()));
        }
        assertTrue(Files.size(paths.get(0)) > 0);
    }
}
