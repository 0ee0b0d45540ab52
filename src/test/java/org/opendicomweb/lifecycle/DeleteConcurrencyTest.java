package org.opendicomweb.lifecycle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.storage.InstanceBlobKey;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * Clients storing into a few studies of one patient while others delete those studies and their series: every
 * instance acknowledged by a store that began after the last deletion touching it had ended is still there, every
 * instance the index holds has its file and every file of these studies has its row, counts are exact, and no study
 * points at a deleted patient.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class DeleteConcurrencyTest {
    private static final int STUDIES = 3;
    private static final int STORE_CLIENTS = 4;
    private static final int STORES_PER_CLIENT = 12;
    private static final int DELETE_CLIENTS = 2;
    private static final int DELETES_PER_CLIENT = 8;

    @Inject
    IndexDatabase index;

    @ConfigProperty(name = "dicomweb.storage.path")
    Path storage;

    private record Study(String uid, String[] series) {}

    /** A store: when it began, and the instances it acknowledged (study, series, SOP Instance UID). */
    private record Stored(long began, List<String[]> acknowledged) {}

    /** A deletion: when it began and ended, of a whole study (series null) or of one series. */
    private record Deleted(long began, long ended, String study, String series) {}

    @Test
    void concurrentStoresAndDeletesLoseNothingAcknowledgedAndLeaveNothingHalfDone() throws Exception {
        String patientId = "DELCONC-" + Uids.generate().substring(5, 17);
        List<Study> studies = new ArrayList<>();
        for (int s = 0; s < STUDIES; s++) {
            studies.add(new Study(Uids.generate(), new String[] {Uids.generate(), Uids.generate()}));
        }
        List<Stored> stores = Collections.synchronizedList(new ArrayList<>());
        List<Deleted> deletes = Collections.synchronizedList(new ArrayList<>());
        // Deletions are spread over the run: each waits for its share of the stores to have ended.
        Semaphore storesEnded = new Semaphore(0);
        int storesPerDelete = STORE_CLIENTS * STORES_PER_CLIENT / (DELETE_CLIENTS * DELETES_PER_CLIENT);
        List<Callable<Void>> clients = new ArrayList<>();
        for (int c = 0; c < STORE_CLIENTS; c++) {
            clients.add(() -> {
                for (int r = 0; r < STORES_PER_CLIENT; r++) {
                    try {
                        stores.add(store(studies.get(ThreadLocalRandom.current().nextInt(STUDIES)), patientId));
                    } finally {
                        storesEnded.release();
                    }
                }
                return null;
            });
        }
        for (int c = 0; c < DELETE_CLIENTS; c++) {
            clients.add(() -> {
                for (int r = 0; r < DELETES_PER_CLIENT; r++) {
                    storesEnded.acquire(storesPerDelete);
                    Study study = studies.get(ThreadLocalRandom.current().nextInt(STUDIES));
                    String series = ThreadLocalRandom.current().nextBoolean()
                            ? null
                            : study.series()[ThreadLocalRandom.current().nextInt(2)];
                    deletes.add(delete(study.uid(), series));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            clients.forEach(c -> futures.add(pool.submit(c)));
            for (Future<Void> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lost = new ArrayList<>();
        int mustRemain = 0;
        for (Stored s : stores) {
            for (String[] i : s.acknowledged()) {
                boolean mayBeDeleted = deletes.stream()
                        .anyMatch(d -> d.study().equals(i[0])
                                && (d.series() == null || d.series().equals(i[1]))
                                && d.ended() > s.began());
                if (!mayBeDeleted) {
                    mustRemain++;
                    int status = retrieve(i[0], i[1], i[2]);
                    if (status != 200) {
                        lost.add(i[2] + " (" + status + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), lost, "acknowledged after every deletion of its study or series, and gone");
        assertTrue(
                mustRemain > 0 || stores.stream().allMatch(s -> s.acknowledged().isEmpty()), "a vacuous run");

        Set<String> indexedKeys = new HashSet<>();
        for (Study study : studies) {
            List<String[]> rows = instanceRows(study.uid());
            for (String[] row : rows) {
                indexedKeys.add(row[3]);
                assertTrue(Files.exists(storage.resolve(row[3])), "the file of indexed instance " + row[2]);
                assertEquals(200, retrieve(row[0], row[1], row[2]), "indexed instance " + row[2]);
            }
            assertCountsExact(study.uid(), rows.size());
        }
        try (Stream<Path> files = Files.walk(storage)) {
            List<String> orphans = files.filter(Files::isRegularFile)
                    .map(p -> storage.relativize(p).toString().replace('\\', '/'))
                    .filter(InstanceBlobKey::isInstanceKey)
                    .filter(key -> studies.stream().anyMatch(st -> key.startsWith(st.uid() + "/")))
                    .filter(key -> !indexedKeys.contains(key))
                    .toList();
            assertEquals(List.of(), orphans, "files of these studies without a row");
        }
        assertEquals(
                0,
                number("select count(*) from study st where not exists"
                        + " (select 1 from patient p where p.pk = st.patient_fk)"));
        long studiesLeft = 0;
        for (Study study : studies) {
            studiesLeft += number("select count(*) from study where study_iuid = '" + study.uid() + "'");
        }
        assertEquals(
                studiesLeft == 0 ? 0 : 1,
                number("select count(*) from patient where patient_id = '" + patientId + "'"),
                "the patient exists exactly while a study of it does");
    }

    private static Stored store(Study study, String patientId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<DicomFiles.Builder> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(DicomFiles.ctImage()
                    .size(8, 8)
                    .patient("Concurrent^Delete", patientId)
                    .studyUid(study.uid())
                    .seriesUid(study.series()[random.nextInt(2)])
                    .modality(random.nextBoolean() ? "CT" : "MR")
                    .instance(Uids.generate(), i + 1));
        }
        long began = System.nanoTime();
        Response r = given().contentType(StowBody.contentType("dc"))
                .accept("application/dicom+json")
                .body(StowBody.of("dc", instances.toArray(DicomFiles.Builder[]::new)))
                .when()
                .post("/dicom-web/studies");
        List<String[]> acknowledged = new ArrayList<>();
        assertTrue(List.of(200, 202, 409).contains(r.statusCode()), r.statusCode() + " " + r.asString());
        List<String> stored = r.jsonPath().getList("'00081199'.Value.'00081155'.Value.flatten()", String.class);
        for (DicomFiles.Builder i : instances) {
            if (stored != null && stored.contains(i.sopInstanceUid())) {
                acknowledged.add(new String[] {i.studyInstanceUid(), i.seriesInstanceUid(), i.sopInstanceUid()});
            }
        }
        if (r.statusCode() == 200) {
            assertEquals(instances.size(), acknowledged.size(), r.asString());
        }
        return new Stored(began, acknowledged);
    }

    private static Deleted delete(String study, String series) {
        long began = System.nanoTime();
        int status = given().when()
                .delete("/dicom-web/studies/" + study + (series == null ? "" : "/series/" + series))
                .statusCode();
        long ended = System.nanoTime();
        assertTrue(status == 204 || status == 404, "DELETE answered " + status);
        return new Deleted(began, ended, study, series);
    }

    private static int retrieve(String study, String series, String sop) {
        return given().accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .when()
                .get("/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop)
                .statusCode();
    }

    /** Study, series, SOP Instance UID and blob key of each indexed instance of the study. */
    private List<String[]> instanceRows(String study) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select st.study_iuid, se.series_iuid, i.sop_iuid, i.blob_key
                          from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                         where st.study_iuid = ?""")) {
            ps.setString(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return rows;
    }

    /** What QIDO says of the study, its series counts and the rows agree with the instances indexed. */
    private void assertCountsExact(String study, int instances) throws Exception {
        Response r =
                given().accept("application/dicom+json").when().get("/dicom-web/studies?StudyInstanceUID=" + study);
        if (instances == 0) {
            assertTrue(
                    r.statusCode() == 204 || r.jsonPath().getList("$").isEmpty(),
                    "a study without instances is gone: " + r.asString());
            assertEquals(0, number("select count(*) from study where study_iuid = '" + study + "'"));
            return;
        }
        assertEquals(List.of(instances), r.jsonPath().getList("[0].'00201208'.Value"), "NumberOfStudyRelatedInstances");
        Map<String, Long> seriesCounts = new HashMap<>();
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select se.series_iuid, se.num_instances,
                               (select count(*) from instance i where i.series_fk = se.pk)
                          from series se join study st on st.pk = se.study_fk where st.study_iuid = ?""")) {
            ps.setString(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(rs.getLong(3), rs.getLong(2), "num_instances of series " + rs.getString(1));
                    assertTrue(rs.getLong(3) > 0, "an empty series is deleted: " + rs.getString(1));
                    seriesCounts.put(rs.getString(1), rs.getLong(3));
                }
            }
        }
        assertEquals(
                List.of(seriesCounts.size()),
                r.jsonPath().getList("[0].'00201206'.Value"),
                "NumberOfStudyRelatedSeries");
    }

    private long number(String sql) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
