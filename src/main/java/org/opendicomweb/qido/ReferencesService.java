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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.IndexQueryException;
import org.opendicomweb.index.ReferenceGraph;
import org.opendicomweb.index.ReferenceGraph.Edge;
import org.opendicomweb.index.Sql;
import org.opendicomweb.web.DicomResponses;
import org.opendicomweb.web.DicomResponses.DatasetType;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * The references graph (our extension, docs/conformance.md "References graph"): the instances one instance
 * references, or the instances that reference it, answered as QIDO-RS answers Search for All Instances (the same
 * attributes, includefield, representations and Retrieve URLs), each result with two more attributes:
 *
 * <ul>
 *   <li>Instance Availability (0008,0056): ONLINE as in every search result, or UNAVAILABLE for a referenced
 *       instance that is not stored here (or is rejected); such a result carries what the reference states: SOP
 *       Instance UID, SOP Class UID, and Study and Series Instance UID where the enclosing items give them.
 *   <li>Reference Path, a private attribute of the block {@value #PRIVATE_CREATOR} (0009,0010): UC (0009,1010),
 *       one value per sequence path under which the referencing instance names the other one, as keywords
 *       separated by '/'. DICOM JSON has no place for attributes of our own but a private block.
 * </ul>
 *
 * <p>The edges stream from the index in chunks of {@value #CHUNK} instances; each chunk is looked up with the
 * one statement QIDO-RS would run for {@code SOPInstanceUID} with their UIDs as a list.
 */
@ApplicationScoped
public class ReferencesService {
    /** The private creator of our private block (PS3.5 §7.8.1). */
    public static final String PRIVATE_CREATOR = "OPENDICOMWEB";
    /** (0009,0010): the Private Creator Data Element of the block. */
    public static final int PRIVATE_CREATOR_TAG = 0x00090010;
    /** (0009,1010) Reference Path, UC, 1-n. */
    public static final int REFERENCE_PATH = 0x00091010;

    static final int CHUNK = 500;
    private static final Set<String> PARAMETERS = Set.of(QueryParser.INCLUDE, QueryParser.ACCEPT, QueryParser.CHARSET);

    /** Which way the edges are followed. */
    public enum Direction {
        /** What the instance references. */
        REFERENCES,
        /** What references the instance. */
        REFERENCED_BY
    }

    private final Sql sql;
    private final ExtendedKeys extendedKeys;

    @Inject
    ReferencesService(Sql sql, ExtendedKeys extendedKeys) {
        this.sql = sql;
        this.extendedKeys = extendedKeys;
    }

    /**
     * Answers for the instance at study/series/instance (UIDs validated).
     *
     * @throws DicomwebException 400 for a parameter other than includefield, accept and charset, or a bad one; 404
     *     when the instance is not stored (or rejected); 406 when no representation the client accepts can be made
     */
    public Response answer(
            Direction direction,
            String studyUid,
            String seriesUid,
            String sopUid,
            Map<String, List<String>> parameters,
            String accept,
            String root) {
        DatasetType type = DicomResponses.negotiateDatasets(
                ResponseParameters.accept(parameters, accept), "The references of an instance");
        ResponseParameters.checkCharset(parameters);
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (!PARAMETERS.contains(p.getKey())) {
                throw DicomwebException.badRequest("Query parameter '" + p.getKey() + "' is not supported here: only "
                        + QueryParser.INCLUDE + " (and " + QueryParser.ACCEPT + ", " + QueryParser.CHARSET + ")");
            }
            if (p.getKey().equals(QueryParser.INCLUDE)) {
                shown.put(p.getKey(), p.getValue());
            }
        }
        QueryParser.parse(QueryScope.allInstances(), shown, extendedKeys.byTag()); // a bad includefield is a 400 now
        Long pk;
        try {
            pk = sql.withConnection(c -> ReferenceGraph.visibleInstance(c, studyUid, seriesUid, sopUid));
        } catch (SQLException e) {
            throw new IndexQueryException(e);
        }
        if (pk == null) {
            throw DicomwebException.notFound(
                    "Instance " + sopUid + " of series " + seriesUid + " of study " + studyUid + " is not stored");
        }
        boolean xml = type == DatasetType.DICOM_XML;
        String boundary = xml ? MultipartWriter.newBoundary() : null;
        String contentType = xml ? MultipartWriter.contentType(DicomResponses.DICOM_XML, boundary) : type.mediaType();
        StreamingOutput body = out -> stream(direction, pk, sopUid, shown, root, out, boundary);
        return Response.ok(body, contentType).build();
    }

    private void stream(
            Direction direction,
            long pk,
            String sopUid,
            Map<String, List<String>> shown,
            String root,
            OutputStream target,
            String boundary)
            throws IOException {
        OutputStream out = new BufferedOutputStream(target, 64 * 1024);
        try {
            sql.withCursor(c -> {
                ResultWriter writer =
                        boundary != null ? new XmlResultWriter(out, root, boundary) : new JsonResultWriter(out, root);
                ReferenceGraph.Chunk chunk = edges -> write(c, direction, edges, shown, root, writer);
                if (direction == Direction.REFERENCES) {
                    ReferenceGraph.outgoing(c, pk, CHUNK, chunk);
                } else {
                    ReferenceGraph.incoming(c, sopUid, CHUNK, chunk);
                }
                writer.finish();
                return null;
            });
        } catch (SQLException e) {
            throw new IndexQueryException(e); // the response has started: the client sees it cut off
        }
    }

    /**
     * One chunk: the stored instances as QIDO-RS finds them, with their paths; then, going outwards, those not
     * found, from what the references state.
     */
    private void write(
            Connection c,
            Direction direction,
            List<Edge> edges,
            Map<String, List<String>> shown,
            String root,
            ResultWriter writer)
            throws SQLException, IOException {
        Map<String, List<Edge>> byInstance = new LinkedHashMap<>();
        for (Edge e : edges) {
            byInstance
                    .computeIfAbsent(e.sopInstanceUid(), k -> new ArrayList<>())
                    .add(e);
        }
        Set<String> found = new LinkedHashSet<>();
        List<String> lookup = byInstance.keySet().stream().filter(Uids::isValid).toList();
        if (!lookup.isEmpty()) {
            Map<String, List<String>> parameters = new LinkedHashMap<>(shown);
            parameters.put("SOPInstanceUID", List.of(String.join("\\", lookup)));
            QidoQuery query = QueryParser.parse(QueryScope.allInstances(), parameters, extendedKeys.byTag());
            ResultTemplate template = new ResultTemplate(query);
            QuerySql.Statement statement = QuerySql.page(query, lookup.size(), template.needsMetadata());
            try (PreparedStatement ps = Sql.prepare(c, statement.sql(), statement.parameters());
                    SequenceItemReader items = new SequenceItemReader(c, query);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String uid = rs.getString("sop_iuid");
                    Attributes result = template.fromIndex(rs, root, items);
                    addPaths(result, byInstance.get(uid));
                    writer.write(result, template.needsMetadata() ? rs.getBytes("metadata") : null, template);
                    found.add(uid);
                }
            }
        }
        if (direction == Direction.REFERENCED_BY) {
            return; // a referencing instance not found was deleted or rejected since the edges were read
        }
        for (Map.Entry<String, List<Edge>> e : byInstance.entrySet()) {
            if (!found.contains(e.getKey())) {
                writer.write(notStored(e.getValue()), null, null);
            }
        }
    }

    /** A referenced instance that is not stored here: what its references say of it. */
    private static Attributes notStored(List<Edge> edges) {
        Attributes result = new Attributes(false, 8);
        Edge first = edges.get(0);
        String sopClass = null;
        String study = null;
        String series = null;
        for (Edge e : edges) {
            sopClass = sopClass != null ? sopClass : e.sopClassUid();
            study = study != null ? study : e.studyInstanceUid();
            series = series != null ? series : e.seriesInstanceUid();
        }
        result.setString(Tag.InstanceAvailability, VR.CS, "UNAVAILABLE");
        if (sopClass != null) {
            result.setString(Tag.SOPClassUID, VR.UI, sopClass);
        }
        result.setString(Tag.SOPInstanceUID, VR.UI, first.sopInstanceUid());
        if (study != null) {
            result.setString(Tag.StudyInstanceUID, VR.UI, study);
        }
        if (series != null) {
            result.setString(Tag.SeriesInstanceUID, VR.UI, series);
        }
        addPaths(result, edges);
        return result;
    }

    private static void addPaths(Attributes result, List<Edge> edges) {
        Set<String> paths = new LinkedHashSet<>();
        edges.forEach(e -> paths.add(e.path()));
        result.setString(PRIVATE_CREATOR_TAG, VR.LO, PRIVATE_CREATOR);
        result.setString(REFERENCE_PATH, VR.UC, paths.toArray(new String[0]));
    }
}
