package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the scrub reads and writes in the index: every stored object with the checksum it must have, in primary key
 * order a page at a time; the CRC-32C of an object known before only by its SHA-256; and the findings of objects
 * that are missing or hold other bytes (table {@code blob_finding}, read by {@link IntegrityFindings}).
 *
 * <p>A finding is recorded, and a checksum filled, only while the instance still points at the object that was
 * read: an instance deleted or replaced while the scrub ran is not reported for the object it no longer has.
 */
@ApplicationScoped
public class StoredObjects {
    /** What a scrub finds wrong with a stored object. */
    public enum Problem {
        /** The object is gone. */
        MISSING,
        /** The object holds other bytes: another size or checksum than stored. */
        MISMATCH
    }

    /** A stored object: its instance, key, size and checksums ({@code crc32c} null for an object stored before it). */
    public record StoredObject(
            long pk,
            String studyInstanceUid,
            String seriesInstanceUid,
            String sopInstanceUid,
            String blobKey,
            long size,
            Long crc32c,
            String sha256) {}

    private final Sql sql;

    @Inject
    StoredObjects(Sql sql) {
        this.sql = sql;
    }

    /** How many objects the index holds. */
    public long count() throws SQLException {
        return sql.query("select count(*) from instance", List.of(), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** Up to {@code limit} objects of instances with a primary key above {@code afterPk}, in that order. */
    public List<StoredObject> page(long afterPk, int limit) throws SQLException {
        return sql.query("""
                select i.pk, st.study_iuid, se.series_iuid, i.sop_iuid, i.blob_key, i.blob_size, i.blob_crc32c,
                       i.blob_sha256
                  from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                 where i.pk > ? order by i.pk fetch first ? rows only""", List.of(afterPk, limit), rs -> {
            List<StoredObject> page = new ArrayList<>();
            while (rs.next()) {
                page.add(new StoredObject(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getObject(7) == null ? null : rs.getLong(7),
                        rs.getString(8)));
            }
            return page;
        });
    }

    /** The instances from {@code fromPk} to {@code toPk} that have a finding. */
    public Set<Long> withFindings(long fromPk, long toPk) throws SQLException {
        return sql.query(
                "select instance_pk from blob_finding where instance_pk between ? and ?", List.of(fromPk, toPk), rs -> {
                    Set<Long> pks = new HashSet<>();
                    while (rs.next()) {
                        pks.add(rs.getLong(1));
                    }
                    return pks;
                });
    }

    /**
     * Keeps the CRC-32C of an object stored before the index kept one, now that its bytes matched their SHA-256;
     * the SHA-256 goes, the CRC-32C being the one checksum from now on.
     */
    public void fillCrc32c(StoredObject o, long crc32c) throws SQLException {
        sql.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update instance set blob_crc32c = ?, blob_sha256 = null
                     where pk = ? and blob_key = ? and blob_crc32c is null""")) {
                Sql.bind(ps, crc32c, o.pk(), o.blobKey());
                return ps.executeUpdate();
            }
        });
    }

    /** Records (or renews) the finding of an object, if its instance still has it. */
    public void record(StoredObject o, Problem problem, String detail) throws SQLException {
        sql.inTransaction(c -> {
            var now = Sql.timestamp(Instant.now());
            boolean current;
            try (PreparedStatement ps = Sql.prepare(
                    c, "select 1 from instance where pk = ? and blob_key = ?", List.of(o.pk(), o.blobKey()))) {
                current = ps.executeQuery().next();
            }
            if (!current) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update blob_finding set blob_key = ?, problem = ?, detail = ?, last_found = ?
                     where instance_pk = ?""")) {
                Sql.bind(ps, o.blobKey(), problem.name(), detail, now, o.pk());
                if (ps.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into blob_finding (instance_pk, sop_iuid, series_iuid, study_iuid, blob_key, problem, detail,
                                              first_found, last_found)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                Sql.bind(
                        ps,
                        o.pk(),
                        o.sopInstanceUid(),
                        o.seriesInstanceUid(),
                        o.studyInstanceUid(),
                        o.blobKey(),
                        problem.name(),
                        detail,
                        now,
                        now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes the finding of an object that a scrub found intact. */
    public void clear(long instancePk) throws SQLException {
        sql.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from blob_finding where instance_pk = ?")) {
                ps.setLong(1, instancePk);
                return ps.executeUpdate();
            }
        });
    }
}
