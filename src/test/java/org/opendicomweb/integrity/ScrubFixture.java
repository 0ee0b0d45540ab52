package org.opendicomweb.integrity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/** Storing instances, running the scrub and reading what it found, for the scrub tests of each store. */
final class ScrubFixture {
    private static final String BOUNDARY = "scrub-boundary";

    private ScrubFixture() {}

    static void store(byte[]... files) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, List.of(files)))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    /** A pass of the scrub, waited for: its final status. */
    static ValidatableResponse scrub() {
        return given().accept("application/json")
                .when()
                .post("/dicom-web/admin/scrub?wait=true")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse report(String query) {
        return given().accept("application/json")
                .when()
                .get("/dicom-web/integrity" + query)
                .then()
                .statusCode(200);
    }

    static String blobKey(DicomFiles.Builder instance) throws SQLException {
        return (String) column("blob_key", instance);
    }

    static Object column(String column, DicomFiles.Builder instance) throws SQLException {
        try (Connection c = database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select " + column + " from instance where sop_iuid = ?")) {
            ps.setString(1, instance.sopInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "indexed: " + instance.sopInstanceUid());
                return rs.getObject(1);
            }
        }
    }

    /** Makes the row look as rows stored before the CRC-32C was kept: a SHA-256 and no CRC-32C. */
    static void keepOnlySha256(DicomFiles.Builder instance, String sha256) throws SQLException {
        try (Connection c = database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update instance set blob_crc32c = null, blob_sha256 = ? where sop_iuid = ?")) {
            ps.setString(1, sha256);
            ps.setString(2, instance.sopInstanceUid());
            assertTrue(ps.executeUpdate() == 1);
        }
    }

    private static IndexDatabase database() {
        return Arc.container().instance(IndexDatabase.class).get();
    }
}
