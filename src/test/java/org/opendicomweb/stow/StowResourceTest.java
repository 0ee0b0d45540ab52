package org.opendicomweb.stow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowResourceTest {
    private static final String BOUNDARY = "stow-test-boundary";
    static final String MULTIPART = StowBody.contentType(BOUNDARY);
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @Inject
    IndexDatabase index;

    @TestHTTPResource("/dicom-web/studies")
    URI studies;

    static byte[] multipart(byte[]... parts) {
        return StowBody.of(BOUNDARY, List.of(parts));
    }

    static ValidatableResponse post(String path, String contentType, byte[] body) {
        return given().contentType(contentType)
                .accept("application/dicom+json")
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private long count(String sql, String param) throws Exception {
        return count(index, sql, param);
    }

    /** The single number {@code sql} selects with one string parameter. */
    static long count(IndexDatabase index, String sql, String param) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void storesAnInstanceAndReferencesItInTheResponse() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(ct.toBytes()))
                .statusCode(200)
                .contentType("application/dicom+json")
                .body("'00081190'.Value[0]", endsWith("/dicom-web/studies/" + ct.studyInstanceUid()))
                .body("'00081199'.Value", hasSize(1))
                .body("'00081199'.Value[0].'00081155'.Value[0]", equalTo(ct.sopInstanceUid()))
                .body("'00081199'.Value[0].'00081150'.Value[0]", equalTo(CT))
                .body(
                        "'00081199'.Value[0].'00081190'.Value[0]",
                        endsWith("/studies/" + ct.studyInstanceUid() + "/series/" + ct.seriesInstanceUid()
                                + "/instances/" + ct.sopInstanceUid()))
                .body("'00081198'", nullValue());
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", ct.sopInstanceUid()));
        assertEquals(1, count("select num_instances from study where study_iuid = ?", ct.studyInstanceUid()));
    }

    @Test
    void storesASinglePartApplicationDicomBody() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        post("/dicom-web/studies", "application/dicom", ct.toBytes()).statusCode(200);
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", ct.sopInstanceUid()));
    }

    /** curl and other clients send large uploads with Expect: 100-continue and wait for the interim answer. */
    @Test
    void aClientWaitingForContinueGetsItAndItsUploadIsStored() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        HttpRequest request = HttpRequest.newBuilder(studies)
                .expectContinue(true)
                .header("Content-Type", MULTIPART)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(ct.toBytes())))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", ct.sopInstanceUid()));
    }

    @Test
    void storesManyInstancesOfOneSeriesWithExactCounts() throws Exception {
        DicomFiles.Builder first = DicomFiles.ctImage().modality("MR");
        byte[][] parts = new byte[5][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = DicomFiles.ctImage()
                    .studyUid(first.studyInstanceUid())
                    .seriesUid(first.seriesInstanceUid())
                    .modality("MR")
                    .instance(Uids.generate(), i + 1)
                    .toBytes();
        }
        post("/dicom-web/studies/" + first.studyInstanceUid(), MULTIPART, multipart(parts))
                .statusCode(200)
                .body("'00081199'.Value", hasSize(5));
        assertEquals(5, count("select num_instances from series where series_iuid = ?", first.seriesInstanceUid()));
        assertEquals(1, count("select num_series from study where study_iuid = ?", first.studyInstanceUid()));
        assertEquals(
                1,
                count(
                        "select count(*) from study where study_iuid = ? and modalities_in_study = '\\MR\\'",
                        first.studyInstanceUid()));
    }

    @Test
    void storeRejectsPartFromOtherStudy() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        String otherStudy = Uids.generate();
        post("/dicom-web/studies/" + otherStudy, MULTIPART, multipart(ct.toBytes()))
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC409))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(ct.sopInstanceUid()));
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", ct.sopInstanceUid()));
    }

    @Test
    void someFailedPartsGive202WithFailedSopSequence() throws Exception {
        DicomFiles.Builder good = DicomFiles.ctImage();
        byte[] notDicom = "this is not a DICOM file at all, just some words".getBytes(StandardCharsets.US_ASCII);
        post("/dicom-web/studies", MULTIPART, multipart(good.toBytes(), notDicom))
                .statusCode(202)
                .header("Warning", containsString("part 2"))
                .body("'00081199'.Value", hasSize(1))
                .body("'00081198'.Value", hasSize(1))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000));
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", good.sopInstanceUid()));
    }

    @Test
    void uidsWithLettersOrOverSixtyFourCharactersAreRefused() throws Exception {
        String letters = "1.2.3.abc";
        String tooLong = "1." + "2".repeat(64);
        DicomFiles.Builder a = DicomFiles.ctImage().with(Tag.SOPInstanceUID, VR.UI, letters);
        DicomFiles.Builder b = DicomFiles.ctImage().with(Tag.SeriesInstanceUID, VR.UI, tooLong);
        post("/dicom-web/studies", MULTIPART, multipart(a.toBytes(), b.toBytes()))
                .statusCode(409)
                .body("'00081198'.Value", hasSize(2))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA900))
                .body("'00081198'.Value[1].'00081197'.Value[0]", equalTo(0xA900));
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", letters));
        assertEquals(0, count("select count(*) from series where series_iuid = ?", tooLong));
    }

    @Test
    void aControlCharacterInARefusedUidNeverReachesTheWarningHeader() {
        DicomFiles.Builder ct = DicomFiles.ctImage().with(Tag.SOPInstanceUID, VR.UI, "1.2\r\n3");
        post("/dicom-web/studies", MULTIPART, multipart(ct.toBytes()))
                .statusCode(409)
                .header("Warning", containsString("'1.2??3'"));
    }

    @Test
    void studiesWithoutPatientIdNeverShareAPatient() {
        DicomFiles.Builder first =
                DicomFiles.ctImage().patientName("Nobody^First").without(Tag.PatientID);
        DicomFiles.Builder second =
                DicomFiles.ctImage().patientName("Nobody^Second").without(Tag.PatientID);
        post("/dicom-web/studies", MULTIPART, multipart(first.toBytes(), second.toBytes()))
                .statusCode(200);
        given().accept("application/dicom+json")
                .queryParam("StudyInstanceUID", second.studyInstanceUid())
                .when()
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("[0].'00100010'.Value[0].Alphabetic", equalTo("Nobody^Second"));
    }

    @Test
    void uidPaddingIsStrippedInTheIndexOnly() throws Exception {
        String sop = Uids.generate();
        DicomFiles.Builder ct = DicomFiles.ctImage().with(Tag.SOPInstanceUID, VR.UI, sop + "\0");
        post("/dicom-web/studies", MULTIPART, multipart(ct.toBytes())).statusCode(200);
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", sop));
    }

    @Test
    void sameInstanceTwiceIsASuccessThatChangesNothing() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        byte[] bytes = ct.toBytes();
        post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200);
        post("/dicom-web/studies", MULTIPART, multipart(bytes)).statusCode(200);
        assertEquals(1, count("select num_instances from study where study_iuid = ?", ct.studyInstanceUid()));
    }

    @Test
    void sameUidWithDifferentContentIsRejectedByDefault() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(ct.toBytes())).statusCode(200);
        byte[] changed = ct.studyDescription("changed description").toBytes();
        post("/dicom-web/studies", MULTIPART, multipart(changed))
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0111));
    }

    @Test
    void aBatchJudgesItsDuplicatesAndStoresTheRest() throws Exception {
        DicomFiles.Builder same = DicomFiles.ctImage();
        byte[] sameBytes = same.toBytes();
        DicomFiles.Builder changed = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(sameBytes, changed.toBytes()))
                .statusCode(200);
        byte[] changedBytes = changed.studyDescription("changed description").toBytes();
        DicomFiles.Builder fresh = DicomFiles.ctImage();

        post("/dicom-web/studies", MULTIPART, multipart(fresh.toBytes(), sameBytes, changedBytes))
                .statusCode(202)
                .body("'00081199'.Value", hasSize(2))
                .body("'00081199'.Value[0].'00081155'.Value[0]", equalTo(fresh.sopInstanceUid()))
                .body("'00081199'.Value[1].'00081155'.Value[0]", equalTo(same.sopInstanceUid()))
                .body("'00081198'.Value", hasSize(1))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(changed.sopInstanceUid()))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0111));
        assertEquals(1, count("select num_instances from study where study_iuid = ?", same.studyInstanceUid()));
        assertEquals(1, count("select num_instances from study where study_iuid = ?", fresh.studyInstanceUid()));
        assertEquals(
                0,
                count(
                        "select count(*) from study where study_description = 'changed description'"
                                + " and study_iuid = ?",
                        changed.studyInstanceUid()));
    }

    @Test
    void seriesUidReusedInAnotherStudyIsRefused() throws Exception {
        DicomFiles.Builder first = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(first.toBytes())).statusCode(200);
        DicomFiles.Builder second = DicomFiles.ctImage().seriesUid(first.seriesInstanceUid());
        post("/dicom-web/studies", MULTIPART, multipart(second.toBytes()))
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC40A));
        assertEquals(0, count("select count(*) from study where study_iuid = ?", second.studyInstanceUid()));
    }

    @Test
    void oneBadInstanceInABatchFailsAloneAndTheOthersAreStored() throws Exception {
        DicomFiles.Builder first = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(first.toBytes())).statusCode(200);
        DicomFiles.Builder good1 = DicomFiles.ctImage();
        DicomFiles.Builder reused = DicomFiles.ctImage().seriesUid(first.seriesInstanceUid());
        DicomFiles.Builder good2 = DicomFiles.ctImage();
        post("/dicom-web/studies", MULTIPART, multipart(good1.toBytes(), reused.toBytes(), good2.toBytes()))
                .statusCode(202)
                .body("'00081199'.Value", hasSize(2))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(reused.sopInstanceUid()))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC40A));
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", good1.sopInstanceUid()));
        assertEquals(1, count("select count(*) from instance where sop_iuid = ?", good2.sopInstanceUid()));
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", reused.sopInstanceUid()));
    }

    @Test
    void truncatedPartFailsAndLeavesNothingBehind() throws Exception {
        DicomFiles.Builder ct = DicomFiles.ctImage();
        byte[] whole = ct.toBytes();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 100);
        post("/dicom-web/studies", MULTIPART, multipart(truncated))
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(ct.sopInstanceUid()));
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", ct.sopInstanceUid()));
    }

    @Test
    void bodyCutOffMidPartKeepsEarlierPartsAndReportsTheCutOne() throws Exception {
        DicomFiles.Builder first = DicomFiles.ctImage();
        DicomFiles.Builder second = DicomFiles.ctImage();
        byte[] body = multipart(first.toBytes(), second.toBytes());
        byte[] cut = Arrays.copyOf(body, body.length - 200);
        post("/dicom-web/studies", MULTIPART, cut)
                .statusCode(202)
                .body("'00081199'.Value", hasSize(1))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(second.sopInstanceUid()));
        assertEquals(0, count("select count(*) from instance where sop_iuid = ?", second.sopInstanceUid()));
    }

    @Test
    void wrongBoundaryIsABadRequest() {
        byte[] body = multipart(DicomFiles.ctImage().toBytes());
        post("/dicom-web/studies", "multipart/related; type=\"application/dicom\"; boundary=other", body)
                .statusCode(400)
                .body("message", containsString("delimiter"));
    }

    @Test
    void emptyBodyIsABadRequest() {
        post("/dicom-web/studies", MULTIPART, new byte[0]).statusCode(400);
    }

    @Test
    void missingBoundaryIsABadRequest() {
        post("/dicom-web/studies", "multipart/related; type=\"application/dicom\"", new byte[10])
                .statusCode(400)
                .body("message", containsString("boundary"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        post("/dicom-web/studies", "text/plain", "hello".getBytes(StandardCharsets.US_ASCII))
                .statusCode(415);
    }

    @Test
    void malformedStudyUidInPathIs400() {
        post(
                        "/dicom-web/studies/1.2.abc",
                        MULTIPART,
                        multipart(DicomFiles.ctImage().toBytes()))
                .statusCode(400)
                .body("message", containsString("1.2.abc"));
    }
}
