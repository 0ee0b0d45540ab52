package org.opendicomweb.qido;

import org.opendicomweb.dicom.VR;

/**
 * An instance-level key matched at series or study level (ours; PS3.18 Table 10.6.1-5 has SOP Instance Status as an
 * instance key only): a series (study) matches when one of its instances does, as extended query tags roll up
 * ({@link ExtendedKey}). Read from the instance rows themselves, so that deletions, replacements and rejections need
 * no roll-up of their own.
 *
 * @param key the instance key
 * @param level the level of the query's results: series or study
 */
public record RollUpKey(MatchingKey key, QueryLevel level) implements QueryKey {

    /** The alias QuerySql gives the instance table in the sub-query. */
    static final String ALIAS = "ri";

    /** The instance keys matched at series and study level this way. */
    static boolean rollsUp(MatchingKey key) {
        return key == MatchingKey.SOP_INSTANCE_STATUS;
    }

    @Override
    public int tag() {
        return key.tag();
    }

    @Override
    public VR vr() {
        return key.vr();
    }

    @Override
    public Matching matching() {
        return key.matching();
    }

    /** The instance column, on the sub-query's alias ({@code i.sop_instance_status} becomes {@code ri.…}). */
    @Override
    public String column() {
        return ALIAS + key.column().substring(key.column().indexOf('.'));
    }
}
