package org.opendicomweb.integrity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/** {@code GET /dicom-web/integrity} after real uploads that contradict each other. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class IntegrityReportTest {
    private static final String BOUNDARY = "integrity-boundary";

    @Inject
    IndexDatabase index;

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    private static ValidatableResponse store(DicomFiles.Builder... files) {
        return given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post("/dicom-web/studies")
                .then();
    }

    private static ValidatableResponse report(String query) {
        return given().accept("application/json")
                .when()
                .get("/dicom-web/integrity" + query)
                .then();
    }

    @Test
    void aConsistentArchiveHasNoFindings() {
        DicomFiles.Builder first = DicomFiles.ctImage();
        store(
                        first,
                        DicomFiles.ctImage()
                                .studyUid(first.studyInstanceUid())
                                .seriesUid(first.seriesInstanceUid())
                                .instance(Uids.generate(), 2))
                .statusCode(200);
        report("")
                .statusCode(200)
                .body("limit", equalTo(100))
                .body("seriesInOtherStudies.total", equalTo(0))
                .body("seriesWithSeveralModalities.total", equalTo(0))
                .body("studiesWithConflictingDemographics.total", equalTo(0))
                .body("seriesWithDisagreeingInstanceStatus.total", equalTo(0));
    }

    @Test
    void aSeriesWhoseInstancesDisagreeOnTheirStatusIsListedWithEachVariantAndItsCount() {
        DicomFiles.Builder authorized = DicomFiles.ctImage()
                .with(Tag.SOPInstanceStatus, VR.CS, "AO")
                .with(Tag.SOPAuthorizationDateTime, VR.DT, "20240105101500")
                .with(Tag.SOPAuthorizationComment, VR.LT, "Approved for diagnosis");
        DicomFiles.Builder alsoAuthorized = DicomFiles.ctImage()
                .studyUid(authorized.studyInstanceUid())
                .seriesUid(authorized.seriesInstanceUid())
                .instance(Uids.generate(), 2)
                .with(Tag.SOPInstanceStatus, VR.CS, "AO")
                .with(Tag.SOPAuthorizationDateTime, VR.DT, "20240105101500")
                .with(Tag.SOPAuthorizationComment, VR.LT, "Approved for diagnosis");
        DicomFiles.Builder notSpecified = DicomFiles.ctImage()
                .studyUid(authorized.studyInstanceUid())
                .seriesUid(authorized.seriesInstanceUid())
                .instance(Uids.generate(), 3)
                .with(Tag.SOPInstanceStatus, VR.CS, "NS");
        DicomFiles.Builder none = DicomFiles.ctImage()
                .studyUid(authorized.studyInstanceUid())
                .seriesUid(authorized.seriesInstanceUid())
                .instance(Uids.generate(), 4);
        // a series that agrees, with a status, and one without any: neither is listed
        DicomFiles.Builder agreeing = DicomFiles.ctImage().with(Tag.SOPInstanceStatus, VR.CS, "OR");
        DicomFiles.Builder agreeing2 = DicomFiles.ctImage()
                .studyUid(agreeing.studyInstanceUid())
                .seriesUid(agreeing.seriesInstanceUid())
                .instance(Uids.generate(), 2)
                .with(Tag.SOPInstanceStatus, VR.CS, "OR");
        store(authorized, alsoAuthorized, notSpecified, none, agreeing, agreeing2, DicomFiles.ctImage())
                .statusCode(200);
        String item = "seriesWithDisagreeingInstanceStatus.items[0].";
        report("")
                .statusCode(200)
                .body("seriesWithDisagreeingInstanceStatus.total", equalTo(1))
                .body(item + "studyInstanceUID", equalTo(authorized.studyInstanceUid()))
                .body(item + "seriesInstanceUID", equalTo(authorized.seriesInstanceUid()))
                .body(item + "instances", equalTo(4))
                .body(item + "variants", hasSize(3))
                .body(item + "variants[0].sopInstanceStatus", equalTo("AO"))
                .body(item + "variants[0].sopAuthorizationDateTime", equalTo("20240105101500"))
                .body(item + "variants[0].sopAuthorizationComment", equalTo("Approved for diagnosis"))
                .body(item + "variants[0].instances", equalTo(2))
                .body(item + "variants[0].firstSOPInstanceUID", equalTo(authorized.sopInstanceUid()))
                .body(item + "variants[1].sopInstanceStatus", equalTo("NS"))
                .body(item + "variants[1].sopAuthorizationDateTime", nullValue())
                .body(item + "variants[1].instances", equalTo(1))
                .body(item + "variants[2].sopInstanceStatus", nullValue())
                .body(item + "variants[2].firstSOPInstanceUID", equalTo(none.sopInstanceUid()));
    }

    @Test
    void instancesThatDifferOnlyInTheAuthorizationCommentDisagree() {
        DicomFiles.Builder first = DicomFiles.ctImage()
                .with(Tag.SOPInstanceStatus, VR.CS, "AO")
                .with(Tag.SOPAuthorizationComment, VR.LT, "first reading");
        DicomFiles.Builder second = DicomFiles.ctImage()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 2)
                .with(Tag.SOPInstanceStatus, VR.CS, "AO")
                .with(Tag.SOPAuthorizationComment, VR.LT, "second reading");
        store(first, second).statusCode(200);
        report("")
                .statusCode(200)
                .body("seriesWithDisagreeingInstanceStatus.total", equalTo(1))
                .body(
                        "seriesWithDisagreeingInstanceStatus.items[0].variants.sopAuthorizationComment",
                        contains("first reading", "second reading"));
    }

    @Test
    void theReindexingFillsTheAuthorizationOfInstancesStoredBeforeItWasKept() throws Exception {
        DicomFiles.Builder first = DicomFiles.ctImage().with(Tag.SOPAuthorizationComment, VR.LT, "first reading");
        DicomFiles.Builder second = DicomFiles.ctImage()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 2)
                .with(Tag.SOPAuthorizationComment, VR.LT, "second reading");
        store(first, second).statusCode(200);
        // as if stored before the index kept the authorization (schema version 14)
        try (Connection c = index.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("update instance set sop_authorization_comment = null, sop_authorization_datetime = null");
        }
        report("").statusCode(200).body("seriesWithDisagreeingInstanceStatus.total", equalTo(0));
        given().post("/dicom-web/admin/reindex?wait=true").then().statusCode(200);
        report("").statusCode(200).body("seriesWithDisagreeingInstanceStatus.total", equalTo(1));
    }

    @Test
    void aSeriesRefusedUnderAnotherStudyIsListedWithItsRefusals() {
        DicomFiles.Builder first = DicomFiles.ctImage();
        store(first).statusCode(200);
        String otherStudy = Uids.generate();
        DicomFiles.Builder second = DicomFiles.ctImage().studyUid(otherStudy).seriesUid(first.seriesInstanceUid());
        DicomFiles.Builder third = DicomFiles.ctImage()
                .studyUid(otherStudy)
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        store(second).statusCode(409);
        store(third).statusCode(409);
        report("")
                .statusCode(200)
                .body("seriesInOtherStudies.total", equalTo(1))
                .body("seriesInOtherStudies.items[0].seriesInstanceUID", equalTo(first.seriesInstanceUid()))
                .body("seriesInOtherStudies.items[0].storedInStudyInstanceUID", equalTo(first.studyInstanceUid()))
                .body("seriesInOtherStudies.items[0].refusedStudyInstanceUID", equalTo(otherStudy))
                .body("seriesInOtherStudies.items[0].lastRefusedSOPInstanceUID", equalTo(third.sopInstanceUid()))
                .body("seriesInOtherStudies.items[0].refusals", equalTo(2))
                .body("seriesInOtherStudies.items[0].firstRefused", notNullValue());
    }

    @Test
    void aSeriesWhoseInstancesHaveSeveralModalitiesIsListed() {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        DicomFiles.Builder pr = DicomFiles.ctImage()
                .studyUid(ct.studyInstanceUid())
                .seriesUid(ct.seriesInstanceUid())
                .modality("PR")
                .instance(Uids.generate(), 2);
        DicomFiles.Builder alsoCt = DicomFiles.ctImage()
                .studyUid(ct.studyInstanceUid())
                .seriesUid(ct.seriesInstanceUid())
                .instance(Uids.generate(), 3);
        store(ct, pr, alsoCt).statusCode(200);
        report("")
                .statusCode(200)
                .body("seriesWithSeveralModalities.total", equalTo(1))
                .body("seriesWithSeveralModalities.items[0].studyInstanceUID", equalTo(ct.studyInstanceUid()))
                .body("seriesWithSeveralModalities.items[0].seriesInstanceUID", equalTo(ct.seriesInstanceUid()))
                .body("seriesWithSeveralModalities.items[0].modalities", contains("CT", "PR"))
                .body("seriesWithSeveralModalities.items[0].instances", equalTo(3));
    }

    /** Also as one request, where the study is new and inserted with its final counters in one go. */
    @ParameterizedTest(name = "in one request: {0}")
    @ValueSource(booleans = {false, true})
    void aStudyWhoseInstancesDisagreeOnDemographicsIsListedWithEachVariant(boolean oneRequest) {
        DicomFiles.Builder first = DicomFiles.ctImage().patient("Doe^Jane", "PID-7");
        DicomFiles.Builder same = DicomFiles.ctImage()
                .patient("Doe^Jane", "PID-7")
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        DicomFiles.Builder renamed = DicomFiles.ctImage()
                .patient("Roe^Jane", "PID-7")
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 3);
        DicomFiles.Builder renamedToo = DicomFiles.ctImage()
                .patient("Roe^Jane", "PID-7")
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 4);
        DicomFiles.Builder otherId = DicomFiles.ctImage()
                .patient("Doe^Jane", "PID-8")
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 5);
        DicomFiles.Builder otherSeries = DicomFiles.ctImage()
                .patient("Doe^Jane", "PID-7")
                .studyUid(first.studyInstanceUid())
                .series(Uids.generate(), 2)
                .modality("MR")
                .instance(Uids.generate(), 1);
        if (oneRequest) {
            store(first, same, otherSeries, renamed, renamedToo, otherId).statusCode(200);
        } else {
            store(first, same, otherSeries).statusCode(200);
            store(renamed, renamedToo, otherId).statusCode(200);
        }
        given().accept("application/dicom+json")
                .queryParam("StudyInstanceUID", first.studyInstanceUid())
                .queryParam("includefield", "ModalitiesInStudy")
                .when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("[0].'00201206'.Value[0]", equalTo(2)) // NumberOfStudyRelatedSeries
                .body("[0].'00201208'.Value[0]", equalTo(6)) // NumberOfStudyRelatedInstances
                .body("[0].'00080061'.Value", containsInAnyOrder("CT", "MR"));
        report("")
                .statusCode(200)
                .body("studiesWithConflictingDemographics.total", equalTo(1))
                .body("studiesWithConflictingDemographics.items[0].studyInstanceUID", equalTo(first.studyInstanceUid()))
                .body("studiesWithConflictingDemographics.items[0].instances", equalTo(6))
                .body("studiesWithConflictingDemographics.items[0].variants", hasSize(3))
                .body(
                        "studiesWithConflictingDemographics.items[0].variants.patientName",
                        contains("Doe^Jane", "Roe^Jane", "Doe^Jane"))
                .body(
                        "studiesWithConflictingDemographics.items[0].variants.patientID",
                        contains("PID-7", "PID-7", "PID-8"))
                .body("studiesWithConflictingDemographics.items[0].variants.instances", contains(3, 2, 1))
                .body(
                        "studiesWithConflictingDemographics.items[0].variants[1].firstSOPInstanceUID",
                        equalTo(renamed.sopInstanceUid()));
    }

    @Test
    void eachListIsPagedByLimitAndOffset() {
        for (int i = 0; i < 3; i++) {
            DicomFiles.Builder ct = DicomFiles.ctImage();
            store(
                            ct,
                            DicomFiles.ctImage()
                                    .studyUid(ct.studyInstanceUid())
                                    .seriesUid(ct.seriesInstanceUid())
                                    .modality("SR")
                                    .instance(Uids.generate(), 2))
                    .statusCode(200);
        }
        report("?limit=2")
                .statusCode(200)
                .body("seriesWithSeveralModalities.total", equalTo(3))
                .body("seriesWithSeveralModalities.items", hasSize(2));
        report("?limit=2&offset=2")
                .statusCode(200)
                .body("offset", equalTo(2))
                .body("seriesWithSeveralModalities.items", hasSize(1));
    }

    @Test
    void aBadLimitIs400NamingIt() {
        report("?limit=0").statusCode(400).body("message", containsString("limit=0"));
        report("?offset=x").statusCode(400).body("message", containsString("offset=x"));
        report("?limit=5000").statusCode(400).body("message", containsString("from 1 to 1000"));
    }
}
