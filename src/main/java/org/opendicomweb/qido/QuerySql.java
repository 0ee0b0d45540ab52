package org.opendicomweb.qido;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendicomweb.qido.Condition.AnyNumber;
import org.opendicomweb.qido.Condition.AnyText;
import org.opendicomweb.qido.Condition.DateTimeRange;
import org.opendicomweb.qido.Condition.Range;
import org.opendicomweb.qido.Condition.TextValue;
import org.opendicomweb.qido.Condition.ZonedRange;
import org.opendicomweb.qido.Condition.ZonedTimeRange;

/**
 * The one place that knows the SQL of QIDO-RS: turns a {@link QidoQuery} into statements over the index tables
 * (V1__index_schema.sql) that run unchanged on H2 and PostgreSQL. Every value is a bound parameter; the SQL
 * text is made only from the fixed column names of {@link MatchingKey} and the constants here.
 *
 * <p>Results are ordered by the primary key of the level's table, so that paging with limit/offset neither
 * skips nor repeats rows while others are stored (new rows get higher keys and land on later pages). The
 * representative instance whose stored metadata answers includefield is the first one stored (lowest key) of
 * the first series; it is looked up only for the rows of the page, by an outer query around the paged one.
 *
 * <p>Keys outside the entity tables become sub-queries: the item keys of one sequence one {@code exists} over
 * its item table, so that they must match the same item (PS3.4 C.2.2.2.6); each extended query tag an
 * {@code exists} over {@code extended_key}; the item keys of a sequence configured as an extended query tag one
 * {@code exists} over its items in {@code sequence_item}, holding one {@code exists} per key over the item's
 * values in {@code sequence_item_key}.
 *
 * <p>LIKE patterns escape with '!' because the backslash, the usual escape, is the DICOM value delimiter
 * kept in multi-valued columns.
 */
final class QuerySql {

    /** A statement and its parameters (String, Long or Integer), in order. */
    record Statement(String sql, List<Object> parameters) {

        /**
         * The statement on one line with its parameters written in as SQL literals: for the debug log, from
         * which EXPLAIN can be run as it is (bench/qido-scale.sh does). Never executed.
         */
        String inlined() {
            StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.size());
            boolean quoted = false;
            int next = 0;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                }
                if (c == '?' && !quoted && next < parameters.size()) {
                    Object p = parameters.get(next++);
                    out.append(p instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(p));
                } else {
                    out.append(Character.isWhitespace(c) && !quoted ? ' ' : c);
                }
            }
            return out.toString().replaceAll(" {2,}", " ");
        }
    }

    /** The counts of a study and series are those of the instances shown: rejected ones only with includerejected. */
    private static final String STUDY_COLUMNS = """
            st.pk as study_pk, st.study_iuid, st.study_date, st.study_date_stored, st.study_time, st.timezone_offset,
            st.accession_number, st.study_id, st.referring_physician_name, st.study_description,
            st.modalities_in_study, st.sop_classes_in_study, st.num_series - st.num_rejected_series as num_series,
            st.num_instances - st.num_rejected as num_instances, st.num_rejected as study_num_rejected,
            p.patient_id, p.issuer_of_patient_id, p.patient_name, p.patient_birth_date, p.patient_birth_date_stored,
            p.patient_sex""";

    private static final String SERIES_COLUMNS = """
            se.pk as series_pk, se.series_iuid, se.modality, se.series_number, se.series_description,
            se.pps_start_date, se.pps_start_date_stored, se.pps_start_time,
            se.num_instances - se.num_rejected as series_num_instances, se.num_rejected as series_num_rejected""";
    private static final String INSTANCE_COLUMNS = """
            i.pk as instance_pk, i.sop_iuid, i.sop_class_uid, i.instance_number, i.number_of_frames, i.image_rows,
            i.image_columns, i.bits_allocated, i.sop_instance_status""";

    /**
     * Rejected instances (IHE IOCM, see index/Rejections) are hidden: a study or series whose instances are all
     * rejected by comparing two counters of its own row; an instance by a primary-key probe of rejected_instance,
     * which the planner runs as an anti-join that costs one index lookup per row (and nothing when the table is
     * empty).
     */
    static String hidingRejected(QueryLevel level) {
        return switch (level) {
            case STUDY -> "st.num_rejected < st.num_instances";
            case SERIES -> "se.num_rejected < se.num_instances";
            case INSTANCE -> NOT_REJECTED.formatted("i");
        };
    }

    private static final String NOT_REJECTED =
            "not exists (select 1 from rejected_instance r where r.sop_iuid = %s.sop_iuid)";

    private static final String STUDY_FROM = " from study st join patient p on p.pk = st.patient_fk";
    private static final String SERIES_FROM =
            " from series se join study st on st.pk = se.study_fk" + " join patient p on p.pk = st.patient_fk";
    private static final String INSTANCE_FROM = " from instance i join series se on se.pk = i.series_fk"
            + " join study st on st.pk = se.study_fk join patient p on p.pk = st.patient_fk";

    private QuerySql() {}

    /**
     * One page of results: the columns {@link ReturnAttribute} reads, and with {@code withMetadata} a column
     * {@code metadata} holding the stored DICOM JSON of the row's representative instance.
     */
    static Statement page(QidoQuery query, int limit, boolean withMetadata) {
        List<Object> params = new ArrayList<>();
        QueryLevel level = query.level();
        String columns = switch (level) {
            case STUDY -> STUDY_COLUMNS;
            case SERIES -> STUDY_COLUMNS + ",\n" + SERIES_COLUMNS;
            case INSTANCE -> STUDY_COLUMNS + ",\n" + SERIES_COLUMNS + ",\n" + INSTANCE_COLUMNS;
        };
        if (query.includeRejected()) {
            columns = columns.replace(" - st.num_rejected_series", "")
                    .replace(" - st.num_rejected", "")
                    .replace(" - se.num_rejected", "");
        }
        StringBuilder sql = new StringBuilder("select ").append(columns);
        if (level == QueryLevel.STUDY && !usesPatient(query)) {
            // The page's studies first, their patients after: joined before the limit, PostgreSQL reads the
            // patient of every matching study before it sorts (a month of StudyDate at 10,000,000 instances:
            // 1,300 patient probes for a page of 101; docs/benchmarks-qido.md).
            sql.append(" from (select * from study st");
            where(query, sql, params);
            sql.append(" order by st.pk limit ? offset ?) st join patient p on p.pk = st.patient_fk order by st.pk");
        } else {
            sql.append(from(level));
            where(query, sql, params);
            sql.append(" order by ").append(orderKey(level)).append(" limit ? offset ?");
        }
        params.add(limit);
        params.add(query.offset());
        if (!withMetadata) {
            return new Statement(sql.toString(), params);
        }
        String representative = switch (level) {
            case STUDY ->
                query.includeRejected()
                        ? "(select min(m.pk) from instance m where m.series_fk ="
                                + " (select min(s.pk) from series s where s.study_fk = q.study_pk))"
                        : "(select min(m.pk) from instance m where m.series_fk ="
                                + " (select min(s.pk) from series s where s.study_fk = q.study_pk"
                                + " and s.num_rejected < s.num_instances)"
                                + " and (q.study_num_rejected = 0 or " + NOT_REJECTED.formatted("m") + "))";
            case SERIES ->
                query.includeRejected()
                        ? "(select min(m.pk) from instance m where m.series_fk = q.series_pk)"
                        : "(select min(m.pk) from instance m where m.series_fk = q.series_pk"
                                + " and (q.series_num_rejected = 0 or " + NOT_REJECTED.formatted("m") + "))";
            case INSTANCE -> "q.instance_pk";
        };
        String outer = "select q.*, (select r.metadata from instance r where r.pk = " + representative
                + ") as metadata from (" + sql + ") q order by q." + pkLabel(level);
        return new Statement(outer, params);
    }

    /**
     * Whether any row exists at zero-based position {@code position} of the full result: tells whether a
     * response cut at the server's maximum left results out.
     */
    static Statement rowAt(QidoQuery query, int position) {
        List<Object> params = new ArrayList<>();
        QueryLevel level = query.level();
        StringBuilder sql = new StringBuilder("select ").append(orderKey(level)).append(minimalFrom(query));
        where(query, sql, params);
        sql.append(" order by ").append(orderKey(level)).append(" limit 1 offset ?");
        params.add(position);
        return new Statement(sql.toString(), params);
    }

    /**
     * Whether the study (and series) of the request path exist, and the series in that study; one whose instances
     * are all rejected does not, unless {@code includeRejected}.
     */
    static Statement scopeExists(QueryScope scope, boolean includeRejected) {
        List<Object> params = new ArrayList<>();
        params.add(scope.studyUid());
        if (scope.seriesUid() == null) {
            return new Statement(
                    "select st.pk from study st where st.study_iuid = ?"
                            + (includeRejected ? "" : " and " + hidingRejected(QueryLevel.STUDY)),
                    params);
        }
        params.add(scope.seriesUid());
        return new Statement(
                "select se.pk from series se join study st on st.pk = se.study_fk"
                        + " where st.study_iuid = ? and se.series_iuid = ?"
                        + (includeRejected ? "" : " and " + hidingRejected(QueryLevel.SERIES)),
                params);
    }

    /**
     * Only the tables the conditions use: every join goes from a row to its one parent over a non-null foreign
     * key, so leaving out an unused parent changes no count, and a key-ordered scan of one table is cheapest.
     */
    private static String minimalFrom(QidoQuery query) {
        QueryLevel level = query.level();
        QueryLevel highest = level;
        boolean patient = usesPatient(query);
        if (query.scope().studyUid() != null) {
            highest = QueryLevel.STUDY;
        }
        for (Condition c : query.conditions()) {
            for (QueryKey key : keysOf(c)) {
                if (key.level().ordinal() < highest.ordinal()) {
                    highest = key.level();
                }
            }
        }
        if (query.scope().seriesUid() != null && highest == QueryLevel.INSTANCE) {
            highest = QueryLevel.SERIES;
        }
        StringBuilder from = new StringBuilder(
                switch (level) {
                    case STUDY -> " from study st";
                    case SERIES -> " from series se";
                    case INSTANCE -> " from instance i";
                });
        if (level == QueryLevel.INSTANCE && highest != QueryLevel.INSTANCE) {
            from.append(" join series se on se.pk = i.series_fk");
        }
        if (level != QueryLevel.STUDY && highest == QueryLevel.STUDY) {
            from.append(" join study st on st.pk = se.study_fk");
        }
        if (patient) {
            from.append(" join patient p on p.pk = st.patient_fk");
        }
        return from.toString();
    }

    /** Whether a condition compares a column of the patient table. */
    private static boolean usesPatient(QidoQuery query) {
        for (Condition c : query.conditions()) {
            for (QueryKey key : keysOf(c)) {
                if (key.column().startsWith("p.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The keys a condition compares, the one that decides how it is reached first. */
    static List<QueryKey> keysOf(Condition condition) {
        return switch (condition) {
            case AnyText t -> List.of(t.key());
            case AnyNumber n -> List.of(n.key());
            case Range r -> List.of(r.key());
            case DateTimeRange r -> List.of(r.dateKey(), r.timeKey());
            case ZonedRange z -> keysOf(z.local());
            case ZonedTimeRange z -> keysOf(z.local());
        };
    }

    /**
     * The sequence items of one result: the requested item attributes of the items of {@code sequence} that
     * match the query's item keys. The owner's pk is the first parameter, bound per result row.
     */
    static Statement items(QidoQuery query, ItemSequence sequence, Set<ItemKey> attributes) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("select ").append(sequence.alias()).append(".pk");
        for (ItemKey k : attributes) {
            sql.append(", ").append(k.column());
        }
        sql.append(" from ").append(sequence.itemsOfOwner()).append('?');
        for (Condition c : query.conditions()) {
            if (keysOf(c).get(0) instanceof ItemKey k && k.sequence() == sequence) {
                sql.append(" and ").append(predicate(c, params));
            }
        }
        sql.append(" order by ").append(sequence.alias()).append(".pk");
        return new Statement(sql.toString(), params);
    }

    /**
     * The items of one result in a configured sequence ({@code item}, DICOM JSON) that match the query's keys
     * inside that sequence, in item order. The owner's pk is the first parameter, bound per result row.
     */
    static Statement extendedItems(QidoQuery query, ExtendedKey sequence) {
        List<Object> params = new ArrayList<>();
        String si = ExtendedItemKey.ITEM_ALIAS;
        params.add(sequence.tag());
        List<Condition> conditions = new ArrayList<>();
        for (Condition c : query.conditions()) {
            if (keysOf(c).get(0) instanceof ExtendedItemKey k && k.sequence().equals(sequence)) {
                conditions.add(c);
            }
        }
        String sql = "select " + si + ".item from sequence_item " + si + " where " + si + ".owner_pk = ? and " + si
                + ".sequence_tag = ? and " + si + ".owner_level = '"
                + sequence.definition().level().name() + "'"
                + itemValues(conditions, params) + " order by " + si + ".item_no, " + si + ".pk";
        return new Statement(sql, params);
    }

    private static String from(QueryLevel level) {
        return switch (level) {
            case STUDY -> STUDY_FROM;
            case SERIES -> SERIES_FROM;
            case INSTANCE -> INSTANCE_FROM;
        };
    }

    private static String orderKey(QueryLevel level) {
        return switch (level) {
            case STUDY -> "st.pk";
            case SERIES -> "se.pk";
            case INSTANCE -> "i.pk";
        };
    }

    private static String pkLabel(QueryLevel level) {
        return switch (level) {
            case STUDY -> "study_pk";
            case SERIES -> "series_pk";
            case INSTANCE -> "instance_pk";
        };
    }

    // ---- conditions ----

    private static void where(QidoQuery query, StringBuilder sql, List<Object> params) {
        List<String> predicates = new ArrayList<>();
        QueryScope scope = query.scope();
        if (scope.studyUid() != null) {
            predicates.add("st.study_iuid = ?");
            params.add(scope.studyUid());
        }
        if (scope.seriesUid() != null) {
            predicates.add("se.series_iuid = ?");
            params.add(scope.seriesUid());
        }
        Map<ItemSequence, List<Condition>> itemConditions = new EnumMap<>(ItemSequence.class);
        Map<ExtendedKey, List<Condition>> extendedItemConditions = new LinkedHashMap<>();
        for (Condition condition : query.conditions()) {
            QueryKey key = keysOf(condition).get(0);
            switch (key) {
                case ItemKey k ->
                    itemConditions
                            .computeIfAbsent(k.sequence(), s -> new ArrayList<>())
                            .add(condition);
                case ExtendedItemKey k ->
                    extendedItemConditions
                            .computeIfAbsent(k.sequence(), s -> new ArrayList<>())
                            .add(condition);
                case ExtendedKey k -> predicates.add(extended(k, condition, params));
                case RollUpKey k -> predicates.add(rollUp(k, condition, query.includeRejected(), params));
                case MatchingKey k -> predicates.add(predicate(condition, params));
            }
        }
        itemConditions.forEach((sequence, conditions) -> {
            StringBuilder exists = new StringBuilder("exists (select 1 from ")
                    .append(sequence.itemsOfOwner())
                    .append(sequence.ownerKey());
            for (Condition c : conditions) {
                exists.append(" and ").append(predicate(c, params));
            }
            predicates.add(exists.append(')').toString());
        });
        extendedItemConditions.forEach((sequence, conditions) -> {
            params.add(sequence.tag());
            predicates.add("exists (select 1 from sequence_item " + ExtendedItemKey.ITEM_ALIAS + " where "
                    + ExtendedItemKey.ITEM_ALIAS + ".sequence_tag = ? and " + ExtendedItemKey.ITEM_ALIAS
                    + ".owner_pk = " + ownerKey(sequence.level()) + " and " + ExtendedItemKey.ITEM_ALIAS
                    + ".owner_level = '" + sequence.definition().level().name() + "'"
                    + itemValues(conditions, params) + ")");
        });
        if (!query.includeRejected()) {
            predicates.add(hidingRejected(query.level()));
        }
        if (!predicates.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", predicates));
        }
    }

    private static String predicate(Condition condition, List<Object> params) {
        return switch (condition) {
            case AnyText t -> anyText(t, params);
            case AnyNumber n -> {
                params.addAll(n.values());
                yield n.key().column() + " in (" + placeholders(n.values().size()) + ")";
            }
            case Range r -> range(r.key().column(), r.lower(), r.upper(), params);
            case DateTimeRange r -> dateTimeRange(r, params);
            case ZonedRange z -> {
                String utc = z.key().utcColumn();
                String instant = range(utc, z.lowerUtc(), z.upperUtc(), params);
                yield "((" + utc + " is not null and " + instant + ") or (" + utc + " is null and "
                        + predicate(z.local(), params) + "))";
            }
            case ZonedTimeRange z -> {
                String utc = z.key().utcColumn();
                String time = "substring(" + utc + ", 9)";
                params.add(z.lowerUtc());
                params.add(z.upperUtc());
                // a range that crosses midnight in UTC is the two ends of the day
                String join = z.lowerUtc().compareTo(z.upperUtc()) <= 0 ? " and " : " or ";
                yield "((" + utc + " is not null and (" + time + " >= ?" + join + time + " <= ?)) or (" + utc
                        + " is null and " + predicate(z.local(), params) + "))";
            }
        };
    }

    /**
     * The conditions on one item of a configured sequence (alias {@code si}): one {@code exists} over the item's
     * values per key, so that every key must match a value of the same item (PS3.4 C.2.2.2.6).
     */
    private static String itemValues(List<Condition> conditions, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        String k = ExtendedItemKey.VALUE_ALIAS;
        for (Condition c : conditions) {
            params.add(keysOf(c).get(0).tag());
            sql.append(" and exists (select 1 from sequence_item_key ")
                    .append(k)
                    .append(" where ")
                    .append(k)
                    .append(".item_fk = ")
                    .append(ExtendedItemKey.ITEM_ALIAS)
                    .append(".pk and ")
                    .append(k)
                    .append(".tag = ? and ")
                    .append(predicate(c, params))
                    .append(')');
        }
        return sql.toString();
    }

    private static String ownerKey(QueryLevel level) {
        return switch (level) {
            case STUDY -> "st.pk";
            case SERIES -> "se.pk";
            case INSTANCE -> "i.pk";
        };
    }

    /**
     * An instance key at series or study level: some instance of the series (study) satisfies the condition; a
     * rejected instance only with includerejected, as it is hidden otherwise.
     */
    private static String rollUp(RollUpKey key, Condition condition, boolean includeRejected, List<Object> params) {
        String ri = RollUpKey.ALIAS;
        String instances = key.level() == QueryLevel.SERIES
                ? "instance " + ri + " where " + ri + ".series_fk = se.pk"
                : "series rs join instance " + ri + " on " + ri + ".series_fk = rs.pk where rs.study_fk = st.pk";
        return "exists (select 1 from " + instances + " and " + predicate(condition, params)
                + (includeRejected ? "" : " and " + NOT_REJECTED.formatted(ri)) + ")";
    }

    /** An extended query tag: some row of extended_key for the entity satisfies the condition. */
    private static String extended(ExtendedKey key, Condition condition, List<Object> params) {
        String owner = ownerKey(key.level());
        params.add(key.tag());
        String a = ExtendedKey.ALIAS;
        return "exists (select 1 from extended_key " + a + " where " + a + ".tag = ? and " + a + ".owner_pk = "
                + owner + " and " + a + ".owner_level = '"
                + key.definition().level().name() + "' and "
                + predicate(condition, params) + ")";
    }

    private static String anyText(AnyText condition, List<Object> params) {
        QueryKey key = condition.key();
        String column = key.column();
        boolean inList = key.matching() == Matching.VALUE_IN_LIST;
        List<String> alternatives = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (TextValue value : condition.values()) {
            if (value instanceof TextValue.Exact e && !inList && key.matching() != Matching.NAME) {
                plain.add(e.value());
            }
        }
        if (!plain.isEmpty()) {
            alternatives.add(plain.size() == 1 ? column + " = ?" : column + " in (" + placeholders(plain.size()) + ")");
            params.addAll(plain);
        }
        for (TextValue value : condition.values()) {
            switch (value) {
                case TextValue.Exact e -> {
                    if (inList) {
                        alternatives.add(like(column, "%\\" + escape(e.value()) + "\\%", params));
                    } else if (key.matching() == Matching.NAME) {
                        alternatives.add(exactName(column, e.value(), params));
                    }
                }
                case TextValue.Wildcard w ->
                    alternatives.add(
                            inList
                                    ? like(column, "%\\" + pattern(w.pattern()) + "\\%", params)
                                    : like(column, pattern(w.pattern()), params));
                case TextValue.NamePrefixes n -> alternatives.add(namePrefixes(column, n.terms(), params));
            }
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /**
     * A whole name, case- and accent-insensitively: also when the stored value carries empty trailing
     * components ("DOE^JOHN^^") or further component groups ("YAMADA^TARO=山田^太郎").
     */
    private static String exactName(String column, String name, List<Object> params) {
        params.add(name);
        params.add(name + "^");
        params.add(name + "^^");
        params.add(name + "^^^");
        params.add(name + "^^^^");
        return "(" + column + " in (?, ?, ?, ?, ?) or " + like(column, escape(name) + "=%", params) + ")";
    }

    /** Fuzzy matching: every term starts the name, a component (after ^), a word (after a space) or a group. */
    private static String namePrefixes(String column, List<String> terms, List<Object> params) {
        List<String> all = new ArrayList<>();
        for (String term : terms) {
            String p = pattern(term) + "%";
            all.add("(" + like(column, p, params) + " or " + like(column, "%^" + p, params) + " or "
                    + like(column, "% " + p, params) + " or " + like(column, "%=" + p, params) + ")");
        }
        return "(" + String.join(" and ", all) + ")";
    }

    private static String range(String column, String lower, String upper, List<Object> params) {
        List<String> bounds = new ArrayList<>();
        if (lower != null) {
            bounds.add(column + " >= ?");
            params.add(lower);
        }
        if (upper != null) {
            bounds.add(column + " <= ?");
            params.add(upper);
        }
        return "(" + String.join(" and ", bounds) + ")";
    }

    /**
     * From (lowerDate, lowerTime) to (upperDate, upperTime). A row without a time matches on the bound dates
     * themselves: its time is unknown, not out of range.
     */
    private static String dateTimeRange(DateTimeRange r, List<Object> params) {
        String date = r.dateKey().column();
        String time = r.timeKey().column();
        List<String> bounds = new ArrayList<>();
        if (r.lowerDate() != null) {
            if (r.lowerTime() == null) {
                bounds.add(date + " >= ?");
                params.add(r.lowerDate());
            } else {
                bounds.add("(" + date + " > ? or (" + date + " = ? and (" + time + " is null or " + time + " >= ?)))");
                params.add(r.lowerDate());
                params.add(r.lowerDate());
                params.add(r.lowerTime());
            }
        }
        if (r.upperDate() != null) {
            if (r.upperTime() == null) {
                bounds.add(date + " <= ?");
                params.add(r.upperDate());
            } else {
                bounds.add("(" + date + " < ? or (" + date + " = ? and (" + time + " is null or " + time + " <= ?)))");
                params.add(r.upperDate());
                params.add(r.upperDate());
                params.add(r.upperTime());
            }
        }
        if (bounds.isEmpty()) {
            bounds.add(date + " is not null");
        }
        return "(" + String.join(" and ", bounds) + ")";
    }

    private static String like(String column, String pattern, List<Object> params) {
        params.add(pattern);
        return column + " like ? escape '!'";
    }

    /** A DICOM wildcard value as a LIKE pattern: * is %, ? is _, and LIKE's own characters are literal. */
    private static String pattern(String dicom) {
        StringBuilder sb = new StringBuilder(dicom.length() + 8);
        for (int i = 0; i < dicom.length(); i++) {
            char c = dicom.charAt(i);
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '!' -> sb.append('!').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '%' || c == '_' || c == '!') {
                sb.append('!');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
