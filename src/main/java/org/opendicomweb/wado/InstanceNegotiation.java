package org.opendicomweb.wado;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.imaging.FrameDecoders;
import org.opendicomweb.imaging.FrameEncoders;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * Which transfer syntax each instance is sent in, from the Accept header of a study, series or instance
 * retrieve (PS3.18 §8.7.3, §10.4.1.1.1).
 *
 * <ul>
 * <li>Acceptable ranges are {@code multipart/related; type="application/dicom"} (the type may be unquoted or
 *     absent) and wildcards covering it ({@code *}{@code /*}, {@code multipart/*}); they are tried in q-order, per
 *     instance. {@code application/zip}, named as such, asks for the same files in one ZIP archive; whichever of
 *     the two containers comes first in q-order is used, with the transfer-syntax parameters of its ranges.</li>
 * <li>No transfer-syntax parameter means Explicit VR Little Endian (§8.7.3.5.2); {@code transfer-syntax=*} means
 *     the stored syntax, except Implicit VR Little Endian and Explicit VR Big Endian, which never go over the
 *     web and are sent as Explicit VR Little Endian.</li>
 * <li>A stored syntax is sent unchanged when it is the one asked for; the native syntaxes transcode into one
 *     another; a compressed syntax that {@link FrameDecoders} can decode is decompressed into the native syntax
 *     asked for (the default included); a compressed syntax named by the client that {@link FrameEncoders} can
 *     encode is made from native or decodable pixels.</li>
 * <li>A compressed instance without a decoder is left out (206) or, when nothing can be sent, the request is
 *     refused (406); except that, when no transfer syntax was named and the stored syntax is a lossy one, it is
 *     sent as stored, which §8.7.3.4 (note 2) permits an origin server that has the pixels only in lossy
 *     compressed form.</li>
 * </ul>
 */
final class InstanceNegotiation {
    static final String APPLICATION_DICOM = "application/dicom";
    private static final String ANY = "*";
    /**
     * Syntaxes whose pixel data may be lossy (PS3.5 Annex A): JPEG Baseline and Extended, JPEG-LS Near-Lossless,
     * JPEG 2000 (Part 1 and Part 2), High-Throughput JPEG 2000, JPEG XL and JPEG XL JPEG Recompression, and the
     * MPEG-2, MPEG-4 and HEVC video syntaxes.
     */
    private static final Set<String> LOSSY = Set.of(
            "1.2.840.10008.1.2.4.50",
            "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.81",
            "1.2.840.10008.1.2.4.91",
            "1.2.840.10008.1.2.4.93",
            "1.2.840.10008.1.2.4.203",
            "1.2.840.10008.1.2.4.111",
            "1.2.840.10008.1.2.4.112",
            "1.2.840.10008.1.2.4.100",
            "1.2.840.10008.1.2.4.100.1",
            "1.2.840.10008.1.2.4.101",
            "1.2.840.10008.1.2.4.101.1",
            "1.2.840.10008.1.2.4.102",
            "1.2.840.10008.1.2.4.102.1",
            "1.2.840.10008.1.2.4.103",
            "1.2.840.10008.1.2.4.103.1",
            "1.2.840.10008.1.2.4.104",
            "1.2.840.10008.1.2.4.104.1",
            "1.2.840.10008.1.2.4.105",
            "1.2.840.10008.1.2.4.105.1",
            "1.2.840.10008.1.2.4.106",
            "1.2.840.10008.1.2.4.106.1",
            "1.2.840.10008.1.2.4.107",
            "1.2.840.10008.1.2.4.108");

    /** How one instance is sent: in {@code syntax}, straight from storage unless {@code transcode}. */
    record Delivery(TransferSyntax syntax, boolean transcode) {
        /** Its frames are compressed into {@code syntax} on the way out. */
        boolean compress() {
            return transcode && syntax.encapsulated();
        }
    }

    static final String APPLICATION_ZIP = "application/zip";

    /** The transfer-syntax parameters of the acceptable ranges, best first; {@code null} means the default. */
    private final List<String> offers;
    /** The files go out in one ZIP archive rather than as multipart parts. */
    private final boolean zip;

    private InstanceNegotiation(List<String> offers, boolean zip) {
        this.offers = offers;
        this.zip = zip;
    }

    boolean zip() {
        return zip;
    }

    /** One transfer syntax, {@code null} for the default (WADO-URI's transferSyntax parameter). */
    static InstanceNegotiation forSyntax(String transferSyntaxUid) {
        List<String> offers = new ArrayList<>(1);
        offers.add(transferSyntaxUid);
        return new InstanceNegotiation(offers, false);
    }

    /** Parses Accept; 406 when no range can ever be answered by this resource. */
    static InstanceNegotiation of(String accept) {
        List<String> offers = new ArrayList<>();
        Boolean zip = null;
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            boolean zipRange = range.is(APPLICATION_ZIP);
            if (!zipRange && !acceptsDicomParts(range)) {
                continue;
            }
            if (zip == null) {
                zip = zipRange;
            }
            if (zip == zipRange) {
                String ts = range.parameter("transfer-syntax");
                offers.add(ts == null || ts.isBlank() ? null : ts.trim());
            }
        }
        if (offers.isEmpty()) {
            throw DicomwebException.notAcceptable("Instances are sent as multipart/related; type=\"application/dicom\""
                    + " or as " + APPLICATION_ZIP + "; Accept was: " + accept);
        }
        return new InstanceNegotiation(offers, zip);
    }

    private static boolean acceptsDicomParts(MediaType range) {
        if (range.is("*/*")) {
            return true;
        }
        if (!range.type().equals("multipart")
                || !(range.subtype().equals("*") || range.subtype().equals("related"))) {
            return false;
        }
        String type = range.parameter("type");
        if (type == null || type.isBlank()) {
            return true; // the default part type of the instance resources
        }
        try {
            return AcceptHeader.covers(MediaType.parse(type), APPLICATION_DICOM);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * How an instance stored in {@code storedUid} is sent, or {@code null} when it cannot be: the first offer, in
     * q-order, whose delivery is {@code possible} for this instance.
     */
    Delivery deliver(String storedUid, Predicate<Delivery> possible) {
        TransferSyntax stored = TransferSyntax.of(storedUid);
        for (String offer : offers) {
            Delivery d = deliver(offer, stored);
            if (d != null && possible.test(d)) {
                return d;
            }
        }
        return null;
    }

    private static Delivery deliver(String offer, TransferSyntax stored) {
        if (ANY.equals(offer)) {
            return stored.isWebTransferable()
                    ? new Delivery(stored, false)
                    : new Delivery(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, true);
        }
        TransferSyntax wanted = offer == null ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.of(offer);
        if (!wanted.isWebTransferable()) {
            return null;
        }
        if (wanted.uid().equals(stored.uid())) {
            return new Delivery(stored, false);
        }
        if (isCodecNative(wanted) && (isCodecNative(stored) || decodable(stored))) {
            return new Delivery(wanted, true);
        }
        if (FrameEncoders.forSyntax(wanted.uid()).isPresent()
                && (isCodecNative(stored)
                        || decodable(stored)
                        || stored.uid().equals(TransferSyntax.ENCAPSULATED_UNCOMPRESSED))) {
            return new Delivery(wanted, true); // whether its pixels suit the encoder is known once its header is read
        }
        if (offer == null && LOSSY.contains(stored.uid())) {
            return new Delivery(stored, false);
        }
        return null;
    }

    /** Compressed, with a decoder for its frames. */
    static boolean decodable(TransferSyntax ts) {
        return ts.encapsulated() && FrameDecoders.forSyntax(ts.uid()).isPresent();
    }

    /** The four syntaxes our reader and writer convert value by value (JPIP ones carry no pixel data). */
    static boolean isCodecNative(TransferSyntax ts) {
        return ts == TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                || ts == TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN
                || ts == TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
                || ts == TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
    }
}
