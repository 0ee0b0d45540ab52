package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the keys that live in tables of their own (V5 schema): the items of Request Attributes Sequence and
 * Referenced Study Sequence, and the values of extended query tags. Series and study rows collect the distinct
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

    /** Adds the values of extended query tags, each to the study, series or instance its tag is kept for. */
    static void addExtended(
            Connection c, long studyPk, long seriesPk, long instancePk, List<InstanceKeys.ExtendedValue> values)
            throws SQLException {
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

    /** Removes an instance's own values of {@code tags} (its file was replaced; the new values follow). */
    static void removeInstanceExtended(Connection c, long instancePk, List<ExtendedQueryTag> tags) throws SQLException {
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
