package org.opendicomweb.dicom.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.charset.SpecificCharacterSet;

/**
 * Writes Part 10 files (PS3.10 §7.1) and bare datasets in the native transfer syntaxes, converting byte order
 * and VR encoding on the way, so writing a dataset read in one syntax transcodes it to another. Encapsulated
 * pixel data passes through fragment by fragment; a deferred fragment is made when it is reached. Sequences and
 * items are written with undefined length, which needs no look-ahead; group length elements of the dataset
 * (retired) are dropped.
 */
public final class DicomOutputStream implements Closeable {
    /** Our Implementation Class UID (PS3.7 §D.3.3.2), under the UUID-derived 2.25 root. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.151924834196497839225637284163302906118";

    public static final String IMPLEMENTATION_VERSION_NAME = "OPENDICOMWEB01";

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private final OutputStream target;
    private OutputStream out;
    private BulkDataSource bulkDataSource;
    private boolean explicit = true;
    private boolean bigEndian;
    private final byte[] header = new byte[12];

    public DicomOutputStream(OutputStream out) {
        this.target = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 64 * 1024);
        this.out = target;
    }

    /** Where {@link BulkData} values are read from; required when the dataset holds any. */
    public void setBulkDataSource(BulkDataSource source) {
        this.bulkDataSource = source;
    }

    /** File Meta Information for a new file in syntax {@code tsUid}. */
    public static Attributes createFileMetaInformation(String sopClassUid, String sopInstanceUid, String tsUid) {
        Attributes fmi = new Attributes(false, 8);
        fmi.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        fmi.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        fmi.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        fmi.setString(Tag.TransferSyntaxUID, VR.UI, tsUid);
        fmi.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        fmi.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return fmi;
    }

    /** Preamble, "DICM" and group 0002 in explicit VR little endian with a correct group length. */
    public void writeFileMetaInformation(Attributes fmi) throws IOException {
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        explicit = true;
        bigEndian = false;
        long groupLength = 0;
        for (int i = 0; i < fmi.size(); i++) {
            int tag = fmi.tagAt(i);
            if (Tag.group(tag) == 2 && tag != Tag.FileMetaInformationGroupLength) {
                groupLength += (fmi.vrAt(i).longHeader() ? 12 : 8) + encodedLength(fmi, i);
            }
        }
        writeHeader(Tag.FileMetaInformationGroupLength, VR.UL, 4);
        byte[] len = new byte[4];
        Endianness.putRaw(len, 0, groupLength, 4, false);
        out.write(len);
        for (int i = 0; i < fmi.size(); i++) {
            int tag = fmi.tagAt(i);
            if (Tag.group(tag) == 2 && tag != Tag.FileMetaInformationGroupLength) {
                writeElement(fmi, i);
            }
        }
    }

    /** Writes the dataset (without group 0002) in {@code ts}; must be a native syntax or keep fragments as they are. */
    public void writeDataset(Attributes ds, TransferSyntax ts) throws IOException {
        explicit = ts.explicitVR();
        bigEndian = ts.bigEndian();
        if (ts.deflated()) {
            out = new DeflaterOutputStream(target, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 64 * 1024);
        }
        writeElements(ds, true);
        if (out != target) {
            ((DeflaterOutputStream) out).finish();
            out = target;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    public void flush() throws IOException {
        out.flush();
    }

    private void writeElements(Attributes ds, boolean topLevel) throws IOException {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (Tag.isGroupLength(tag) || (topLevel && Tag.group(tag) == 2)) {
                continue;
            }
            writeElement(ds, i);
        }
    }

    private void writeElement(Attributes ds, int i) throws IOException {
        int tag = ds.tagAt(i);
        VR vr = ds.vrAt(i);
        Object v = ds.valueAt(i);
        if (v instanceof Sequence seq) {
            writeHeader(tag, VR.SQ, UNDEFINED);
            for (Attributes item : seq) {
                writeHeader(Tag.Item, null, UNDEFINED);
                writeElements(item, false);
                writeHeader(Tag.ItemDelimitationItem, null, 0);
            }
            writeHeader(Tag.SequenceDelimitationItem, null, 0);
        } else if (v instanceof Fragments frags) {
            writeHeader(tag, frags.vr(), UNDEFINED);
            for (int k = 0; k < frags.size(); k++) {
                Object f = frags.get(k);
                if (f instanceof Fragments.Deferred deferred) {
                    f = deferred.bytes();
                }
                long len = f instanceof byte[] b ? b.length : frags.lengthOf(k);
                writeHeader(Tag.Item, null, len + (len & 1));
                if (f instanceof byte[] b) {
                    out.write(b);
                } else {
                    copyBulk((BulkData) f, VR.OB, false);
                }
                if ((len & 1) != 0) {
                    out.write(0);
                }
            }
            writeHeader(Tag.SequenceDelimitationItem, null, 0);
        } else if (v instanceof BulkData bd) {
            long len = bd.length();
            writeHeader(tag, vr, len + (len & 1));
            copyBulk(bd, vr, bd.bigEndian() != bigEndian && vr.isSwapped());
            if ((len & 1) != 0) {
                out.write(vr.paddingByte());
            }
        } else {
            byte[] b = valueBytes(ds, i);
            VR written = vr;
            if (explicit && !vr.longHeader() && b.length > 0xFFFF) {
                written = VR.UN; // too long for a 16-bit length; UN carries any length (PS3.5 §6.2.2)
            }
            writeHeader(tag, written, b.length + (b.length & 1));
            out.write(b);
            if ((b.length & 1) != 0) {
                out.write(vr.paddingByte());
            }
        }
    }

    private long encodedLength(Attributes ds, int i) {
        byte[] b = valueBytes(ds, i);
        return b.length + (b.length & 1);
    }

    /** The value in the target byte order; strings encoded with the dataset's character set. */
    private byte[] valueBytes(Attributes ds, int i) {
        Object v = ds.valueAt(i);
        VR vr = ds.vrAt(i);
        if (v instanceof byte[] b) {
            if (ds.bigEndian() != bigEndian && vr.isSwapped() && b.length > 0) {
                byte[] copy = b.clone();
                Endianness.swap(copy, 0, copy.length, Endianness.swapWidth(vr));
                return copy;
            }
            return b;
        }
        String[] strings = v instanceof String s ? new String[] {s} : (String[]) v;
        SpecificCharacterSet cs =
                vr.usesSpecificCharacterSet() ? ds.specificCharacterSet() : SpecificCharacterSet.DEFAULT;
        if (strings.length == 1) {
            return cs.encode(strings[0], vr);
        }
        // Each value on its own: ISO 2022 designations return to their initial state at every delimiter
        // (PS3.5 §6.1.2.5.3), which readers rely on when they decode the values separately.
        ByteArrayOutputStream joined = new ByteArrayOutputStream(strings.length * 16);
        for (int k = 0; k < strings.length; k++) {
            if (k > 0) {
                joined.write('\\');
            }
            joined.writeBytes(cs.encode(strings[k], vr));
        }
        return joined.toByteArray();
    }

    private void copyBulk(BulkData bd, VR vr, boolean swap) throws IOException {
        if (bulkDataSource == null) {
            throw new IOException("No bulk data source to read " + bd);
        }
        int width = Endianness.swapWidth(vr);
        byte[] chunk = new byte[64 * 1024 - (64 * 1024 % 8)];
        long left = bd.length();
        try (InputStream in = bulkDataSource.open(bd)) {
            int carry = 0; // bytes kept back so swapping never splits a value across chunks
            while (left > 0) {
                int r = in.read(chunk, carry, (int) Math.min(chunk.length - carry, left));
                if (r < 0) {
                    throw new IOException("Bulk data ended " + left + " bytes early: " + bd);
                }
                left -= r;
                int n = carry + r;
                int whole = swap ? n - n % width : n;
                if (swap) {
                    Endianness.swap(chunk, 0, whole, width);
                }
                out.write(chunk, 0, whole);
                carry = n - whole;
                System.arraycopy(chunk, whole, chunk, 0, carry);
            }
            if (carry > 0) {
                out.write(chunk, 0, carry);
            }
        }
    }

    private void writeHeader(int tag, VR vr, long len) throws IOException {
        Endianness.putRaw(header, 0, Tag.group(tag), 2, bigEndian);
        Endianness.putRaw(header, 2, Tag.element(tag), 2, bigEndian);
        if (vr == null || !explicit) {
            Endianness.putRaw(header, 4, len, 4, bigEndian);
            out.write(header, 0, 8);
        } else if (vr.longHeader()) {
            header[4] = (byte) vr.name().charAt(0);
            header[5] = (byte) vr.name().charAt(1);
            header[6] = 0;
            header[7] = 0;
            Endianness.putRaw(header, 8, len, 4, bigEndian);
            out.write(header, 0, 12);
        } else {
            header[4] = (byte) vr.name().charAt(0);
            header[5] = (byte) vr.name().charAt(1);
            Endianness.putRaw(header, 6, len, 2, bigEndian);
            out.write(header, 0, 8);
        }
    }
}
