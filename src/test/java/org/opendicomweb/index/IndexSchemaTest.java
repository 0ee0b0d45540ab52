package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * The migrations are the one description of the schema: on each database they must produce exactly the
     * tables and columns that the index's SQL is written against, no more and no fewer.
     */
    @Test
    void migratedSchemaHasTheTablesAndColumnsTheIndexSqlUses() throws SQLException {
        Map<String, Set<String>> expected = new TreeMap<>(Map.of(
                "patient",
                        Set.of(
                                "pk",
                                "patient_id",
                                "issuer_of_patient_id",
                                "patient_name",
                                "patient_name_norm",
                                "patient_birth_date",
                                "patient_birth_date_stored",
                                "patient_sex",
                                "created",
                                "updated"),
                "study",
                        Set.of(
                                "pk",
                                "patient_fk",
                                "study_iuid",
                                "study_date",
                                "study_date_stored",
                                "study_time",
                                "timezone_offset",
                                "accession_number",
                                "study_id",
                                "referring_physician_name",
                                "referring_physician_name_norm",
                                "patient_name_norm",
                                "study_description",
                                "study_datetime_utc",
                                "modalities_in_study",
                                "sop_classes_in_study",
                                "num_series",
                                "num_instances",
                                "num_rejected",
                                "num_rejected_series",
                                "version",
                                "demographics_sha",
                                "num_demographic_variants",
                                "created",
                                "updated"),
                "series",
                        Set.of(
                                "pk",
                                "study_fk",
                                "series_iuid",
                                "modality",
                                "series_number",
                                "series_description",
                                "pps_start_date",
                                "pps_start_date_stored",
                                "pps_start_time",
                                "pps_datetime_utc",
                                "num_instances",
                                "modalities",
                                "num_modalities",
                                "num_rejected",
                                "version",
                                "created",
                                "updated"),
                "instance",
                        Set.of(
                                "pk",
                                "series_fk",
                                "sop_iuid",
                                "sop_class_uid",
                                "instance_number",
                                "number_of_frames",
                                "image_rows",
                                "image_columns",
                                "bits_allocated",
                                "sop_instance_status",
                                "sop_authorization_datetime",
                                "sop_authorization_comment",
                                "transfer_syntax_uid",
                                "blob_key",
                                "blob_size",
                                "blob_sha256",
                                "blob_crc32c",
                                "metadata",
                                "created"),
                "series_conflict",
                        Set.of(
                                "pk",
                                "series_iuid",
                                "stored_study_iuid",
                                "refused_study_iuid",
                                "last_sop_iuid",
                                "refusals",
                                "first_refused",
                                "last_refused"),
                "study_demographics",
                        Set.of(
                                "pk",
                                "study_fk",
                                "variant_sha",
                                "patient_id",
                                "issuer_of_patient_id",
                                "patient_name",
                                "patient_birth_date",
                                "first_sop_iuid",
                                "num_instances",
                                "first_seen",
                                "last_seen"),
                "request_attributes_item",
                        Set.of(
                                "pk",
                                "series_fk",
                                "requested_procedure_id",
                                "scheduled_procedure_step_id",
                                "accession_number",
                                "study_iuid",
                                "requested_procedure_description",
                                "scheduled_procedure_step_description"),
                "referenced_study_item",
                        Set.of("pk", "study_fk", "referenced_sop_class_uid", "referenced_sop_instance_uid"),
                "extended_key", Set.of("owner_level", "owner_pk", "tag", "key_value"),
                "reindex_task", Set.of("name", "through_pk", "complete", "updated")));
        expected.put(
                "change_feed",
                Set.of("sequence", "study_iuid", "series_iuid", "sop_iuid", "action", "state", "changed"));
        expected.put("change_sequence", Set.of("id", "last_sequence"));
        expected.put(
                "instance_reference",
                Set.of(
                        "instance_fk",
                        "referenced_sop_iuid",
                        "referenced_sop_class_uid",
                        "attribute_path",
                        "referenced_study_iuid",
                        "referenced_series_iuid"));
        expected.put(
                "sequence_item",
                Set.of("pk", "owner_level", "owner_pk", "sequence_tag", "item_no", "item_sha", "item"));
        expected.put("sequence_item_key", Set.of("item_fk", "tag", "key_value"));
        expected.put("cluster_lease", Set.of("name", "holder", "holder_host", "acquired", "expires"));
        expected.put(
                "scrub_progress",
                Set.of(
                        "name",
                        "runner",
                        "after_pk",
                        "started",
                        "saved",
                        "finished",
                        "checked",
                        "intact",
                        "checksums_filled",
                        "mismatches",
                        "missing",
                        "unreadable",
                        "bytes_read"));
        expected.put(
                "rejected_instance",
                Set.of(
                        "sop_iuid",
                        "study_iuid",
                        "series_iuid",
                        "rejection_code",
                        "note_iuid",
                        "rejected",
                        "delete_after"));
        expected.put(
                "blob_finding",
                Set.of(
                        "instance_pk",
                        "sop_iuid",
                        "series_iuid",
                        "study_iuid",
                        "blob_key",
                        "problem",
                        "detail",
                        "first_found",
                        "last_found"));
        Map<String, Set<String>> actual = new TreeMap<>();
        try (Connection connection = index.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet columns = meta.getColumns(null, connection.getSchema(), "%", "%")) {
                while (columns.next()) {
                    String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.equals("flyway_schema_history")) {
                        actual.computeIfAbsent(table, t -> new TreeSet<>())
                                .add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        expected.replaceAll((table, columns) -> new TreeSet<>(columns));
        assertEquals(expected, actual);
    }

    @Test
    void metadataBytesRoundTripUnchanged() throws SQLException {
        byte[] metadata = "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Müller^Hans\"}]}}"
                .getBytes(StandardCharsets.UTF_8);
        try (Connection connection = index.dataSource().getConnection()) {
            long series = insertSeries(
                    connection, insertStudy(connection, insertPatient(connection, "P1", ""), "1.2.3"), "1.2.3.1");
            long instance = insertInstance(connection, series, "1.2.3.1.1", "key-1");
            try (PreparedStatement update =
                    connection.prepareStatement("update instance set metadata = ? where pk = ?")) {
                update.setBytes(1, metadata);
                update.setLong(2, instance);
                update.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("select metadata from instance where pk = ?")) {
                select.setLong(1, instance);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    assertArrayEquals(metadata, rows.getBytes(1));
                }
            }
        }
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
            SQLException reused =
                    assertThrows(SQLException.class, () -> insertSeries(connection, otherStudy, "1.2.3.1"));
            assertEquals(UNIQUE_VIOLATION, reused.getSQLState());
            insertInstance(connection, series, "1.2.3.1.1", "key-1");
            SQLException duplicate =
                    assertThrows(SQLException.class, () -> insertInstance(connection, series, "1.2.3.1.1", "key-2"));
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
            assertEquals(
                    java.util.List.of(
                            "ix_patient_name_norm", "ix_patient_name_norm_prefix", "ix_patient_name_norm_trgm"),
                    names);
        }
    }

    @Test
    void postgresqlGetsPrefixAndTrigramIndexesOnTheStudysPatientName() throws SQLException {
        Assumptions.assumeTrue(index.isPostgreSQL(), "PostgreSQL-only migration");
        try (Connection connection = index.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select indexname from pg_indexes where tablename = 'study' and schemaname = current_schema()"
                                + " and indexname like 'ix_study_patient_name_norm%' order by indexname");
                ResultSet rows = statement.executeQuery()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            assertEquals(
                    java.util.List.of(
                            "ix_study_patient_name_norm",
                            "ix_study_patient_name_norm_prefix",
                            "ix_study_patient_name_norm_trgm"),
                    names);
        }
    }

    private static long insertPatient(Connection connection, String id, String issuer) throws SQLException {
        return insertTimestamped(connection, "patient", "patient_id, issuer_of_patient_id", id, issuer);
    }

    private static long insertStudy(Connection connection, long patient, String uid) throws SQLException {
        return insertTimestamped(connection, "study", "patient_fk, study_iuid", patient, uid);
    }

    private static long insertSeries(Connection connection, long study, String uid) throws SQLException {
        return insertTimestamped(connection, "series", "study_fk, series_iuid", study, uid);
    }

    /** A row of {@code table} with the two {@code columns} given and both timestamps now. */
    private static long insertTimestamped(
            Connection connection, String table, String columns, Object first, Object second) throws SQLException {
        return insert(
                connection,
                "insert into " + table + " (" + columns + ", created, updated)"
                        + " values (?, ?, current_timestamp, current_timestamp)",
                first,
                second);
    }

    private static long insertInstance(Connection connection, long series, String uid, String key) throws SQLException {
        return insert(
                connection,
                "insert into instance (series_fk, sop_iuid, sop_class_uid, transfer_syntax_uid, blob_key, blob_size,"
                        + " blob_crc32c, created) values (?, ?, '1.2.840.10008.5.1.4.1.1.7', '1.2.840.10008.1.2.1', ?,"
                        + " 0, ?, current_timestamp)",
                series,
                uid,
                key,
                0xFFFFFFFFL); // the largest CRC-32C: unsigned, it needs more than an integer
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
