package org.opendicomweb.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.security.audit.AuditFile;
import org.opendicomweb.security.audit.AuditTrail;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PydicomCorpus;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.StowBody;
import org.opendicomweb.testing.Tool;

/**
 * The FHIR ImagingStudy endpoints over studies stored through STOW-RS: the whole of pydicom's test data and studies
 * made here with known values. Every answer, errors included, must pass HAPI FHIR's validator against the R5 base
 * profiles without an error; what it still says (warnings, information) is printed once the class is done.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class FhirImagingStudyTest {
    /** The issuer application.properties (%test) maps, and the system it maps to. */
    private static final String MAPPED_ISSUER = "HOSP-A";

    private static final String MAPPED_SYSTEM = "urn:oid:1.2.826.0.1.3680043.9.7";
    /** The system of Patient IDs without an issuer in the tests (%test). */
    private static final String DEFAULT_SYSTEM = "http://archive.example.org/patient-ids";

    private static final String REMOTE = "203.0.113.5";
    private static final String BOUNDARY = "fhir-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FhirR5Validator validator;

    @Inject
    AuditTrail trail;

    @Inject
    DicomwebConfig config;

    @BeforeAll
    static void validator() {
        validator = new FhirR5Validator();
    }

    @AfterAll
    static void whatTheValidatorStillSays() {
        System.out.println("FHIR validator warnings and information, by message (count):");
        validator.notes().forEach((message, count) -> System.out.println("  " + count + " x " + message));
    }

    @BeforeEach
    @AfterEach
    void emptyTheIndex() throws Exception {
        IndexTables.clean();
    }

    @Test
    void everyStudyOfTheCorpusIsAValidImagingStudyThatEachSearchFinds() throws Exception {
        RequiredTools.require(Tool.PYDICOM_FILES);
        Set<String> stored = new TreeSet<>();
        PydicomCorpus.storeEveryFile().values().stream()
                .filter(PydicomCorpus.Outcome::stored)
                .forEach(o -> stored.add(o.study()));
        assertTrue(stored.size() >= 20, "studies stored of pydicom's data: " + stored.size());

        Set<String> found = new TreeSet<>();
        JsonNode last = null;
        for (String next = "/fhir/ImagingStudy?_count=10"; next != null; next = link(last, "next")) {
            last = fhir(next);
            for (JsonNode entry : last.path("entry")) {
                String id = entry.at("/resource/id").asText();
                assertTrue(found.add(id), "a study on two pages: " + id);
                assertEquals(
                        base() + "/fhir/ImagingStudy/" + id,
                        entry.path("fullUrl").asText());
                assertEquals("match", entry.at("/search/mode").asText());
            }
        }
        assertEquals(stored, found);
        assertEquals(stored.size(), last.path("total").asInt(), "the last page knows the total");

        for (String uid : stored) {
            JsonNode study = fhir("/fhir/ImagingStudy/" + uid);
            assertEquals(uid, study.path("id").asText());
            assertEquals("urn:oid:" + uid, study.at("/identifier/0/value").asText());
            int instances = given().accept("application/dicom+json")
                    .when()
                    .get("/dicom-web/studies?StudyInstanceUID=" + uid)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getInt("[0].'00201208'.Value[0]");
            assertEquals(instances, study.path("numberOfInstances").asInt(), uid);
            int listed = 0;
            int counted = 0;
            for (JsonNode series : study.path("series")) {
                listed += series.path("instance").size();
                counted += series.path("numberOfInstances").asInt();
            }
            assertEquals(instances, listed, uid);
            assertEquals(instances, counted, uid);
            assertEquals(
                    study.path("series").size(), study.path("numberOfSeries").asInt(), uid);

            assertEquals(
                    List.of(uid), ids(fhir("/fhir/ImagingStudy?identifier=" + encode("urn:dicom:uid|urn:oid:" + uid))));
            JsonNode patientId = study.at("/contained/0/identifier/0");
            if (patientId.has("value")) {
                String token = escaped(patientId.path("system").asText("")) + "|"
                        + escaped(patientId.path("value").asText());
                assertEquals(
                        List.of(uid),
                        ids(fhir("/fhir/ImagingStudy?_id=" + uid + "&patient.identifier=" + encode(token))),
                        token);
            }
            if (study.has("started")) {
                String day = study.path("started").asText().substring(0, 10);
                assertEquals(List.of(uid), ids(fhir("/fhir/ImagingStudy?_id=" + uid + "&started=" + day)));
                assertEquals(List.of(), ids(fhir("/fhir/ImagingStudy?_id=" + uid + "&started=ne" + day)));
            }
        }
    }

    @Test
    void aStudyShowsWhatTheIndexKeepsOfIt() throws Exception {
        String patientId = "FHIR-" + System.nanoTime();
        String study = Uids.generate();
        String ctSeries = Uids.generate();
        DicomFiles.Builder ct1 = known(patientId, study)
                .series(ctSeries, 2)
                .seriesDescription("Axial")
                .instance(Uids.generate(), 1);
        DicomFiles.Builder ct2 = known(patientId, study)
                .series(ctSeries, 2)
                .seriesDescription("Axial")
                .instance(Uids.generate(), 2);
        DicomFiles.Builder mr = known(patientId, study)
                .modality("MR")
                .sopClassUid(UID.MRImageStorage)
                .series(Uids.generate(), 1)
                .instance(Uids.generate(), 1);
        DicomFiles.Builder unknown =
                known(patientId, study).series(Uids.generate(), 3).without(Tag.Modality);
        store(ct1, ct2, mr, unknown);

        JsonNode s = fhir("/fhir/ImagingStudy/" + study);
        assertEquals("ImagingStudy", s.path("resourceType").asText());
        assertEquals(study, s.path("id").asText());
        assertEquals("urn:dicom:uid", s.at("/identifier/0/system").asText());
        assertEquals("urn:oid:" + study, s.at("/identifier/0/value").asText());
        assertEquals("ACSN", s.at("/identifier/1/type/coding/0/code").asText());
        assertEquals("ACC-FHIR-1", s.at("/identifier/1/value").asText());
        assertEquals("available", s.path("status").asText());
        assertEquals(List.of("CT", "MR"), codes(s.path("modality")));
        assertEquals("#patient", s.at("/subject/reference").asText());
        JsonNode patient = s.at("/contained/0");
        assertEquals("Patient", patient.path("resourceType").asText());
        assertEquals(MAPPED_SYSTEM, patient.at("/identifier/0/system").asText());
        assertEquals(patientId, patient.at("/identifier/0/value").asText());
        assertEquals("Doe", patient.at("/name/0/family").asText());
        assertEquals("[\"Jane\",\"Marie\"]", patient.at("/name/0/given").toString());
        assertEquals("Dr", patient.at("/name/0/prefix/0").asText());
        assertEquals("PhD", patient.at("/name/0/suffix/0").asText());
        assertEquals("female", patient.path("gender").asText());
        assertEquals("1970-05-06", patient.path("birthDate").asText());
        assertEquals("2026-03-04T10:11:12.5+01:00", s.path("started").asText());
        assertEquals("#wado-rs", s.at("/endpoint/0/reference").asText());
        JsonNode endpoint = s.at("/contained/1");
        assertEquals("Endpoint", endpoint.path("resourceType").asText());
        assertEquals("active", endpoint.path("status").asText());
        assertEquals(
                "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
                endpoint.at("/connectionType/0/coding/0/system").asText());
        assertEquals(
                "dicom-wado-rs", endpoint.at("/connectionType/0/coding/0/code").asText());
        assertEquals(base() + "/dicom-web", endpoint.path("address").asText());
        assertEquals(3, s.path("numberOfSeries").asInt());
        assertEquals(4, s.path("numberOfInstances").asInt());
        assertEquals("Chest CT", s.path("description").asText());

        JsonNode first = s.at("/series/0");
        assertEquals(mr.seriesInstanceUid(), first.path("uid").asText());
        assertEquals("MR", first.at("/modality/coding/0/code").asText());
        JsonNode axial = s.at("/series/1");
        assertEquals(ctSeries, axial.path("uid").asText());
        assertEquals(2, axial.path("number").asInt());
        assertEquals(ImagingStudyJson.DCM, axial.at("/modality/coding/0/system").asText());
        assertEquals("CT", axial.at("/modality/coding/0/code").asText());
        assertEquals("Axial", axial.path("description").asText());
        assertEquals(2, axial.path("numberOfInstances").asInt());
        assertEquals("2026-03-04T10:15:00+01:00", axial.path("started").asText());
        assertEquals(ct1.sopInstanceUid(), axial.at("/instance/0/uid").asText());
        assertEquals(
                "urn:ietf:rfc:3986", axial.at("/instance/0/sopClass/system").asText());
        assertEquals(
                "urn:oid:" + UID.CTImageStorage,
                axial.at("/instance/0/sopClass/code").asText());
        assertEquals(1, axial.at("/instance/0/number").asInt());
        assertEquals(ct2.sopInstanceUid(), axial.at("/instance/1/uid").asText());
        JsonNode withoutModality = s.at("/series/2");
        assertEquals(
                ImagingStudyJson.DATA_ABSENT_REASON,
                withoutModality.at("/modality/extension/0/url").asText());
        assertEquals(
                "unknown", withoutModality.at("/modality/extension/0/valueCode").asText());
        assertFalse(withoutModality.path("modality").has("coding"));
    }

    @Test
    void aStudyWithoutPatientIdHasAPatientWhoseIdentifierIsAbsentWithAReason() throws Exception {
        DicomFiles.Builder image =
                DicomFiles.ctImage().size(8, 8).patientName("Nobody^Known").without(Tag.PatientID);
        store(image);
        JsonNode patient =
                fhir("/fhir/ImagingStudy/" + image.studyInstanceUid()).at("/contained/0");
        JsonNode identifier = patient.at("/identifier/0");
        assertFalse(identifier.has("value"));
        assertFalse(identifier.has("system"));
        assertEquals(
                ImagingStudyJson.DATA_ABSENT_REASON,
                identifier.at("/_value/extension/0/url").asText());
        assertEquals("unknown", identifier.at("/_value/extension/0/valueCode").asText());
        assertEquals("Nobody", patient.at("/name/0/family").asText());
        JsonNode any = fhir("/fhir/ImagingStudy?_id=" + image.studyInstanceUid() + "&patient.identifier=TEST-0001");
        assertEquals(0, any.path("total").asInt());
    }

    @Test
    void theIssuerOfPatientIdBecomesTheIdentifierSystemItIsMappedTo() throws Exception {
        String patientId = "FHIR-ISSUER-" + System.nanoTime();
        DicomFiles.Builder mapped = image(patientId).with(Tag.IssuerOfPatientID, VR.LO, MAPPED_ISSUER);
        DicomFiles.Builder elsewhere = image(patientId).with(Tag.IssuerOfPatientID, VR.LO, "ELSEWHERE");
        DicomFiles.Builder withoutIssuer = image(patientId);
        // One request each: the studies of one request are stored in no particular order, and searches answer in the
        // order studies were first stored.
        store(mapped);
        store(elsewhere);
        store(withoutIssuer);

        JsonNode m = fhir("/fhir/ImagingStudy/" + mapped.studyInstanceUid()).at("/contained/0/identifier/0");
        assertEquals(MAPPED_SYSTEM, m.path("system").asText());
        assertFalse(m.has("assigner"));
        JsonNode e = fhir("/fhir/ImagingStudy/" + elsewhere.studyInstanceUid()).at("/contained/0/identifier/0");
        assertFalse(e.has("system"));
        assertEquals("ELSEWHERE", e.at("/assigner/display").asText());
        JsonNode w =
                fhir("/fhir/ImagingStudy/" + withoutIssuer.studyInstanceUid()).at("/contained/0/identifier/0");
        assertEquals(DEFAULT_SYSTEM, w.path("system").asText());

        assertEquals(List.of(mapped.studyInstanceUid()), byPatient(MAPPED_SYSTEM + "|" + patientId));
        assertEquals(List.of(elsewhere.studyInstanceUid()), byPatient("|" + patientId));
        assertEquals(List.of(withoutIssuer.studyInstanceUid()), byPatient(DEFAULT_SYSTEM + "|" + patientId));
        assertEquals(
                List.of(mapped.studyInstanceUid(), elsewhere.studyInstanceUid(), withoutIssuer.studyInstanceUid()),
                byPatient(patientId));
        assertEquals(List.of(), byPatient("urn:oid:1.2.3.999|" + patientId));
        assertEquals(
                List.of(mapped.studyInstanceUid(), elsewhere.studyInstanceUid()),
                byPatient(MAPPED_SYSTEM + "|" + patientId + ",|" + patientId));
    }

    @Test
    void pagesFollowEachOtherByTheirNextLinks() throws Exception {
        String patientId = "FHIR-PAGES-" + System.nanoTime();
        List<String> studies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DicomFiles.Builder b = image(patientId);
            store(b);
            studies.add(b.studyInstanceUid());
        }
        String query = "/fhir/ImagingStudy?patient.identifier=" + encode(patientId) + "&_count=2";
        JsonNode page1 = fhir(query);
        assertEquals(5, page1.path("total").asInt());
        assertEquals(studies.subList(0, 2), ids(page1));
        assertEquals(base() + query, link(page1, "self"));
        JsonNode page2 = fhir(link(page1, "next"));
        assertTrue(link(page1, "next").endsWith("&_offset=2"));
        assertEquals(studies.subList(2, 4), ids(page2));
        JsonNode page3 = fhir(link(page2, "next"));
        assertEquals(studies.subList(4, 5), ids(page3));
        assertNull(link(page3, "next"));
        assertEquals("searchset", page3.path("type").asText());

        JsonNode counted = fhir("/fhir/ImagingStudy?patient.identifier=" + encode(patientId) + "&_count=0");
        assertEquals(5, counted.path("total").asInt());
        assertFalse(counted.has("entry"));
    }

    @Test
    void startedMatchesTheStudyDayWithEachPrefix() throws Exception {
        String patientId = "FHIR-DATES-" + System.nanoTime();
        DicomFiles.Builder d2019 = image(patientId).studyDate(LocalDate.of(2019, 12, 31));
        DicomFiles.Builder d2020a = image(patientId).studyDate(LocalDate.of(2020, 1, 1));
        DicomFiles.Builder d2020b = image(patientId).studyDate(LocalDate.of(2020, 6, 15));
        DicomFiles.Builder d2021 = image(patientId).studyDate(LocalDate.of(2021, 1, 1));
        store(d2019);
        store(d2020a);
        store(d2020b);
        store(d2021);
        String a = d2019.studyInstanceUid();
        String b = d2020a.studyInstanceUid();
        String c = d2020b.studyInstanceUid();
        String d = d2021.studyInstanceUid();
        assertEquals(List.of(b, c, d), byPatientAnd(patientId, "started=ge2020"));
        assertEquals(List.of(a), byPatientAnd(patientId, "started=lt2020"));
        assertEquals(List.of(b, c), byPatientAnd(patientId, "started=2020"));
        assertEquals(List.of(b, c), byPatientAnd(patientId, "started=eq2020"));
        assertEquals(List.of(c), byPatientAnd(patientId, "started=2020-06"));
        assertEquals(List.of(a, d), byPatientAnd(patientId, "started=ne2020"));
        assertEquals(List.of(d), byPatientAnd(patientId, "started=gt2020"));
        assertEquals(List.of(a, b, c), byPatientAnd(patientId, "started=le2020-06-15"));
        assertEquals(List.of(b, c), byPatientAnd(patientId, "started=ge2020&started=lt2021"));
        assertEquals(List.of(a, b), byPatientAnd(patientId, "started=2019-12-31,2020-01-01"));
        assertEquals(List.of(d), byPatientAnd(patientId, "started=sa2020"));
        assertEquals(List.of(a), byPatientAnd(patientId, "started=eb2020"));
    }

    @Test
    void theValidatorFindsWhatIsWrongWithAnImagingStudy() {
        // No status (1..1), a series without uid and modality, an element R5 does not have, a malformed dateTime.
        List<String> errors = validator.errors("{\"resourceType\":\"ImagingStudy\",\"subject\":{\"display\":\"x\"},"
                + "\"started\":\"2020-01-01T10:00\",\"modality\":{\"text\":\"CT\"},\"series\":[{\"number\":1}]}");
        assertTrue(errors.size() >= 4, errors.toString());
    }

    @Test
    void errorsAreOperationOutcomes() throws Exception {
        outcome(given(), "/fhir/ImagingStudy/2.25.404", 404, "not-found");
        outcome(given(), "/fhir/ImagingStudy/not_an_id", 400, "invalid");
        outcome(given(), "/fhir/ImagingStudy?modality=CT", 400, "invalid");
        outcome(given(), "/fhir/ImagingStudy?identifier:of-type=x", 400, "invalid");
        outcome(given(), "/fhir/ImagingStudy?started=" + encode("2020-01-01T10:00:00Z"), 400, "invalid");
        outcome(given(), "/fhir/ImagingStudy?started=ap2020", 400, "invalid");
        outcome(given(), "/fhir/ImagingStudy?_count=-1", 400, "invalid");
        outcome(given(), "/fhir/ImagingStudy?_format=xml", 406, "not-supported");
        outcome(given().accept("application/fhir+xml"), "/fhir/ImagingStudy", 406, "not-supported");
        outcome(given().accept("application/fhir+xml"), "/fhir/metadata", 406, "not-supported");
        outcome(given(), "/fhir/Patient", 404, "not-found");
        outcome(given(), "/fhir/ImagingStudy/1.2.3/_history/1", 404, "not-found");
        Response post = given().urlEncodingEnabled(false)
                .contentType("application/fhir+json")
                .body("{\"resourceType\":\"ImagingStudy\"}")
                .when()
                .post("/fhir/ImagingStudy");
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.header("Allow"));
        assertValid(post.asString());
    }

    @Test
    void unknownParametersAreIgnoredWhenTheClientAsksForLenientHandling() throws Exception {
        DicomFiles.Builder image = image("FHIR-LENIENT-" + System.nanoTime());
        store(image);
        JsonNode bundle = fhir(
                given().header("Prefer", "handling=lenient"),
                "/fhir/ImagingStudy?_id=" + image.studyInstanceUid() + "&modality=CT");
        assertEquals(List.of(image.studyInstanceUid()), ids(bundle));
        assertEquals(
                base() + "/fhir/ImagingStudy?_id=" + image.studyInstanceUid() + "&_count=20", link(bundle, "self"));
    }

    @Test
    void jsonIsAnsweredForFormatJsonAndForAcceptApplicationJson() {
        given().when().get("/fhir/metadata?_format=json").then().statusCode(200).contentType("application/fhir+json");
        given().accept("application/json")
                .when()
                .get("/fhir/ImagingStudy?_count=1")
                .then()
                .statusCode(200)
                .contentType("application/json");
    }

    @Test
    void theCapabilityStatementDescribesReadAndSearchAndIsPublic() throws Exception {
        JsonNode statement = fhir("/fhir/metadata");
        assertEquals("CapabilityStatement", statement.path("resourceType").asText());
        assertEquals("5.0.0", statement.path("fhirVersion").asText());
        assertEquals("instance", statement.path("kind").asText());
        assertEquals(base() + "/fhir", statement.at("/implementation/url").asText());
        JsonNode resource = statement.at("/rest/0/resource/0");
        assertEquals("ImagingStudy", resource.path("type").asText());
        List<String> interactions = new ArrayList<>();
        resource.path("interaction")
                .forEach(i -> interactions.add(i.path("code").asText()));
        assertEquals(List.of("read", "search-type"), interactions);
        List<String> parameters = new ArrayList<>();
        resource.path("searchParam").forEach(p -> parameters.add(p.path("name").asText()));
        assertEquals(List.of("_id", "identifier", "patient", "started"), parameters);

        given().header("X-Forwarded-For", REMOTE)
                .when()
                .get("/fhir/metadata")
                .then()
                .statusCode(200);
    }

    @Test
    void imagingStudiesNeedTheReadPermissionAndAreAudited() throws Exception {
        String patientId = "FHIR-AUDIT-" + System.nanoTime();
        DicomFiles.Builder image = image(patientId);
        store(image);
        String read = "/fhir/ImagingStudy/" + image.studyInstanceUid();
        given().header("X-Forwarded-For", REMOTE).when().get(read).then().statusCode(403);
        given().header("X-Forwarded-For", REMOTE)
                .when()
                .get("/fhir/ImagingStudy")
                .then()
                .statusCode(403);

        long before = auditFileSize();
        fhir(read);
        fhir("/fhir/ImagingStudy?patient.identifier=" + encode(patientId));
        fhir("/fhir/metadata");
        assertTrue(trail.flush(Duration.ofSeconds(10)));
        List<JsonNode> events = new ArrayList<>();
        String written =
                Files.readString(AuditFile.of(config), StandardCharsets.UTF_8).substring((int) before);
        for (String line : written.split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        assertEquals(2, events.size(), written);
        for (JsonNode e : events) {
            assertEquals("110112", e.at("/eventId/code").asText(), e.toString());
            assertEquals(
                    image.studyInstanceUid(),
                    e.at("/participants/0/studyInstanceUid").asText(),
                    e.toString());
            assertEquals(patientId, e.at("/participants/0/patientId").asText(), e.toString());
        }
        assertEquals(read, events.get(0).at("/request/path").asText());
        assertEquals("/fhir/ImagingStudy", events.get(1).at("/request/path").asText());
        assertTrue(events.get(1).at("/request/query").asText().contains("patient.identifier="), written);
    }

    @Test
    void linksFollowTheForwardedHeadersOfATrustedProxy() throws Exception {
        DicomFiles.Builder image = image("FHIR-PROXY-" + System.nanoTime());
        store(image);
        RequestSpecification proxied = given().header("X-Forwarded-For", "127.0.0.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "pacs.example.org")
                .header("X-Forwarded-Prefix", "/imaging");
        JsonNode bundle = fhir(proxied, "/fhir/ImagingStudy?_id=" + image.studyInstanceUid());
        String root = "https://pacs.example.org/imaging";
        assertEquals(
                root + "/fhir/ImagingStudy/" + image.studyInstanceUid(),
                bundle.at("/entry/0/fullUrl").asText());
        assertEquals(
                root + "/dicom-web",
                bundle.at("/entry/0/resource/contained/1/address").asText());
        assertTrue(link(bundle, "self").startsWith(root + "/fhir/ImagingStudy?"));
    }

    @Test
    void rejectedAndDeletedInstancesLeaveTheImagingStudy() throws Exception {
        String patientId = "FHIR-GONE-" + System.nanoTime();
        String study = Uids.generate();
        String series = Uids.generate();
        DicomFiles.Builder kept = image(patientId).studyUid(study).seriesUid(series);
        DicomFiles.Builder rejected = image(patientId).studyUid(study).seriesUid(series);
        DicomFiles.Builder alone = image(patientId);
        DicomFiles.Builder deleted = image(patientId);
        store(kept, rejected, alone, deleted);
        store(DicomFiles.keyObjectSelection("113001", List.of(reference(rejected), reference(alone)))
                .patient("Test^Patient", patientId));

        JsonNode s = fhir("/fhir/ImagingStudy/" + study);
        assertEquals(1, s.path("numberOfInstances").asInt());
        assertEquals(1, s.path("numberOfSeries").asInt());
        assertEquals(kept.sopInstanceUid(), s.at("/series/0/instance/0/uid").asText());
        assertEquals(1, s.at("/series/0/instance").size());
        assertEquals(1, s.at("/series/0/numberOfInstances").asInt());
        outcome(given(), "/fhir/ImagingStudy/" + alone.studyInstanceUid(), 404, "not-found");

        given().when()
                .delete("/dicom-web/studies/" + deleted.studyInstanceUid())
                .then()
                .statusCode(204);
        outcome(given(), "/fhir/ImagingStudy/" + deleted.studyInstanceUid(), 404, "not-found");
        List<String> found = byPatient(patientId);
        assertTrue(found.contains(study), found.toString());
        assertFalse(found.contains(alone.studyInstanceUid()));
        assertFalse(found.contains(deleted.studyInstanceUid()));
    }

    // ---- fixtures ----

    /** A study with known values, all of one kind, for {@link #aStudyShowsWhatTheIndexKeepsOfIt}. */
    private static DicomFiles.Builder known(String patientId, String study) {
        return DicomFiles.ctImage()
                .size(8, 8)
                .patient("Doe^Jane^Marie^Dr^PhD", patientId)
                .birthDate(LocalDate.of(1970, 5, 6))
                .sex("F")
                .studyUid(study)
                .studyDate(LocalDate.of(2026, 3, 4))
                .accessionNumber("ACC-FHIR-1")
                .studyDescription("Chest CT")
                .with(Tag.StudyTime, VR.TM, "101112.5")
                .with(Tag.TimezoneOffsetFromUTC, VR.SH, "+0100")
                .with(Tag.IssuerOfPatientID, VR.LO, MAPPED_ISSUER)
                .with(Tag.PerformedProcedureStepStartDate, VR.DA, "20260304")
                .with(Tag.PerformedProcedureStepStartTime, VR.TM, "1015");
    }

    private static DicomFiles.Builder image(String patientId) {
        return DicomFiles.ctImage().size(8, 8).patient("Test^Patient", patientId);
    }

    private static DicomFiles.Reference reference(DicomFiles.Builder b) {
        return new DicomFiles.Reference(
                b.studyInstanceUid(), b.seriesInstanceUid(), UID.CTImageStorage, b.sopInstanceUid());
    }

    private static void store(DicomFiles.Builder... files) {
        given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    // ---- requests ----

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private static JsonNode fhir(String pathOrUrl) throws Exception {
        return fhir(given(), pathOrUrl);
    }

    /** A 200 in application/fhir+json that the validator finds no error in. */
    private static JsonNode fhir(RequestSpecification request, String pathOrUrl) throws Exception {
        Response response = request.urlEncodingEnabled(false).when().get(pathOrUrl);
        assertEquals(200, response.statusCode(), pathOrUrl + ": " + response.asString());
        assertEquals("application/fhir+json", response.contentType(), pathOrUrl);
        String body = response.asString();
        assertValid(body);
        return JSON.readTree(body);
    }

    private static void outcome(RequestSpecification request, String path, int status, String code) throws Exception {
        Response response = request.urlEncodingEnabled(false).when().get(path);
        assertEquals(status, response.statusCode(), path + ": " + response.asString());
        assertEquals("application/fhir+json", response.contentType(), path);
        JsonNode outcome = JSON.readTree(response.asString());
        assertEquals("OperationOutcome", outcome.path("resourceType").asText());
        assertEquals("error", outcome.at("/issue/0/severity").asText());
        assertEquals(code, outcome.at("/issue/0/code").asText(), response.asString());
        assertValid(response.asString());
    }

    private static void assertValid(String json) {
        assertEquals(List.of(), validator.errors(json), json.length() > 4000 ? json.substring(0, 4000) : json);
    }

    private static List<String> byPatient(String token) throws Exception {
        return ids(fhir("/fhir/ImagingStudy?_count=100&patient.identifier=" + encode(token)));
    }

    private static List<String> byPatientAnd(String patientId, String query) throws Exception {
        return ids(fhir("/fhir/ImagingStudy?patient.identifier=" + encode(patientId) + "&" + query));
    }

    private static List<String> ids(JsonNode bundle) {
        List<String> ids = new ArrayList<>();
        bundle.path("entry").forEach(e -> ids.add(e.at("/resource/id").asText()));
        return ids;
    }

    private static List<String> codes(JsonNode concepts) {
        List<String> codes = new ArrayList<>();
        concepts.forEach(c -> codes.add(c.at("/coding/0/code").asText()));
        return codes;
    }

    private static String link(JsonNode bundle, String relation) {
        for (JsonNode link : bundle.path("link")) {
            if (link.path("relation").asText().equals(relation)) {
                return link.path("url").asText();
            }
        }
        return null;
    }

    /** A token part with FHIR's search escapes (R5 Search, "Escaping Search Parameters"). */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace("|", "\\|")
                .replace("$", "\\$");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long auditFileSize() throws Exception {
        trail.flush(Duration.ofSeconds(10));
        Path file = AuditFile.of(config);
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
