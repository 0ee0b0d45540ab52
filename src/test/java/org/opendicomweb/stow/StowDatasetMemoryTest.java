package org.opendicomweb.stow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * An instance whose header would hold more memory than {@code dicomweb.stow.max-dataset-memory} (here 1 MiB)
 * is refused as out of resources, alone: the other parts of the request are stored. Pixel data never counts,
 * in a deflated instance neither.
 */
@QuarkusTest
@TestProfile(StowDatasetMemoryTest.SmallBudget.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowDatasetMemoryTest {

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicomweb.stow.max-dataset-memory", "1M");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHeaderOverTheBudgetFailsWithOutOfResourcesAndTheOtherPartsAreStored() {
        // 20,000 items of one short value each: about 2 MB of elements, though no single value is large.
        Consumer<Attributes>[] items = new Consumer[20_000];
        for (int i = 0; i < items.length; i++) {
            String text = "item " + i;
            items[i] = item -> item.setString(Tag.CodeMeaning, VR.LO, text);
        }
        DicomFiles.Builder huge = DicomFiles.ctImage().withSequence(Tag.ConceptNameCodeSequence, items);
        DicomFiles.Builder normal = DicomFiles.ctImage();

        post("/dicom-web/studies", MULTIPART, multipart(huge.toBytes(), normal.toBytes()))
                .statusCode(202)
                .body("'00081199'.Value", hasSize(1))
                .body("'00081199'.Value[0].'00081155'.Value[0]", equalTo(normal.sopInstanceUid()))
                .body("'00081198'.Value", hasSize(1))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(huge.sopInstanceUid()))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA700))
                .header("Warning", containsString("dicomweb.stow.max-dataset-memory"));

        given().when()
                .get("/dicom-web/instances?SOPInstanceUID=" + huge.sopInstanceUid())
                .then()
                .statusCode(anyOf(equalTo(200), equalTo(204)))
                .body(not(containsString(huge.sopInstanceUid())));
    }

    @Test
    void deflatedPixelDataLargerThanTheBudgetIsStoredAndRetrievedWhole() {
        // 1024 x 1024 x 16 bits: 2 MiB of pixel data once inflated, twice the budget.
        DicomFiles.Builder b = DicomFiles.ctImage().size(1024, 1024).deflated();
        post("/dicom-web/studies", MULTIPART, multipart(b.toBytes())).statusCode(200);
        String instance = "/dicom-web/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid()
                + "/instances/" + b.sopInstanceUid();
        byte[] pixels = given().get(instance + "/bulkdata/7FE00010")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals((byte[]) b.dataset().getValue(Tag.PixelData), pixels);
    }
}
