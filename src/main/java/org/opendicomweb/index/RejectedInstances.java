package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the deletion of rejected instances asks of the index: which stored ones are due. */
@ApplicationScoped
public class RejectedInstances {
    private final Sql sql;

    @Inject
    RejectedInstances(Sql sql) {
        this.sql = sql;
    }

    /**
     * The SOP Instance UIDs of at most {@code limit} stored instances whose rejection allows their deletion at
     * {@code now}, the longest due first. Their rejected_instance rows stay: an instance sent again is hidden again.
     */
    public List<String> due(Instant now, int limit) throws SQLException {
        return sql.query("""
                select r.sop_iuid from rejected_instance r
                 where r.delete_after <= ? and exists (select 1 from instance i where i.sop_iuid = r.sop_iuid)
                 order by r.delete_after, r.sop_iuid limit ?""", List.of(Sql.timestamp(now), limit), rs -> {
            List<String> due = new ArrayList<>();
            while (rs.next()) {
                due.add(rs.getString(1));
            }
            return due;
        });
    }
}
