package org.opendicomweb.qido;

import org.opendicomweb.dicom.VR;

/**
 * Something a query can match on, with the column that holds it. Built-in keys have a column of their own
 * ({@link MatchingKey}); sequence item keys a column of an item table ({@link ItemKey}); extended query tags the
 * value column of the key/value table ({@link ExtendedKey}); attributes in items of extended query tags that are
 * sequences the value column of the item values table ({@link ExtendedItemKey}). Only {@link QuerySql} knows how each is reached.
 */
public sealed interface QueryKey permits MatchingKey, ItemKey, ExtendedKey, ExtendedItemKey, RollUpKey {

    int tag();

    VR vr();

    /** The level of the entity that holds the value. */
    QueryLevel level();

    Matching matching();

    /** The column compared, qualified by the alias QuerySql gives its table. */
    String column();
}
