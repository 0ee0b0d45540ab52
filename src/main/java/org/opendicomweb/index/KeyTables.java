package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the keys that live in tables of their own (V5 and V14 schema): the items of Request Attributes Sequence
 * and Referenced Study Sequence, the values of extended query tags and the items of those that are sequences. Series and study rows collect the distinct
 * items and values of all their instances, so every write first checks whether the row has them already;
 * that also makes writing the same instance twice (a reindex) change nothing.
 *
 * <p>Callers hold the study row lock (InstanceWriter, InstanceReplacement) or accept a rare duplicate row (Reindexer, which runs
 * beside stores): a duplicate changes no match, since matching asks whether some row exists.
 */
final class KeyTables {

    private KeyTables() {}

    /** Adds the instance's sequence items to its series and study. */
    static void addItems(Connection c, long studyPk, long seriesPk, InstanceKeys keys) throws SQLException {
        if (!keys.requestAttributes().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into request_attributes_item (series_fk, requested_procedure_id, scheduled_procedure_step_id,
                           accession_number, study_iuid, requested_procedure_description,
                           scheduled_procedure_step_description)
                    select ?, ?, ?, ?, ?, ?, ? where not exists (
                           select 1 from request_attributes_item
                            where series_fk = ? and requested_procedure_id = ? and scheduled_procedure_step_id = ?
                              and accession_number = ? and study_iuid = ? and requested_procedure_description = ?
                              and scheduled_procedure_step_description = ?)""")) {
                for (RequestAttributesItem item : keys.requestAttributes()) {
                    List<String> values = List.of(
                            item.requestedProcedureId(),
                            item.scheduledProcedureStepId(),
                            item.accessionNumber(),
                            item.studyInstanceUid(),
                            item.requestedProcedureDescription(),
                            item.scheduledProcedureStepDescription());
                    bindTwice(ps, seriesPk, values);
                    ps.executeUpdate();
                }
            }
        }
        if (!keys.referencedStudies().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into referenced_study_item (study_fk, referenced_sop_class_uid, referenced_sop_instance_uid)
                    select ?, ?, ? where not exists (
                           select 1 from referenced_study_item
                            where study_fk = ? and referenced_sop_class_uid = ? and referenced_sop_instance_uid = ?)""")) {
                for (ReferencedStudyItem item : keys.referencedStudies()) {
                    bindTwice(ps, studyPk, List.of(item.referencedSopClassUid(), item.referencedSopInstanceUid()));
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * Adds the values and sequence items of extended query tags, each to the study, series or instance its tag is
     * kept for.
     */
    static void addExtended(Connection c, long studyPk, long seriesPk, long instancePk, InstanceKeys keys)
            throws SQLException {
        addSequenceItems(c, studyPk, seriesPk, instancePk, keys.sequenceItems());
        List<InstanceKeys.ExtendedValue> values = keys.extendedValues();
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into extended_key (owner_level, owner_pk, tag, key_value)
                select ?, ?, ?, ? where not exists (
                       select 1 from extended_key
                        where tag = ? and owner_pk = ? and key_value = ? and owner_level = ?)""")) {
            for (InstanceKeys.ExtendedValue v : values) {
                IndexLevel level = v.tag().level();
                long owner = switch (level) {
                    case STUDY -> studyPk;
                    case SERIES -> seriesPk;
                    case INSTANCE -> instancePk;
                };
                ps.setString(1, level.name());
                ps.setLong(2, owner);
                ps.setInt(3, v.tag().tag());
                ps.setString(4, v.value());
                ps.setInt(5, v.tag().tag());
                ps.setLong(6, owner);
                ps.setString(7, v.value());
                ps.setString(8, level.name());
                ps.executeUpdate();
            }
        }
    }

    /**
     * Adds items of sequences configured as extended query tags that their owner does not have yet; the item number
     * continues the owner's. The item's values are written only with the item, so a second write changes nothing.
     */
    private static void addSequenceItems(
            Connection c, long studyPk, long seriesPk, long instancePk, List<SequenceItem> items) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement item = c.prepareStatement("""
                        insert into sequence_item (owner_level, owner_pk, sequence_tag, item_no, item_sha, item)
                        select ?, ?, ?, coalesce((select max(n.item_no) from sequence_item n
                                                   where n.sequence_tag = ? and n.owner_pk = ? and n.owner_level = ?), 0) + 1,
                               ?, ?
                         where not exists (select 1 from sequence_item d
                                            where d.sequence_tag = ? and d.owner_pk = ? and d.item_sha = ?
                                              and d.owner_level = ?)""");
                PreparedStatement value = c.prepareStatement("""
                        insert into sequence_item_key (item_fk, tag, key_value)
                        select si.pk, ?, ? from sequence_item si
                         where si.sequence_tag = ? and si.owner_pk = ? and si.item_sha = ? and si.owner_level = ?""")) {
            for (SequenceItem i : items) {
                IndexLevel level = i.sequence().level();
                long owner = owner(level, studyPk, seriesPk, instancePk);
                int tag = i.sequence().tag();
                Sql.bind(item, level.name(), owner, tag, tag, owner, level.name(), i.sha(), i.json());
                item.setInt(9, tag);
                item.setLong(10, owner);
                item.setString(11, i.sha());
                item.setString(12, level.name());
                if (item.executeUpdate() == 0) {
                    continue; // the owner has this item already, with its values
                }
                for (SequenceItem.Value v : i.values()) {
                    Sql.bind(value, v.tag(), v.value(), tag, owner, i.sha(), level.name());
                    value.addBatch();
                }
                if (!i.values().isEmpty()) {
                    value.executeBatch();
                }
            }
        }
    }

    private static long owner(IndexLevel level, long studyPk, long seriesPk, long instancePk) {
        return switch (level) {
            case STUDY -> studyPk;
            case SERIES -> seriesPk;
            case INSTANCE -> instancePk;
        };
    }

    /** Removes the sequence items (and their values) of the given owners of one level. */
    static void removeSequenceItems(Connection c, IndexLevel level, List<Long> ownerPks) throws SQLException {
        if (ownerPks.isEmpty()) {
            return;
        }
        String owners = "owner_level = '" + level.name() + "' and owner_pk in (" + Sql.marks(ownerPks.size()) + ")";
        StudyAggregates.deleteWhere(
                c,
                "delete from sequence_item_key where item_fk in (select pk from sequence_item where " + owners + ")",
                ownerPks.toArray());
        StudyAggregates.deleteWhere(c, "delete from sequence_item where " + owners, ownerPks.toArray());
    }

    /** Removes an instance's own values of {@code tags} (its file was replaced; the new values follow). */
    static void removeInstanceExtended(Connection c, long instancePk, List<ExtendedQueryTag> tags) throws SQLException {
        if (tags.stream().anyMatch(t -> t.isSequence() && t.level() == IndexLevel.INSTANCE)) {
            removeSequenceItems(c, IndexLevel.INSTANCE, List.of(instancePk));
        }
        try (PreparedStatement ps =
                c.prepareStatement("delete from extended_key where tag = ? and owner_pk = ? and owner_level = ?")) {
            for (ExtendedQueryTag t : tags) {
                if (t.level() == IndexLevel.INSTANCE) {
                    ps.setInt(1, t.tag());
                    ps.setLong(2, instancePk);
                    ps.setString(3, IndexLevel.INSTANCE.name());
                    ps.executeUpdate();
                }
            }
        }
    }

    private static void bindTwice(PreparedStatement ps, long owner, List<String> values) throws SQLException {
        int i = 1;
        ps.setLong(i++, owner);
        for (String v : values) {
            ps.setString(i++, v);
        }
        ps.setLong(i++, owner);
        for (String v : values) {
            ps.setString(i++, v);
        }
    }
}
