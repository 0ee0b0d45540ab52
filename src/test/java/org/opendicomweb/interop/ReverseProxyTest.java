package org.opendicomweb.interop;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Nginx;
import org.opendicomweb.testing.StowBody;

/**
 * The server behind nginx under a path prefix, {@code /pacs/dicom-web} outside for {@code /dicom-web} inside, with
 * X-Forwarded-Proto/-Host/-Prefix set by the proxy (see deploy/README.md): every link the server hands out names
 * the outside URL, and following it through the proxy works.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ReverseProxyTest {
    private static final String BOUNDARY = "proxy-test-boundary";
    private static Nginx nginx;

    @BeforeEach
    void startProxy() {
        if (nginx == null) {
            String upstream = "http://127.0.0.1:" + RestAssured.port + "/dicom-web";
            nginx = Nginx.start("""
                    client_max_body_size 0;
                    location /pacs/dicom-web {
                        proxy_pass %1$s;
                        proxy_http_version 1.1;
                        proxy_request_buffering off;
                        proxy_buffering off;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-Host $http_host;
                        proxy_set_header X-Forwarded-Prefix /pacs;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    }
                    # As a TLS-terminating proxy would call it, for the scheme and host it announces.
                    location /tls/dicom-web {
                        proxy_pass %1$s;
                        proxy_set_header X-Forwarded-Proto https;
                        proxy_set_header X-Forwarded-Host pacs.example.org;
                        proxy_set_header X-Forwarded-Prefix /tls;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    }
                    # As a proxy would call it for a client on another machine (a documentation address,
                    # RFC 5737): mode none must refuse it.
                    location /remote/dicom-web {
                        proxy_pass %1$s;
                        proxy_set_header X-Forwarded-For 203.0.113.5;
                    }
                    # A proxy that does not name its client: the client is unknown, so not local either.
                    location /anonymous/dicom-web {
                        proxy_pass %1$s;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                    """.formatted(upstream));
        }
    }

    @AfterAll
    static void stopProxy() {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    private static String outside() {
        return nginx.url("/pacs/dicom-web");
    }

    @Test
    void stowAnswersWithRetrieveUrlsOfTheOutsideThatWorkThroughTheProxy() {
        DicomFiles.Builder first = DicomFiles.multiFrame(2).instance(Uids.generate(), 1);
        DicomFiles.Builder second = DicomFiles.ctImage()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        JsonPath stow = store(first, second);
        String study = outside() + "/studies/" + first.studyInstanceUid();
        assertEquals(study, stow.getString("'00081190'.Value[0]"));
        List<String> instanceUrls = stow.getList("'00081199'.Value.'00081190'.Value.flatten()");
        assertEquals(List.of(instanceUrl(first), instanceUrl(second)), instanceUrls);

        for (String url : instanceUrls) {
            Response r = given().accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                    .when()
                    .get(url);
            assertEquals(200, r.statusCode(), url + ": " + nginx.errorLog());
            List<MultipartParts.Part> parts = MultipartParts.split(r.getContentType(), r.asByteArray());
            assertEquals(1, parts.size());
            assertEquals(url, parts.get(0).header("Content-Location"));
        }
        Response whole = given().accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .when()
                .get(study);
        assertEquals(200, whole.statusCode());
        List<String> locations = MultipartParts.split(whole.getContentType(), whole.asByteArray()).stream()
                .map(p -> p.header("Content-Location"))
                .sorted()
                .toList();
        assertEquals(instanceUrls.stream().sorted().toList(), locations);
    }

    @Test
    void qidoRetrieveUrlsNameTheOutsideAndWorkThroughTheProxy() {
        DicomFiles.Builder image = DicomFiles.ctImage().instance(Uids.generate(), 1);
        store(image);
        String study = outside() + "/studies/" + image.studyInstanceUid();
        String series = study + "/series/" + image.seriesInstanceUid();
        Map<String, String> levels = Map.of(
                outside() + "/studies?StudyInstanceUID=" + image.studyInstanceUid(), study,
                study + "/series", series,
                series + "/instances", instanceUrl(image));
        levels.forEach((query, expected) -> {
            Response r = given().accept("application/dicom+json").when().get(query);
            assertEquals(200, r.statusCode(), query);
            String retrieveUrl = r.jsonPath().getString("[0].'00081190'.Value[0]");
            assertEquals(expected, retrieveUrl, query);
            Response followed = given().accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                    .when()
                    .get(retrieveUrl);
            assertEquals(200, followed.statusCode(), retrieveUrl);
            assertEquals(
                    1,
                    MultipartParts.split(followed.getContentType(), followed.asByteArray())
                            .size());
        });
    }

    @Test
    void metadataBulkDataUrisNameTheOutsideAndWorkThroughTheProxy() {
        DicomFiles.Builder image = DicomFiles.multiFrame(3).instance(Uids.generate(), 1);
        store(image);
        Response metadata = given().accept("application/dicom+json")
                .when()
                .get(outside() + "/studies/" + image.studyInstanceUid() + "/metadata");
        assertEquals(200, metadata.statusCode());
        String pixelData = metadata.jsonPath().getString("[0].'7FE00010'.BulkDataURI");
        assertEquals(instanceUrl(image) + "/bulkdata/7FE00010", pixelData);
        Response bytes = given().accept("application/octet-stream").when().get(pixelData);
        assertEquals(200, bytes.statusCode(), pixelData);
        assertEquals(16 * 16 * 3 * 2, bytes.asByteArray().length, "three 16x16 frames of 16 bits");
    }

    @Test
    void theServiceRootAndCapabilitiesNameTheOutside() {
        given().when().get(outside()).then().statusCode(200).body("root", org.hamcrest.Matchers.equalTo(outside()));
        Response wadl = given().when().options(outside() + "/studies");
        assertEquals(200, wadl.statusCode());
        assertTrue(wadl.asString().contains("base=\"" + outside() + "/\""), wadl.asString());
    }

    @Test
    void theSchemeAndHostAnnouncedByTheProxyAreUsed() {
        DicomFiles.Builder image = DicomFiles.ctImage().instance(Uids.generate(), 1);
        JsonPath stow = given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, image))
                .when()
                .post(nginx.url("/tls/dicom-web/studies"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                "https://pacs.example.org/tls/dicom-web/studies/" + image.studyInstanceUid(),
                stow.getString("'00081190'.Value[0]"));
    }

    private static String instanceUrl(DicomFiles.Builder b) {
        return outside() + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid();
    }

    /** STOW-RS through the proxy; fails unless everything was stored. */
    private static JsonPath store(DicomFiles.Builder... files) {
        return given().contentType(StowBody.contentType(BOUNDARY))
                .accept("application/dicom+json")
                .body(StowBody.of(BOUNDARY, files))
                .when()
                .post(outside() + "/studies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Mode none serves this machine only: a proxy on loopback forwarding a client elsewhere does not open it up. */
    @Test
    void modeNoneRefusesAClientOnAnotherMachineThroughATrustedProxy() {
        given().when()
                .get(nginx.url("/remote/dicom-web/studies"))
                .then()
                .statusCode(403)
                .body("message", org.hamcrest.Matchers.containsString("dicomweb.auth.mode=oidc"))
                .body("message", org.hamcrest.Matchers.containsString("dicomweb.auth.allow-anonymous-remote"));
    }

    @Test
    void modeNoneRefusesAProxiedRequestThatDoesNotNameItsClient() {
        given().when().get(nginx.url("/anonymous/dicom-web/studies")).then().statusCode(403);
    }

    @Test
    void modeNoneServesAClientOnThisMachineThroughTheProxy() {
        given().when().get(outside() + "/studies").then().statusCode(200);
    }
}
