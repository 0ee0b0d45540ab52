package org.opendicomweb.stow;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.count;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * The default duplicate policy (reject) tells identical bytes from other bytes by their size, CRC-32C and then the
 * bytes themselves: other bytes with the same CRC-32C are refused, not taken for the stored instance.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowDuplicateBytesTest {

    @Inject
    IndexDatabase index;

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    private static long crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * The same bytes but for some of the last 40 bits flipped, chosen so that the CRC-32C stays the same. For
     * messages of one length the CRC is affine: crc(a ^ d) = crc(a) ^ L(d) with L linear, so any 33 single-bit
     * changes have a combination with L = 0, found by elimination over GF(2).
     */
    static byte[] sameCrc32cOtherBytes(byte[] original) {
        long base = crc32c(original);
        long[] pivotValue = new long[32];
        long[] pivotMask = new long[32];
        boolean[] used = new boolean[32];
        for (int i = 0; i < 40; i++) {
            byte[] flipped = original.clone();
            flipped[original.length - 1 - i / 8] ^= (byte) (1 << (i % 8));
            long value = crc32c(flipped) ^ base;
            long mask = 1L << i;
            for (int bit = 31; bit >= 0 && value != 0; bit--) {
                if ((value >>> bit & 1) == 0) {
                    continue;
                }
                if (!used[bit]) {
                    used[bit] = true;
                    pivotValue[bit] = value;
                    pivotMask[bit] = mask;
                    value = 0;
                    mask = 0;
                    break;
                }
                value ^= pivotValue[bit];
                mask ^= pivotMask[bit];
            }
            if (mask != 0) {
                byte[] collision = original.clone();
                for (int j = 0; j < 40; j++) {
                    if ((mask >>> j & 1) != 0) {
                        collision[original.length - 1 - j / 8] ^= (byte) (1 << (j % 8));
                    }
                }
                return collision;
            }
        }
        throw new AssertionError("33 vectors in a space of 32 dimensions are dependent");
    }

    @Test
    void theSameBytesAgainAreIdentical() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        byte[] bytes = ct.toBytes();
        post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200);
        post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200).body("'00081198'", nullValue());
        assertEquals(1, count(index, "select count(*) from instance where sop_iuid = ?", ct.sopInstanceUid()));
    }

    @Test
    void otherBytesWithTheSameSizeAndCrc32cAreRefusedAsADuplicate() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        byte[] bytes = ct.toBytes();
        byte[] collision = sameCrc32cOtherBytes(bytes);
        assertEquals(bytes.length, collision.length);
        assertEquals(crc32c(bytes), crc32c(collision));
        assertFalse(Arrays.equals(bytes, collision));

        post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200);
        post("/dicom-web/studies", MULTIPART, multipart(collision))
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(FailureReason.DUPLICATE_SOP_INSTANCE.code()));
        assertArrayEquals(bytes, Files.readAllBytes(storage.resolve(blobKey(ct.sopInstanceUid()))));
    }

    @Test
    void anInstanceKnownOnlyByItsSha256IsComparedByteForByte() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        byte[] bytes = ct.toBytes();
        post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200);
        String key = blobKey(ct.sopInstanceUid());
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update instance set blob_crc32c = null, blob_sha256 = ? where sop_iuid = ?")) {
            ps.setString(
                    1,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            ps.setString(2, ct.sopInstanceUid());
            ps.executeUpdate();
        }

        post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200).body("'00081198'", nullValue());
        assertEquals(key, blobKey(ct.sopInstanceUid()), "identical: nothing was replaced");
        byte[] other = sameCrc32cOtherBytes(bytes);
        post("/dicom-web/studies", MULTIPART, multipart(other))
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(FailureReason.DUPLICATE_SOP_INSTANCE.code()));
    }

    private String blobKey(String sop) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select blob_key from instance where sop_iuid = ?")) {
            ps.setString(1, sop);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
