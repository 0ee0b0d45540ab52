package org.opendicomweb.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;

/**
 * One item of Request Attributes Sequence (0040,0275) as the index keeps it for sequence matching: the item keys
 * of PS3.18 Table 10.6.1-5 (Requested Procedure ID, Scheduled Procedure Step ID) and the other identifying
 * attributes of the Request Attributes Macro (PS3.3 Table 10-9). An absent attribute is ''.
 */
public record RequestAttributesItem(
        String requestedProcedureId,
        String scheduledProcedureStepId,
        String accessionNumber,
        String studyInstanceUid,
        String requestedProcedureDescription,
        String scheduledProcedureStepDescription) {

    /** The distinct items of the instance's sequence, in order; none when it has no such sequence. */
    public static List<RequestAttributesItem> of(Attributes ds) {
        Sequence seq = ds.getSequence(Tag.RequestAttributesSequence);
        if (seq == null || seq.isEmpty()) {
            return List.of();
        }
        Set<RequestAttributesItem> items = new LinkedHashSet<>();
        for (Attributes item : seq) {
            items.add(new RequestAttributesItem(
                    SequenceText.of(item, Tag.RequestedProcedureID, SequenceText.ID),
                    SequenceText.of(item, Tag.ScheduledProcedureStepID, SequenceText.ID),
                    SequenceText.of(item, Tag.AccessionNumber, SequenceText.ID),
                    SequenceText.uid(item, Tag.StudyInstanceUID),
                    SequenceText.of(item, Tag.RequestedProcedureDescription, SequenceText.LONG),
                    SequenceText.of(item, Tag.ScheduledProcedureStepDescription, SequenceText.LONG)));
        }
        return new ArrayList<>(items);
    }
}
