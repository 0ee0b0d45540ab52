package org.opendicomweb.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.support.TestDatabase;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/** {@code GET /dicom-web/admin/statistics} counts what was stored, and what was deleted no more. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StatisticsResourceTest {
    private static final String BOUNDARY = "statistics-boundary";

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    private static void store(List<DicomFiles.Builder> files) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .body(StowBody.of(
                        BOUNDARY,
                        files.stream().map(DicomFiles.Builder::toBytes).toList()))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    @Test
    void anEmptyIndexHasNoFigures() {
        given().when()
                .get("/dicom-web/admin/statistics")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("patients", equalTo(0))
                .body("studies", equalTo(0))
                .body("series", equalTo(0))
                .body("instances", equalTo(0))
                .body("storedBytes", equalTo(0))
                .body("instancesPerModality.size()", equalTo(0))
                .body("instancesPerMonth.size()", equalTo(0));
    }

    @Test
    void countsPatientsStudiesSeriesInstancesBytesModalitiesAndMonths() {
        String ctStudy = Uids.generate();
        DicomFiles.Builder ct1 = DicomFiles.ctImage()
                .patient("Stat^One", "STAT-1")
                .study(ctStudy, LocalDate.of(2024, 1, 15))
                .series(Uids.generate(), 1);
        DicomFiles.Builder ct2 = DicomFiles.ctImage()
                .patient("Stat^One", "STAT-1")
                .study(ctStudy, LocalDate.of(2024, 1, 15))
                .seriesUid(ct1.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        DicomFiles.Builder ct3 = DicomFiles.ctImage()
                .patient("Stat^One", "STAT-1")
                .study(ctStudy, LocalDate.of(2024, 1, 15))
                .series(Uids.generate(), 2);
        String mrStudy = Uids.generate();
        DicomFiles.Builder mr1 = DicomFiles.ctImage()
                .patient("Stat^Two", "STAT-2")
                .study(mrStudy, LocalDate.of(2023, 11, 2))
                .modality("MR");
        DicomFiles.Builder mr2 = DicomFiles.ctImage()
                .patient("Stat^Two", "STAT-2")
                .study(mrStudy, LocalDate.of(2023, 11, 2))
                .seriesUid(mr1.seriesInstanceUid())
                .modality("MR")
                .instance(Uids.generate(), 2);
        DicomFiles.Builder undated =
                DicomFiles.ctImage().patient("Stat^Two", "STAT-2").without(Tag.StudyDate);
        List<DicomFiles.Builder> all = List.of(ct1, ct2, ct3, mr1, mr2, undated);
        store(all);
        long bytes = all.stream().mapToLong(f -> f.toBytes().length).sum();

        given().when()
                .get("/dicom-web/admin/statistics")
                .then()
                .statusCode(200)
                .body("patients", equalTo(2))
                .body("studies", equalTo(3))
                .body("series", equalTo(4))
                .body("instances", equalTo(6))
                .body("rejectedInstances", equalTo(0))
                .body("storedBytes", equalTo((int) bytes))
                .body("storedBytesEstimated", equalTo(false))
                .body("instancesPerModality.modality", contains("CT", "MR"))
                .body("instancesPerModality.instances", contains(4, 2))
                .body("monthsBy", equalTo("StudyDate"))
                .body("instancesPerMonth.month", contains("2023-11", "2024-01"))
                .body("instancesPerMonth.instances", contains(2, 3))
                .body("instancesWithoutStudyDate", equalTo(1))
                .body("database.kind", equalTo(TestDatabase.kind()))
                .body("database.product", startsWith(TestDatabase.isPostgreSQL() ? "PostgreSQL" : "H2"));

        given().when().delete("/dicom-web/studies/" + ctStudy).then().statusCode(204);
        given().when()
                .get("/dicom-web/admin/statistics")
                .then()
                .statusCode(200)
                .body("patients", equalTo(1))
                .body("studies", equalTo(2))
                .body("series", equalTo(2))
                .body("instances", equalTo(3))
                .body("instancesPerModality.modality", contains("MR", "CT"))
                .body("instancesPerMonth.month", contains("2023-11"));
    }
}
