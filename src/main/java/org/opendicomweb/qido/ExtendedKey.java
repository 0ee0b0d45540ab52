package org.opendicomweb.qido;

import org.opendicomweb.dicom.VR;
import org.opendicomweb.index.ExtendedQueryTag;

/**
 * An extended query tag as a matching key: its values are rows of the {@code extended_key} table, normalised
 * like stored values ({@link ExtendedQueryTag#normalise}); an entity matches when one of its rows does.
 */
public record ExtendedKey(ExtendedQueryTag definition) implements QueryKey {

    /** The alias QuerySql gives extended_key in the sub-query of each condition. */
    static final String ALIAS = "x";

    @Override
    public int tag() {
        return definition.tag();
    }

    @Override
    public VR vr() {
        return definition.vr();
    }

    @Override
    public QueryLevel level() {
        return switch (definition.level()) {
            case STUDY -> QueryLevel.STUDY;
            case SERIES -> QueryLevel.SERIES;
            case INSTANCE -> QueryLevel.INSTANCE;
        };
    }

    /** Numbers compare as their canonical text; binary VRs are refused at start-up. */
    @Override
    public Matching matching() {
        return matchingOf(definition.vr());
    }

    /** How a value of VR {@code vr} kept normalised ({@link ExtendedQueryTag#normalise}) is matched. */
    static Matching matchingOf(VR vr) {
        return switch (vr) {
            case PN -> Matching.NAME;
            case UI -> Matching.UID;
            case DA -> Matching.DATE;
            case TM -> Matching.TIME;
            case DT -> Matching.DATE_TIME;
            default -> Matching.TEXT;
        };
    }

    @Override
    public String column() {
        return ALIAS + ".key_value";
    }

    /** Whether this is a sequence, matched by the attributes of its items ({@link ExtendedItemKey}). */
    boolean isSequence() {
        return definition.isSequence();
    }

    /** Whether values are numbers, which a query gives in any form and the index keeps in canonical form. */
    boolean numeric() {
        return isNumeric(definition.vr());
    }

    static boolean isNumeric(VR vr) {
        return switch (vr) {
            case IS, SS, US, SL, UL, SV, UV, DS, FL, FD -> true;
            default -> false;
        };
    }
}
