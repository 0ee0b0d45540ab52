package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An archive indexed before studies carried their patient's name: the migration copies each patient's normalised
 * name onto every study of that patient. Runs the migrations on a database of its own (an in-memory H2, or a
 * schema of the test database on PostgreSQL), first up to version 10.
 */
@QuarkusTest
class StudyPatientNameMigrationTest {

    @Test
    void existingStudiesGetTheirPatientsName() throws SQLException {
        try (ScratchIndex index = new ScratchIndex("odw_name_")) {
            Connection c = index.connection();
            index.migrateTo("10");
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
            index.migrateTo("11");
            List<String> studies = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("select study_iuid, patient_name_norm from study order by study_iuid")) {
                while (rs.next()) {
                    studies.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertEquals(List.of("1.2.1 DOE^JANE", "1.2.2 DOE^JANE", "1.2.3 null"), studies);
        }
    }
}
