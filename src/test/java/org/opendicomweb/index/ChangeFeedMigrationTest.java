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
 * An archive indexed before the change feed existed: the migration gives each stored instance one create entry,
 * in the order stored, and the next sequence number follows them. Runs the migrations on a database of its own
 * (an in-memory H2, or a schema of the test database on PostgreSQL), first up to version 6.
 */
@QuarkusTest
class ChangeFeedMigrationTest {

    @Test
    void storedInstancesBecomeCreateEntriesInStoredOrder() throws SQLException {
        try (ScratchIndex index = new ScratchIndex("odw_feed_")) {
            Connection c = index.connection();
            index.migrateTo("6");
            try (Statement s = c.createStatement()) {
                s.execute("insert into patient (pk, patient_id, created, updated)"
                        + " values (1, 'P', current_timestamp, current_timestamp)");
                s.execute("insert into study (pk, patient_fk, study_iuid, created, updated)"
                        + " values (1, 1, '1.2.1', current_timestamp, current_timestamp)");
                s.execute("insert into series (pk, study_fk, series_iuid, created, updated)"
                        + " values (1, 1, '1.2.1.1', current_timestamp, current_timestamp)");
                for (int i = 3; i >= 1; i--) {
                    s.execute("insert into instance (pk, series_fk, sop_iuid, sop_class_uid, transfer_syntax_uid,"
                            + " blob_key, blob_size, blob_sha256, created) values (" + (10 - i)
                            + ", 1, '1.2.1.1." + i + "', '1.2.840.10008.5.1.4.1.1.7', '1.2.840.10008.1.2.1',"
                            + " 'k" + i + "', 1, '" + "0".repeat(64) + "', current_timestamp)");
                }
            }
            index.migrateTo("7");
            List<String> entries = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select sequence, sop_iuid, action, state, study_iuid,"
                            + " series_iuid from change_feed order by sequence")) {
                while (rs.next()) {
                    entries.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                            + " " + rs.getString(5) + " " + rs.getString(6));
                }
            }
            assertEquals(
                    List.of(
                            "1 1.2.1.1.3 create current 1.2.1 1.2.1.1",
                            "2 1.2.1.1.2 create current 1.2.1 1.2.1.1",
                            "3 1.2.1.1.1 create current 1.2.1 1.2.1.1"),
                    entries);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select last_sequence from change_sequence where id = 1")) {
                rs.next();
                assertEquals(3, rs.getLong(1));
            }
        }
    }
}
