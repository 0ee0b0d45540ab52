package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.TestDatabase;

/**
 * An archive indexed before studies carried their patient's name: the migration copies each patient's normalised
 * name onto every study of that patient. Runs the migrations on a database of its own (an in-memory H2, or a
 * schema of the test database on PostgreSQL), first up to version 10.
 */
@QuarkusTest
class StudyPatientNameMigrationTest {

    @Test
    void existingStudiesGetTheirPatientsName() throws SQLException {
        String schema =
                "odw_name_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        String user;
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
        if (TestDatabase.isPostgreSQL()) {
            String server = System.getProperty("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
            url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            user = System.getProperty("test.postgresql.user", "postgres");
            locations.add("classpath:db/migration/postgresql");
        } else {
            url = "jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1";
            user = "sa";
        }
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            try {
                migrate(url, user, schema, locations, "10");
                try (Statement s = c.createStatement()) {
                    s.execute("insert into patient (pk, patient_id, patient_name, patient_name_norm, created, updated)"
                            + " values (1, 'P1', 'Doe^Jane', 'DOE^JANE', current_timestamp, current_timestamp)");
                    s.execute("insert into patient (pk, patient_id, created, updated)"
                            + " values (2, 'P2', current_timestamp, current_timestamp)");
                    s.execute("insert into study (pk, patient_fk, study_iuid, created, updated)"
                            + " values (1, 1, '1.2.1', current_timestamp, current_timestamp)");
                    s.execute("insert into study (pk, patient_fk, study_iuid, created, updated)"
                            + " values (2, 1, '1.2.2', current_timestamp, current_timestamp)");
                    s.execute("insert into study (pk, patient_fk, study_iuid, created, updated)"
                            + " values (3, 2, '1.2.3', current_timestamp, current_timestamp)");
                }
                migrate(url, user, schema, locations, "11");
                List<String> studies = new ArrayList<>();
                try (Statement s = c.createStatement();
                        ResultSet rs =
                                s.executeQuery("select study_iuid, patient_name_norm from study order by study_iuid")) {
                    while (rs.next()) {
                        studies.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
                assertEquals(List.of("1.2.1 DOE^JANE", "1.2.2 DOE^JANE", "1.2.3 null"), studies);
            } finally {
                if (TestDatabase.isPostgreSQL()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("drop schema if exists " + schema + " cascade");
                    }
                }
            }
        }
    }

    private static void migrate(String url, String user, String schema, List<String> locations, String target) {
        var configuration = Flyway.configure()
                .dataSource(url, user, "")
                .locations(locations.toArray(String[]::new))
                .target(target);
        if (TestDatabase.isPostgreSQL()) {
            configuration.schemas(schema);
        }
        configuration.load().migrate();
    }
}
