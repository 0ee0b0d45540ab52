package org.opendicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/**
 * Checks our dictionary, generated from pydicom, against an independent one: dcmtk's dicom.dic,
 * read at test time. Skipped where dcmtk's data files are not installed (set -Ddcmtk.dictionary to
 * point at one elsewhere).
 *
 * <p>dcmtk writes several VRs of PS3.6 as one internal code, which the test maps back: xs = US or
 * SS, ox = OB or OW, px = OB or OW for Pixel Data, lt = US, SS or OW for LUT data, up = UL for the
 * DICOMDIR offsets it treats as pointers, na = no VR (items and delimiters). It prefixes the names
 * of retired elements with RETIRED_; otherwise its names are the PS3.6 keywords.
 */
@UsesTools
class ElementDictionaryDcmtkOracleTest {

    private static final Path DEFAULT_DICTIONARY = Path.of("/usr/share/libdcmtk17/dicom.dic");

    /**
     * Where the two sources disagree and we keep our answer, with the reason. Only the retired
     * status differs, never a VR, VM or keyword:
     * (2130,00A0) Proposed Study Sequence and (2130,00C0) Original Image Sequence, of the retired
     * print management modules, are marked retired by pydicom but not by dcmtk's 2022b dictionary.
     */
    private static final Set<Integer> RETIREMENT_DIFFERENCES = Set.of(0x213000A0, 0x213000C0);

    private static final Map<String, Set<VR>> DCMTK_VR_CODES = Map.of(
            "xs", EnumSet.of(VR.US, VR.SS),
            "ox", EnumSet.of(VR.OB, VR.OW),
            "px", EnumSet.of(VR.OB, VR.OW),
            "lt", EnumSet.of(VR.US, VR.SS, VR.OW),
            "up", EnumSet.of(VR.UL),
            "na", EnumSet.noneOf(VR.class));

    /** (gggg,eeee), or ranges (gggg-gggg,eeee) with -o- for odd only and -u- for every value. */
    private static final Pattern TAG_FIELD =
            Pattern.compile("\\(([0-9A-F]{4})(?:-([ou]-)?([0-9A-F]{4}))?,([0-9A-F]{4})(?:-([ou]-)?([0-9A-F]{4}))?\\)");

    private record DcmtkEntry(String tagField, String vr, String name, String vm, String origin) {}

    private static List<DcmtkEntry> entries;

    @BeforeAll
    static void readDcmtkDictionary() throws IOException {
        Path path = Path.of(System.getProperty("dcmtk.dictionary", DEFAULT_DICTIONARY.toString()));
        RequiredTools.require(new Tool("dcmtk's data dictionary " + path, "dcmtk", () -> Files.isReadable(path)));
        entries = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t+");
            entries.add(new DcmtkEntry(f[0], f[1], f[2], f[3], f[4]));
        }
        assertTrue(entries.size() > 4000, "read only " + entries.size() + " dcmtk entries");
    }

    @Test
    void everySingleTagAgreesInVrVmKeywordAndRetirement() {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (DcmtkEntry d : entries) {
            Matcher m = TAG_FIELD.matcher(d.tagField());
            if (!m.matches() || m.group(3) != null || m.group(6) != null) {
                continue; // ranges: see the next test
            }
            int tag = (Integer.parseInt(m.group(1), 16) << 16) | Integer.parseInt(m.group(4), 16);
            compared++;
            if (!ElementDictionary.isKnown(tag)) {
                problems.add(Tag.toString(tag) + " " + d.name() + ": unknown to us");
                continue;
            }
            checkVr(tag, d, problems);
            if (!d.vm().equals(ElementDictionary.vmOf(tag))) {
                problems.add(Tag.toString(tag) + " VM " + ElementDictionary.vmOf(tag) + " vs dcmtk " + d.vm());
            }
            boolean dcmtkRetired = d.name().startsWith("RETIRED_");
            String keyword = dcmtkRetired ? d.name().substring("RETIRED_".length()) : d.name();
            if (!keyword.equals(ElementDictionary.keywordOf(tag))) {
                problems.add(
                        Tag.toString(tag) + " keyword " + ElementDictionary.keywordOf(tag) + " vs dcmtk " + d.name());
            }
            if (dcmtkRetired != ElementDictionary.isRetired(tag) && !RETIREMENT_DIFFERENCES.contains(tag)) {
                problems.add(
                        Tag.toString(tag) + " retired " + ElementDictionary.isRetired(tag) + " vs dcmtk " + d.name());
            }
        }
        assertTrue(compared > 4800, "compared only " + compared);
        assertEquals(List.of(), problems);
    }

    /**
     * Ranged entries: repeating groups (60xx), element ranges (0020,31xx), and dcmtk's generic
     * group-length and private-creator rules. Each is checked at both ends of its range.
     */
    @Test
    void rangesAgreeAtTheirEnds() {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (DcmtkEntry d : entries) {
            Matcher m = TAG_FIELD.matcher(d.tagField());
            if (!m.matches() || (m.group(3) == null && m.group(6) == null)) {
                continue;
            }
            // Groups 0001-0007 are not valid private groups (PS3.5 §7.8.1); dcmtk calls them ILLEGAL
            // and we treat their elements as unknown, so there is nothing to compare.
            if ("ILLEGAL".equals(d.origin())) {
                continue;
            }
            for (int group : ends(m.group(1), m.group(2), m.group(3))) {
                // dcmtk's private rules run to group FFFF, which PS3.5 §7.8.1 excludes from the
                // private groups; we give it no private meaning.
                if (group == 0xFFFF) {
                    continue;
                }
                for (int element : ends(m.group(4), m.group(5), m.group(6))) {
                    int tag = (group << 16) | element;
                    compared++;
                    checkVr(tag, d, problems);
                    boolean generic = d.origin().equals("PRIVATE") || d.origin().equals("GENERIC");
                    if (!generic) {
                        String keyword = d.name().replaceFirst("^RETIRED_", "");
                        if (!keyword.equals(ElementDictionary.keywordOf(tag))) {
                            problems.add(Tag.toString(tag) + " keyword " + ElementDictionary.keywordOf(tag)
                                    + " vs dcmtk " + d.name());
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "compared only " + compared);
        assertEquals(List.of(), problems);
    }

    /** The first and last value of a dcmtk range; a plain range holds even values only. */
    private static int[] ends(String low, String kind, String high) {
        int first = Integer.parseInt(low, 16);
        if (high == null) {
            return new int[] {first};
        }
        int last = Integer.parseInt(high, 16);
        if (kind == null && (last & 1) != 0) {
            last--;
        }
        if ("o-".equals(kind) && (last & 1) == 0) {
            last--;
        }
        return new int[] {first, last};
    }

    private static void checkVr(int tag, DcmtkEntry d, List<String> problems) {
        Set<VR> expected =
                DCMTK_VR_CODES.containsKey(d.vr()) ? DCMTK_VR_CODES.get(d.vr()) : EnumSet.of(VR.valueOf(d.vr()));
        List<VR> ours = ElementDictionary.vrCandidatesOf(tag);
        boolean agrees;
        if (d.vr().equals("lt")) {
            // LUT Data is "US or OW", Gray Lookup Table Data "US or SS or OW": both within lt.
            agrees = !ours.isEmpty() && expected.containsAll(ours) && ours.contains(VR.OW);
        } else {
            agrees = expected.equals(ours.isEmpty() ? EnumSet.noneOf(VR.class) : EnumSet.copyOf(ours));
        }
        if (!agrees) {
            problems.add(Tag.toString(tag) + " " + d.name() + ": VR " + ours + " vs dcmtk " + d.vr());
        }
        if (!ours.isEmpty() && ElementDictionary.vrOf(tag) != ours.get(0)) {
            problems.add(Tag.toString(tag) + ": vrOf is not the first candidate");
        }
    }
}
