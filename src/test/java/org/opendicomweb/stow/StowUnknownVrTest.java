package org.opendicomweb.stow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * An instance written with every public element as UN in explicit VR (pydicom's rtdose_rle_1frame.dcm, made by a
 * converter that lost the VRs) is indexed, queried and described with the dictionary's VRs (PS3.5 §6.2.2), as
 * pydicom and Orthanc read it, while its stored bytes stay as received.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowUnknownVrTest {
    private static final Path FILE =
            Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/rtdose_rle_1frame.dcm");
    private static final String STUDY = "1.2.999.999.99.9.9999.8888";
    private static final String SOP = "1.9.999.999.99.9.9999.9999.20030818153516";

    /** pydicom's rtdose variants share their UIDs, which other classes store too. */
    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    private static void storeTheFile() throws Exception {
        RequiredTools.require(Tool.PYDICOM_FILES);
        post("/dicom-web/studies", MULTIPART, multipart(Files.readAllBytes(FILE)))
                .statusCode(200);
    }

    @Test
    void elementsSentAsUnAreMatchingKeysAndReturnedWithTheirDictionaryVr() throws Exception {
        storeTheFile();
        given().accept("application/dicom+json")
                .queryParam("StudyDate", "20030801-20030831")
                .queryParam("StudyInstanceUID", STUDY)
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].'00080020'.vr", equalTo("DA"))
                .body("[0].'00080020'.Value[0]", equalTo("20030805"))
                .body("[0].'00080061'.Value[0]", equalTo("RTDOSE"));
        given().accept("application/dicom+json")
                .queryParam("SOPInstanceUID", SOP)
                .get("/dicom-web/instances")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].'00080018'.vr", equalTo("UI"))
                .body("[0].'00080018'.Value[0]", equalTo(SOP));
    }

    @Test
    void metadataGivesElementsSentAsUnTheirDictionaryVr() throws Exception {
        storeTheFile();
        String instance = "/dicom-web/studies/" + STUDY + "/series/1.2.777.777.77.7.7777.7777/instances/" + SOP;
        JsonNode ds = new ObjectMapper()
                .readTree(given().accept("application/dicom+json")
                        .get(instance + "/metadata")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .get(0);
        ds.fields()
                .forEachRemaining(
                        e -> assertTrue(!"UN".equals(e.getValue().get("vr").asText()), e.getKey() + " is UN"));
        assertEquals("UI", ds.get("00080018").get("vr").asText());
        assertEquals(SOP, ds.get("00080018").get("Value").get(0).asText());
        assertEquals("DA", ds.get("00080012").get("vr").asText());
        assertEquals("AT", ds.get("00280009").get("vr").asText());
        assertEquals("3004000C", ds.get("00280009").get("Value").get(0).asText());
        assertEquals("SQ", ds.get("300C0002").get("vr").asText());
        assertEquals(1, ds.get("300C0002").get("Value").size());
        given().accept("multipart/related; type=\"application/dicom+xml\"")
                .get(instance + "/metadata")
                .then()
                .statusCode(200)
                .body(containsString("tag=\"00080018\" vr=\"UI\""))
                .body(not(containsString("vr=\"UN\"")));
    }
}
