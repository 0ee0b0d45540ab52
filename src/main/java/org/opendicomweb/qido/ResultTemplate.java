package org.opendicomweb.qido;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;

/**
 * What every result of one query contains (PS3.18 §10.6.3.3): the index attributes of {@link ReturnAttribute}
 * that apply, and which attributes to copy from the stored metadata of the result's representative instance.
 * Decided once per request; the rows are then only read and written.
 *
 * <ul>
 *   <li>Index attributes: the required ones of the level (and of the higher levels the resource includes:
 *       study attributes for All Series / All Instances, series attributes for a study's instances), plus
 *       optional ones that were asked for, or all of the level's with {@code includefield=all}.
 *   <li>Stored metadata: attributes named by includefield (or as matching keys the index cannot match) whose
 *       level is the query's level or higher; with {@code includefield=all}, every stored attribute of exactly
 *       the query's level, bulk data excepted. An attribute the index provides is always taken from the
 *       index.
 *   <li>Sequences whose item attributes were asked for ({@link QidoQuery#requestedItems()}): from the item
 *       tables, only the matching items, each with only the asked-for attributes (PS3.4 C.2.2.2.6).
 * </ul>
 *
 * <p>Levels are those of {@link QidoQuery#levelOf}: an extended query tag belongs to the level it was configured
 * for.
 */
final class ResultTemplate {
    private final QueryLevel level;
    private final List<ReturnAttribute> fromIndex = new ArrayList<>();
    private final Set<Integer> indexTags = new HashSet<>();
    private final Set<Integer> requested;
    /** Private Creator elements of requested private attributes, which come with them (PS3.18 §10.6.3.3). */
    private final Set<Integer> privateCreators = new HashSet<>();

    private final boolean includeAll;
    private final boolean needsMetadata;
    private final QidoQuery query;

    ResultTemplate(QidoQuery query) {
        this.query = query;
        this.level = query.level();
        this.requested = query.requestedTags();
        this.includeAll = query.includeAll();
        for (ReturnAttribute a : ReturnAttribute.values()) {
            if (isIncluded(a, query)) {
                fromIndex.add(a);
            }
            if (a.level() == null || level.reaches(a.level())) {
                indexTags.add(a.tag()); // the index answers these even when they are not returned
            }
        }
        for (ItemSequence sequence : query.requestedItems().keySet()) {
            indexTags.add(sequence.tag());
        }
        for (ExtendedKey sequence : query.requestedExtendedItems().keySet()) {
            indexTags.add(sequence.tag());
        }
        for (int tag : requested) {
            if (Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag)) {
                privateCreators.add(Tag.privateCreatorOf(tag));
            }
        }
        boolean metadata = includeAll;
        for (int tag : requested) {
            metadata |= !indexTags.contains(tag) && level.reaches(query.levelOf(tag));
        }
        this.needsMetadata = metadata;
    }

    private boolean isIncluded(ReturnAttribute a, QidoQuery query) {
        if (a.level() == null) {
            return true;
        }
        if (!level.reaches(a.level())) {
            return false;
        }
        return switch (a.presence()) {
            case ALWAYS, WHEN_KNOWN ->
                query.scope().returnsDefaultsOf(a.level())
                        || requested.contains(a.tag())
                        || includeAll && a.level() == level;
            case ON_REQUEST -> requested.contains(a.tag()) || includeAll && a.level() == level;
        };
    }

    QueryLevel level() {
        return level;
    }

    /** Whether results need the stored metadata of a representative instance. */
    boolean needsMetadata() {
        return needsMetadata;
    }

    /** The query this template answers. */
    QidoQuery query() {
        return query;
    }

    /** The index part of one result, from the current row, with the sequence items of {@code items}. */
    Attributes fromIndex(ResultSet row, String root, SequenceItemReader items) throws SQLException {
        Attributes result = new Attributes(false, fromIndex.size() + 4);
        for (ReturnAttribute a : fromIndex) {
            a.copy(row, level, root, result);
        }
        items.addTo(row, result);
        return result;
    }

    /** Whether a top-level attribute of the stored metadata belongs in the result. */
    boolean takesFromMetadata(int tag) {
        if (indexTags.contains(tag)) {
            return false;
        }
        QueryLevel tagLevel = query.levelOf(tag);
        if (requested.contains(tag) || privateCreators.contains(tag)) {
            return level.reaches(tagLevel);
        }
        return includeAll && tagLevel == level && !AttributeLevels.isBulkData(tag);
    }
}
