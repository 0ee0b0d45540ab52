package org.opendicomweb.qido;

import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.ExtendedQueryTag;

/**
 * An attribute inside the items of a sequence configured as an extended query tag, as a matching key
 * ({@code ProcedureCodeSequence.CodeValue=...}, PS3.4 C.2.2.2.6): its values are rows of {@code sequence_item_key},
 * normalised like those of extended query tags. An item matches when it satisfies every such key of its sequence;
 * the owner (study, series or instance) when one of its items does.
 *
 * @param sequence the configured sequence
 * @param attribute the item attribute, at the sequence's level
 */
public record ExtendedItemKey(ExtendedKey sequence, ExtendedQueryTag attribute) implements QueryKey {

    /** The aliases QuerySql gives sequence_item and sequence_item_key. */
    static final String ITEM_ALIAS = "si";

    static final String VALUE_ALIAS = "k";

    @Override
    public int tag() {
        return attribute.tag();
    }

    @Override
    public VR vr() {
        return attribute.vr();
    }

    @Override
    public QueryLevel level() {
        return sequence.level();
    }

    @Override
    public Matching matching() {
        return ExtendedKey.matchingOf(attribute.vr());
    }

    @Override
    public String column() {
        return VALUE_ALIAS + ".key_value";
    }

    boolean numeric() {
        return ExtendedKey.isNumeric(attribute.vr());
    }
}
