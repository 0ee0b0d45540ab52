package org.opendicomweb.wado;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.expectedFrame;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.web.MediaType;
import org.opendicomweb.web.multipart.MultipartReader;

/**
 * Stored files larger than the response buffer go out as file regions (sendfile) on plain HTTP/1.1: the bodies
 * must be the same bytes, framed in the same places, as when they are copied, and they must really take that path
 * (the byte counter on /q/metrics). Over HTTP/2 they are copied. A single instance sent as stored is one sized
 * body whose file is one region.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class WadoFileRegionsTest {
    private static final String DICOM_ANY = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final Pattern REGION_BYTES =
            Pattern.compile("(?m)^dicomweb_response_file_region_bytes_total(?:\\{[^}]*})? (\\S+)$");

    @Test
    void aSeriesOfLargeInstancesIsTheStoredFilesInOrderAndUncompressed() throws Exception {
        Series series = series(3, 512);
        List<byte[]> files = series.files();
        long before = regionBytes();
        // Accept-Encoding gzip: a region passes the framework's compressor untouched, so these bodies must never be
        // compressed; the JDK's client does not undo a coding, so a compressed body would not match.
        HttpResponse<byte[]> r = get(series.url(), DICOM_ANY, HttpClient.Version.HTTP_1_1);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), "no content coding");
        List<byte[]> parts = parts(r);
        assertEquals(files.size(), parts.size());
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(files.get(i), parts.get(i), "instance " + (i + 1));
        }
        long sent = regionBytes() - before;
        assertEquals(files.stream().mapToLong(f -> f.length).sum(), sent, "bytes sent as file regions");
    }

    @Test
    void overHttp2TheFilesAreCopiedAndStillWhole() throws Exception {
        Series series = series(2, 256);
        List<byte[]> files = series.files();
        HttpClient http2 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + series.url()))
                .header("Accept", DICOM_ANY)
                .build();
        http2.send(request, HttpResponse.BodyHandlers.ofByteArray()); // upgrades the connection
        long before = regionBytes();
        HttpResponse<byte[]> r = http2.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        List<byte[]> parts = parts(r);
        assertArrayEquals(files.get(0), parts.get(0));
        assertArrayEquals(files.get(1), parts.get(1));
        assertEquals(0, regionBytes() - before, "no file regions over HTTP/2");
    }

    @Test
    void framesOfAMultiFrameInstanceAreRegionsOfItsPixelData() throws Exception {
        DicomFiles.Builder b = DicomFiles.multiFrame(4).size(256, 256);
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid() + "/frames/3,1";
        long before = regionBytes();
        HttpResponse<byte[]> r = get(
                url,
                "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*",
                HttpClient.Version.HTTP_1_1);
        assertEquals(200, r.statusCode());
        List<byte[]> parts = parts(r);
        assertArrayEquals(expectedFrame(2, 256, 256, 16), parts.get(0));
        assertArrayEquals(expectedFrame(0, 256, 256, 16), parts.get(1));
        assertEquals(2L * 256 * 256 * 2, regionBytes() - before);
    }

    @Test
    void aByteRangeOfPixelDataGoesOutMostlyAsARegionWithItsLength() throws Exception {
        DicomFiles.Builder b = DicomFiles.ctImage().size(512, 512);
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid() + "/bulkdata/7FE00010";
        byte[] pixels = expectedFrame(0, 512, 512, 16);
        long before = regionBytes();
        HttpResponse<byte[]> r = send(
                HttpClient.Version.HTTP_1_1, url, "Accept", "application/octet-stream", "Range", "bytes=1000-200999");
        assertEquals(206, r.statusCode());
        assertEquals("200000", r.headers().firstValue("Content-Length").orElse(null));
        assertEquals(
                "bytes 1000-200999/" + pixels.length,
                r.headers().firstValue("Content-Range").orElse(null));
        assertArrayEquals(Arrays.copyOfRange(pixels, 1000, 201000), r.body());
        long sent = regionBytes() - before; // the first bytes carry the response head out, the rest is a region
        assertTrue(sent > 100000 && sent <= 200000, sent + " bytes sent as a file region");
    }

    @Test
    void aSingleInstanceIsOneSizedRegionLinkedAsTheClientSeesIt() throws Exception {
        Series series = series(1, 512);
        byte[] file = series.files().get(0);
        String sop = series.sops().get(0);
        String url = series.url() + "/instances/" + sop;
        long before = regionBytes();
        HttpResponse<byte[]> r = send(
                HttpClient.Version.HTTP_1_1,
                url,
                "Accept",
                DICOM_ANY,
                "Accept-Encoding",
                "gzip",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "pacs.example.org",
                "X-Forwarded-Prefix",
                "/imaging",
                "X-Forwarded-For",
                "127.0.0.1");
        assertEquals(200, r.statusCode());
        assertEquals(
                Long.toString(r.body().length),
                r.headers().firstValue("Content-Length").orElse(null),
                "a sized body, not chunks");
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), "no content coding");
        MultipartReader.Part part = onlyPart(r);
        assertArrayEquals(file, part.body().readAllBytes());
        assertEquals("application/dicom; transfer-syntax=" + UID.ExplicitVRLittleEndian, part.header("Content-Type"));
        assertEquals("https://pacs.example.org/imaging" + url, part.header("Content-Location"));
        assertEquals(
                file.length,
                regionBytes() - before,
                "the whole file as a file region, also behind a TLS-terminating proxy");
    }

    @Test
    void aSingleInstanceIsCountedUnderTheTemplateOfItsTransaction() throws Exception {
        Series series = series(1, 64);
        HttpResponse<byte[]> r =
                get(series.url() + "/instances/" + series.sops().get(0), DICOM_ANY, HttpClient.Version.HTTP_1_1);
        assertEquals(200, r.statusCode());
        String metrics = metrics();
        assertTrue(
                metrics.contains(
                        "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/studies/{study}/series/{series}"
                                + "/instances/{instance}\""),
                "the REST endpoint's template names the request on /q/metrics");
        assertFalse(metrics.contains("uri=\"" + ROOT + "/studies/{study}"), "one name for the transaction");
    }

    @Test
    void aStoredFileOfTheWrongSizeIsAnErrorNotAShortBody() throws Exception {
        Series series = series(1, 256);
        String sop = series.sops().get(0);
        Path storage = Path.of(ConfigProvider.getConfig().getValue("dicomweb.storage.path", String.class));
        Path blob;
        try (Stream<Path> files = Files.walk(storage)) {
            blob = files.filter(f -> sop.equals(InstanceBlobKey.instanceOf(
                            storage.relativize(f).toString().replace(File.separatorChar, '/'))))
                    .findFirst()
                    .orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(blob, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        HttpResponse<byte[]> r = get(series.url() + "/instances/" + sop, DICOM_ANY, HttpClient.Version.HTTP_1_1);
        assertEquals(500, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null), "an error, not a body");
    }

    /** A stored series: its URL and its files in instance number order. */
    /**
     * A frame asked for again, once its instance's location and frame table are kept, is answered ahead of the
     * REST layer when it goes out as stored in one piece: one sized body whose frame is one region, with the same
     * part as the REST layer's chunked answer to the first request. A big endian frame must be swapped, so both
     * answers come from the REST layer.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "native 16-bit, true",
        "encapsulated uncompressed with a padding byte, true",
        "one JPEG fragment, true",
        "big endian, false"
    })
    void aFrameOfAnInstanceReadBeforeIsOneSizedRegion(String kind, boolean sized) throws Exception {
        DicomFiles.Builder b = switch (kind) {
            case "native 16-bit" -> DicomFiles.multiFrame(3).size(256, 256);
            case "encapsulated uncompressed with a padding byte" ->
                DicomFiles.multiFrame(3).size(3, 3).bitsAllocated(8).encapsulatedUncompressed();
            case "one JPEG fragment" ->
                DicomFiles.multiFrame(3).size(16, 16).bitsAllocated(8).encapsulatedAs(UID.JPEGBaseline8Bit);
            default -> DicomFiles.multiFrame(3).size(8, 6).explicitBigEndian();
        };
        store(b.toBytes());
        String url = ROOT + "/studies/" + b.studyInstanceUid() + "/series/" + b.seriesInstanceUid() + "/instances/"
                + b.sopInstanceUid() + "/frames/2";
        String accept = "multipart/related; type=application/octet-stream; transfer-syntax=*";
        HttpResponse<byte[]> first = get(url, accept, HttpClient.Version.HTTP_1_1);
        long before = regionBytes();
        HttpResponse<byte[]> again = get(url, accept, HttpClient.Version.HTTP_1_1);
        long sent = regionBytes() - before;
        assertEquals(200, first.statusCode());
        assertEquals(200, again.statusCode());
        assertTrue(first.headers().firstValue("Content-Length").isEmpty(), "the REST layer's answer is chunked");
        assertEquals(sized, again.headers().firstValue("Content-Length").isPresent(), "a sized body");
        MultipartReader.Part expected = onlyPart(first);
        MultipartReader.Part part = onlyPart(again);
        assertEquals(expected.header("Content-Type"), part.header("Content-Type"));
        assertEquals(
                MediaType.parse(first.headers().firstValue("Content-Type").orElseThrow())
                        .parameter("type"),
                MediaType.parse(again.headers().firstValue("Content-Type").orElseThrow())
                        .parameter("type"));
        byte[] frame = part.body().readAllBytes();
        assertArrayEquals(expected.body().readAllBytes(), frame);
        byte[] pixels = kind.equals("native 16-bit")
                ? expectedFrame(1, 256, 256, 16)
                : kind.equals("big endian")
                        ? expectedFrame(1, 8, 6, 16)
                        : expectedFrame(1, kind.startsWith("one") ? 16 : 3, kind.startsWith("one") ? 16 : 3, 8);
        assertArrayEquals(pixels, frame, "the frame's pixels");
        if (sized) {
            assertEquals(frame.length, sent, "the frame as one file region");
        }
    }

    private record Series(String url, List<byte[]> files, List<String> sops) {}

    /** Stores a series of {@code count} CT slices of size×size 16-bit pixels. */
    private static Series series(int count, int size) {
        DicomFiles.Builder first = DicomFiles.ctImage().size(size, size).instance(Uids.generate(), 1);
        List<byte[]> files = new ArrayList<>();
        List<String> sops = new ArrayList<>();
        files.add(first.toBytes());
        sops.add(first.sopInstanceUid());
        for (int i = 2; i <= count; i++) {
            DicomFiles.Builder next = DicomFiles.ctImage()
                    .size(size, size)
                    .studyUid(first.studyInstanceUid())
                    .seriesUid(first.seriesInstanceUid())
                    .instance(Uids.generate(), i);
            files.add(next.toBytes());
            sops.add(next.sopInstanceUid());
        }
        store(files.toArray(byte[][]::new));
        return new Series(
                ROOT + "/studies/" + first.studyInstanceUid() + "/series/" + first.seriesInstanceUid(), files, sops);
    }

    private static HttpResponse<byte[]> get(String path, String accept, HttpClient.Version version) throws Exception {
        return send(version, path, "Accept", accept, "Accept-Encoding", "gzip");
    }

    /** A GET of {@code path} on a new connection, {@code headers} given as name, value, name, value ... */
    private static HttpResponse<byte[]> send(HttpClient.Version version, String path, String... headers)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .headers(headers)
                .build();
        return HttpClient.newBuilder().version(version).build().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static MultipartReader.Part onlyPart(HttpResponse<byte[]> response) throws IOException {
        MediaType type =
                MediaType.parse(response.headers().firstValue("Content-Type").orElseThrow());
        MultipartReader reader =
                new MultipartReader(new ByteArrayInputStream(response.body()), type.parameter("boundary"));
        MultipartReader.Part part = reader.next();
        assertNotNull(part, "one part");
        byte[] body = part.body().readAllBytes();
        assertNull(reader.next(), "only one part");
        return new MultipartReader.Part(part.headers(), new ByteArrayInputStream(body));
    }

    private static List<byte[]> parts(HttpResponse<byte[]> response) throws IOException {
        MediaType type =
                MediaType.parse(response.headers().firstValue("Content-Type").orElseThrow());
        MultipartReader reader =
                new MultipartReader(new ByteArrayInputStream(response.body()), type.parameter("boundary"));
        List<byte[]> parts = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(p.body().readAllBytes());
        }
        return parts;
    }

    /** The Prometheus text of /q/metrics. */
    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static long regionBytes() {
        String metrics = metrics();
        Matcher m = REGION_BYTES.matcher(metrics);
        assertTrue(m.find(), "dicomweb_response_file_region_bytes_total on /q/metrics");
        return (long) Double.parseDouble(m.group(1));
    }
}
