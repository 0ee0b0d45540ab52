package org.opendicomweb.wado;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/**
 * What a dataset must say once its pixels were compressed lossily on the way out (PS3.3 §C.7.6.1.1.5): Lossy
 * Image Compression "01", the ratio and method appended to any earlier ones, Image Type DERIVED, and a new SOP
 * Instance UID, since the image is a compressed version of a DICOM image; the stored instance is referenced as
 * its uncompressed predecessor in the Source Image Sequence.
 *
 * <p>The new UID is derived from the stored one and the syntax (a name-based UUID as a 2.25 UID), so asking again
 * gives the same instance rather than a new one each time.
 */
final class LossyDerivation {
    private LossyDerivation() {}

    static void record(Attributes ds, String method, double ratio, String transferSyntaxUid) {
        String sop = ds.getString(Tag.SOPInstanceUID);
        String sopClass = ds.getString(Tag.SOPClassUID);
        ds.setString(Tag.LossyImageCompression, VR.CS, "01");
        ds.setString(
                Tag.LossyImageCompressionRatio,
                VR.DS,
                appended(ds.getStrings(Tag.LossyImageCompressionRatio), String.format(Locale.ROOT, "%.2f", ratio)));
        ds.setString(
                Tag.LossyImageCompressionMethod,
                VR.CS,
                appended(ds.getStrings(Tag.LossyImageCompressionMethod), method));
        String[] imageType = ds.getStrings(Tag.ImageType);
        if (imageType != null && imageType.length > 0) {
            imageType[0] = "DERIVED";
            ds.setString(Tag.ImageType, VR.CS, imageType);
        }
        if (sop != null) {
            ds.setString(Tag.SOPInstanceUID, VR.UI, derivedUid(sop, transferSyntaxUid));
            Sequence sources = ds.getSequence(Tag.SourceImageSequence);
            if (sources == null) {
                sources = ds.newSequence(Tag.SourceImageSequence, 1);
            }
            Attributes source = sources.addItem();
            if (sopClass != null) {
                source.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass);
            }
            source.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sop);
            Attributes purpose =
                    source.newSequence(Tag.PurposeOfReferenceCodeSequence, 1).addItem();
            purpose.setString(Tag.CodeValue, VR.SH, "121320"); // PS3.16 CID 7202
            purpose.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
            purpose.setString(Tag.CodeMeaning, VR.LO, "Uncompressed predecessor");
        }
    }

    /** {@code 2.25.} and the decimal value of a name-based UUID of the stored UID and the syntax (PS3.5 §B.2). */
    static String derivedUid(String sop, String transferSyntaxUid) {
        UUID uuid = UUID.nameUUIDFromBytes((sop + "|" + transferSyntaxUid).getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, bytes);
    }

    private static String[] appended(String[] values, String value) {
        String[] all = values == null ? new String[0] : values;
        all = Arrays.copyOf(all, all.length + 1);
        all[all.length - 1] = value;
        return all;
    }
}
