package org.opendicomweb.qido;

import org.opendicomweb.dicom.Tag;

/**
 * The sequences whose items the index keeps for sequence matching (PS3.4 C.2.2.2.6), each in an item table of
 * its own (V5 schema) joined to the entity that holds the sequence.
 */
public enum ItemSequence {
    /** PS3.18 Table 10.6.1-5 names it, with Scheduled Procedure Step ID and Requested Procedure ID, at series level. */
    REQUEST_ATTRIBUTES(
            Tag.RequestAttributesSequence,
            QueryLevel.SERIES,
            "request_attributes_item",
            "ra",
            "series_fk",
            "se.pk",
            "series_pk"),
    /** General Study module (PS3.3 C.7.2.1): the studies this one was ordered under or relates to. */
    REFERENCED_STUDY(
            Tag.ReferencedStudySequence,
            QueryLevel.STUDY,
            "referenced_study_item",
            "rs",
            "study_fk",
            "st.pk",
            "study_pk");

    private final int tag;
    private final QueryLevel level;
    private final String table;
    private final String alias;
    private final String ownerColumn;
    private final String ownerKey;
    private final String ownerLabel;

    ItemSequence(
            int tag,
            QueryLevel level,
            String table,
            String alias,
            String ownerColumn,
            String ownerKey,
            String ownerLabel) {
        this.tag = tag;
        this.level = level;
        this.table = table;
        this.alias = alias;
        this.ownerColumn = ownerColumn;
        this.ownerKey = ownerKey;
        this.ownerLabel = ownerLabel;
    }

    /** The sequence with this tag, or null. */
    public static ItemSequence of(int tag) {
        for (ItemSequence s : values()) {
            if (s.tag == tag) {
                return s;
            }
        }
        return null;
    }

    public int tag() {
        return tag;
    }

    public QueryLevel level() {
        return level;
    }

    /** The alias QuerySql gives the item table. */
    String alias() {
        return alias;
    }

    /** {@code <table> <alias> where <alias>.<owner column> = }: the items of one owner, the owner still to name. */
    String itemsOfOwner() {
        return table + ' ' + alias + " where " + alias + '.' + ownerColumn + " = ";
    }

    /** The owner's primary key in the query's own FROM clause. */
    String ownerKey() {
        return ownerKey;
    }

    /** The label of the owner's pk among a result row's columns (QuerySql). */
    String ownerLabel() {
        return ownerLabel;
    }
}
