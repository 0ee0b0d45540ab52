package org.opendicomweb.cluster;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.util.UUID;
import org.opendicomweb.index.IndexDatabase;

/** Leases as another server node over the same index would take them: another node id, the same database. */
public final class OtherNode {

    private OtherNode() {}

    public static ClusterLease lease(Duration duration) {
        IndexDatabase index = Arc.container().instance(IndexDatabase.class).get();
        String id = UUID.randomUUID().toString();
        return new ClusterLease(index, duration, new ClusterNode(id, "other-" + id.substring(0, 8), 1));
    }
}
