package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.IndexTables;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.support.TestDatabase;

@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class IndexSchemaTest {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    IndexDatabase index;

    @BeforeEach
    void emptyTables() throws SQLException {
        IndexTables.clean();
    }

    @Test
    void activeDatabaseIsTheSelectedOne() {
        assertEquals(TestDatabase.isPostgreSQL(), index.isPostgreSQL());
    }

    @Test
    void entitiesRoundTripWithMetadataBytes() {
        byte[] metadata = "{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4.1\"]}}".getBytes(StandardCharsets.UTF_8);
        QuarkusTransaction.requiringNew().run(() -> {
            Patient patient = new Patient("P1", null);
            patient.setPatientName("Müller^Hans");
            patient.setPatientNameNorm("MULLER^HANS");
            Study study = new Study(patient, "1.2.3.4");
            study.setStudyDate("20240131");
            study.setModalitiesInStudy("\\CT\\");
            Series series = new Series(study, "1.2.3.4.5");
            series.setSeriesNumber(1);
            Instance instance = new Instance(series, "1.2.3.4.1", "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1");
            instance.setBlob("1.2.3.4.1", 1234, "0".repeat(64));
            instance.setMetadata(metadata);
            index.session().persist(patient);
            index.session().persist(study);
            index.session().persist(series);
            index.session().persist(instance);
        });

        QuarkusTransaction.requiringNew().run(() -> {
            Instance stored = index.session()
                    .createSelectionQuery("from Instance i where i.sopInstanceUid = :uid", Instance.class)
                    .setParameter("uid", "1.2.3.4.1")
                    .getSingleResult();
            assertArrayEquals(metadata, stored.getMetadata());
            assertEquals("1.2.3.4", stored.getSeries().getStudy().getStudyInstanceUid());
            assertEquals("", stored.getSeries().getStudy().getPatient().getIssuerOfPatientId());
            assertEquals("20240131", stored.getSeries().getStudy().getStudyDate());
        });
    }

    @Test
    void studyInstanceUidIsUnique() throws SQLException {
        try (Connection connection = index.dataSource().getConnection()) {
            long patient = insertPatient(connection, "P1", "");
            insertStudy(connection, patient, "1.2.3");
            SQLException e = assertThrows(SQLException.class, () -> insertStudy(connection, patient, "1.2.3"));
            assertEquals(UNIQUE_VIOLATION, e.getSQLState());
        }
    }

    @Test
    void patientIsIdentifiedByIdTogetherWithIssuer() throws SQLException {
        try (Connection connection = index.dataSource().getConnection()) {
            insertPatient(connection, "P1", "");
            insertPatient(connection, "P1", "HOSPITAL-A");
            insertPatient(connection, "P1", "HOSPITAL-B");
            SQLException e = assertThrows(SQLException.class, () -> insertPatient(connection, "P1", "HOSPITAL-A"));
            assertEquals(UNIQUE_VIOLATION, e.getSQLState());
        }
    }

    @Test
    void seriesAndSopInstanceUidsAreUnique() throws SQLException {
        try (Connection connection = index.dataSource().getConnection()) {
            long patient = insertPatient(connection, "P1", "");
            long study = insertStudy(connection, patient, "1.2.3");
            long otherStudy = insertStudy(connection, patient, "1.2.4");
            long series = insertSeries(connection, study, "1.2.3.1");
            SQLException reused = assertThrows(SQLException.class, () -> insertSeries(connection, otherStudy, "1.2.3.1"));
            assertEquals(UNIQUE_VIOLATION, reused.getSQLState());
            insertInstance(connection, series, "1.2.3.1.1", "key-1");
            SQLException duplicate = assertThrows(
                    SQLException.class, () -> insertInstance(connection, series, "1.2.3.1.1", "key-2"));
            assertEquals(UNIQUE_VIOLATION, duplicate.getSQLState());
        }
    }

    @Test
    void postgresqlGetsPrefixAndTrigramNameIndexes() throws SQLException {
        Assumptions.assumeTrue(index.isPostgreSQL(), "PostgreSQL-only migration");
        try (Connection connection = index.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select indexname from pg_indexes where tablename = 'patient' and schemaname = current_schema()"
                                + " and indexname like 'ix_patient_name_norm%' order by indexname");
                ResultSet rows = statement.executeQuery()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            // The trigram index exists only where pg_trgm could be installed, as on the test server.
            assertEquals(java.util.List.of("ix_patient_name_norm", "ix_patient_name_norm_prefix", "ix_patient_name_norm_trgm"), names);
        }
    }

    private static long insertPatient(Connection connection, String id, String issuer) throws SQLException {
        return insert(connection,
                "insert into patient (patient_id, issuer_of_patient_id, created, updated)"
                        + " values (?, ?, current_timestamp, current_timestamp)",
                id, issuer);
    }

    private static long insertStudy(Connection connection, long patient, String uid) throws SQLException {
        return insert(connection,
                "insert into study (patient_fk, study_iuid, created, updated)"
                        + " values (?, ?, current_timestamp, current_timestamp)",
                patient, uid);
    }

    private static long insertSeries(Connection connection, long study, String uid) throws SQLException {
        return insert(connection,
                "insert into series (study_fk, series_iuid, created, updated)"
                        + " values (?, ?, current_timestamp, current_timestamp)",
                study, uid);
    }

    private static long insertInstance(Connection connection, long series, String uid, String key) throws SQLException {
        return insert(connection,
                "insert into instance (series_fk, sop_iuid, sop_class_uid, transfer_syntax_uid, blob_key, blob_size,"
                        + " blob_sha256, created) values (?, ?, '1.2.840.10008.5.1.4.1.1.7', '1.2.840.10008.1.2.1', ?,"
                        + " 0, ?, current_timestamp)",
                series, uid, key, "0".repeat(64));
    }

    private static long insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"pk"})) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
