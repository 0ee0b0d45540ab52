package org.opendicomweb.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.ElementDictionary;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.Uids;

/**
 * One reference of an instance to another SOP instance, as the references graph keeps it: a Referenced SOP Instance
 * UID (0008,1155) found in an item of a sequence at any depth, with the Referenced SOP Class UID (0008,1150) of the
 * same item, the path of sequences it was found under as keywords ({@code ContentSequence/ReferencedSOPSequence};
 * a sequence without a keyword, private ones included, by its tag as eight hex digits), and the Study and Series
 * Instance UID the enclosing items give, if any (the evidence sequences of a Key Object Selection or an SR state
 * the study, their Referenced Series Sequence the series).
 *
 * <p>Why every sequence rather than a list of the IODs' reference attributes: PS3.3 defines well over a hundred
 * sequences that carry Referenced SOP Instance UIDs (Referenced Image, Source Image, Referenced Structure Set,
 * Referenced RT Plan, Contour Image, Referenced Instance, SR content items, ...) and private ones add more; the
 * walk over a parsed dataset costs less than maintaining such a list.
 *
 * @param sopClassUid null when the item names no class
 * @param studyInstanceUid null when no enclosing item states one
 * @param seriesInstanceUid null when no enclosing item states one
 */
public record InstanceReference(
        String sopInstanceUid, String sopClassUid, String path, String studyInstanceUid, String seriesInstanceUid) {

    /** The width of the UID columns: a longer value is no UID (PS3.5 §9.1) and is not kept. */
    static final int UID_WIDTH = 64;
    /** The width of the path column; a longer path (sequences nested some 60 deep) is cut to it. */
    static final int PATH_WIDTH = 1024;

    /**
     * Every distinct reference of {@code ds}, in the order first found. Values are normalised as UIDs are on
     * store (padding stripped); empty values and values too long for a UID are left out. The same UID, class and
     * path found several times (an SR citing one image in many content items, a per-frame functional group
     * naming its source for every frame) is one reference.
     */
    public static List<InstanceReference> of(Attributes ds) {
        Map<Key, InstanceReference> found = new LinkedHashMap<>();
        collect(ds, new StringBuilder(), null, null, found);
        return found.isEmpty() ? List.of() : List.copyOf(found.values());
    }

    private static void collect(
            Attributes ds, StringBuilder path, String study, String series, Map<Key, InstanceReference> found) {
        for (int i = 0, n = ds.size(); i < n; i++) {
            if (!(ds.valueAt(i) instanceof Sequence sequence) || sequence.isEmpty()) {
                continue;
            }
            int mark = path.length();
            if (mark > 0) {
                path.append('/');
            }
            path.append(segment(ds.tagAt(i)));
            String where = null; // made once per sequence, when it holds a reference
            for (Attributes item : sequence) {
                String itemStudy = uidOr(item, Tag.StudyInstanceUID, study);
                String itemSeries = uidOr(item, Tag.SeriesInstanceUID, series);
                String[] uids = item.getStrings(Tag.ReferencedSOPInstanceUID);
                if (uids != null && uids.length > 0) {
                    String sopClass = uidOr(item, Tag.ReferencedSOPClassUID, null);
                    if (where == null) {
                        where = path.length() <= PATH_WIDTH ? path.toString() : path.substring(0, PATH_WIDTH);
                    }
                    for (String value : uids) {
                        String uid = Uids.normalise(value);
                        if (!uid.isEmpty() && uid.length() <= UID_WIDTH) {
                            found.putIfAbsent(
                                    new Key(uid, sopClass, where),
                                    new InstanceReference(uid, sopClass, where, itemStudy, itemSeries));
                        }
                    }
                }
                collect(item, path, itemStudy, itemSeries, found);
            }
            path.setLength(mark);
        }
    }

    /** What makes a reference distinct; study and series are taken from where it was first found. */
    private record Key(String uid, String sopClass, String path) {}

    /** A path segment: the keyword of PS3.6, or the tag as eight upper-case hex digits where there is none. */
    static String segment(int tag) {
        String keyword = ElementDictionary.keywordOf(tag);
        return keyword.isEmpty() ? String.format("%08X", tag) : keyword;
    }

    private static String uidOr(Attributes item, int tag, String otherwise) {
        String[] values = item.getStrings(tag);
        if (values == null || values.length == 0) {
            return otherwise;
        }
        String uid = Uids.normalise(values[0]);
        return uid.isEmpty() || uid.length() > UID_WIDTH ? otherwise : uid;
    }
}
