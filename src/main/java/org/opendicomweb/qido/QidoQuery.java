package org.opendicomweb.qido;

import java.util.List;
import java.util.Set;

/**
 * A parsed, validated QIDO-RS request: what to search, the conditions, which attributes to return and which
 * page. Immutable; made by {@link QueryParser} only.
 *
 * @param requestedTags attributes asked for by includefield or as (universal or other) matching keys
 * @param includeAll {@code includefield=all}
 * @param limit the client's limit, or null
 * @param warnings parameters that were ignored, for Warning headers
 */
public record QidoQuery(
        QueryScope scope,
        List<Condition> conditions,
        Set<Integer> requestedTags,
        boolean includeAll,
        Integer limit,
        int offset,
        boolean fuzzyMatching,
        List<String> warnings) {

    public QidoQuery {
        conditions = List.copyOf(conditions);
        requestedTags = Set.copyOf(requestedTags);
        warnings = List.copyOf(warnings);
    }

    public QueryLevel level() {
        return scope.level();
    }
}
