package org.opendicomweb.qido;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.web.capabilities.QueryKeyCatalogue;

/**
 * The matching keys of this server for the Capabilities Description, read from the same tables the parser uses
 * ({@link MatchingKey}, {@link ItemKey}, the configured {@link ExtendedKeys}), so a key the parser accepts is one
 * the description lists, and the other way round.
 */
@ApplicationScoped
public class QueryCapabilities implements QueryKeyCatalogue {
    private final ExtendedKeys extended;

    @Inject
    QueryCapabilities(ExtendedKeys extended) {
        this.extended = extended;
    }

    @Override
    public List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        for (MatchingKey k : MatchingKey.values()) {
            Key key = key(ElementDictionary.keywordOf(k.tag()), hex(k.tag()), k, "built-in");
            if (RollUpKey.rollsUp(k)) {
                // matched at series and study level too: any instance of the series (study)
                key = new Key(
                        key.key(),
                        key.tag(),
                        key.vr(),
                        key.level(),
                        List.of("study", "series", "instance"),
                        key.matching(),
                        "built-in");
            }
            keys.add(key);
        }
        for (ItemKey k : ItemKey.values()) {
            int sequence = k.sequence().tag();
            keys.add(key(
                    ElementDictionary.keywordOf(sequence) + "." + ElementDictionary.keywordOf(k.tag()),
                    hex(sequence) + "." + hex(k.tag()),
                    k,
                    "sequence-item"));
        }
        for (ExtendedKey k : extended.byTag().values()) {
            if (k.isSequence()) {
                keys.add(new Key(
                        k.definition().keyword() + ".{attribute}",
                        hex(k.tag()) + ".*",
                        VR.SQ.name(),
                        level(k.level()),
                        queryLevels(k.level()),
                        List.of("sequence", "single-value", "value-list", "wildcard", "range", "uid-list", "universal"),
                        "extended-sequence-item"));
            } else {
                keys.add(key(k.definition().keyword(), hex(k.tag()), k, "extended"));
            }
        }
        return keys;
    }

    @Override
    public List<ExtendedQueryTag> extendedQueryTags() {
        List<ExtendedQueryTag> tags = new ArrayList<>();
        for (ExtendedKey k : extended.byTag().values()) {
            tags.add(new ExtendedQueryTag(
                    k.definition().keyword(),
                    hex(k.tag()),
                    k.vr().name(),
                    level(k.level()),
                    !extended.isIncomplete(k)));
        }
        return tags;
    }

    private static Key key(String name, String tag, QueryKey k, String kind) {
        List<String> matching = new ArrayList<>();
        if (k instanceof ItemKey) {
            matching.add("sequence");
        }
        matching.addAll(matchingOf(k));
        return new Key(name, tag, k.vr().name(), level(k.level()), queryLevels(k.level()), matching, kind);
    }

    /** The kinds of matching PS3.4 C.2.2.2 names that the parser builds for a key (QueryParser#condition). */
    static List<String> matchingOf(QueryKey k) {
        boolean numeric = k instanceof ExtendedKey e && e.numeric();
        return switch (k.matching()) {
            case UID -> List.of("single-value", "uid-list", "universal");
            case NUMBER -> List.of("single-value", "value-list", "universal");
            case DATE, TIME, DATE_TIME -> List.of("single-value", "range", "universal");
            case NAME -> List.of("single-value", "value-list", "wildcard", "fuzzy", "universal");
            case TEXT, VALUE_IN_LIST ->
                numeric
                        ? List.of("single-value", "value-list", "universal")
                        : List.of("single-value", "value-list", "wildcard", "universal");
        };
    }

    /** The search levels whose results a key of {@code level} can select: its own and those below it. */
    static List<String> queryLevels(QueryLevel level) {
        List<String> levels = new ArrayList<>();
        for (QueryLevel l : QueryLevel.values()) {
            if (l.reaches(level)) {
                levels.add(level(l));
            }
        }
        return levels;
    }

    private static String level(QueryLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private static String hex(int tag) {
        return String.format("%08X", tag);
    }
}
