package org.opendicomweb.index;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StudyPatientsTest {
    private static final String BOUNDARY = "study-patients-boundary";

    @Inject
    StudyPatients studyPatients;

    @Test
    void answersThePatientIdOfStoredStudiesOnly() throws Exception {
        DicomFiles.Builder withId = DicomFiles.ctImage().patientId("SP-1");
        DicomFiles.Builder withoutId = DicomFiles.ctImage().without(Tag.PatientID);
        store(withId, withoutId);

        Map<String, Optional<String>> found = studyPatients.patientIds(
                List.of(withId.studyInstanceUid(), withoutId.studyInstanceUid(), "1.2.3.999999"));

        assertEquals(
                Map.of(withId.studyInstanceUid(), Optional.of("SP-1"), withoutId.studyInstanceUid(), Optional.empty()),
                found);
    }

    @Test
    void answersMoreStudiesThanOneStatementTakes() throws Exception {
        DicomFiles.Builder stored = DicomFiles.ctImage().patientId("SP-2");
        store(stored);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < StudyPatients.PER_QUERY * 2; i++) {
            many.add("1.2.3." + i);
        }
        many.add(stored.studyInstanceUid());

        assertEquals(Map.of(stored.studyInstanceUid(), Optional.of("SP-2")), studyPatients.patientIds(many));
    }

    private static void store(DicomFiles.Builder... files) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }
}
