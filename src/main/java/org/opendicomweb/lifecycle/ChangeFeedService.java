package org.opendicomweb.lifecycle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendicomweb.index.ChangeFeedQuery;
import org.opendicomweb.index.ChangeFeedQuery.Entry;
import org.opendicomweb.index.IndexQueryException;
import org.opendicomweb.wado.MetadataService;

/**
 * The change feed as Microsoft's DICOM server serves it: entries with PascalCase fields ({@code Sequence},
 * {@code StudyInstanceUid}, {@code SeriesInstanceUid}, {@code SopInstanceUid}, {@code Action}, {@code Timestamp},
 * {@code State}, and {@code Metadata} when asked for and the instance is indexed). A page is at most
 * {@link ChangeFeedParameters#MAX_WINDOW_LIMIT} entries, so it is written in memory and sent whole.
 */
@ApplicationScoped
public class ChangeFeedService {
    private static final JsonFactory JSON = new JsonFactory();

    private final ChangeFeedQuery query;

    @Inject
    ChangeFeedService(ChangeFeedQuery query) {
        this.query = query;
    }

    /** The page that the query parameters ask for, as a JSON array; BulkDataURIs absolute under {@code root}. */
    public byte[] page(Map<String, List<String>> parameters, String root) {
        ChangeFeedParameters p = ChangeFeedParameters.parse(parameters);
        List<Entry> entries;
        try {
            entries = p.windowed()
                    ? query.within(p.startTime(), p.endTime(), p.offset(), p.limit(), p.includeMetadata())
                    : query.after(p.offset(), p.limit(), p.includeMetadata());
        } catch (SQLException e) {
            throw new IndexQueryException(e);
        }
        return write(g -> {
            g.writeStartArray();
            for (Entry e : entries) {
                write(g, e, root);
            }
            g.writeEndArray();
        });
    }

    /** The entry with the greatest Sequence as a JSON object; empty while the feed is. */
    public Optional<byte[]> latest(Map<String, List<String>> parameters, String root) {
        boolean metadata = ChangeFeedParameters.includeMetadata(parameters);
        Optional<Entry> latest;
        try {
            latest = query.latest(metadata);
        } catch (SQLException e) {
            throw new IndexQueryException(e);
        }
        return latest.map(entry -> write(g -> write(g, entry, root)));
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Entry e, String root) throws IOException {
        g.writeStartObject();
        g.writeNumberField("Sequence", e.sequence());
        g.writeStringField("StudyInstanceUid", e.studyInstanceUid());
        g.writeStringField("SeriesInstanceUid", e.seriesInstanceUid());
        g.writeStringField("SopInstanceUid", e.sopInstanceUid());
        g.writeStringField("Action", e.action());
        g.writeStringField("Timestamp", e.timestamp().toString());
        g.writeStringField("State", e.state());
        if (e.metadata() != null) {
            ByteArrayOutputStream doc = new ByteArrayOutputStream(e.metadata().length + 256);
            MetadataService.copyWithRoot(e.metadata(), (root + "/").getBytes(StandardCharsets.UTF_8), doc);
            g.writeFieldName("Metadata");
            g.writeRawValue(doc.toString(StandardCharsets.UTF_8));
        }
        g.writeEndObject();
    }
}
