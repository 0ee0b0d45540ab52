package org.opendicomweb.stow;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.charset.SpecificCharacterSet;
import org.opendicomweb.dicom.io.DicomOutputStream;

/**
 * Turns one dataset of a metadata-and-bulk-data request (DICOM JSON or XML, PS3.18 §10.5.1.4) and the bulk data
 * parts it references into a Part 10 file: File Meta Information with the dataset's SOP Class and Instance, our
 * Implementation Class UID, Explicit VR Little Endian, and the dataset with each BulkDataURI replaced by the bytes
 * of its part. Only uncompressed bulk data is taken: compressed pixel data would need its Transfer Syntax,
 * fragments and the Image Pixel module checked against the image, which this server does not do (0xC122).
 */
final class InstanceAssembler {
    private static final String OCTET_STREAM = "application/octet-stream";

    private InstanceAssembler() {}

    /** A BulkDataURI found in a dataset, with the path of its attribute for messages. */
    record Reference(String path, int tag, String uri) {}

    /** Why a dataset cannot become a file, as a failure reason and words. */
    record Problem(FailureReason reason, String detail) {}

    /** Every BulkDataURI of the dataset, nested items included. */
    static List<Reference> references(Attributes ds) {
        List<Reference> out = new ArrayList<>();
        collect(ds, "", out);
        return out;
    }

    private static void collect(Attributes ds, String path, List<Reference> out) {
        for (int i = 0; i < ds.size(); i++) {
            Object v = ds.valueAt(i);
            int tag = ds.tagAt(i);
            if (v instanceof BulkData bd && bd.uri() != null) {
                out.add(new Reference(path + Tag.toString(tag), tag, bd.uri()));
            } else if (v instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    collect(seq.get(k), path + Tag.toString(tag) + "[" + (k + 1) + "]/", out);
                }
            }
        }
    }

    /**
     * Readies the dataset for {@link #write}: drops File Meta elements (ours replace them), points each
     * BulkDataURI at its spooled part, and makes sure every text can be encoded. Every reference must have a
     * part by now. Returns what stops the dataset from becoming a file, or null.
     */
    static Problem prepare(Attributes ds, BulkDataParts parts) {
        String declared = ds.getString(Tag.TransferSyntaxUID);
        if (declared != null && TransferSyntax.of(Uids.normalise(declared)).encapsulated()) {
            return new Problem(
                    FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED,
                    "the metadata declares the compressed " + "Transfer Syntax " + declared
                            + " (0002,0010); only uncompressed bulk data is supported");
        }
        while (ds.size() > 0 && Tag.group(ds.tagAt(0)) == 0x0002) {
            ds.remove(ds.tagAt(0));
        }
        Problem problem = resolve(ds, "", parts);
        if (problem != null) {
            return problem;
        }
        if (!encodable(ds, SpecificCharacterSet.valueOf(ds.getStrings(Tag.SpecificCharacterSet)))) {
            // JSON and XML carry Unicode; text the declared character set cannot hold would turn into '?'.
            ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
            removeNestedCharacterSets(ds);
        }
        return null;
    }

    private static Problem resolve(Attributes ds, String path, BulkDataParts parts) {
        for (int i = 0; i < ds.size(); i++) {
            Object v = ds.valueAt(i);
            int tag = ds.tagAt(i);
            if (v instanceof BulkData bd && bd.uri() != null) {
                BulkDataParts.Spooled part = parts.find(bd.uri());
                String where = path + Tag.toString(tag);
                if (part == null) {
                    return new Problem(
                            FailureReason.CANNOT_UNDERSTAND,
                            "BulkDataURI " + bd.uri() + " of " + where
                                    + " names no part of the request (no Content-Location or Content-ID matches it)");
                }
                Problem type = checkType(part, tag, where);
                if (type != null) {
                    return type;
                }
                ds.setValue(tag, ds.vrAt(i), new BulkData(bd.uri(), 0, part.length, false));
            } else if (v instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    Problem p = resolve(seq.get(k), path + Tag.toString(tag) + "[" + (k + 1) + "]/", parts);
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Bulk data must be uncompressed little endian bytes (application/octet-stream); an Encapsulated Document
     * (0042,0011) is the document itself in its own media type (PS3.18 §10.5.1.4), so any type will do there.
     */
    private static Problem checkType(BulkDataParts.Spooled part, int tag, String where) {
        if (tag == Tag.EncapsulatedDocument || part.type == null) {
            return null;
        }
        if (!part.type.is(OCTET_STREAM)) {
            return new Problem(
                    FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED,
                    "the bulk data of " + where + " (part "
                            + part.partNumber + ") is " + part.type.essence() + "; only uncompressed bulk data sent as "
                            + OCTET_STREAM + " is supported");
        }
        String syntax = part.type.parameter("transfer-syntax");
        if (syntax != null && !syntax.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid())) {
            return new Problem(
                    FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED,
                    "the bulk data of " + where + " (part "
                            + part.partNumber + ") declares transfer-syntax=" + syntax
                            + "; only uncompressed (Explicit VR "
                            + "Little Endian) bulk data is supported");
        }
        return null;
    }

    /** Whether every text value can be written in the character set in force where it is. */
    private static boolean encodable(Attributes ds, SpecificCharacterSet cs) {
        for (int i = 0; i < ds.size(); i++) {
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                for (Attributes item : seq) {
                    String[] own = item.getStrings(Tag.SpecificCharacterSet);
                    if (!encodable(item, own == null ? cs : SpecificCharacterSet.valueOf(own))) {
                        return false;
                    }
                }
            } else if (ds.vrAt(i).usesSpecificCharacterSet()) {
                String[] texts = v instanceof String s ? new String[] {s} : v instanceof String[] a ? a : new String[0];
                for (String text : texts) {
                    if (!isAscii(text) && !cs.canEncode(text)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static void removeNestedCharacterSets(Attributes ds) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (Attributes item : seq) {
                    item.remove(Tag.SpecificCharacterSet);
                    removeNestedCharacterSets(item);
                }
            }
        }
    }

    /** The Part 10 file of a {@link #prepare prepared} dataset, bulk data streamed from its parts. */
    static void write(Attributes ds, BulkDataParts parts, OutputStream out) throws IOException {
        Attributes fmi = DicomOutputStream.createFileMetaInformation(
                Uids.normalise(ds.getString(Tag.SOPClassUID)),
                Uids.normalise(ds.getString(Tag.SOPInstanceUID)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        DicomOutputStream dos = new DicomOutputStream(out);
        dos.setBulkDataSource(bd -> {
            BulkDataParts.Spooled part = parts.find(bd.uri());
            if (part == null) {
                throw new IOException("no spooled part for " + bd.uri());
            }
            return part.open();
        });
        dos.writeFileMetaInformation(fmi);
        dos.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        dos.flush();
    }
}
