package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.opendicomweb.index.IndexQueryException;
import org.opendicomweb.index.Sql;

/**
 * The index queries of WADO-RS, all on indexed columns (study_iuid, series_iuid, sop_iuid unique; series and
 * instances found through their foreign keys). Instances come in the order a viewer shows them: series by
 * number, instances by number, then in storing order. Rejected instances are never among them.
 */
@ApplicationScoped
public class RetrieveIndex {
    private static final String FROM = """
             from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
            """;
    private static final String ORDER = " order by se.series_number, se.pk, i.instance_number, i.pk";
    private static final int FETCH_SIZE = 256;

    private final Sql sql;

    @Inject
    RetrieveIndex(Sql sql) {
        this.sql = sql;
    }

    /** The row that an entity tag is made from: the target's own pk and the version that changes with it. */
    public record Version(long pk, long version) {}

    /** A stored instance and where its bytes are. */
    public record StoredFile(
            String study, String series, String instance, String transferSyntaxUid, String blobKey, long blobSize) {}

    @FunctionalInterface
    public interface MetadataSink {
        void accept(byte[] metadata) throws IOException;
    }

    /** The version of the target (study and series rows carry one; an instance uses its series'). */
    public Optional<Version> version(RetrieveTarget t) {
        String query = switch (t.level()) {
            case STUDY ->
                "select st.pk, st.version from study st where st.study_iuid = ? and st.num_rejected < st.num_instances";
            case SERIES ->
                "select se.pk, se.version from series se join study st on st.pk = se.study_fk"
                        + " where st.study_iuid = ? and se.series_iuid = ? and se.num_rejected < se.num_instances";
            case INSTANCE -> "select i.pk, se.version" + FROM + where(t);
        };
        try {
            return sql.query(
                    query,
                    uids(t),
                    rs -> rs.next() ? Optional.of(new Version(rs.getLong(1), rs.getLong(2))) : Optional.empty());
        } catch (SQLException e) {
            throw new IndexQueryException(e);
        }
    }

    /**
     * Hands the stored metadata document of every instance of the target to {@code sink}, in order, while the
     * rows arrive (a cursor on PostgreSQL, so a study of any size is never held whole).
     */
    public void forEachMetadata(RetrieveTarget t, MetadataSink sink) throws IOException {
        try {
            sql.withCursor(c -> {
                try (PreparedStatement ps = Sql.prepare(c, "select i.metadata" + FROM + where(t) + ORDER, uids(t))) {
                    ps.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byte[] doc = rs.getBytes(1);
                            if (doc != null) {
                                sink.accept(doc);
                            }
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IndexQueryException(e);
        }
    }

    /** The stored files of the target, in order; empty when it does not exist. */
    public List<StoredFile> files(RetrieveTarget t) {
        return files(t, "");
    }

    /** The first {@code limit} stored files of the target, in order. */
    public List<StoredFile> files(RetrieveTarget t, int limit) {
        return files(t, "", " limit " + limit);
    }

    /** The stored files of the target that are images (they have Rows), in order. */
    public List<StoredFile> imageFiles(RetrieveTarget t) {
        return files(t, " and i.image_rows > 0");
    }

    private List<StoredFile> files(RetrieveTarget t, String condition) {
        return files(t, condition, "");
    }

    /** Rows of one series share its UIDs' strings (and of one syntax its UID's): they may be kept in a cache. */
    private List<StoredFile> files(RetrieveTarget t, String condition, String limit) {
        String query =
                "select st.study_iuid, se.series_iuid, i.sop_iuid, i.transfer_syntax_uid, i.blob_key, i.blob_size"
                        + FROM + where(t) + condition + ORDER + limit;
        try {
            return sql.query(query, uids(t), rs -> {
                List<StoredFile> files = new ArrayList<>();
                StoredFile last = null;
                while (rs.next()) {
                    String study = rs.getString(1);
                    String series = rs.getString(2);
                    String syntax = rs.getString(4);
                    if (last != null) {
                        study = shared(study, last.study());
                        series = shared(series, last.series());
                        syntax = shared(syntax, last.transferSyntaxUid());
                    }
                    last = new StoredFile(study, series, rs.getString(3), syntax, rs.getString(5), rs.getLong(6));
                    files.add(last);
                }
                return files;
            });
        } catch (SQLException e) {
            throw new IndexQueryException(e);
        }
    }

    private static String shared(String value, String previous) {
        return value != null && value.equals(previous) ? previous : value;
    }

    /**
     * The target's instances that are not rejected (IHE IOCM): a rejected instance is not served at any level, by
     * any of WADO-RS or WADO-URI, as if it were not stored. The probe of rejected_instance is by primary key.
     */
    private static String where(RetrieveTarget t) {
        return switch (t.level()) {
                    case STUDY -> " where st.study_iuid = ?";
                    case SERIES -> " where st.study_iuid = ? and se.series_iuid = ?";
                    case INSTANCE -> " where st.study_iuid = ? and se.series_iuid = ? and i.sop_iuid = ?";
                }
                + " and not exists (select 1 from rejected_instance r where r.sop_iuid = i.sop_iuid)";
    }

    /** The UIDs that {@link #where} binds, study first. */
    private static List<String> uids(RetrieveTarget t) {
        return Stream.of(t.study(), t.series(), t.instance())
                .takeWhile(uid -> uid != null)
                .toList();
    }
}
