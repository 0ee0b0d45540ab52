package org.opendicomweb.stow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.count;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * With {@code dicomweb.stow.duplicate-policy=replace}, other bytes under a stored SOP Instance UID replace the
 * stored instance, with Warning Reason 0xB301, and its old file is deleted; identical bytes still change nothing.
 */
@QuarkusTest
@TestProfile(StowReplacePolicyTest.Replace.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
public class StowReplacePolicyTest {

    public static class Replace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicomweb.stow.duplicate-policy", "replace");
        }
    }

    @Inject
    IndexDatabase index;

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    @Test
    void otherBytesReplaceTheStoredInstanceWithAWarning() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(ct.toBytes())).statusCode(200);
        Path oldFile = storage.resolve(blobKey(ct.sopInstanceUid()));
        assertTrue(Files.exists(oldFile), oldFile.toString());
        DicomFiles.Builder fresh = DicomFiles.ctImage().studyUid(ct.studyInstanceUid());
        byte[] changed = ct.studyDescription("replaced description").toBytes();

        post("/dicom-web/studies", MULTIPART, multipart(changed, fresh.toBytes()))
                .statusCode(202)
                .body("'00081198'", nullValue())
                .body("'00081199'.Value", hasSize(2))
                .body("'00081199'.Value[0].'00081155'.Value[0]", equalTo(ct.sopInstanceUid()))
                .body("'00081199'.Value[0].'00081196'.Value[0]", equalTo(FailureReason.WARNING_REPLACED_EXISTING))
                .body("'00081199'.Value[1].'00081155'.Value[0]", equalTo(fresh.sopInstanceUid()))
                .body("'00081199'.Value[1].'00081196'", nullValue());

        assertEquals(2, count(index, "select num_instances from study where study_iuid = ?", ct.studyInstanceUid()));
        assertEquals(1, count(index, "select count(*) from instance where sop_iuid = ?", ct.sopInstanceUid()));
        assertFalse(Files.exists(oldFile), "the replaced file is deleted: " + oldFile);
        given().when()
                .get("/dicom-web/studies/" + ct.studyInstanceUid() + "/series/" + ct.seriesInstanceUid() + "/instances/"
                        + ct.sopInstanceUid() + "/metadata")
                .then()
                .statusCode(200)
                .body("[0].'00081030'.Value[0]", equalTo("replaced description"));

        post("/dicom-web/studies", MULTIPART, multipart(changed))
                .statusCode(200)
                .body("'00081199'.Value[0].'00081196'", nullValue());
    }

    private String blobKey(String sop) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select blob_key from instance where sop_iuid = ?")) {
            ps.setString(1, sop);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "indexed: " + sop);
                return rs.getString(1);
            }
        }
    }
}
