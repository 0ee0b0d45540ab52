package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.WadoFixtures.EXPLICIT_LE;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.parts;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.io.BulkDataSource;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DatasetComparison;
import org.opendicomweb.testing.DicomFiles;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoInstancesTest {
    private static final String ENCAPSULATED_UNCOMPRESSED = "1.2.840.10008.1.2.1.98";

    /** One series: an explicit VR little endian image and one in a syntax we cannot decode into native. */
    private static DicomFiles.Builder plain;

    private static DicomFiles.Builder encapsulated;

    private static synchronized void storeNegotiationSeries() {
        if (plain == null) {
            DicomFiles.Builder p = DicomFiles.ctImage().instance(Uids.generate(), 1);
            DicomFiles.Builder e = DicomFiles.ctImage()
                    .studyUid(p.studyInstanceUid())
                    .seriesUid(p.seriesInstanceUid())
                    .instance(Uids.generate(), 2)
                    .encapsulatedUncompressed();
            store(p.toBytes(), e.toBytes());
            plain = p;
            encapsulated = e;
        }
    }

    private static String url(DicomFiles.Builder b, String level) {
        String study = ROOT + "/studies/" + b.studyInstanceUid();
        String series = study + "/series/" + b.seriesInstanceUid();
        return switch (level) {
            case "study" -> study;
            case "series" -> series;
            default -> series + "/instances/" + b.sopInstanceUid();
        };
    }

    private static Attributes read(byte[] file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            return in.readDataset();
        }
    }

    private static BulkDataSource source(byte[] file) {
        return bd -> new ByteArrayInputStream(file, (int) bd.offset(), (int) bd.length());
    }

    @Test
    void transferSyntaxStarReturnsTheStoredFilesByteForByte() throws IOException {
        storeNegotiationSeries();
        Response r = given().accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .when()
                .get(url(plain, "series"));
        r.then()
                .statusCode(200)
                .contentType(startsWith("multipart/related"))
                .contentType(containsString("type=\"application/dicom\""));
        List<WadoFixtures.Part> parts = parts(r);
        assertEquals(2, parts.size());
        assertArrayEquals(plain.toBytes(), parts.get(0).body());
        assertEquals(EXPLICIT_LE, parts.get(0).transferSyntax());
        assertArrayEquals(encapsulated.toBytes(), parts.get(1).body());
        assertEquals(ENCAPSULATED_UNCOMPRESSED, parts.get(1).transferSyntax());
        assertTrue(parts.get(1).headers().get("content-location").endsWith(url(encapsulated, "instance")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            implicit little endian | 1.2.840.10008.1.2
            explicit big endian    | 1.2.840.10008.1.2.2
            deflated               | 1.2.840.10008.1.2.1.99
            """)
    void theDefaultAcceptGivesExplicitLittleEndianWithTheSameDataset(String name, String storedSyntax)
            throws IOException {
        DicomFiles.Builder b =
                DicomFiles.multiFrame(2).transferSyntax(org.opendicomweb.dicom.TransferSyntax.of(storedSyntax));
        store(b.toBytes());
        for (String accept : new String[] {
            null,
            "multipart/related; type=\"application/dicom\"",
            "*/*",
            "multipart/related; type=application/dicom; transfer-syntax=*"
        }) {
            Response r =
                    (accept == null ? given() : given().accept(accept)).when().get(url(b, "instance"));
            List<WadoFixtures.Part> parts = parts(r);
            assertEquals(1, parts.size());
            // transfer-syntax=* keeps a web-transferable stored syntax (deflated), never implicit LE or big endian.
            boolean any = accept != null && accept.endsWith("transfer-syntax=*");
            String expectedSyntax = any && storedSyntax.endsWith(".99") ? storedSyntax : EXPLICIT_LE;
            assertEquals(expectedSyntax, parts.get(0).transferSyntax(), "Accept: " + accept);
            byte[] sent = parts.get(0).body();
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(sent))) {
                assertEquals(expectedSyntax, in.transferSyntax().uid());
            }
            byte[] original = b.toBytes();
            assertEquals(
                    List.of(),
                    DatasetComparison.compare(read(original), source(original), read(sent), source(sent)),
                    "dataset sent for Accept: " + accept);
        }
    }

    /** Accept header -> status and the transfer syntaxes of the parts, for the instance, series and study levels. */
    @ParameterizedTest(name = "[{0}] {1} -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            instance | NONE                                                                                   | 200 | 1.2.840.10008.1.2.1
            instance | */*                                                                                    | 200 | 1.2.840.10008.1.2.1
            instance | multipart/related; type=application/dicom                                              | 200 | 1.2.840.10008.1.2.1
            instance | multipart/related; type="application/dicom"                                            | 200 | 1.2.840.10008.1.2.1
            instance | multipart/related                                                                      | 200 | 1.2.840.10008.1.2.1
            instance | multipart/*                                                                            | 200 | 1.2.840.10008.1.2.1
            instance | multipart/related; type="application/dicom"; transfer-syntax=*                         | 200 | 1.2.840.10008.1.2.1
            instance | multipart/related; type="application/dicom"; transfer-syntax="1.2.840.10008.1.2.1"     | 200 | 1.2.840.10008.1.2.1
            instance | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1.99    | 200 | 1.2.840.10008.1.2.1.99
            instance | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2         | 406 | NONE
            instance | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.2       | 406 | NONE
            instance | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.4.50    | 406 | NONE
            instance | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.4.50, multipart/related; type="application/dicom"; q=0.5 | 200 | 1.2.840.10008.1.2.1
            instance | multipart/related; type="application/dicom"; q=0                                       | 406 | NONE
            instance | application/dicom+json                                                                 | 406 | NONE
            instance | multipart/related; type="application/octet-stream"                                     | 406 | NONE
            instance | multipart/related; type="image/jpeg"                                                   | 406 | NONE
            encapsulated | NONE                                                                               | 406 | NONE
            encapsulated | multipart/related; type="application/dicom"; transfer-syntax=*                     | 200 | 1.2.840.10008.1.2.1.98
            encapsulated | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1.98 | 200 | 1.2.840.10008.1.2.1.98
            encapsulated | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1.98, multipart/related; type="application/dicom"; q=0.9 | 200 | 1.2.840.10008.1.2.1.98
            series   | NONE                                                                                   | 206 | 1.2.840.10008.1.2.1
            series   | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1.98    | 206 | 1.2.840.10008.1.2.1.98
            series   | multipart/related; type="application/dicom"; transfer-syntax=*                         | 200 | 1.2.840.10008.1.2.1,1.2.840.10008.1.2.1.98
            series   | multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1.98, */*; q=0.1 | 200 | 1.2.840.10008.1.2.1,1.2.840.10008.1.2.1.98
            study    | NONE                                                                                   | 206 | 1.2.840.10008.1.2.1
            study    | application/json                                                                       | 406 | NONE
            """)
    void acceptNegotiation(String target, String accept, int status, String syntaxes) throws IOException {
        storeNegotiationSeries();
        String url = target.equals("encapsulated") ? url(encapsulated, "instance") : url(plain, target);
        Response r = (accept == null ? given() : given().accept(accept)).when().get(url);
        r.then().statusCode(status);
        if (status == 406) {
            r.then().contentType("application/json");
            return;
        }
        if (status == 206) {
            r.then().header("Warning", containsString("left out"));
        }
        List<String> sent =
                parts(r).stream().map(WadoFixtures.Part::transferSyntax).toList();
        assertEquals(List.of(syntaxes.split(",")), sent);
    }

    @Test
    void unknownUidsAre404AndMalformedOnes400() {
        storeNegotiationSeries();
        given().when().get(ROOT + "/studies/" + Uids.generate()).then().statusCode(404);
        given().when()
                .get(url(plain, "study") + "/series/" + Uids.generate())
                .then()
                .statusCode(404);
        given().when()
                .get(url(plain, "series") + "/instances/" + Uids.generate())
                .then()
                .statusCode(404);
        // The instance exists, but not in this study.
        given().when()
                .get(ROOT + "/studies/" + Uids.generate() + "/series/" + plain.seriesInstanceUid() + "/instances/"
                        + plain.sopInstanceUid())
                .then()
                .statusCode(404);
        given().when().get(url(plain, "series") + "/instances/1.2.x").then().statusCode(400);
        given().when().get(ROOT + "/studies/01.2").then().statusCode(400);
    }

    @Test
    void aFileThatFailsWhileBeingSentBreaksTheResponseInsteadOfEndingIt() throws Exception {
        DicomFiles.Builder big = DicomFiles.ctImage().size(512, 512).instance(Uids.generate(), 1);
        DicomFiles.Builder broken = DicomFiles.ctImage()
                .studyUid(big.studyInstanceUid())
                .seriesUid(big.seriesInstanceUid())
                .instance(Uids.generate(), 2)
                .size(512, 512);
        store(big.toBytes(), broken.toBytes());
        Path storage = Path.of(ConfigProvider.getConfig().getValue("dicomweb.storage.path", String.class));
        Path blob;
        try (Stream<Path> files = Files.walk(storage)) {
            blob = files.filter(f -> broken.sopInstanceUid()
                            .equals(InstanceBlobKey.instanceOf(
                                    storage.relativize(f).toString().replace(File.separatorChar, '/'))))
                    .findFirst()
                    .orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(blob, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + url(big, "series")))
                .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        }
    }

    @Test
    void aStudyAsZipHoldsEachInstanceAsItWouldBeSentInItsSyntax() throws IOException {
        DicomFiles.Builder first = DicomFiles.ctImage().instance(Uids.generate(), 1);
        DicomFiles.Builder second = DicomFiles.ctImage()
                .studyUid(first.studyInstanceUid())
                .seriesUid(first.seriesInstanceUid())
                .instance(Uids.generate(), 2);
        DicomFiles.Builder implicit = DicomFiles.ctImage()
                .studyUid(first.studyInstanceUid())
                .series(Uids.generate(), 2)
                .implicitLittleEndian();
        store(first.toBytes(), second.toBytes(), implicit.toBytes());
        String study = ROOT + "/studies/" + first.studyInstanceUid();

        Response r = given().accept("application/zip").when().get(study);
        r.then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString(first.studyInstanceUid() + ".zip"));
        java.util.Map<String, byte[]> entries = unzip(r.asByteArray());
        assertEquals(3, entries.size(), "one entry per instance: " + entries.keySet());
        assertArrayEquals(
                first.toBytes(),
                entries.get(first.seriesInstanceUid() + "/" + first.sopInstanceUid() + ".dcm"),
                "an Explicit VR Little Endian file is stored and sent as it is");
        byte[] transcoded = entries.get(implicit.seriesInstanceUid() + "/" + implicit.sopInstanceUid() + ".dcm");
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(transcoded))) {
            in.readFileMetaInformation();
            assertEquals(EXPLICIT_LE, in.transferSyntax().uid(), "the default syntax, as for multipart");
        }

        Response series = given().accept("application/zip; transfer-syntax=*")
                .when()
                .get(study + "/series/" + implicit.seriesInstanceUid());
        series.then().statusCode(200).contentType("application/zip");
        assertEquals(1, unzip(series.asByteArray()).size());

        given().accept("application/zip; q=0.5, multipart/related; type=\"application/dicom\"")
                .when()
                .get(study)
                .then()
                .statusCode(200)
                .contentType(startsWith("multipart/related"));
    }

    private static java.util.Map<String, byte[]> unzip(byte[] zip) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
