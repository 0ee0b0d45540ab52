package org.opendicomweb.wado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.wado.WadoFixtures.ROOT;
import static org.opendicomweb.wado.WadoFixtures.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/**
 * Series metadata latency for a series of many instances, warm, over loopback: a measurement, not a check,
 * so it runs only on request ({@code -Dwado.latency=true -Dtest=WadoMetadataLatencyTest}).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "wado.latency", matches = "true")
class WadoMetadataLatencyTest {

    @Test
    void seriesMetadataLatency() throws Exception {
        int instances = Integer.getInteger("wado.latency.instances", 500);
        DicomFiles.Builder first = DicomFiles.ctImage();
        for (int batch = 0; batch < instances; batch += 100) {
            byte[][] files = new byte[Math.min(100, instances - batch)][];
            for (int i = 0; i < files.length; i++) {
                files[i] = DicomFiles.ctImage()
                        .studyUid(first.studyInstanceUid())
                        .seriesUid(first.seriesInstanceUid())
                        .instance(Uids.generate(), batch + i + 1)
                        .toBytes();
            }
            store(files);
        }
        URI url = URI.create("http://localhost:" + RestAssured.port + ROOT + "/studies/" + first.studyInstanceUid()
                + "/series/" + first.seriesInstanceUid() + "/metadata");
        HttpClient client = HttpClient.newHttpClient();
        for (String encoding : new String[] {"identity", "gzip"}) {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .header("Accept-Encoding", encoding)
                    .build();
            long[] times = new long[101];
            long bytes = 0;
            for (int i = -50; i < times.length; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - start;
                assertEquals(200, r.statusCode());
                bytes = r.body().length;
                if (i >= 0) {
                    times[i] = took;
                }
            }
            Arrays.sort(times);
            System.out.printf(
                    "WADO series metadata, %d instances, %s, %d bytes: p50 %.1f ms, p90 %.1f ms (%s)%n",
                    instances,
                    encoding,
                    bytes,
                    times[50] / 1e6,
                    times[90] / 1e6,
                    System.getProperty("dicomweb.database"));
        }
    }
}
