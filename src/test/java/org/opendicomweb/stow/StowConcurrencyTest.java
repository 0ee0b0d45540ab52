package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;

/** Many clients storing into the same new studies at once: no duplicate rows, no lost instance, exact counts. */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class StowConcurrencyTest {
    private static final int CLIENTS = 6;
    private static final int REQUESTS_PER_CLIENT = 4;
    private static final int INSTANCES_PER_REQUEST = 3;

    @Inject
    IndexDatabase index;

    @Test
    void concurrentUploadsOfOneStudyKeepRowsUniqueAndCountsExact() throws Exception {
        String patientId = "CONC-" + Uids.generate().substring(5, 17);
        String study = Uids.generate();
        String[] series = {Uids.generate(), Uids.generate(), Uids.generate()};
        // Every client also re-sends one instance that all clients share: identical bytes, stored once.
        byte[] shared = DicomFiles.ctImage()
                .patient("Concurrent^Shared", patientId)
                .studyUid(study)
                .seriesUid(series[0])
                .toBytes();
        List<byte[]> bodies = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                byte[][] parts = new byte[INSTANCES_PER_REQUEST + 1][];
                for (int i = 0; i < INSTANCES_PER_REQUEST; i++) {
                    parts[i] = DicomFiles.ctImage()
                            .patient("Concurrent^Shared", patientId)
                            .studyUid(study)
                            .seriesUid(series[(c + i) % series.length])
                            .modality(i == 0 ? "CT" : "MR")
                            .instance(Uids.generate(), i + 1)
                            .toBytes();
                }
                parts[INSTANCES_PER_REQUEST] = shared;
                bodies.add(multipart(parts));
            }
        }
        postAll(bodies, CLIENTS);
        int expected = CLIENTS * REQUESTS_PER_CLIENT * INSTANCES_PER_REQUEST + 1;
        assertEquals(1, number("select count(*) from patient where patient_id = ?", patientId));
        assertEquals(1, number("select count(*) from study where study_iuid = ?", study));
        assertEquals(expected, number("select num_instances from study where study_iuid = ?", study));
        assertEquals(3, number("select num_series from study where study_iuid = ?", study));
        assertEquals(expected, number("""
                select count(*) from instance i join series se on se.pk = i.series_fk
                  join study st on st.pk = se.study_fk where st.study_iuid = ?""", study));
        assertEquals(expected, number("""
                select sum(se.num_instances) from series se join study st on st.pk = se.study_fk
                 where st.study_iuid = ?""", study));
        assertEquals(
                1,
                number(
                        "select count(*) from study where study_iuid = ? and modalities_in_study in "
                                + "('\\CT\\MR\\', '\\MR\\CT\\')",
                        study));
    }

    /**
     * Studies of a few patients, each study split over requests that run at once (as a gateway with several
     * connections sends them): every patient and study is created once, by whichever request comes first, and
     * the others wait for it and use it.
     */
    @Test
    void concurrentRequestsSharingNewStudiesAndPatientsCreateEachRowOnce() throws Exception {
        String prefix = "SPLIT-" + Uids.generate().substring(5, 15) + "-";
        int patients = 3;
        int studiesPerPatient = 4;
        int requestsPerStudy = 3;
        List<String> studies = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            for (int s = 0; s < studiesPerPatient; s++) {
                String study = Uids.generate();
                String series = Uids.generate();
                studies.add(study);
                for (int r = 0; r < requestsPerStudy; r++) {
                    bodies.add(multipart(DicomFiles.ctImage()
                            .patient("Split^Patient" + p, prefix + p)
                            .studyUid(study)
                            .seriesUid(series)
                            .instance(Uids.generate(), r + 1)
                            .toBytes()));
                }
            }
        }
        // Requests of one study are neighbours in the list, so they are in flight together.
        postAll(bodies, 8);
        for (int p = 0; p < patients; p++) {
            assertEquals(1, number("select count(*) from patient where patient_id = ?", prefix + p));
            assertEquals(studiesPerPatient, number("""
                    select count(*) from study st join patient pa on pa.pk = st.patient_fk
                     where pa.patient_id = ?""", prefix + p));
        }
        for (String study : studies) {
            assertEquals(1, number("select count(*) from study where study_iuid = ?", study));
            assertEquals(requestsPerStudy, number("select num_instances from study where study_iuid = ?", study));
            assertEquals(1, number("select num_series from study where study_iuid = ?", study));
            assertEquals(requestsPerStudy, number("""
                    select count(*) from instance i join series se on se.pk = i.series_fk
                      join study st on st.pk = se.study_fk where st.study_iuid = ?""", study));
        }
    }

    /** Without a Patient ID the study has a patient row of its own: one, however many requests bring the study. */
    @Test
    void studyWithoutPatientIdKeepsOnePatientRowOverSeveralRequests() throws Exception {
        String study = Uids.generate();
        String series = Uids.generate();
        long before = number("select count(*) from patient where patient_id is null and ? is not null", study);
        for (int r = 0; r < 3; r++) {
            post(
                            "/dicom-web/studies",
                            MULTIPART,
                            multipart(DicomFiles.ctImage()
                                    .patient("No^Identifier", null)
                                    .studyUid(study)
                                    .seriesUid(series)
                                    .instance(Uids.generate(), r + 1)
                                    .toBytes()))
                    .statusCode(200);
        }
        assertEquals(
                before + 1, number("select count(*) from patient where patient_id is null and ? is not null", study));
        assertEquals(1, number("""
                select count(*) from patient pa join study st on st.patient_fk = pa.pk
                 where pa.patient_id is null and st.study_iuid = ?""", study));
        assertEquals(3, number("select num_instances from study where study_iuid = ?", study));
    }

    private static void postAll(List<byte[]> bodies, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] body : bodies) {
                futures.add(pool.submit(
                        () -> post("/dicom-web/studies", MULTIPART, body).statusCode(200)));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long number(String sql, String param) throws Exception {
        return StowResourceTest.count(index, sql, param);
    }
}
