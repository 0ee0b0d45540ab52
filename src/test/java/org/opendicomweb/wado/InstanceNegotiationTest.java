package org.opendicomweb.wado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.wado.InstanceNegotiation.Delivery;
import org.opendicomweb.web.DicomwebException;

/** Which transfer syntax each instance of a study, series or instance retrieve goes out in (PS3.18 §8.7.3). */
class InstanceNegotiationTest {
    private static final String DICOM = "multipart/related; type=\"application/dicom\"";
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final String IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String BIG_ENDIAN = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid();
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    private static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String MPEG2 = "1.2.840.10008.1.2.4.100";
    private static final String HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201";

    private static Delivery deliver(String accept, String stored) {
        return InstanceNegotiation.of(accept).deliver(stored, d -> true);
    }

    private static Delivery asStored(String uid) {
        return new Delivery(TransferSyntax.of(uid), false);
    }

    @Test
    void noTransferSyntaxMeansExplicitVrLittleEndianSentAsStored() {
        assertEquals(new Delivery(EXPLICIT, false), deliver(DICOM, EXPLICIT.uid()));
    }

    @Test
    void implicitVrIsTranscodedToTheDefault() {
        assertEquals(new Delivery(EXPLICIT, true), deliver(DICOM, IMPLICIT));
    }

    @Test
    void decodableCompressionIsDecompressedToTheDefault() {
        assertEquals(new Delivery(EXPLICIT, true), deliver(DICOM, JPEG_2000_LOSSLESS));
    }

    @Test
    void lossyWithoutADecoderIsSentAsStoredWhenNoSyntaxWasNamed() {
        assertEquals(asStored(MPEG2), deliver(DICOM, MPEG2));
    }

    @Test
    void losslessWithoutADecoderCannotBeSentInTheDefault() {
        assertNull(deliver(DICOM, HTJ2K_LOSSLESS));
    }

    @Test
    void anySyntaxSendsTheStoredOne() {
        assertEquals(asStored(JPEG_BASELINE), deliver(DICOM + "; transfer-syntax=*", JPEG_BASELINE));
    }

    @Test
    void anySyntaxStillNeverSendsImplicitVrOrBigEndian() {
        assertEquals(new Delivery(EXPLICIT, true), deliver(DICOM + "; transfer-syntax=*", IMPLICIT));
        assertEquals(new Delivery(EXPLICIT, true), deliver(DICOM + "; transfer-syntax=*", BIG_ENDIAN));
    }

    @Test
    void namedImplicitVrIsNeverOffered() {
        assertNull(deliver(DICOM + "; transfer-syntax=" + IMPLICIT, IMPLICIT));
    }

    @Test
    void namedEncodableSyntaxIsMadeFromNativePixels() {
        Delivery d = deliver(DICOM + "; transfer-syntax=" + RLE, EXPLICIT.uid());
        assertEquals(new Delivery(TransferSyntax.of(RLE), true), d);
        assertTrue(d.compress());
    }

    @Test
    void namedSyntaxWithoutEncoderOrMatchCannotBeSent() {
        assertNull(deliver(DICOM + "; transfer-syntax=" + MPEG2, EXPLICIT.uid()));
    }

    @Test
    void rangesAreTriedInQualityOrderPerInstance() {
        String accept = DICOM + "; transfer-syntax=" + JPEG_2000_LOSSLESS + "; q=0.5, " + DICOM + "; transfer-syntax="
                + JPEG_BASELINE;
        assertEquals(asStored(JPEG_BASELINE), deliver(accept, JPEG_BASELINE));
        assertEquals(
                new Delivery(TransferSyntax.of(JPEG_2000_LOSSLESS), false),
                InstanceNegotiation.of(accept)
                        .deliver(JPEG_2000_LOSSLESS, d -> !d.syntax().uid().equals(JPEG_BASELINE)));
    }

    @Test
    void aDeliveryTheInstanceCannotTakeFallsToTheNextRange() {
        String accept = DICOM + "; transfer-syntax=" + RLE + ", " + DICOM + "; q=0.1";
        assertEquals(
                new Delivery(EXPLICIT, false),
                InstanceNegotiation.of(accept).deliver(EXPLICIT.uid(), d -> !d.compress()));
    }

    @Test
    void unquotedOrMissingPartTypeAndWildcardsAcceptDicomParts() {
        for (String accept :
                new String[] {"multipart/related; type=application/dicom", "multipart/related", "multipart/*", "*/*"}) {
            assertEquals(new Delivery(EXPLICIT, false), deliver(accept, EXPLICIT.uid()), accept);
            assertFalse(InstanceNegotiation.of(accept).zip(), accept);
        }
    }

    @Test
    void zipAsksForTheSameFilesInOneArchive() {
        InstanceNegotiation n = InstanceNegotiation.of("application/zip; transfer-syntax=*");
        assertTrue(n.zip());
        assertEquals(asStored(JPEG_BASELINE), n.deliver(JPEG_BASELINE, d -> true));
    }

    @Test
    void theContainerFirstInQualityOrderIsUsedWithItsOwnRanges() {
        InstanceNegotiation n = InstanceNegotiation.of(DICOM + "; q=0.4, application/zip; transfer-syntax=*");
        assertTrue(n.zip());
        assertEquals(asStored(JPEG_BASELINE), n.deliver(JPEG_BASELINE, d -> true));
    }

    @Test
    void otherPartTypesAreNotAcceptable() {
        DicomwebException e = assertThrows(
                DicomwebException.class,
                () -> InstanceNegotiation.of("multipart/related; type=\"application/octet-stream\""));
        assertEquals(406, e.status());
        assertEquals(
                "Instances are sent as multipart/related; type=\"application/dicom\" or as application/zip;"
                        + " Accept was: multipart/related; type=\"application/octet-stream\"",
                e.getMessage());
    }

    @Test
    void singlePartDicomIsNotAcceptableForInstanceResources() {
        assertEquals(
                406,
                assertThrows(DicomwebException.class, () -> InstanceNegotiation.of("application/dicom"))
                        .status());
    }

    @Test
    void wadoUriSyntaxParameterNamesOneSyntaxOrTheDefault() {
        assertEquals(
                new Delivery(EXPLICIT, true),
                InstanceNegotiation.forSyntax(null).deliver(IMPLICIT, d -> true));
        assertEquals(
                new Delivery(TransferSyntax.of(RLE), true),
                InstanceNegotiation.forSyntax(RLE).deliver(EXPLICIT.uid(), d -> true));
    }
}
