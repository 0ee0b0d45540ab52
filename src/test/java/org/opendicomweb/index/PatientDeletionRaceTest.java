package org.opendicomweb.index;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.StowBody;

/**
 * A deletion of a patient's last study deletes the patient, while a writer may be giving the patient a new study:
 * the writer holds the patient row ({@link StudyHierarchy#holdPatient}), so the deletion waits and then keeps the
 * patient. Without that hold, H2 (which checks foreign keys without locking) would commit a study pointing at a
 * deleted patient, and PostgreSQL would refuse the writer's study.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class PatientDeletionRaceTest {

    @Inject
    IndexDatabase index;

    @Inject
    InstanceDeletion deletion;

    @Test
    void aDeletionOfThePatientsLastStudyWaitsForAWriterGivingThePatientANewStudy() throws Exception {
        String patientId = "RACE-" + Uids.generate().substring(5, 20);
        DicomFiles.Builder ct = DicomFiles.ctImage().patient("Race^Patient", patientId);
        given().contentType(StowBody.contentType("race"))
                .body(StowBody.of("race", ct))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        long patientPk = number("select pk from patient where patient_id = '" + patientId + "'");
        String newStudy = Uids.generate();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<List<InstanceDeletion.DeletedInstance>> deleting;
        try (Connection writer = index.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            assertTrue(StudyHierarchy.holdPatient(writer, patientPk));
            deleting = pool.submit(() -> deletion.deleteStudy(ct.studyInstanceUid()));
            assertThrows(
                    TimeoutException.class,
                    () -> deleting.get(2, TimeUnit.SECONDS),
                    "the deletion waits for the writer that holds the patient");
            try (PreparedStatement ps = writer.prepareStatement(
                    "insert into study (patient_fk, study_iuid, created, updated) values (?, ?, ?, ?)")) {
                Sql.bind(ps, patientPk, newStudy, Sql.timestamp(Instant.now()), Sql.timestamp(Instant.now()));
                ps.executeUpdate();
            }
            writer.commit();
        } finally {
            pool.shutdown();
        }

        assertEquals(1, deleting.get(60, TimeUnit.SECONDS).size());
        assertEquals(1, number("select count(*) from patient where pk = " + patientPk), "the patient stays");
        assertEquals(patientPk, number("select patient_fk from study where study_iuid = '" + newStudy + "'"));
        assertEquals(0, number("select count(*) from study where study_iuid = '" + ct.studyInstanceUid() + "'"));
    }

    private long number(String sql) throws Exception {
        try (Connection c = index.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }
}
