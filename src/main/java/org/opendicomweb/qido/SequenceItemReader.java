package org.opendicomweb.qido;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.json.JsonReader;

/**
 * Reads, for each result row, the items of the sequences whose item attributes the query asked for: one prepared
 * statement per sequence, run with the row's study or series pk on the connection that streams the rows. Only
 * queries with such keys pay for it, one small indexed read per result.
 */
final class SequenceItemReader implements AutoCloseable {
    private record Reader(
            ItemSequence sequence, List<ItemKey> attributes, PreparedStatement statement, List<Object> parameters) {}

    private record ExtendedReader(
            ExtendedKey sequence,
            List<ExtendedItemKey> attributes,
            String ownerLabel,
            PreparedStatement statement,
            List<Object> parameters) {}

    private final List<Reader> readers = new ArrayList<>();
    private final List<ExtendedReader> extendedReaders = new ArrayList<>();

    SequenceItemReader(Connection c, QidoQuery query) throws SQLException {
        try {
            for (Map.Entry<ItemSequence, Set<ItemKey>> e :
                    query.requestedItems().entrySet()) {
                QuerySql.Statement s = QuerySql.items(query, e.getKey(), e.getValue());
                readers.add(
                        new Reader(e.getKey(), List.copyOf(e.getValue()), c.prepareStatement(s.sql()), s.parameters()));
            }
            for (Map.Entry<ExtendedKey, Set<ExtendedItemKey>> e :
                    query.requestedExtendedItems().entrySet()) {
                QuerySql.Statement s = QuerySql.extendedItems(query, e.getKey());
                String owner = switch (e.getKey().level()) {
                    case STUDY -> "study_pk";
                    case SERIES -> "series_pk";
                    case INSTANCE -> "instance_pk";
                };
                extendedReaders.add(new ExtendedReader(
                        e.getKey(), List.copyOf(e.getValue()), owner, c.prepareStatement(s.sql()), s.parameters()));
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Puts each sequence, with the owner's matching items, into {@code result}; an empty sequence when none. */
    void addTo(ResultSet row, Attributes result) throws SQLException {
        for (Reader r : readers) {
            PreparedStatement ps = r.statement();
            ps.setLong(1, row.getLong(r.sequence().ownerLabel()));
            int i = 2;
            for (Object p : r.parameters()) {
                switch (p) {
                    case Integer n -> ps.setInt(i++, n);
                    case Long n -> ps.setLong(i++, n);
                    default -> ps.setString(i++, (String) p);
                }
            }
            Sequence sequence = result.newSequence(r.sequence().tag(), 2);
            try (ResultSet items = ps.executeQuery()) {
                while (items.next()) {
                    Attributes item = sequence.addItem();
                    for (ItemKey k : r.attributes()) {
                        String value = items.getString(k.columnName());
                        item.setValue(k.tag(), k.vr(), value == null || value.isEmpty() ? null : value);
                    }
                }
            }
        }
        for (ExtendedReader r : extendedReaders) {
            PreparedStatement ps = r.statement();
            ps.setLong(1, row.getLong(r.ownerLabel()));
            bind(ps, r.parameters());
            Sequence sequence = result.newSequence(r.sequence().tag(), 2);
            try (ResultSet items = ps.executeQuery()) {
                while (items.next()) {
                    Attributes stored = readItem(items.getBytes(1));
                    Attributes item = sequence.addItem();
                    for (ExtendedItemKey k : r.attributes()) {
                        int i = stored.indexOf(k.tag());
                        if (i >= 0) {
                            item.setValue(k.tag(), stored.vrAt(i), stored.valueAt(i));
                        } else {
                            item.setValue(k.tag(), k.vr(), null);
                        }
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        int i = 2;
        for (Object p : parameters) {
            switch (p) {
                case Integer n -> ps.setInt(i++, n);
                case Long n -> ps.setLong(i++, n);
                default -> ps.setString(i++, (String) p);
            }
        }
    }

    /** An item as the index keeps it (SequenceItem): its attributes as DICOM JSON. */
    private static Attributes readItem(byte[] json) throws SQLException {
        try {
            return JsonReader.readDataset(new ByteArrayInputStream(json));
        } catch (IOException e) {
            throw new SQLException("A stored sequence item is not DICOM JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        List<PreparedStatement> statements = new ArrayList<>();
        readers.forEach(r -> statements.add(r.statement()));
        extendedReaders.forEach(r -> statements.add(r.statement()));
        for (PreparedStatement s : statements) {
            try {
                s.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
