package org.opendicomweb.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;

/** One item of Referenced Study Sequence (0008,1110) as the index keeps it for sequence matching ('' when absent). */
public record ReferencedStudyItem(String referencedSopClassUid, String referencedSopInstanceUid) {

    /** The distinct items of the instance's sequence, in order; none when it has no such sequence. */
    public static List<ReferencedStudyItem> of(Attributes ds) {
        Sequence seq = ds.getSequence(Tag.ReferencedStudySequence);
        if (seq == null || seq.isEmpty()) {
            return List.of();
        }
        Set<ReferencedStudyItem> items = new LinkedHashSet<>();
        for (Attributes item : seq) {
            items.add(new ReferencedStudyItem(
                    SequenceText.uid(item, Tag.ReferencedSOPClassUID),
                    SequenceText.uid(item, Tag.ReferencedSOPInstanceUID)));
        }
        return new ArrayList<>(items);
    }
}
