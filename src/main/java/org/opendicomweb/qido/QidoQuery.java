package org.opendicomweb.qido;

import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed, validated QIDO-RS request: what to search, the conditions, which attributes to return and which
 * page. Immutable; made by {@link QueryParser} only.
 *
 * @param requestedTags attributes asked for by includefield or as (universal or other) matching keys
 * @param requestedItems per sequence the index keeps items of, the item attributes asked for (as keys or by
 *     includefield): the result carries that sequence with the matching items, holding these attributes only
 *     (PS3.4 C.2.2.2.6)
 * @param requestedExtendedItems the same for the extended query tags that are sequences
 * @param extendedLevels the level of each configured extended query tag, which overrides the level of the
 *     standard's modules when deciding what a query level returns
 * @param includeAll {@code includefield=all}
 * @param limit the client's limit, or null
 * @param timezone TimezoneOffsetFromUTC of the query: its dates and times are in that timezone; null if absent
 * @param warnings parameters that were ignored, for Warning headers
 * @param includeRejected {@code includerejected=true}: rejected instances (IHE IOCM) are found too, and counts
 *     include them; for administrators only, which the service checks
 */
public record QidoQuery(
        QueryScope scope,
        List<Condition> conditions,
        Set<Integer> requestedTags,
        Map<ItemSequence, Set<ItemKey>> requestedItems,
        Map<ExtendedKey, Set<ExtendedItemKey>> requestedExtendedItems,
        Map<Integer, QueryLevel> extendedLevels,
        boolean includeAll,
        Integer limit,
        int offset,
        boolean fuzzyMatching,
        ZoneOffset timezone,
        List<String> warnings,
        boolean includeRejected) {

    public QidoQuery {
        conditions = List.copyOf(conditions);
        requestedTags = Set.copyOf(requestedTags);
        Map<ItemSequence, Set<ItemKey>> items = new EnumMap<>(ItemSequence.class);
        requestedItems.forEach((s, keys) -> items.put(s, Collections.unmodifiableSet(new LinkedHashSet<>(keys))));
        requestedItems = Collections.unmodifiableMap(items);
        Map<ExtendedKey, Set<ExtendedItemKey>> extendedItems = new LinkedHashMap<>();
        requestedExtendedItems.forEach(
                (s, keys) -> extendedItems.put(s, Collections.unmodifiableSet(new LinkedHashSet<>(keys))));
        requestedExtendedItems = Collections.unmodifiableMap(extendedItems);
        extendedLevels = Map.copyOf(extendedLevels);
        warnings = List.copyOf(warnings);
    }

    public QueryLevel level() {
        return scope.level();
    }

    /** The level an attribute belongs to: the configured one for extended query tags, else the standard's. */
    QueryLevel levelOf(int tag) {
        QueryLevel level = extendedLevels.get(tag);
        return level != null ? level : AttributeLevels.levelOf(tag);
    }
}
