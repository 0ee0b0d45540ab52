package org.opendicomweb.support;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.wado.InstanceLocations;

/**
 * Empties the index tables (children first) and the change feed so that a test class starts from nothing; the schema stays, and so do
 * the stored files, so the server is told to forget the instance locations it keeps.
 */
public final class IndexTables {

    private IndexTables() {}

    public static void clean() throws SQLException {
        IndexDatabase index = Arc.container().instance(IndexDatabase.class).get();
        try (Connection connection = index.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : new String[] {
                "change_feed",
                "extended_key",
                "instance_reference",
                "sequence_item_key",
                "sequence_item",
                "rejected_instance",
                "request_attributes_item",
                "referenced_study_item",
                "study_demographics",
                "series_conflict",
                "blob_finding",
                "scrub_progress",
                "instance",
                "series",
                "study",
                "patient"
            }) {
                statement.executeUpdate("delete from " + table);
            }
        }
        Arc.container().instance(InstanceLocations.class).get().clear();
    }
}
