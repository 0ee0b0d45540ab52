package org.opendicomweb.qido;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.qido.Condition.AnyNumber;
import org.opendicomweb.qido.Condition.AnyText;
import org.opendicomweb.qido.Condition.DateTimeRange;
import org.opendicomweb.qido.Condition.Range;
import org.opendicomweb.qido.Condition.TextValue;
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
    static final String INCLUDE = "includefield";
    static final String ALL = "all";

    private static final Pattern HEX_TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** TM: HH, HHMM, HHMMSS or HHMMSS.F to FFFFFF (PS3.5 Table 6.2-1); 60 seconds for a leap second. */
    private static final Pattern TM = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d(([0-5]\\d|60)(\\.\\d{1,6})?)?)?");
    /** DT: YYYY[MM[DD[HH[MM[SS[.F]]]]]] with an optional &ZZXX offset (PS3.5 Table 6.2-1). */
    private static final Pattern DT = Pattern.compile(
            "\\d{4}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?)?)?)?([+-]\\d{4})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private QueryParser() {}

    /** A parameter's value list as the framework gives it: decoded, in request order. */
    public static QidoQuery parse(QueryScope scope, Map<String, List<String>> parameters) {
        Integer limit = null;
        int offset = 0;
        boolean fuzzy = false;
        boolean includeAll = false;
        Set<Integer> requested = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        Map<Integer, Key> keys = new LinkedHashMap<>();

        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (name) {
                case LIMIT -> limit = positiveInt(name, single(name, values), 1);
                case OFFSET -> offset = positiveInt(name, single(name, values), 0);
                case FUZZY -> fuzzy = bool(name, single(name, values));
                case INCLUDE -> {
                    for (String value : values) {
                        for (String entry : value.split(",", -1)) {
                            String field = entry.strip();
                            if (field.equals(ALL)) {
                                includeAll = true;
                            } else if (field.contains(".")) {
                                resolvePath(INCLUDE, field);
                                warnings.add("includefield " + field + " (an attribute inside a sequence) is not supported; ignored");
                            } else {
                                requested.add(resolve(INCLUDE, field));
                            }
                        }
                    }
                }
                default -> {
                    String value = single(name, values);
                    if (name.contains(".")) {
                        resolvePath(name, name);
                        warnings.add(name + ": matching attributes inside sequences is not supported; ignored");
                        continue;
                    }
                    int tag = resolve(name, name);
                    Key previous = keys.put(tag, new Key(name, tag, value));
                    if (previous != null) {
                        throw DicomwebException.badRequest("Query parameters '" + previous.parameter + "' and '"
                                + name + "' name the same attribute " + tagText(tag) + "; give it once");
                    }
                }
            }
        }

        List<Condition> conditions = new ArrayList<>();
        for (Key key : keys.values()) {
            VR vr = vrOf(key.tag);
            validate(key.parameter, vr, key.value);
            requested.add(key.tag);
            if (key.value.isEmpty()) {
                continue; // universal matching: the attribute is returned, nothing is compared
            }
            MatchingKey matchingKey = MatchingKey.of(key.tag);
            if (matchingKey == null) {
                warnings.add(key.parameter + ": this server does not match on " + describe(key.tag) + "; ignored");
                continue;
            }
            if (!scope.level().reaches(matchingKey.level())) {
                warnings.add(key.parameter + ": " + describe(key.tag) + " is a "
                        + matchingKey.level().name().toLowerCase() + "-level key and cannot be matched in a "
                        + scope.level().name().toLowerCase() + "-level query; ignored");
                continue;
            }
            if (matchingKey.matching() == MatchingKey.Matching.TIME && pairedDateOf(matchingKey, keys) != null) {
                continue; // part of the date's combined range
            }
            Condition condition = condition(key, matchingKey, fuzzy, keys);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        return new QidoQuery(scope, conditions, requested, includeAll, limit, offset, fuzzy, warnings);
    }

    private record Key(String parameter, int tag, String value) {}

    // ---- conditions ----

    private static Condition condition(Key key, MatchingKey mk, boolean fuzzy, Map<Integer, Key> keys) {
        String value = key.value;
        return switch (mk.matching()) {
            case UID -> new AnyText(mk, uids(key.parameter, value).stream()
                    .map(u -> (TextValue) new TextValue.Exact(u)).toList());
            case NUMBER -> new AnyNumber(mk, splitValues(value).stream()
                    .map(v -> Long.parseLong(v.strip()))
                    .toList());
            case DATE -> dateCondition(key, mk, keys);
            case TIME -> {
                Bounds t = timeRange(key.parameter, value, true);
                yield new Range(mk, t.lower, t.upper);
            }
            case TEXT, VALUE_IN_LIST, NAME -> textCondition(mk, value, fuzzy);
        };
    }

    private static Condition dateCondition(Key key, MatchingKey mk, Map<Integer, Key> keys) {
        Bounds date = dateRange(key.parameter, key.value);
        MatchingKey timeKey = mk.pairedTime();
        Key time = timeKey == null ? null : keys.get(timeKey.tag());
        if (time == null || time.value.isEmpty()) {
            return new Range(mk, date.lower, date.upper);
        }
        // "1900-1000" is a valid time part here: from 19:00 on the first day to 10:00 on the last
        Bounds t = timeRange(time.parameter, time.value, false);
        return new DateTimeRange(mk, timeKey, date.lower, t.lower, date.upper, t.upper);
    }

    private static Key pairedDateOf(MatchingKey timeKey, Map<Integer, Key> keys) {
        for (MatchingKey k : MatchingKey.values()) {
            if (k.pairedTime() == timeKey) {
                Key date = keys.get(k.tag());
                return date == null || date.value.isEmpty() ? null : date;
            }
        }
        return null;
    }

    /** Null when the values make the key a universal match ("*"). */
    private static Condition textCondition(MatchingKey mk, String value, boolean fuzzy) {
        boolean name = mk.matching() == MatchingKey.Matching.NAME;
        List<TextValue> values = new ArrayList<>();
        for (String raw : splitValues(value)) {
            String v = raw.strip(); // leading and trailing spaces are padding (PS3.5 §6.2)
            if (v.equals("*")) {
                return null; // "*" alone matches everything, empty values included (PS3.4 C.2.2.2.4)
            }
            if (name) {
                v = InstanceKeys.normalisedName(v);
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
        return values.isEmpty() ? null : new AnyText(mk, values);
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
            sb.append(switch (sb.length()) {
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

    /** A DT value or range; the '-' of a range is the one that leaves a valid DT (or nothing) on each side. */
    private static void dateTimeRange(String parameter, String value) {
        noWildcard(parameter, VR.DT, value);
        String v = value.strip();
        if (DT.matcher(v).matches()) {
            return;
        }
        for (int i = v.indexOf('-'); i >= 0; i = v.indexOf('-', i + 1)) {
            String lower = v.substring(0, i);
            String upper = v.substring(i + 1);
            if ((lower.isEmpty() || DT.matcher(lower).matches()) && (upper.isEmpty() || DT.matcher(upper).matches())
                    && !(lower.isEmpty() && upper.isEmpty())) {
                return;
            }
        }
        throw bad(parameter, "'" + value + "' is not a date-time YYYYMMDDHHMMSS.FFFFFF&ZZXX or a range of them (VR DT)");
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

    private static void resolvePath(String parameter, String path) {
        for (String part : path.split("\\.", -1)) {
            resolve(parameter, part);
        }
    }

    private static VR vrOf(int tag) {
        MatchingKey key = MatchingKey.of(tag);
        if (key != null) {
            return key.vr();
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
