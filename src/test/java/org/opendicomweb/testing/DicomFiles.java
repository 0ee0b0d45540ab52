package org.opendicomweb.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.BulkDataSource;
import org.opendicomweb.dicom.io.DicomOutputStream;

/**
 * Small, valid Part 10 files made in code with our own writer, for tests that need DICOM input.
 *
 * <pre>{@code
 * byte[] file = DicomFiles.ctImage()
 *         .patient("Doe^Jane", "PID-1")
 *         .study("1.2.3.4", LocalDate.of(2026, 11, 23))
 *         .series("1.2.3.4.1", 1)
 *         .instance("1.2.3.4.1.1", 1)
 *         .size(64, 64)
 *         .implicitLittleEndian()
 *         .toBytes();
 * }</pre>
 *
 * <p>Everything has a fixed default (UIDs excepted, which are new for each builder unless given), so a file built
 * twice with the same UIDs is byte for byte the same. The pixel values follow a fixed pattern
 * ({@link #expectedPixel}), so a test can check pixel data it gets back without keeping the file.
 */
public final class DicomFiles {
    private DicomFiles() {}

    /** A single-frame CT Image (16 bits allocated, 12 stored, MONOCHROME2), 16x16 unless sized. */
    public static Builder ctImage() {
        return new Builder(UID.CTImageStorage, "CT", 1);
    }

    /**
     * A multi-frame grayscale image, Multi-frame Grayscale Word (or, with 8 bits, Byte) Secondary Capture, whose
     * frames differ so frame retrieval can be checked.
     */
    public static Builder multiFrame(int frames) {
        return new Builder(UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage, "OT", frames);
    }

    /** An instance a Key Object Selection references: its study, series, SOP class and SOP instance. */
    public record Reference(String studyUid, String seriesUid, String sopClassUid, String sopUid) {}

    /**
     * A Key Object Selection Document titled ({@code code}, DCM) whose Current Requested Procedure Evidence
     * Sequence lists {@code references}, study by study: with a title of CID 7010, a rejection note (IHE IOCM).
     */
    public static Builder keyObjectSelection(String code, List<Reference> references) {
        return new Builder(UID.KeyObjectSelectionDocumentStorage, "KO", 1)
                .without(Tag.PixelData)
                .without(Tag.Rows)
                .without(Tag.Columns)
                .without(Tag.BitsAllocated)
                .without(Tag.BitsStored)
                .without(Tag.HighBit)
                .without(Tag.PixelRepresentation)
                .without(Tag.SamplesPerPixel)
                .without(Tag.PhotometricInterpretation)
                .edit(ds -> {
                    Attributes title =
                            ds.newSequence(Tag.ConceptNameCodeSequence, 1).addItem();
                    title.setString(Tag.CodeValue, VR.SH, code);
                    title.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
                    title.setString(Tag.CodeMeaning, VR.LO, "title " + code);
                    ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
                    Sequence evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence, 1);
                    for (Reference r : references) {
                        Attributes studyItem = evidence.addItem();
                        studyItem.setString(Tag.StudyInstanceUID, VR.UI, r.studyUid());
                        Attributes seriesItem = studyItem
                                .newSequence(Tag.ReferencedSeriesSequence, 1)
                                .addItem();
                        seriesItem.setString(Tag.SeriesInstanceUID, VR.UI, r.seriesUid());
                        Attributes sop = seriesItem
                                .newSequence(Tag.ReferencedSOPSequence, 1)
                                .addItem();
                        sop.setString(Tag.ReferencedSOPClassUID, VR.UI, r.sopClassUid());
                        sop.setString(Tag.ReferencedSOPInstanceUID, VR.UI, r.sopUid());
                    }
                });
    }

    /**
     * The pixel value that the default pattern puts at ({@code row}, {@code column}) of {@code frame} (all
     * zero-based), masked to the bits stored.
     */
    public static int expectedPixel(int frame, int row, int column, int bitsStored) {
        return (row * 31 + column * 7 + frame * 101) & ((1 << bitsStored) - 1);
    }

    /**
     * Reads {@link org.opendicomweb.dicom.BulkData} references of a dataset read from {@code file} (offsets into the
     * file), for writing such a dataset elsewhere or comparing its values.
     */
    public static BulkDataSource bulkDataOf(Path file) {
        return bd -> {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ch.position(bd.offset());
            return new BufferedInputStream(Channels.newInputStream(ch), 64 * 1024);
        };
    }

    /** Builds one instance; every setter returns the builder. */
    public static final class Builder {
        private String sopClassUid;
        private String modality;
        private int frames;
        private String studyUid;
        private String seriesUid;
        private String instanceUid;
        private String patientName = "Test^Patient";
        private String patientId = "TEST-0001";
        private LocalDate birthDate = LocalDate.of(1970, 1, 1);
        private String sex = "O";
        private LocalDate studyDate = LocalDate.of(2026, 11, 23);
        private LocalTime studyTime = LocalTime.of(9, 30, 0);
        private String accessionNumber = "ACC-0001";
        private String studyId = "1";
        private String studyDescription = "Codec test study";
        private String seriesDescription = "Codec test series";
        private String referringPhysician = "";
        private int seriesNumber = 1;
        private int instanceNumber = 1;
        private String characterSet;
        private int rows = 16;
        private int columns = 16;
        private int bitsAllocated = 16;
        private int bitsStored = 12;
        private byte[] pixelData;
        private TransferSyntax transferSyntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        private boolean encapsulated;
        private final List<Consumer<Attributes>> extras = new ArrayList<>();

        private Builder(String sopClassUid, String modality, int frames) {
            this.sopClassUid = sopClassUid;
            this.modality = modality;
            this.frames = frames;
        }

        // ---- identity ----

        public Builder patient(String name, String id) {
            this.patientName = name;
            this.patientId = id;
            return this;
        }

        public Builder patientName(String name) {
            this.patientName = name;
            return this;
        }

        public Builder patientId(String id) {
            this.patientId = id;
            return this;
        }

        public Builder birthDate(LocalDate date) {
            this.birthDate = date;
            return this;
        }

        public Builder sex(String sex) {
            this.sex = sex;
            return this;
        }

        public Builder study(String studyInstanceUid, LocalDate date) {
            this.studyUid = studyInstanceUid;
            this.studyDate = date;
            return this;
        }

        public Builder studyUid(String uid) {
            this.studyUid = uid;
            return this;
        }

        public Builder studyDate(LocalDate date) {
            this.studyDate = date;
            return this;
        }

        public Builder studyTime(LocalTime time) {
            this.studyTime = time;
            return this;
        }

        public Builder studyDescription(String description) {
            this.studyDescription = description;
            return this;
        }

        public Builder accessionNumber(String accession) {
            this.accessionNumber = accession;
            return this;
        }

        public Builder referringPhysician(String name) {
            this.referringPhysician = name;
            return this;
        }

        public Builder series(String seriesInstanceUid, int number) {
            this.seriesUid = seriesInstanceUid;
            this.seriesNumber = number;
            return this;
        }

        public Builder seriesUid(String uid) {
            this.seriesUid = uid;
            return this;
        }

        public Builder seriesDescription(String description) {
            this.seriesDescription = description;
            return this;
        }

        public Builder modality(String modality) {
            this.modality = modality;
            return this;
        }

        public Builder instance(String sopInstanceUid, int number) {
            this.instanceUid = sopInstanceUid;
            this.instanceNumber = number;
            return this;
        }

        public Builder sopInstanceUid(String uid) {
            this.instanceUid = uid;
            return this;
        }

        public Builder sopClassUid(String uid) {
            this.sopClassUid = uid;
            return this;
        }

        /** Specific Character Set (0008,0005); set to ISO_IR 192 by itself when a value needs more than ASCII. */
        public Builder characterSet(String definedTerm) {
            this.characterSet = definedTerm;
            return this;
        }

        // ---- image ----

        public Builder size(int rows, int columns) {
            this.rows = rows;
            this.columns = columns;
            return this;
        }

        public Builder frames(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("frames must be at least 1");
            }
            this.frames = frames;
            return this;
        }

        /** 8 (stored 8) or 16 (stored 12) bits per pixel. */
        public Builder bitsAllocated(int bits) {
            if (bits != 8 && bits != 16) {
                throw new IllegalArgumentException("8 or 16 bits");
            }
            this.bitsAllocated = bits;
            this.bitsStored = bits == 8 ? 8 : 12;
            return this;
        }

        /** Own pixel data, little endian, instead of the pattern; must hold rows x columns x frames pixels. */
        public Builder pixelData(byte[] littleEndianPixels) {
            this.pixelData = littleEndianPixels.clone();
            return this;
        }

        // ---- encoding ----

        public Builder transferSyntax(TransferSyntax ts) {
            this.transferSyntax = Objects.requireNonNull(ts);
            this.encapsulated = false;
            return this;
        }

        public Builder explicitLittleEndian() {
            return transferSyntax(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }

        public Builder implicitLittleEndian() {
            return transferSyntax(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }

        public Builder explicitBigEndian() {
            return transferSyntax(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        }

        public Builder deflated() {
            return transferSyntax(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        }

        /**
         * Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 §A.4.11): the pixels as they are, one fragment
         * per frame, after an empty Basic Offset Table. Exercises the encapsulated paths without a codec.
         */
        public Builder encapsulatedUncompressed() {
            return encapsulatedAs(UID.EncapsulatedUncompressedExplicitVRLittleEndian);
        }

        /**
         * Wraps the native pixel bytes, one fragment per frame, under an encapsulated syntax: for tests of what
         * happens before any decoding (no decoder, negotiation), since the bytes are not that syntax's codestream.
         */
        public Builder encapsulatedAs(String transferSyntaxUid) {
            this.transferSyntax = TransferSyntax.of(transferSyntaxUid);
            this.encapsulated = true;
            return this;
        }

        // ---- anything else ----

        /** Sets any further element; string VRs take the values as given, several values joined by backslash. */
        public Builder with(int tag, VR vr, String... values) {
            extras.add(ds -> ds.setString(tag, vr, values));
            return this;
        }

        /** Sets a binary integer element (US, SS, UL, SL, AT) or an IS element. */
        public Builder withInt(int tag, VR vr, int... values) {
            extras.add(ds -> ds.setInt(tag, vr, values));
            return this;
        }

        /** Adds a sequence with one item per filler; each filler sets that item's elements. */
        @SafeVarargs
        public final Builder withSequence(int tag, Consumer<Attributes>... items) {
            extras.add(ds -> {
                Sequence seq = ds.newSequence(tag, items.length);
                for (Consumer<Attributes> item : items) {
                    item.accept(seq.addItem());
                }
            });
            return this;
        }

        /** Removes an element the builder would otherwise write (to make incomplete instances). */
        public Builder without(int tag) {
            extras.add(ds -> ds.remove(tag));
            return this;
        }

        /** Any change to the finished dataset, applied last. */
        public Builder edit(Consumer<Attributes> change) {
            extras.add(change);
            return this;
        }

        // ---- results ----

        public String studyInstanceUid() {
            return studyUid == null ? studyUid = Uids.generate() : studyUid;
        }

        public String seriesInstanceUid() {
            return seriesUid == null ? seriesUid = Uids.generate() : seriesUid;
        }

        public String sopInstanceUid() {
            return instanceUid == null ? instanceUid = Uids.generate() : instanceUid;
        }

        public TransferSyntax syntax() {
            return transferSyntax;
        }

        /** The dataset, without File Meta Information, as it will be written. */
        public Attributes dataset() {
            Attributes ds = new Attributes(false, 64);
            String charset = characterSet != null ? characterSet : needsUnicode() ? "ISO_IR 192" : null;
            if (charset != null) {
                ds.setString(Tag.SpecificCharacterSet, VR.CS, charset);
            }
            ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            String sopClass =
                    bitsAllocated == 8 && sopClassUid.equals(UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage)
                            ? UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage
                            : sopClassUid;
            ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
            ds.setString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid());
            ds.setString(Tag.StudyDate, VR.DA, da(studyDate));
            ds.setString(Tag.SeriesDate, VR.DA, da(studyDate));
            ds.setString(Tag.ContentDate, VR.DA, da(studyDate));
            ds.setString(Tag.StudyTime, VR.TM, tm(studyTime));
            ds.setString(Tag.ContentTime, VR.TM, tm(studyTime));
            ds.setString(Tag.AccessionNumber, VR.SH, accessionNumber);
            ds.setString(Tag.Modality, VR.CS, modality);
            ds.setString(Tag.Manufacturer, VR.LO, "OpenDICOMweb tests");
            ds.setString(Tag.ReferringPhysicianName, VR.PN, referringPhysician);
            ds.setString(Tag.StudyDescription, VR.LO, studyDescription);
            ds.setString(Tag.SeriesDescription, VR.LO, seriesDescription);
            ds.setString(Tag.PatientName, VR.PN, patientName);
            ds.setString(Tag.PatientID, VR.LO, patientId);
            ds.setString(Tag.PatientBirthDate, VR.DA, birthDate == null ? "" : da(birthDate));
            ds.setString(Tag.PatientSex, VR.CS, sex);
            if (sopClassUid.equals(UID.CTImageStorage)) {
                ds.setString(Tag.SliceThickness, VR.DS, "1.25");
                ds.setString(Tag.KVP, VR.DS, "120");
            }
            ds.setString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid());
            ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesInstanceUid());
            ds.setString(Tag.StudyID, VR.SH, studyId);
            ds.setInt(Tag.SeriesNumber, VR.IS, seriesNumber);
            ds.setInt(Tag.InstanceNumber, VR.IS, instanceNumber);
            if (sopClassUid.equals(UID.CTImageStorage)) {
                ds.setString(Tag.ImagePositionPatient, VR.DS, "-125", "-125", Integer.toString(-instanceNumber));
                ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
                ds.setString(Tag.FrameOfReferenceUID, VR.UI, studyInstanceUid() + ".0");
            }
            ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
            ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            if (frames > 1 || !sopClassUid.equals(UID.CTImageStorage)) {
                ds.setInt(Tag.NumberOfFrames, VR.IS, frames);
                ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
                ds.setString(Tag.FrameTime, VR.DS, "40");
            }
            ds.setInt(Tag.Rows, VR.US, rows);
            ds.setInt(Tag.Columns, VR.US, columns);
            if (sopClassUid.equals(UID.CTImageStorage)) {
                ds.setString(Tag.PixelSpacing, VR.DS, "0.5", "0.5");
            }
            ds.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
            ds.setInt(Tag.BitsStored, VR.US, bitsStored);
            ds.setInt(Tag.HighBit, VR.US, bitsStored - 1);
            ds.setInt(Tag.PixelRepresentation, VR.US, 0);
            if (sopClassUid.equals(UID.CTImageStorage)) {
                ds.setString(Tag.WindowCenter, VR.DS, "40");
                ds.setString(Tag.WindowWidth, VR.DS, "400");
                ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
                ds.setString(Tag.RescaleSlope, VR.DS, "1");
                ds.setString(Tag.RescaleType, VR.LO, "HU");
            }
            byte[] pixels = pixels();
            VR pixelVr = bitsAllocated == 8 ? VR.OB : VR.OW;
            if (encapsulated) {
                Fragments frags = ds.newFragments(Tag.PixelData, VR.OB, frames + 1);
                frags.add(new byte[0]);
                int frameLength = pixels.length / frames;
                for (int f = 0; f < frames; f++) {
                    byte[] frame = new byte[frameLength];
                    System.arraycopy(pixels, f * frameLength, frame, 0, frameLength);
                    frags.add(frame);
                }
            } else {
                ds.setBytes(Tag.PixelData, pixelVr, pixels);
            }
            for (Consumer<Attributes> extra : extras) {
                extra.accept(ds);
            }
            return ds;
        }

        public Attributes fileMetaInformation() {
            Attributes ds = dataset();
            return DicomOutputStream.createFileMetaInformation(
                    ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID), transferSyntax.uid());
        }

        /** The Part 10 file. */
        public byte[] toBytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(rows * columns * frames * bitsAllocated / 8 + 2048);
            writeTo(out);
            return out.toByteArray();
        }

        public void writeTo(OutputStream out) {
            Attributes ds = dataset();
            Attributes fmi = DicomOutputStream.createFileMetaInformation(
                    ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID), transferSyntax.uid());
            try {
                DicomOutputStream dos = new DicomOutputStream(out);
                dos.writeFileMetaInformation(fmi);
                dos.writeDataset(ds, transferSyntax);
                dos.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the file, creating parent folders; returns {@code file}. */
        public Path writeTo(Path file) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.write(file, toBytes());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean needsUnicode() {
            for (String s :
                    new String[] {patientName, patientId, studyDescription, seriesDescription, referringPhysician}) {
                if (s != null && !s.chars().allMatch(c -> c < 0x80)) {
                    return true;
                }
            }
            return false;
        }

        private byte[] pixels() {
            int bytesPerPixel = bitsAllocated / 8;
            int length = rows * columns * frames * bytesPerPixel;
            if (pixelData != null) {
                if (pixelData.length != length) {
                    throw new IllegalStateException(
                            "pixel data has " + pixelData.length + " bytes, expected " + length);
                }
                return pixelData.clone();
            }
            byte[] b = new byte[length];
            int p = 0;
            for (int f = 0; f < frames; f++) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        int v = expectedPixel(f, r, c, bitsStored);
                        b[p++] = (byte) v;
                        if (bytesPerPixel == 2) {
                            b[p++] = (byte) (v >>> 8);
                        }
                    }
                }
            }
            return b;
        }

        private static String da(LocalDate d) {
            return d.format(DateTimeFormatter.BASIC_ISO_DATE);
        }

        private static String tm(LocalTime t) {
            return t.format(DateTimeFormatter.ofPattern("HHmmss"));
        }
    }
}
