package org.opendicomweb.qido;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.index.IndexQueryException;
import org.opendicomweb.index.Sql;
import org.opendicomweb.web.DicomResponses;
import org.opendicomweb.web.DicomResponses.DatasetType;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.WarningHeader;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * The search transaction (PS3.18 §10.6): parse and validate, negotiate the representation, then stream the
 * matching rows out as they are read. Before the body starts, at most two cheap statements run: whether the
 * study/series of the path exists (404 otherwise) and, when the server's maximum applies, whether results
 * lie beyond it (then a Warning says the response was cut). The page itself is one statement.
 */
@ApplicationScoped
public class QidoService {
    private static final Logger LOG = Logger.getLogger(QidoService.class);
    /** Every statement with its values, at DEBUG: {@code quarkus.log.category."org.opendicomweb.qido.sql".level}. */
    private static final Logger SQL = Logger.getLogger("org.opendicomweb.qido.sql");
    /** Rows fetched per round trip: bounds the driver's memory, whatever the page size. */
    private static final int FETCH_SIZE = 64;

    private final Sql sql;
    private final DicomwebConfig config;
    private final ExtendedKeys extendedKeys;

    @Inject
    QidoService(Sql sql, DicomwebConfig config, ExtendedKeys extendedKeys) {
        this.sql = sql;
        this.config = config;
        this.extendedKeys = extendedKeys;
    }

    /**
     * Answers a search. {@code root} is the absolute service root for Retrieve URLs and BulkDataURIs.
     *
     * @throws DicomwebException 400 for a bad parameter, 404 for an unknown study or series in the path, 406
     *     when no representation the client accepts can be produced
     */
    public Response search(QueryScope scope, Map<String, List<String>> parameters, String accept, String root) {
        return search(scope, parameters, accept, root, false);
    }

    /**
     * {@link #search}; {@code administrator}: the caller may ask for rejected instances ({@code includerejected}),
     * which is a 403 otherwise: what a rejection hides for patient safety is not for every reader.
     */
    public Response search(
            QueryScope scope, Map<String, List<String>> parameters, String accept, String root, boolean administrator) {
        DatasetType type =
                DicomResponses.negotiateDatasets(ResponseParameters.accept(parameters, accept), "Search results");
        Representation representation = type == DatasetType.DICOM_XML
                ? Representation.xmlParts(MultipartWriter.newBoundary())
                : new Representation(type.mediaType(), false, null);
        ResponseParameters.checkCharset(parameters);
        QidoQuery query = QueryParser.parse(scope, parameters, extendedKeys.byTag());
        if (query.includeRejected() && !administrator) {
            throw new DicomwebException(
                    403, "includerejected=true is for administrators: it needs the role of dicomweb.auth.roles.admin");
        }
        try {
            requireScope(query);
            int max = config.qido().maxResults();
            boolean capped = query.limit() == null || query.limit() > max;
            int limit = capped ? max : query.limit();
            Response.ResponseBuilder response =
                    Response.ok(body(query, limit, root, representation), representation.contentType());
            for (String warning : query.warnings()) {
                response.header(WarningHeader.NAME, WarningHeader.of(warning));
            }
            Set<ExtendedKey> warned = new HashSet<>();
            for (Condition c : query.conditions()) {
                QueryKey key = QuerySql.keysOf(c).get(0);
                ExtendedKey k = key instanceof ExtendedItemKey ik ? ik.sequence() : null;
                if (key instanceof ExtendedKey ek) {
                    k = ek;
                }
                if (k != null && extendedKeys.isIncomplete(k) && warned.add(k)) {
                    response.header(
                            WarningHeader.NAME,
                            WarningHeader.of(k.definition().describe() + " is still"
                                    + " being indexed for instances stored before it was configured; results may be"
                                    + " incomplete"));
                }
            }
            if (capped
                    && rowExists(QuerySql.rowAt(
                            query, (int) Math.min(Integer.MAX_VALUE, (long) query.offset() + max)))) {
                response.header(
                        WarningHeader.NAME,
                        WarningHeader.of("The number of results exceeded the maximum"
                                + " supported by the server (" + max + "); results truncated. Additional results can be"
                                + " requested with offset."));
            }
            return response.build();
        } catch (SQLException e) {
            throw new IndexQueryException(e);
        }
    }

    /** The representation of a response and its Content-Type. */
    private record Representation(String contentType, boolean xml, String boundary) {
        static Representation xmlParts(String boundary) {
            return new Representation(MultipartWriter.contentType(DicomResponses.DICOM_XML, boundary), true, boundary);
        }
    }

    private void requireScope(QidoQuery query) throws SQLException {
        QueryScope scope = query.scope();
        if (scope.studyUid() == null) {
            return;
        }
        if (!rowExists(QuerySql.scopeExists(scope, query.includeRejected()))) {
            throw DicomwebException.notFound(
                    scope.seriesUid() == null
                            ? "Study " + scope.studyUid() + " is not stored"
                            : "Series " + scope.seriesUid() + " of study " + scope.studyUid() + " is not stored");
        }
    }

    private boolean rowExists(QuerySql.Statement statement) throws SQLException {
        return sql.withConnection(c -> {
            try (PreparedStatement ps = prepare(c, statement);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private StreamingOutput body(QidoQuery query, int limit, String root, Representation representation) {
        ResultTemplate template = new ResultTemplate(query);
        QuerySql.Statement statement = QuerySql.page(query, limit, template.needsMetadata());
        return out -> stream(statement, template, root, out, representation);
    }

    private void stream(
            QuerySql.Statement statement,
            ResultTemplate template,
            String root,
            OutputStream target,
            Representation representation)
            throws IOException {
        OutputStream out = new BufferedOutputStream(target, 64 * 1024);
        long started = System.nanoTime();
        int rows;
        try {
            rows = sql.withCursor(c -> {
                try (PreparedStatement ps = prepare(c, statement);
                        SequenceItemReader items = new SequenceItemReader(c, template.query())) {
                    ps.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultWriter writer = representation.xml()
                                ? new XmlResultWriter(out, root, representation.boundary())
                                : new JsonResultWriter(out, root);
                        int written = 0;
                        while (rs.next()) {
                            byte[] metadata = template.needsMetadata() ? rs.getBytes("metadata") : null;
                            writer.write(template.fromIndex(rs, root, items), metadata, template);
                            written++;
                        }
                        writer.finish();
                        return written;
                    }
                }
            });
        } catch (SQLException e) {
            throw new IndexQueryException(e); // the response has started: the client sees it cut off
        }
        LOG.debugf("QIDO %s: %d results in %d ms", template.level(), rows, (System.nanoTime() - started) / 1_000_000);
    }

    private static PreparedStatement prepare(Connection c, QuerySql.Statement statement) throws SQLException {
        if (SQL.isDebugEnabled()) {
            SQL.debugf("QIDO SQL: %s", statement.inlined());
        }
        return Sql.prepareForValues(c, statement.sql(), statement.parameters());
    }
}
