package org.opendicomweb.qido;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.ExtendedQueryTag;
import org.opendicomweb.index.ExtendedQueryTags;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.index.UtcDateTime;
import org.opendicomweb.qido.Condition.AnyNumber;
import org.opendicomweb.qido.Condition.AnyText;
import org.opendicomweb.qido.Condition.DateTimeRange;
import org.opendicomweb.qido.Condition.Range;
import org.opendicomweb.qido.Condition.TextValue;
import org.opendicomweb.qido.Condition.ZonedRange;
import org.opendicomweb.qido.Condition.ZonedTimeRange;
import org.opendicomweb.web.DicomwebException;

/**
 * Turns the (already percent-decoded) query parameters of a QIDO-RS request into a {@link QidoQuery}
 * (PS3.18 §8.3.4, §10.6.1.2). Everything is checked here, before any SQL: a bad parameter is a 400 that names
 * it; a well-formed key the index cannot match is ignored with a warning.
 */
public final class QueryParser {
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String FUZZY = "fuzzymatching";
    /** Ours: also rejected instances (IHE IOCM); see docs/conformance.md. */
    static final String INCLUDE_REJECTED = "includerejected";

    static final String INCLUDE = "includefield";
    static final String ALL = "all";
    /** Content negotiation parameters (PS3.18 §8.3.3), read by {@link ResponseParameters}. */
    static final String ACCEPT = "accept";

    static final String CHARSET = "charset";
    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    private static final Pattern HEX_TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final DateTimeFormatter DA =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    /** TM: HH, HHMM, HHMMSS or HHMMSS.F to FFFFFF (PS3.5 Table 6.2-1); 60 seconds for a leap second. */
    private static final Pattern TM = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d(([0-5]\\d|60)(\\.\\d{1,6})?)?)?");
    /** DT: YYYY[MM[DD[HH[MM[SS[.F]]]]]] with an optional &ZZXX offset (PS3.5 Table 6.2-1). */
    private static final Pattern DT =
            Pattern.compile("\\d{4}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?)?)?)?([+-]\\d{4})?");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private QueryParser() {}

    /** Parses with no extended query tags. */
    public static QidoQuery parse(QueryScope scope, Map<String, List<String>> parameters) {
        return parse(scope, parameters, Map.of());
    }

    /**
     * A parameter's value list as the framework gives it: decoded, in request order. {@code extended}: the
     * configured extended query tags by tag.
     */
    public static QidoQuery parse(
            QueryScope scope, Map<String, List<String>> parameters, Map<Integer, ExtendedKey> extended) {
        Integer limit = null;
        int offset = 0;
        boolean fuzzy = false;
        boolean includeRejected = false;
        boolean includeAll = false;
        Set<Integer> requested = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        Map<Integer, Key> keys = new LinkedHashMap<>();
        Map<String, PathKey> pathKeys = new LinkedHashMap<>();
        List<PathKey> includedPaths = new ArrayList<>();

        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (name) {
                case LIMIT -> limit = positiveInt(name, single(name, values), 1);
                case OFFSET -> offset = positiveInt(name, single(name, values), 0);
                case FUZZY -> fuzzy = bool(name, single(name, values));
                case INCLUDE_REJECTED -> includeRejected = bool(name, single(name, values));
                case ACCEPT, CHARSET -> {
                    // response representation, not matching: see ResponseParameters
                }
                case INCLUDE -> {
                    for (String value : values) {
                        for (String entry : value.split(",", -1)) {
                            String field = entry.strip();
                            if (field.equals(ALL)) {
                                includeAll = true;
                            } else if (field.contains(".")) {
                                includedPaths.add(new PathKey(INCLUDE, resolvePath(INCLUDE, field), ""));
                            } else {
                                requested.add(resolve(INCLUDE, field));
                            }
                        }
                    }
                }
                default -> {
                    String value = single(name, values);
                    if (name.contains(".")) {
                        PathKey key = new PathKey(name, resolvePath(name, name), value);
                        PathKey previous = pathKeys.put(key.id(), key);
                        if (previous != null) {
                            throw DicomwebException.badRequest("Query parameters '" + previous.parameter + "' and '"
                                    + name + "' name the same attribute " + key.id() + "; give it once");
                        }
                        continue;
                    }
                    int tag = resolve(name, name);
                    Key previous = keys.put(tag, new Key(name, tag, value));
                    if (previous != null) {
                        throw DicomwebException.badRequest("Query parameters '" + previous.parameter + "' and '" + name
                                + "' name the same attribute " + tagText(tag) + "; give it once");
                    }
                }
            }
        }

        ZoneOffset zone = zoneOf(keys.get(Tag.TimezoneOffsetFromUTC));
        List<Condition> conditions = new ArrayList<>();
        for (Key key : keys.values()) {
            VR vr = vrOf(key.tag, extended);
            validate(key.parameter, vr, key.value);
            requested.add(key.tag);
            if (key.value.isEmpty() || key.tag == Tag.TimezoneOffsetFromUTC) {
                // universal matching: the attribute is returned, nothing is compared; the timezone is no key
                // to match but how the query's dates and times are read (PS3.18 §8.3.4.1.1)
                continue;
            }
            QueryKey queryKey = MatchingKey.of(key.tag);
            if (queryKey == null) {
                queryKey = extended.get(key.tag);
            }
            if (queryKey == null) {
                warnings.add(key.parameter + ": this server does not match on " + describe(key.tag) + "; ignored");
                continue;
            }
            if (queryKey instanceof ExtendedKey ek && ek.isSequence()) {
                warnings.add(key.parameter + ": " + describe(key.tag) + " is a sequence, matched by the attributes of"
                        + " its items (" + ElementDictionary.keywordOf(key.tag) + ".Attribute=value); ignored");
                continue;
            }
            if (!scope.level().reaches(queryKey.level())
                    && queryKey instanceof MatchingKey mk
                    && RollUpKey.rollsUp(mk)) {
                queryKey = new RollUpKey(mk, scope.level()); // any of the series' (study's) instances
            }
            if (!scope.level().reaches(queryKey.level())) {
                warnings.add(notAtThisLevel(key.parameter, describe(key.tag), queryKey.level(), scope));
                continue;
            }
            if (queryKey instanceof MatchingKey mk
                    && mk.matching() == Matching.TIME
                    && pairedDateOf(mk, keys) != null) {
                continue; // part of the date's combined range
            }
            Condition condition = condition(key.parameter, key.value, queryKey, fuzzy, keys, zone);
            if (condition != null) {
                conditions.add(condition);
            }
        }

        Map<ItemSequence, Set<ItemKey>> requestedItems = new EnumMap<>(ItemSequence.class);
        Map<ExtendedKey, Set<ExtendedItemKey>> requestedExtendedItems = new LinkedHashMap<>();
        List<PathKey> paths = new ArrayList<>(pathKeys.values());
        paths.addAll(includedPaths);
        for (PathKey key : paths) {
            ExtendedKey extendedSequence = key.path.length == 2 ? extended.get(key.path[0]) : null;
            if (extendedSequence != null && extendedSequence.isSequence()) {
                ExtendedItemKey itemKey = extendedItemKey(extendedSequence, key.path[1]);
                validate(key.parameter, vrOf(key.path[1], Map.of()), key.value);
                if (itemKey == null) {
                    if (key.value.isEmpty()) {
                        requested.add(key.path[0]);
                    } else {
                        warnings.add(key.parameter + ": " + key.describe() + " cannot be matched inside sequence"
                                + " items (a private, binary or sequence attribute); ignored");
                    }
                    continue;
                }
                if (!scope.level().reaches(itemKey.level())) {
                    if (!key.value.isEmpty()) {
                        warnings.add(notAtThisLevel(key.parameter, key.describe(), itemKey.level(), scope));
                    }
                    continue;
                }
                requestedExtendedItems
                        .computeIfAbsent(extendedSequence, s -> new LinkedHashSet<>())
                        .add(itemKey);
                if (!key.value.isEmpty()) {
                    Condition condition = condition(key.parameter, key.value, itemKey, fuzzy, Map.of(), null);
                    if (condition != null) {
                        conditions.add(condition);
                    }
                }
                continue;
            }
            ItemSequence sequence = key.path.length == 2 ? ItemSequence.of(key.path[0]) : null;
            ItemKey itemKey = sequence == null ? null : ItemKey.of(sequence, key.path[1]);
            validate(key.parameter, vrOf(key.path[key.path.length - 1], Map.of()), key.value);
            if (itemKey == null) {
                if (key.value.isEmpty()) {
                    requested.add(key.path[0]); // asked to be returned: the whole sequence, from stored metadata
                } else {
                    warnings.add(key.parameter + ": this server does not match on " + key.describe()
                            + " inside sequence items; ignored");
                }
                continue;
            }
            if (!scope.level().reaches(itemKey.level())) {
                if (!key.value.isEmpty()) {
                    warnings.add(notAtThisLevel(key.parameter, key.describe(), itemKey.level(), scope));
                }
                continue;
            }
            requestedItems.computeIfAbsent(sequence, s -> new LinkedHashSet<>()).add(itemKey);
            if (!key.value.isEmpty()) {
                Condition condition = condition(key.parameter, key.value, itemKey, fuzzy, Map.of(), null);
                if (condition != null) {
                    conditions.add(condition);
                }
            }
        }

        Map<Integer, QueryLevel> levels = new LinkedHashMap<>();
        extended.forEach((tag, key) -> levels.put(tag, key.level()));
        return new QidoQuery(
                scope,
                conditions,
                requested,
                requestedItems,
                requestedExtendedItems,
                levels,
                includeAll,
                limit,
                offset,
                fuzzy,
                zone,
                warnings,
                includeRejected);
    }

    private record Key(String parameter, int tag, String value) {}

    /** An attribute of the items of a configured sequence as a key; null when it cannot be matched. */
    private static ExtendedItemKey extendedItemKey(ExtendedKey sequence, int tag) {
        if (Tag.isPrivate(tag) || !ElementDictionary.isKnown(tag)) {
            return null;
        }
        VR vr = ElementDictionary.vrOf(tag);
        if (!ExtendedQueryTags.isMatchable(vr)) {
            return null;
        }
        return new ExtendedItemKey(
                sequence, new ExtendedQueryTag(tag, vr, sequence.definition().level()));
    }

    /** A key or includefield entry naming an attribute inside sequence items: its tags, outermost first. */
    private record PathKey(String parameter, int[] path, String value) {
        /** "00400275.00401001": the same for keywords and tags. */
        String id() {
            StringJoiner j = new StringJoiner(".");
            for (int t : path) {
                j.add(String.format("%08X", t));
            }
            return j.toString();
        }

        String describe() {
            StringJoiner j = new StringJoiner(".");
            for (int t : path) {
                String keyword = ElementDictionary.keywordOf(t);
                j.add(keyword.isEmpty() ? String.format("%08X", t) : keyword);
            }
            return j.toString();
        }
    }

    private static String notAtThisLevel(String parameter, String what, QueryLevel keyLevel, QueryScope scope) {
        return parameter + ": " + what + " is a " + keyLevel.name().toLowerCase() + "-level key and cannot be"
                + " matched in a " + scope.level().name().toLowerCase() + "-level query; ignored";
    }

    /** TimezoneOffsetFromUTC as a query key: &ZZXX, from -1200 to +1400 (PS3.3 C.12.1.1.8). */
    private static ZoneOffset zoneOf(Key key) {
        if (key == null || key.value.isEmpty()) {
            return null;
        }
        String value = key.value;
        if (value.length() == 5 && value.charAt(0) == ' ') {
            value = "+" + value.substring(1); // a '+' sent without percent-encoding arrives as a space
        }
        ZoneOffset zone = UtcDateTime.offset(value);
        if (zone == null) {
            throw bad(
                    key.parameter,
                    "'" + key.value + "' is not a timezone offset &ZZXX from -1200 to +1400" + " (e.g. +0100, -0500)");
        }
        return zone;
    }

    // ---- conditions ----

    private static Condition condition(
            String parameter, String value, QueryKey key, boolean fuzzy, Map<Integer, Key> keys, ZoneOffset zone) {
        return switch (key.matching()) {
            case UID ->
                new AnyText(
                        key,
                        uids(parameter, value).stream()
                                .map(u -> (TextValue) new TextValue.Exact(u))
                                .toList());
            case NUMBER ->
                new AnyNumber(
                        key,
                        splitValues(value).stream()
                                .map(v -> Long.parseLong(v.strip()))
                                .toList());
            case DATE -> dateCondition(parameter, value, key, keys, zone);
            case TIME -> timeCondition(parameter, value, key, zone);
            case DATE_TIME -> {
                Bounds dt = dateTimeRange(parameter, value);
                yield new Range(key, dt.lower, dt.upper);
            }
            case TEXT, VALUE_IN_LIST, NAME -> textCondition(key, value, fuzzy);
        };
    }

    private static Condition dateCondition(
            String parameter, String value, QueryKey key, Map<Integer, Key> keys, ZoneOffset zone) {
        Bounds date = dateRange(parameter, value);
        MatchingKey timeKey = key instanceof MatchingKey mk ? mk.pairedTime() : null;
        Key time = timeKey == null ? null : keys.get(timeKey.tag());
        Bounds t = null;
        Condition local;
        if (time == null || time.value.isEmpty()) {
            local = new Range(key, date.lower, date.upper);
        } else {
            // "1900-1000" is a valid time part here: from 19:00 on the first day to 10:00 on the last
            t = timeRange(time.parameter, time.value, false);
            local = new DateTimeRange((MatchingKey) key, timeKey, date.lower, t.lower, date.upper, t.upper);
        }
        if (zone == null || !(key instanceof MatchingKey mk) || mk.utcColumn() == null) {
            return local;
        }
        String lower =
                date.lower == null ? null : utc(date.lower, t == null || t.lower == null ? "000000" : t.lower, zone);
        String upper =
                date.upper == null ? null : utc(date.upper, t == null || t.upper == null ? endOf("23") : t.upper, zone);
        return new ZonedRange(mk, lower, upper, local);
    }

    private static Condition timeCondition(String parameter, String value, QueryKey key, ZoneOffset zone) {
        Bounds t = timeRange(parameter, value, true);
        Range local = new Range(key, t.lower, t.upper);
        if (zone == null || !(key instanceof MatchingKey mk) || mk.utcColumn() == null) {
            return local;
        }
        // "Prior" and "subsequent" stop at midnight in the query's timezone (PS3.4 C.2.2.2.5.2)
        String lower = utc(ANY_DAY.format(DA), t.lower == null ? "000000" : t.lower, zone)
                .substring(8);
        String upper = utc(ANY_DAY.format(DA), t.upper == null ? endOf("23") : t.upper, zone)
                .substring(8);
        return new ZonedTimeRange(mk, lower, upper, local);
    }

    /** A date and time of the query's timezone as a UTC instant YYYYMMDDHHMMSS.FFFFFF. */
    private static String utc(String date, String time, ZoneOffset zone) {
        return UtcDateTime.format(LocalDateTime.of(UtcDateTime.date(date), UtcDateTime.time(time)), zone);
    }

    private static Key pairedDateOf(MatchingKey timeKey, Map<Integer, Key> keys) {
        MatchingKey dateKey = timeKey.pairedDate();
        Key date = dateKey == null ? null : keys.get(dateKey.tag());
        return date == null || date.value.isEmpty() ? null : date;
    }

    /** Null when the values make the key a universal match ("*"). */
    private static Condition textCondition(QueryKey key, String value, boolean fuzzy) {
        boolean name = key.matching() == Matching.NAME;
        boolean canonical =
                key instanceof ExtendedKey ek && ek.numeric() || key instanceof ExtendedItemKey ik && ik.numeric();
        List<TextValue> values = new ArrayList<>();
        for (String raw : splitValues(value)) {
            String v = raw.strip(); // leading and trailing spaces are padding (PS3.5 §6.2)
            if (v.equals("*")) {
                return null; // "*" alone matches everything, empty values included (PS3.4 C.2.2.2.4)
            }
            if (name) {
                v = InstanceKeys.normalisedName(v);
            } else if (canonical) {
                v = ExtendedQueryTag.normalise(key.vr(), v); // "007" finds a stored "7"
            }
            if (name && fuzzy) {
                List<String> terms = new ArrayList<>();
                for (String term : v.split("[\\^ ,=]+")) {
                    if (!term.isEmpty()) {
                        terms.add(term);
                    }
                }
                if (terms.isEmpty()) {
                    return null;
                }
                values.add(new TextValue.NamePrefixes(terms));
            } else if (hasWildcard(v)) {
                values.add(new TextValue.Wildcard(v));
            } else {
                values.add(new TextValue.Exact(v));
            }
        }
        return values.isEmpty() ? null : new AnyText(key, values);
    }

    // ---- validation by VR: also for keys that are then ignored ----

    private static void validate(String parameter, VR vr, String value) {
        if (value.isEmpty() || vr == null) {
            return;
        }
        switch (vr) {
            case UI -> uids(parameter, value);
            case DA -> dateRange(parameter, value);
            case TM -> timeRange(parameter, value, false);
            case DT -> dateTimeRange(parameter, value);
            case IS, SS, US, SL, UL, SV, UV -> {
                for (String v : splitValues(value)) {
                    noWildcard(parameter, vr, v);
                    if (!INTEGER.matcher(v.strip()).matches()) {
                        throw bad(parameter, "'" + v + "' is not an integer (VR " + vr + ")");
                    }
                }
            }
            case DS, FL, FD -> {
                for (String v : splitValues(value)) {
                    noWildcard(parameter, vr, v);
                    if (!DECIMAL.matcher(v.strip()).matches()) {
                        throw bad(parameter, "'" + v + "' is not a decimal number (VR " + vr + ")");
                    }
                }
            }
            case AE, CS, LO, LT, PN, SH, ST, UC, UR, UT, SQ, UN -> {
                // wildcards allowed (PS3.4 C.2.2.2.4); SQ and unknown attributes are ignored later
            }
            default -> noWildcard(parameter, vr, value);
        }
    }

    private static void noWildcard(String parameter, VR vr, String value) {
        if (hasWildcard(value)) {
            throw bad(parameter, "wildcards (* and ?) are not allowed for VR " + vr + " (PS3.4 C.2.2.2.4)");
        }
    }

    /** A UID list: UIDs separated by commas or backslashes (PS3.18 §8.3.4.1, PS3.4 C.2.2.2.2). */
    private static List<String> uids(String parameter, String value) {
        noWildcard(parameter, VR.UI, value);
        List<String> uids = new ArrayList<>();
        for (String part : value.split("[,\\\\]", -1)) {
            String uid = Uids.normalise(part.strip());
            String problem = Uids.problemWith(uid);
            if (problem != null) {
                throw bad(parameter, "'" + part + "' is not a valid UID: it " + problem);
            }
            uids.add(uid);
        }
        return uids;
    }

    private record Bounds(String lower, String upper) {}

    /** YYYYMMDD, or a range A-B, -B, A- of such dates (PS3.4 C.2.2.2.5). */
    private static Bounds dateRange(String parameter, String value) {
        noWildcard(parameter, VR.DA, value);
        Bounds b = splitRange(parameter, value, VR.DA);
        if (b.lower != null) {
            date(parameter, b.lower);
        }
        if (b.upper != null) {
            date(parameter, b.upper);
        }
        if (b.lower != null && b.upper != null && b.lower.compareTo(b.upper) > 0) {
            throw bad(parameter, "the range '" + value + "' ends before it starts");
        }
        return b;
    }

    private static void date(String parameter, String value) {
        try {
            LocalDate.parse(value, DA);
        } catch (DateTimeException e) {
            throw bad(parameter, "'" + value + "' is not a date YYYYMMDD (VR DA)");
        }
    }

    /**
     * A time or time range. Bounds come back comparable with stored values as strings: the upper bound is
     * widened to the last instant its precision covers ("10" is up to 10:59:59.999999).
     */
    private static Bounds timeRange(String parameter, String value, boolean ordered) {
        noWildcard(parameter, VR.TM, value);
        Bounds b = splitRange(parameter, value, VR.TM);
        for (String t : new String[] {b.lower, b.upper}) {
            if (t != null && !TM.matcher(t).matches()) {
                throw bad(parameter, "'" + t + "' is not a time HHMMSS.FFFFFF (VR TM)");
            }
        }
        String upper = b.upper == null ? null : endOf(b.upper);
        if (ordered && b.lower != null && upper != null && b.lower.compareTo(upper) > 0) {
            throw bad(parameter, "the range '" + value + "' ends before it starts");
        }
        return new Bounds(b.lower, upper);
    }

    static String endOf(String time) {
        StringBuilder sb = new StringBuilder(time);
        String full = "235959.999999";
        if (sb.length() < 6) {
            sb.append(
                    switch (sb.length()) {
                        case 2 -> "5959";
                        default -> "59";
                    });
        }
        if (sb.length() == 6) {
            sb.append('.');
        }
        while (sb.length() < full.length()) {
            sb.append('9');
        }
        return sb.toString();
    }

    /**
     * A DT value or range; the '-' of a range is the one that leaves a valid DT (or nothing) on each side. The
     * bounds come back without their offsets (compared as written) and the upper bound widened to the last
     * instant its precision covers ("2024" is up to 20241231235959.999999).
     */
    private static Bounds dateTimeRange(String parameter, String value) {
        noWildcard(parameter, VR.DT, value);
        String v = value.strip();
        if (DT.matcher(v).matches()) {
            return new Bounds(withoutOffset(v), endOfDateTime(withoutOffset(v)));
        }
        for (int i = v.indexOf('-'); i >= 0; i = v.indexOf('-', i + 1)) {
            String lower = v.substring(0, i);
            String upper = v.substring(i + 1);
            if ((lower.isEmpty() || DT.matcher(lower).matches())
                    && (upper.isEmpty() || DT.matcher(upper).matches())
                    && !(lower.isEmpty() && upper.isEmpty())) {
                return new Bounds(
                        lower.isEmpty() ? null : withoutOffset(lower),
                        upper.isEmpty() ? null : endOfDateTime(withoutOffset(upper)));
            }
        }
        throw bad(
                parameter, "'" + value + "' is not a date-time YYYYMMDDHHMMSS.FFFFFF&ZZXX or a range of them (VR DT)");
    }

    private static String withoutOffset(String dt) {
        int sign = Math.max(dt.lastIndexOf('+'), dt.lastIndexOf('-'));
        return sign > 0 ? dt.substring(0, sign) : dt;
    }

    static String endOfDateTime(String dt) {
        String full = "99991231235959.999999";
        StringBuilder sb = new StringBuilder(dt);
        while (sb.length() < full.length()) {
            sb.append(full.charAt(sb.length()));
        }
        return sb.toString();
    }

    /** "A", "A-B", "-B" or "A-". */
    private static Bounds splitRange(String parameter, String value, VR vr) {
        String v = value.strip();
        int dash = v.indexOf('-');
        if (dash < 0) {
            return new Bounds(v, v);
        }
        String lower = v.substring(0, dash).strip();
        String upper = v.substring(dash + 1).strip();
        if (lower.isEmpty() && upper.isEmpty() || upper.indexOf('-') >= 0) {
            throw bad(parameter, "'" + value + "' is not a " + vr + " value or range");
        }
        return new Bounds(lower.isEmpty() ? null : lower, upper.isEmpty() ? null : upper);
    }

    // ---- names, tags, values ----

    /** A keyword (PatientName) or tag (00100010) naming an attribute; 400 naming the parameter otherwise. */
    private static int resolve(String parameter, String field) {
        if (HEX_TAG.matcher(field).matches()) {
            return Tag.parseHex(field);
        }
        int tag = ElementDictionary.tagForKeyword(field);
        if (tag == -1) {
            if (field.isEmpty()) {
                throw bad(parameter, "an empty attribute name");
            }
            throw bad(parameter, "'" + field + "' is neither a DICOM keyword nor a tag of 8 hex digits");
        }
        return tag;
    }

    /** {@code Sequence.Attribute} (PS3.18 §8.3.4.1): every part but the last must be a sequence. */
    private static int[] resolvePath(String parameter, String path) {
        String[] parts = path.split("\\.", -1);
        int[] tags = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            tags[i] = resolve(parameter, parts[i]);
            if (i < parts.length - 1
                    && !Tag.isPrivate(tags[i])
                    && ElementDictionary.isKnown(tags[i])
                    && ElementDictionary.vrOf(tags[i]) != VR.SQ) {
                throw bad(parameter, describe(tags[i]) + " is not a sequence, so no attribute can follow it");
            }
        }
        return tags;
    }

    private static VR vrOf(int tag, Map<Integer, ExtendedKey> extended) {
        MatchingKey key = MatchingKey.of(tag);
        if (key != null) {
            return key.vr();
        }
        ExtendedKey ext = extended.get(tag);
        if (ext != null) {
            return ext.vr();
        }
        return Tag.isPrivate(tag) || !ElementDictionary.isKnown(tag) ? null : ElementDictionary.vrOf(tag);
    }

    private static List<String> splitValues(String value) {
        return List.of(value.split("\\\\", -1));
    }

    private static boolean hasWildcard(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw bad(name, "given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static int positiveInt(String name, String value, int min) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw bad(name, "'" + value + "' is not " + (min == 0 ? "a non-negative" : "a positive") + " integer");
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw bad(name, "'" + value + "' is neither true nor false");
        };
    }

    static String describe(int tag) {
        String keyword = ElementDictionary.keywordOf(tag);
        return keyword.isEmpty() ? tagText(tag) : keyword + " " + tagText(tag);
    }

    private static String tagText(int tag) {
        return String.format("(%04X,%04X)", Tag.group(tag), Tag.element(tag));
    }

    private static DicomwebException bad(String parameter, String problem) {
        return DicomwebException.badRequest("Query parameter '" + parameter + "': " + problem);
    }
}
