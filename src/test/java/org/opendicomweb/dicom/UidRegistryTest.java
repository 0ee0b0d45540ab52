package org.opendicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class UidRegistryTest {

    @Test
    void transferSyntaxes() {
        assertEquals("1.2.840.10008.1.2.1", UID.ExplicitVRLittleEndian);
        assertEquals("Explicit VR Little Endian", UidRegistry.nameOf(UID.ExplicitVRLittleEndian));
        assertEquals("Transfer Syntax", UidRegistry.typeOf(UID.ImplicitVRLittleEndian));
        assertTrue(UidRegistry.isTransferSyntax(UID.JPEG2000Lossless));
        assertTrue(UidRegistry.isRetired(UID.ExplicitVRBigEndian));
        assertFalse(UidRegistry.isTransferSyntax(UID.CTImageStorage));
    }

    @Test
    void recentTransferSyntaxesFromTheSupplement() {
        assertEquals("1.2.840.10008.1.2.4.201", UID.HTJ2KLossless);
        assertEquals("1.2.840.10008.1.2.4.202", UID.HTJ2KLosslessRPCL);
        assertEquals("1.2.840.10008.1.2.4.203", UID.HTJ2K);
        assertEquals("1.2.840.10008.1.2.4.110", UID.JPEGXLLossless);
        assertEquals("1.2.840.10008.1.2.4.111", UID.JPEGXLJPEGRecompression);
        assertEquals("1.2.840.10008.1.2.4.112", UID.JPEGXL);
        assertEquals(
                "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
                UidRegistry.nameOf("1.2.840.10008.1.2.4.201"));
        assertEquals("HTJ2K", UidRegistry.keywordOf("1.2.840.10008.1.2.4.203"));
        assertTrue(UidRegistry.isTransferSyntax(UID.HTJ2K));
        assertTrue(UidRegistry.isTransferSyntax(UID.DeflatedImageFrameCompression));
        assertTrue(UidRegistry.isStorageSopClass(UID.PhotoacousticImageStorage));
    }

    @Test
    void sopClasses() {
        assertEquals("1.2.840.10008.5.1.4.1.1.2", UID.CTImageStorage);
        assertEquals("CT Image Storage", UidRegistry.nameOf(UID.CTImageStorage));
        assertEquals("SOP Class", UidRegistry.typeOf(UID.CTImageStorage));
        assertTrue(UidRegistry.isStorageSopClass(UID.CTImageStorage));
        assertTrue(UidRegistry.isStorageSopClass(UID.DigitalXRayImageStorageForPresentation));
        assertTrue(UidRegistry.isStorageSopClass(UID.HangingProtocolStorage)); // outside 5.1.4.1.1
        assertTrue(UidRegistry.isStorageSopClass(UID.UltrasoundImageStorageRetired));
        assertFalse(UidRegistry.isStorageSopClass(UID.StudyRootQueryRetrieveInformationModelFind));
        assertFalse(UidRegistry.isStorageSopClass(UID.StorageCommitmentPushModel));
        assertFalse(UidRegistry.isStorageSopClass(UID.MediaStorageDirectoryStorage));
        assertFalse(UidRegistry.isStorageSopClass(UID.ProtocolApprovalInformationModelFind));
        assertFalse(UidRegistry.isStorageSopClass(UID.ExplicitVRLittleEndian));
        assertEquals("Well-known SOP Instance", UidRegistry.typeOf(UID.StorageCommitmentPushModelInstance));
    }

    @Test
    void keywordLookup() {
        assertEquals("1.2.840.10008.1.2.1", UidRegistry.forKeyword("ExplicitVRLittleEndian"));
        assertEquals(UID.HTJ2K, UidRegistry.forKeyword("HTJ2K"));
        assertNull(UidRegistry.forKeyword("NoSuchUid"));
        assertNull(UidRegistry.forKeyword(null));
    }

    @Test
    void unknownAndPaddedUids() {
        assertEquals("", UidRegistry.nameOf("1.2.3.4"));
        assertEquals("", UidRegistry.keywordOf("1.2.3.4"));
        assertEquals("", UidRegistry.typeOf("1.2.3.4"));
        assertFalse(UidRegistry.isKnown("1.2.3.4"));
        assertFalse(UidRegistry.isTransferSyntax(null));
        // UI values are NUL-padded to even length (PS3.5 §6.2).
        assertTrue(UidRegistry.isTransferSyntax("1.2.840.10008.1.2\0"));
        // A registered UID without a keyword (retired in 2015) is still known by UID.
        assertTrue(UidRegistry.isKnown("1.2.840.10008.5.1.4.1.1.40"));
    }

    /** Every UID constant is registered under its own name. */
    @Test
    void uidConstantsMatchTheRegistry() throws IllegalAccessException {
        int checked = 0;
        for (Field f : UID.class.getFields()) {
            String uid = (String) f.get(null);
            assertEquals(f.getName(), UidRegistry.keywordOf(uid), uid);
            assertEquals(uid, UidRegistry.forKeyword(f.getName()));
            checked++;
        }
        assertTrue(checked > 450, "only " + checked + " constants");
    }
}
