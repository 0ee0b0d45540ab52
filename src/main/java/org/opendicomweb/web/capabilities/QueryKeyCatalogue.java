package org.opendicomweb.web.capabilities;

import java.util.List;

/**
 * The matching keys of the search transaction as the running server has them (built-in keys, sequence item keys and
 * the configured extended query tags), for the Capabilities Description. The search package provides it: this
 * package describes resources, it does not know how they match.
 */
public interface QueryKeyCatalogue {

    /**
     * A matching key.
     *
     * @param key the parameter name: a keyword ({@code PatientName}) or a path into sequence items
     *     ({@code RequestAttributesSequence.RequestedProcedureID}; {@code ProcedureCodeSequence.{attribute}} for any
     *     attribute of a configured sequence's items)
     * @param tag the tag as 8 hex digits, or the path of tags joined by '.'
     * @param vr the value representation ("SQ" for a configured sequence's items as a whole)
     * @param level the level of the entity that holds the value: study, series or instance
     * @param queryLevels the search levels at which the key is matched
     * @param matching the kinds of matching (PS3.4 C.2.2.2): single-value, uid-list, value-list, wildcard, range,
     *     sequence, fuzzy, universal
     * @param kind built-in, sequence-item, extended or extended-sequence-item
     */
    record Key(
            String key,
            String tag,
            String vr,
            String level,
            List<String> queryLevels,
            List<String> matching,
            String kind) {}

    /**
     * A configured extended query tag ({@code dicomweb.qido.extended-tags}).
     *
     * @param indexed false while the background reindexing has not yet covered the instances stored before it was
     *     configured
     */
    record ExtendedQueryTag(String keyword, String tag, String vr, String level, boolean indexed) {}

    List<Key> keys();

    List<ExtendedQueryTag> extendedQueryTags();
}
