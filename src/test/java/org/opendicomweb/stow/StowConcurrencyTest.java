package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opendicomweb.stow.StowResourceTest.MULTIPART;
import static org.opendicomweb.stow.StowResourceTest.multipart;
import static org.opendicomweb.stow.StowResourceTest.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/** Many clients storing into one new study at once: no duplicate rows, no lost instance, exact counts. */
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
        byte[] shared = DicomFiles.ctImage().patient("Concurrent^Shared", patientId).studyUid(study)
                .seriesUid(series[0]).toBytes();
        List<byte[]> bodies = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                byte[][] parts = new byte[INSTANCES_PER_REQUEST + 1][];
                for (int i = 0; i < INSTANCES_PER_REQUEST; i++) {
                    parts[i] = DicomFiles.ctImage().patient("Concurrent^Shared", patientId).studyUid(study)
                            .seriesUid(series[(c + i) % series.length]).modality(i == 0 ? "CT" : "MR")
                            .instance(Uids.generate(), i + 1).toBytes();
                }
                parts[INSTANCES_PER_REQUEST] = shared;
                bodies.add(multipart(parts));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] body : bodies) {
                futures.add(pool.submit(() -> post("/dicom-web/studies", MULTIPART, body).statusCode(200)));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
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
        assertEquals(1, number("select count(*) from study where study_iuid = ? and modalities_in_study in "
                + "('\\CT\\MR\\', '\\MR\\CT\\')", study));
    }

    private long number(String sql, String param) throws Exception {
        try (Connection c = index.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
