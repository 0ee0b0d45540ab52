package org.opendicomweb.index;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the references graph ({@code instance_reference}, see {@link InstanceReference}) in either direction:
 * what an instance references, and what references it. Rejected instances (IHE IOCM) are hidden as QIDO-RS hides
 * them: a rejected instance has no references to show and references nothing that can be seen.
 *
 * <p>Edges are handed out in chunks, each holding every edge of its instances, so that a caller can look the
 * instances of a chunk up in one statement while the rows stream: what references a much-cited instance is not
 * bounded by anything but the archive.
 */
public final class ReferenceGraph {
    private static final int FETCH_SIZE = 256;

    private ReferenceGraph() {}

    /**
     * One reference. Outgoing: the referenced instance's UID, the SOP Class UID the reference states (null when
     * none), and the study and series the reference states (null when it does not). Incoming: the referencing
     * instance's UIDs and SOP Class UID, as stored. {@code path}: where in the referencing instance the reference
     * was found.
     */
    public record Edge(
            String sopInstanceUid,
            String sopClassUid,
            String path,
            String studyInstanceUid,
            String seriesInstanceUid) {}

    /** Takes the edges of a chunk of instances. */
    @FunctionalInterface
    public interface Chunk {
        void accept(List<Edge> edges) throws SQLException, IOException;
    }

    /** The pk of an instance of this study and series, unless it is not stored or rejected. */
    public static Long visibleInstance(Connection c, String studyUid, String seriesUid, String sopUid)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select i.pk from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                 where i.sop_iuid = ? and se.series_iuid = ? and st.study_iuid = ?
                   and not exists (select 1 from rejected_instance r where r.sop_iuid = i.sop_iuid)""")) {
            Sql.bind(ps, sopUid, seriesUid, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** What instance {@code instancePk} references, in chunks of at most {@code perChunk} referenced instances. */
    public static void outgoing(Connection c, long instancePk, int perChunk, Chunk to)
            throws SQLException, IOException {
        stream(c, """
                select referenced_sop_iuid, referenced_sop_class_uid, attribute_path, referenced_study_iuid,
                       referenced_series_iuid
                  from instance_reference where instance_fk = ?
                 order by referenced_sop_iuid, attribute_path""", instancePk, perChunk, to);
    }

    /** The instances that reference {@code sopUid}, in chunks of at most {@code perChunk} referencing instances. */
    public static void incoming(Connection c, String sopUid, int perChunk, Chunk to) throws SQLException, IOException {
        stream(c, """
                select i.sop_iuid, i.sop_class_uid, r.attribute_path, st.study_iuid, se.series_iuid
                  from instance_reference r join instance i on i.pk = r.instance_fk
                  join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                 where r.referenced_sop_iuid = ?
                   and not exists (select 1 from rejected_instance x where x.sop_iuid = i.sop_iuid)
                 order by i.sop_iuid, r.attribute_path""", sopUid, perChunk, to);
    }

    /** Rows ordered by instance, cut into chunks between instances. */
    private static void stream(Connection c, String select, Object key, int perChunk, Chunk to)
            throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(select)) {
            Sql.bind(ps, key);
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                List<Edge> chunk = new ArrayList<>();
                int instances = 0;
                String last = null;
                while (rs.next()) {
                    Edge e = new Edge(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    if (!e.sopInstanceUid().equals(last)) {
                        if (instances == perChunk) {
                            to.accept(chunk);
                            chunk = new ArrayList<>();
                            instances = 0;
                        }
                        instances++;
                        last = e.sopInstanceUid();
                    }
                    chunk.add(e);
                }
                if (!chunk.isEmpty()) {
                    to.accept(chunk);
                }
            }
        }
    }
}
