package org.opendicomweb.qido;

import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

/**
 * The attributes inside sequence items that a query can match on, written {@code Sequence.Attribute}
 * ({@code RequestAttributesSequence.RequestedProcedureID=X} or {@code 00400275.00401001=X}, PS3.18 §8.3.4.1).
 * Each has a column in its sequence's item table; an item matches when all of the query's keys of that
 * sequence match it (PS3.4 C.2.2.2.6).
 */
public enum ItemKey implements QueryKey {
    // Request Attributes Sequence: the item keys of PS3.18 Table 10.6.1-5 and the other identifiers of the
    // Request Attributes Macro (PS3.3 Table 10-9)
    REQUESTED_PROCEDURE_ID(
            ItemSequence.REQUEST_ATTRIBUTES, Tag.RequestedProcedureID, VR.SH, "requested_procedure_id", Matching.TEXT),
    SCHEDULED_PROCEDURE_STEP_ID(
            ItemSequence.REQUEST_ATTRIBUTES,
            Tag.ScheduledProcedureStepID,
            VR.SH,
            "scheduled_procedure_step_id",
            Matching.TEXT),
    REQUEST_ACCESSION_NUMBER(
            ItemSequence.REQUEST_ATTRIBUTES, Tag.AccessionNumber, VR.SH, "accession_number", Matching.TEXT),
    REQUEST_STUDY_INSTANCE_UID(
            ItemSequence.REQUEST_ATTRIBUTES, Tag.StudyInstanceUID, VR.UI, "study_iuid", Matching.UID),
    REQUESTED_PROCEDURE_DESCRIPTION(
            ItemSequence.REQUEST_ATTRIBUTES,
            Tag.RequestedProcedureDescription,
            VR.LO,
            "requested_procedure_description",
            Matching.TEXT),
    SCHEDULED_PROCEDURE_STEP_DESCRIPTION(
            ItemSequence.REQUEST_ATTRIBUTES,
            Tag.ScheduledProcedureStepDescription,
            VR.LO,
            "scheduled_procedure_step_description",
            Matching.TEXT),
    // Referenced Study Sequence (SOP Instance Reference Macro, PS3.3 Table 10-11)
    REFERENCED_SOP_CLASS_UID(
            ItemSequence.REFERENCED_STUDY, Tag.ReferencedSOPClassUID, VR.UI, "referenced_sop_class_uid", Matching.UID),
    REFERENCED_SOP_INSTANCE_UID(
            ItemSequence.REFERENCED_STUDY,
            Tag.ReferencedSOPInstanceUID,
            VR.UI,
            "referenced_sop_instance_uid",
            Matching.UID);

    private final ItemSequence sequence;
    private final int tag;
    private final VR vr;
    private final String columnName;
    private final Matching matching;

    ItemKey(ItemSequence sequence, int tag, VR vr, String columnName, Matching matching) {
        this.sequence = sequence;
        this.tag = tag;
        this.vr = vr;
        this.columnName = columnName;
        this.matching = matching;
    }

    /** The key for an attribute in items of {@code sequence}, or null when the index does not keep it. */
    public static ItemKey of(ItemSequence sequence, int tag) {
        for (ItemKey k : values()) {
            if (k.sequence == sequence && k.tag == tag) {
                return k;
            }
        }
        return null;
    }

    public ItemSequence sequence() {
        return sequence;
    }

    @Override
    public int tag() {
        return tag;
    }

    @Override
    public VR vr() {
        return vr;
    }

    @Override
    public QueryLevel level() {
        return sequence.level();
    }

    @Override
    public Matching matching() {
        return matching;
    }

    @Override
    public String column() {
        return sequence.alias() + "." + columnName;
    }

    /** The column's name without the alias, as result rows of the item table label it. */
    String columnName() {
        return columnName;
    }
}
