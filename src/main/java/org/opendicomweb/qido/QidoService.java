package org.opendicomweb.qido;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.IndexDatabase;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.WarningHeader;
import org.opendicomweb.web.multipart.MediaType;

/**
 * The search transaction (PS3.18 §10.6): parse and validate, negotiate the representation, then stream the
 * matching rows out as they are read. Before the body starts, at most two cheap statements run: whether the
 * study/series of the path exists (404 otherwise) and, when the server's maximum applies, whether results
 * lie beyond it (then a Warning says the response was cut). The page itself is one statement.
 */
@ApplicationScoped
public class QidoService {
    private static final Logger LOG = Logger.getLogger(QidoService.class);
    static final String DICOM_JSON = "application/dicom+json";
    static final String DICOM_XML = "application/dicom+xml";
    /** Rows fetched per round trip: bounds the driver's memory, whatever the page size. */
    private static final int FETCH_SIZE = 64;

    private final IndexDatabase database;
    private final DicomwebConfig config;

    @Inject
    QidoService(IndexDatabase database, DicomwebConfig config) {
        this.database = database;
        this.config = config;
    }

    /**
     * Answers a search. {@code root} is the absolute service root for Retrieve URLs and BulkDataURIs.
     *
     * @throws DicomwebException 400 for a bad parameter, 404 for an unknown study or series in the path, 406
     *     when no representation the client accepts can be produced
     */
    public Response search(QueryScope scope, Map<String, List<String>> parameters, String accept, String root) {
        String type = negotiate(accept);
        QidoQuery query = QueryParser.parse(scope, parameters);
        try {
            requireScope(scope);
            int max = config.qido().maxResults();
            boolean capped = query.limit() == null || query.limit() > max;
            int limit = capped ? max : query.limit();
            Response.ResponseBuilder response = Response.ok(body(query, limit, root), type);
            for (String warning : query.warnings()) {
                response.header(WarningHeader.NAME, WarningHeader.of(warning));
            }
            if (capped && rowExists(QuerySql.rowAt(query, (int) Math.min(Integer.MAX_VALUE, (long) query.offset() + max)))) {
                response.header(WarningHeader.NAME, WarningHeader.of("The number of results exceeded the maximum"
                        + " supported by the server (" + max + "); results truncated. Additional results can be"
                        + " requested with offset."));
            }
            return response.build();
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    /** DICOM JSON for application/dicom+json, application/json and wildcards (PS3.18 §10.6.3.2). */
    private static String negotiate(String accept) {
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (AcceptHeader.covers(range, DICOM_JSON)) {
                return DICOM_JSON;
            }
            if (range.is("application/json")) {
                return "application/json";
            }
            if (range.is("multipart/related") && DICOM_XML.equals(range.parameter("type"))) {
                throw DicomwebException.notAcceptable("Search results as " + DICOM_XML
                        + " are not available yet; ask for " + DICOM_JSON);
            }
        }
        throw DicomwebException.notAcceptable("Search results are available as " + DICOM_JSON + "; Accept was: " + accept);
    }

    private void requireScope(QueryScope scope) throws SQLException {
        if (scope.studyUid() == null) {
            return;
        }
        if (!rowExists(QuerySql.scopeExists(scope))) {
            throw DicomwebException.notFound(scope.seriesUid() == null
                    ? "Study " + scope.studyUid() + " is not stored"
                    : "Series " + scope.seriesUid() + " of study " + scope.studyUid() + " is not stored");
        }
    }

    private boolean rowExists(QuerySql.Statement statement) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = prepare(c, statement);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private StreamingOutput body(QidoQuery query, int limit, String root) {
        ResultTemplate template = new ResultTemplate(query);
        QuerySql.Statement statement = QuerySql.page(query, limit, template.needsMetadata());
        return out -> stream(statement, template, root, out);
    }

    private void stream(QuerySql.Statement statement, ResultTemplate template, String root, OutputStream out)
            throws IOException {
        long started = System.nanoTime();
        int rows = 0;
        try (Connection c = database.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL fetches by cursor (FETCH_SIZE rows at a time) only inside a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement ps = prepare(c, statement)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    JsonResultWriter writer = new JsonResultWriter(out, root);
                    while (rs.next()) {
                        byte[] metadata = template.needsMetadata() ? rs.getBytes("metadata") : null;
                        writer.write(template.fromIndex(rs, root), metadata, template);
                        rows++;
                    }
                    writer.finish();
                }
            } finally {
                c.rollback(); // read only: nothing to keep
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Query failed after the response started: " + e.getMessage(), e));
        }
        LOG.debugf("QIDO %s: %d results in %d ms", template.level(), rows, (System.nanoTime() - started) / 1_000_000);
    }

    private static PreparedStatement prepare(Connection c, QuerySql.Statement statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.sql());
        int i = 1;
        for (Object p : statement.parameters()) {
            switch (p) {
                case Integer n -> ps.setInt(i++, n);
                case Long n -> ps.setLong(i++, n);
                default -> ps.setString(i++, (String) p);
            }
        }
        return ps;
    }
}
