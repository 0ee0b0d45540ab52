package org.opendicomweb.qido;

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

/**
 * Reads, for each result row, the items of the sequences whose item attributes the query asked for: one prepared
 * statement per sequence, run with the row's study or series pk on the connection that streams the rows. Only
 * queries with such keys pay for it, one small indexed read per result.
 */
final class SequenceItemReader implements AutoCloseable {
    private record Reader(
            ItemSequence sequence, List<ItemKey> attributes, PreparedStatement statement, List<Object> parameters) {}

    private final List<Reader> readers = new ArrayList<>();

    SequenceItemReader(Connection c, QidoQuery query) throws SQLException {
        try {
            for (Map.Entry<ItemSequence, Set<ItemKey>> e :
                    query.requestedItems().entrySet()) {
                QuerySql.Statement s = QuerySql.items(query, e.getKey(), e.getValue());
                readers.add(
                        new Reader(e.getKey(), List.copyOf(e.getValue()), c.prepareStatement(s.sql()), s.parameters()));
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
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Reader r : readers) {
            try {
                r.statement().close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
