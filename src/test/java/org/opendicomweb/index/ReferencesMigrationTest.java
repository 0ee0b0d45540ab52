package org.opendicomweb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * An archive indexed before the references graph existed: the migration cannot read DICOM, so it leaves the graph
 * empty and registers the reindexer's task as incomplete, which makes the reindexer fill it after start-up. Runs
 * the migrations on a database of its own (an in-memory H2, or a schema of the test database on PostgreSQL).
 */
@QuarkusTest
class ReferencesMigrationTest {

    @Test
    void storedInstancesLeaveTheReferencesTaskToDo() throws SQLException {
        try (ScratchIndex index = new ScratchIndex("odw_refs_")) {
            Connection c = index.connection();
            index.migrateTo("11");
            try (Statement s = c.createStatement()) {
                s.execute("insert into patient (pk, patient_id, created, updated)"
                        + " values (1, 'P', current_timestamp, current_timestamp)");
                s.execute("insert into study (pk, patient_fk, study_iuid, created, updated)"
                        + " values (1, 1, '1.2.1', current_timestamp, current_timestamp)");
                s.execute("insert into series (pk, study_fk, series_iuid, created, updated)"
                        + " values (1, 1, '1.2.1.1', current_timestamp, current_timestamp)");
                s.execute("insert into instance (pk, series_fk, sop_iuid, sop_class_uid, transfer_syntax_uid,"
                        + " blob_key, blob_size, created) values (1, 1, '1.2.1.1.1', '1.2.840.10008.5.1.4.1.1.7',"
                        + " '1.2.840.10008.1.2.1', 'k1', 1, current_timestamp)");
            }
            index.migrateTo("12");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select through_pk, complete from reindex_task where name = '"
                            + Reindexer.REFERENCES + "'")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
                assertEquals(false, rs.getBoolean(2), "instances stored before V12 still need their references");
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from instance_reference")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }
}
