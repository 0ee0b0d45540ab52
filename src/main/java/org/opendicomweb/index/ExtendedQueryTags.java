package org.opendicomweb.index;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/**
 * The extended query tags of {@code dicomweb.qido.extended-tags}: entries {@code level:attribute}, the level
 * {@code study}, {@code series} or {@code instance}, the attribute a keyword or 8 hex digits, e.g.
 * {@code study:InstitutionName, series:00081010, instance:ContentDate}. A sequence ({@code
 * study:ProcedureCodeSequence}) makes the attributes inside its items matching keys (PS3.4 C.2.2.2.6), kept
 * per item in {@code sequence_item}. Read once at start-up: an entry that
 * cannot work stops the server with a message naming it, rather than a key that silently never matches.
 */
@ApplicationScoped
@Startup
public class ExtendedQueryTags {
    static final String PROPERTY = "dicomweb.qido.extended-tags";
    private static final Pattern HEX_TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    /** Values that compare as text or numbers; binary data cannot be matched. */
    static final Set<VR> MATCHABLE = EnumSet.of(
            VR.AE, VR.AS, VR.CS, VR.DA, VR.DS, VR.DT, VR.IS, VR.LO, VR.LT, VR.PN, VR.SH, VR.ST, VR.TM, VR.UC, VR.UI,
            VR.UR, VR.UT, VR.SS, VR.US, VR.SL, VR.UL, VR.SV, VR.UV, VR.FL, VR.FD);

    /** The sequences whose items the index keeps in tables of their own (V5 schema), at their standard level. */
    private static final Set<Integer> BUILT_IN_SEQUENCES =
            Set.of(Tag.RequestAttributesSequence, Tag.ReferencedStudySequence);

    private final List<ExtendedQueryTag> tags;
    private final Map<Integer, ExtendedQueryTag> byTag = new HashMap<>();

    @Inject
    ExtendedQueryTags(DicomwebConfig config) {
        this(parse(config.qido().extendedTags().orElse(List.of())));
    }

    private ExtendedQueryTags(List<ExtendedQueryTag> tags) {
        this.tags = List.copyOf(tags);
        tags.forEach(t -> byTag.put(t.tag(), t));
    }

    /** The tags of configuration entries as {@link #parse} reads them. */
    public static ExtendedQueryTags of(List<String> entries) {
        return new ExtendedQueryTags(parse(entries));
    }

    /** Whether values of {@code vr} can be matched (text and numbers; not sequences or binary data). */
    public static boolean isMatchable(VR vr) {
        return MATCHABLE.contains(vr);
    }

    public List<ExtendedQueryTag> all() {
        return tags;
    }

    /** The configured tag, or null. */
    public ExtendedQueryTag of(int tag) {
        return byTag.get(tag);
    }

    /**
     * Parses the configured entries.
     *
     * @throws IllegalArgumentException naming the property and the entry that is wrong, and why
     */
    public static List<ExtendedQueryTag> parse(List<String> entries) {
        List<ExtendedQueryTag> out = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw bad(entry, "write it as level:attribute, the level study, series or instance");
            }
            IndexLevel level = level(entry, entry.substring(0, colon).strip());
            String attribute = entry.substring(colon + 1).strip();
            int tag = tag(entry, attribute);
            if (Tag.isPrivate(tag)) {
                throw bad(
                        entry,
                        "private attributes cannot be extended query tags (their meaning depends on the"
                                + " Private Creator)");
            }
            if (!ElementDictionary.isKnown(tag)) {
                throw bad(
                        entry,
                        String.format(
                                "(%04X,%04X) is not in the DICOM data dictionary", Tag.group(tag), Tag.element(tag)));
            }
            VR vr = ElementDictionary.vrOf(tag);
            if (vr != VR.SQ && !MATCHABLE.contains(vr)) {
                throw bad(entry, ElementDictionary.keywordOf(tag) + " has VR " + vr + ", which cannot be matched");
            }
            if (BUILT_IN_SEQUENCES.contains(tag)) {
                throw bad(
                        entry,
                        ElementDictionary.keywordOf(tag) + " is matched built in, with items of its own table (see"
                                + " sequence matching in docs/conformance.md)");
            }
            String previous = seen.put(tag, entry);
            if (previous != null) {
                throw bad(entry, "the attribute is configured twice (also as '" + previous + "')");
            }
            out.add(new ExtendedQueryTag(tag, vr, level));
        }
        return out;
    }

    private static IndexLevel level(String entry, String level) {
        try {
            return IndexLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(entry, "'" + level + "' is not a level: use study, series or instance");
        }
    }

    private static int tag(String entry, String attribute) {
        if (HEX_TAG.matcher(attribute).matches()) {
            return Integer.parseUnsignedInt(attribute, 16);
        }
        int tag = ElementDictionary.tagForKeyword(attribute);
        if (tag == -1) {
            throw bad(entry, "'" + attribute + "' is neither a DICOM keyword nor a tag of 8 hex digits");
        }
        return tag;
    }

    private static IllegalArgumentException bad(String entry, String problem) {
        return new IllegalArgumentException(PROPERTY + ": '" + entry + "': " + problem);
    }
}
