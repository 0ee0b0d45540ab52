package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes instances into the index: patient, study, series and instance rows, counters and the precomputed
 * metadata, in one transaction per batch of instances. The SQL is explicit because it is on the hot path of every store
 * and because its locking is what keeps counts exact under concurrent uploads:
 *
 * <ol>
 *   <li>rows are found or created parent first; two transactions creating the same row make one fail on the
 *       unique constraint, and that one is retried from the start, so no duplicate rows ever exist;
 *   <li>the study row is locked ({@code FOR UPDATE}) before anything below it changes, so counters and the
 *       ModalitiesInStudy / SOPClassesInStudy lists are updated by one writer at a time per study.
 * </ol>
 */
@ApplicationScoped
public class InstanceIndex {
    private static final int ATTEMPTS = 4;

    private final IndexDatabase database;

    @Inject
    InstanceIndex(IndexDatabase database) {
        this.database = database;
    }

    /** A stored instance as the index knows it: where its bytes are and what they hash to. */
    public record StoredInstance(long pk, String studyInstanceUid, String seriesInstanceUid, String blobKey,
            long blobSize, String sha256) {}

    /** The blob of a new or replacing instance. */
    public record Blob(String key, long size, String sha256, String transferSyntaxUid) {}

    /** Thrown when the series of an instance is already indexed under another study. */
    public static final class SeriesInOtherStudyException extends Exception {
        private final String seriesUid;
        private final String storedStudyUid;

        public SeriesInOtherStudyException(String seriesUid, String storedStudyUid) {
            this("SeriesInstanceUID " + seriesUid + " already belongs to study " + storedStudyUid, seriesUid,
                    storedStudyUid);
        }

        private SeriesInOtherStudyException(String message, String seriesUid, String storedStudyUid) {
            super(message);
            this.seriesUid = seriesUid;
            this.storedStudyUid = storedStudyUid;
        }

        /** A replacement that would move a stored instance to another series: no study is known to conflict. */
        static SeriesInOtherStudyException movingInstance(String seriesUid) {
            return new SeriesInOtherStudyException("SeriesInstanceUID " + seriesUid
                    + " differs from the series of the stored instance", seriesUid, null);
        }

        public String seriesUid() {
            return seriesUid;
        }

        /** The study the series is indexed under; null for {@link #movingInstance}. */
        public String storedStudyUid() {
            return storedStudyUid;
        }
    }

    /** Thrown when the SOP Instance UID was indexed meanwhile by a concurrent store. */
    public static final class AlreadyIndexedException extends Exception {
        public AlreadyIndexedException(String sopUid) {
            super("SOPInstanceUID " + sopUid + " is already indexed");
        }
    }

    public Optional<StoredInstance> find(String sopInstanceUid) throws SQLException {
        return Optional.ofNullable(findAll(List.of(sopInstanceUid)).get(sopInstanceUid));
    }

    /** The stored instances among these SOP Instance UIDs, by UID: one query for a whole STOW batch. */
    public Map<String, StoredInstance> findAll(List<String> sopInstanceUids) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(sopInstanceUids.size(), "?"));
        Map<String, StoredInstance> found = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select i.sop_iuid, i.pk, st.study_iuid, se.series_iuid, i.blob_key, i.blob_size, i.blob_sha256
                          from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                         where i.sop_iuid in (""" + marks + ")")) {
            for (int i = 0; i < sopInstanceUids.size(); i++) {
                ps.setString(i + 1, sopInstanceUids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new StoredInstance(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7)));
                }
            }
        }
        return found;
    }

    /**
     * Indexes a new instance.
     *
     * @throws AlreadyIndexedException when another store indexed the same SOP Instance UID first
     */
    public void insert(InstanceKeys keys, Blob blob, byte[] metadata)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        insertAll(List.of(new NewInstance(keys, blob, metadata)));
    }

    /** One instance to index: its keys, its committed blob and its metadata document. */
    public record NewInstance(InstanceKeys keys, Blob blob, byte[] metadata) {}

    /**
     * Indexes several new instances in one transaction (one commit to wait for instead of one each). Studies
     * are locked in UID order, so two batches never wait on each other in a cycle. The instances of one series
     * share their hierarchy lookups and one update of the series and study counters, which is most of the
     * statements a small instance costs. All or nothing: on any exception the caller can index them one by one to
     * find out which one failed.
     */
    public void insertAll(List<NewInstance> instances)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        Map<List<String>, List<NewInstance>> bySeries = new TreeMap<>(
                Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
        for (NewInstance n : instances) {
            bySeries.computeIfAbsent(List.of(n.keys().studyInstanceUid(), n.keys().seriesInstanceUid()),
                    k -> new ArrayList<>()).add(n);
        }
        inTransaction(c -> {
            rejectIndexed(c, instances);
            for (List<NewInstance> series : bySeries.values()) {
                insertInstances(c, lockHierarchy(c, series.get(0).keys()), series);
            }
            return null;
        });
    }

    /** Throws when any of these SOP Instance UIDs is indexed already: another store was first. */
    private static void rejectIndexed(Connection c, List<NewInstance> instances) throws SQLException, AlreadyIndexedException {
        String marks = String.join(", ", Collections.nCopies(instances.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("select sop_iuid from instance where sop_iuid in (" + marks + ")")) {
            for (int i = 0; i < instances.size(); i++) {
                ps.setString(i + 1, instances.get(i).keys().sopInstanceUid());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new AlreadyIndexedException(rs.getString(1));
                }
            }
        }
    }

    /**
     * Points an indexed instance at a new blob (the duplicate policy "replace"); returns the replaced blob's key,
     * which the caller deletes once this has committed.
     */
    public String replace(InstanceKeys keys, Blob blob, byte[] metadata)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        return inTransaction(c -> {
            Hierarchy h = lockHierarchy(c, keys);
            long seriesPk = h.seriesPk();
            String oldKey;
            long oldSeries;
            long instancePk;
            try (PreparedStatement ps = c.prepareStatement(
                    "select blob_key, series_fk, pk from instance where sop_iuid = ? for update")) {
                ps.setString(1, keys.sopInstanceUid());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        insertInstances(c, h, List.of(new NewInstance(keys, blob, metadata)));
                        return null;
                    }
                    oldKey = rs.getString(1);
                    oldSeries = rs.getLong(2);
                    instancePk = rs.getLong(3);
                }
            }
            if (oldSeries != seriesPk) {
                throw SeriesInOtherStudyException.movingInstance(keys.seriesInstanceUid());
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update instance set sop_class_uid = ?, instance_number = ?, number_of_frames = ?, image_rows = ?,
                           image_columns = ?, bits_allocated = ?, sop_instance_status = ?, transfer_syntax_uid = ?,
                           blob_key = ?, blob_size = ?, blob_sha256 = ?, metadata = ?
                     where sop_iuid = ?""")) {
                int i = 1;
                ps.setString(i++, keys.sopClassUid());
                setInt(ps, i++, keys.instanceNumber());
                setInt(ps, i++, keys.numberOfFrames());
                setInt(ps, i++, keys.rows());
                setInt(ps, i++, keys.columns());
                setInt(ps, i++, keys.bitsAllocated());
                ps.setString(i++, keys.sopInstanceStatus());
                ps.setString(i++, blob.transferSyntaxUid());
                ps.setString(i++, blob.key());
                ps.setLong(i++, blob.size());
                ps.setString(i++, blob.sha256());
                ps.setBytes(i++, metadata);
                ps.setString(i, keys.sopInstanceUid());
                ps.executeUpdate();
            }
            // Series and study keep what the replaced file contributed; the instance's own values are its new ones.
            KeyTables.removeInstanceExtended(c, instancePk, keys.extendedTags());
            KeyTables.addItems(c, h.studyPk(), seriesPk, keys);
            KeyTables.addExtended(c, h.studyPk(), seriesPk, instancePk, keys.extendedValues());
            bumpVersions(c, seriesPk, keys.studyInstanceUid());
            return oldKey;
        });
    }

    // ---- the hierarchy ----

    /** The rows an instance belongs to. */
    /**
     * The rows an instance belongs to, with what the study and series rows held when they were locked, so that the
     * update after the instance rows needs no second read. {@code newSeries}: this transaction created the series.
     */
    private record Hierarchy(long studyPk, long seriesPk, boolean newSeries, String studyModalities, String sopClasses,
                             String demographicsSha, String seriesModalities) {}

    /** Finds or creates patient, study and series, locks the study row. */
    private Hierarchy lockHierarchy(Connection c, InstanceKeys k) throws SQLException, SeriesInOtherStudyException {
        Instant now = Instant.now();
        String patientId = k.patientId();
        String issuer = k.issuerOfPatientId() == null ? "" : k.issuerOfPatientId();
        // Without a Patient ID nothing says two studies are one patient's: each gets its own row.
        Long patientPk = patientId == null ? null
                : findPk(c, "select pk from patient where patient_id = ? and issuer_of_patient_id = ?", patientId, issuer);
        if (patientPk == null) {
            patientPk = insertReturningPk(c, """
                    insert into patient (patient_id, issuer_of_patient_id, patient_name, patient_name_norm,
                                         patient_birth_date, patient_sex, created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    patientId, issuer, k.patientName(), k.patientNameNormalised(), date(k.patientBirthDate()),
                    k.patientSex(), ts(now), ts(now));
        }
        Long studyPk = null;
        String studyModalities = null;
        String sopClasses = null;
        String demographicsSha = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select pk, modalities_in_study, sop_classes_in_study, demographics_sha from study
                 where study_iuid = ? for update""")) {
            ps.setString(1, k.studyInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    studyPk = rs.getLong(1);
                    studyModalities = rs.getString(2);
                    sopClasses = rs.getString(3);
                    demographicsSha = rs.getString(4);
                }
            }
        }
        if (studyPk == null) {
            studyPk = insertReturningPk(c, """
                    insert into study (patient_fk, study_iuid, study_date, study_time, timezone_offset,
                                       accession_number, study_id, referring_physician_name,
                                       referring_physician_name_norm, study_description, study_datetime_utc,
                                       created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    patientPk, k.studyInstanceUid(), date(k.studyDate()), k.studyTime(), k.timezoneOffsetFromUtc(),
                    k.accessionNumber(), k.studyId(), k.referringPhysicianName(),
                    k.referringPhysicianNameNormalised(), k.studyDescription(), k.studyDateTimeUtc(), ts(now), ts(now));
            // Lock the new row too: the same lock order (study first) for every writer of this study.
            findPk(c, "select pk from study where pk = ? for update", studyPk);
        }
        Long seriesPk = null;
        String seriesModalities = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select se.pk, st.study_iuid, se.modalities from series se join study st on st.pk = se.study_fk
                 where se.series_iuid = ?""")) {
            ps.setString(1, k.seriesInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getString(2).equals(k.studyInstanceUid())) {
                        throw new SeriesInOtherStudyException(k.seriesInstanceUid(), rs.getString(2));
                    }
                    seriesPk = rs.getLong(1);
                    seriesModalities = rs.getString(3);
                }
            }
        }
        boolean newSeries = seriesPk == null;
        if (newSeries) {
            // Counted in the study's num_series by the update that follows the instance rows.
            seriesPk = insertReturningPk(c, """
                    insert into series (study_fk, series_iuid, modality, series_number, series_description,
                                        pps_start_date, pps_start_time, pps_datetime_utc, created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    studyPk, k.seriesInstanceUid(), k.modality(), k.seriesNumber(), k.seriesDescription(),
                    date(k.ppsStartDate()), k.ppsStartTime(), k.ppsDateTimeUtc(), ts(now), ts(now));
        }
        return new Hierarchy(studyPk, seriesPk, newSeries, studyModalities, sopClasses, demographicsSha, seriesModalities);
    }

    /**
     * Inserts the rows of instances of one series (under the locked study of {@code h}), then updates the series and
     * study once for all of them: counters, versions, modality and SOP class lists, demographic variants.
     */
    private void insertInstances(Connection c, Hierarchy h, List<NewInstance> instances) throws SQLException {
        long seriesPk = h.seriesPk();
        for (NewInstance n : instances) {
            long instancePk = insertInstanceRow(c, seriesPk, n.keys(), n.blob(), n.metadata());
            KeyTables.addItems(c, h.studyPk(), seriesPk, n.keys());
            KeyTables.addExtended(c, h.studyPk(), seriesPk, instancePk, n.keys().extendedValues());
        }
        // The study row is locked by this transaction, and every writer below it locks it first: what lockHierarchy
        // read of the study and series lists is still what they hold.
        long studyPk = h.studyPk();
        String modalities = h.studyModalities();
        String sopClasses = h.sopClasses();
        String demographicsSha = h.demographicsSha();
        String seriesModalities = h.seriesModalities();
        int newVariants = 0;
        for (NewInstance n : instances) {
            InstanceKeys k = n.keys();
            seriesModalities = MultiValuedKey.add(seriesModalities, k.modality());
            modalities = MultiValuedKey.add(modalities, k.modality());
            sopClasses = MultiValuedKey.add(sopClasses, k.sopClassUid());
            String variant = Demographics.digest(k);
            if (demographicsSha == null) {
                // The first instance (or the first since this was recorded) sets the study's reference variant.
                insertVariant(c, studyPk, variant, k, 0);
                demographicsSha = variant;
                newVariants++;
            } else if (!demographicsSha.equals(variant)) {
                newVariants += countVariant(c, studyPk, variant, k);
            }
        }
        OffsetDateTime now = ts(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("""
                update series set num_instances = num_instances + ?, version = version + 1, updated = ?,
                       modalities = ?, num_modalities = ?
                 where pk = ?""")) {
            ps.setInt(1, instances.size());
            ps.setObject(2, now);
            ps.setString(3, seriesModalities);
            ps.setInt(4, MultiValuedKey.count(seriesModalities));
            ps.setLong(5, seriesPk);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update study set num_instances = num_instances + ?, num_series = num_series + ?, version = version + 1,
                       updated = ?, modalities_in_study = ?, sop_classes_in_study = ?, demographics_sha = ?,
                       num_demographic_variants = num_demographic_variants + ?
                 where pk = ?""")) {
            ps.setInt(1, instances.size());
            ps.setInt(2, h.newSeries() ? 1 : 0);
            ps.setObject(3, now);
            ps.setString(4, modalities);
            ps.setString(5, sopClasses);
            ps.setString(6, demographicsSha);
            ps.setInt(7, newVariants);
            ps.setLong(8, studyPk);
            ps.executeUpdate();
        }
    }

    private static long insertInstanceRow(Connection c, long seriesPk, InstanceKeys k, Blob blob, byte[] metadata)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into instance (series_fk, sop_iuid, sop_class_uid, instance_number, number_of_frames,
                                      image_rows, image_columns, bits_allocated, sop_instance_status,
                                      transfer_syntax_uid, blob_key, blob_size, blob_sha256, metadata, created)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"pk"})) {
            int i = 1;
            ps.setLong(i++, seriesPk);
            ps.setString(i++, k.sopInstanceUid());
            ps.setString(i++, k.sopClassUid());
            setInt(ps, i++, k.instanceNumber());
            setInt(ps, i++, k.numberOfFrames());
            setInt(ps, i++, k.rows());
            setInt(ps, i++, k.columns());
            setInt(ps, i++, k.bitsAllocated());
            ps.setString(i++, k.sopInstanceStatus());
            ps.setString(i++, blob.transferSyntaxUid());
            ps.setString(i++, blob.key());
            ps.setLong(i++, blob.size());
            ps.setString(i++, blob.sha256());
            ps.setBytes(i++, metadata);
            ps.setObject(i, ts(Instant.now()));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * An instance whose demographics differ from its study's first: counted in its variant's row, which is
     * created when new. Returns 1 when a variant was created.
     */
    private static int countVariant(Connection c, long studyPk, String variant, InstanceKeys k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update study_demographics set num_instances = num_instances + 1, last_seen = ?
                 where study_fk = ? and variant_sha = ?""")) {
            ps.setObject(1, ts(Instant.now()));
            ps.setLong(2, studyPk);
            ps.setString(3, variant);
            if (ps.executeUpdate() > 0) {
                return 0;
            }
        }
        insertVariant(c, studyPk, variant, k, 1);
        return 1;
    }

    private static void insertVariant(Connection c, long studyPk, String variant, InstanceKeys k, int instances)
            throws SQLException {
        OffsetDateTime now = ts(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("""
                insert into study_demographics (study_fk, variant_sha, patient_id, issuer_of_patient_id, patient_name,
                                                patient_birth_date, first_sop_iuid, num_instances, first_seen, last_seen)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            bind(ps, studyPk, variant, k.patientId(), k.issuerOfPatientId(), k.patientName(), k.patientBirthDate(),
                    k.sopInstanceUid(), instances, now, now);
            ps.executeUpdate();
        }
    }

    /**
     * Records an instance refused because its series is indexed under another study (0xC40A), for the integrity
     * report: one row per series and refused study, counting refusals. Its own transaction, since the
     * instance's own was rolled back.
     */
    public void recordSeriesConflict(SeriesInOtherStudyException conflict, String refusedStudyUid, String sopInstanceUid)
            throws SQLException {
        if (conflict.storedStudyUid() == null) {
            return;
        }
        try {
            inTransaction(c -> {
                OffsetDateTime now = ts(Instant.now());
                try (PreparedStatement ps = c.prepareStatement("""
                        update series_conflict set refusals = refusals + 1, last_refused = ?, last_sop_iuid = ?,
                               stored_study_iuid = ?
                         where series_iuid = ? and refused_study_iuid = ?""")) {
                    bind(ps, now, sopInstanceUid, conflict.storedStudyUid(), conflict.seriesUid(), refusedStudyUid);
                    if (ps.executeUpdate() > 0) {
                        return null;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into series_conflict (series_iuid, stored_study_iuid, refused_study_iuid, last_sop_iuid,
                                                     refusals, first_refused, last_refused)
                        values (?, ?, ?, ?, 1, ?, ?)""")) {
                    bind(ps, conflict.seriesUid(), conflict.storedStudyUid(), refusedStudyUid, sopInstanceUid, now, now);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SeriesInOtherStudyException | AlreadyIndexedException e) {
            throw new IllegalStateException("not thrown by this work", e);
        }
    }

    private void bumpVersions(Connection c, long seriesPk, String studyUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update series set version = version + 1 where pk = ?")) {
            ps.setLong(1, seriesPk);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("update study set version = version + 1 where study_iuid = ?")) {
            ps.setString(1, studyUid);
            ps.executeUpdate();
        }
    }

    // ---- JDBC plumbing ----

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException;
    }

    /** Runs {@code work} in one transaction, retrying it when a concurrent writer created the same row first. */
    private <T> T inTransaction(Work<T> work) throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    c.rollback();
                    if (!isRetryable(e)) {
                        throw e;
                    }
                    last = e;
                } catch (RuntimeException | SeriesInOtherStudyException | AlreadyIndexedException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
        throw last;
    }

    /** Unique violation (23505 on both databases), deadlock (40P01) or serialization failure (40001). */
    private static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ("23505".equals(state) || "40P01".equals(state) || "40001".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Long findPk(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insertReturningPk(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"pk"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL); // untyped: the column decides (integer, varchar, char)
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (p instanceof OffsetDateTime t) {
                ps.setObject(i + 1, t);
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** As java.time, not java.sql.Timestamp: the driver writes it without a Calendar and time zone lookups. */
    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** DA columns hold exactly YYYYMMDD; anything else (a malformed or ACR-NEMA style date) is not matchable. */
    private static String date(String value) {
        return value != null && value.length() == 8 && value.chars().allMatch(Character::isDigit) ? value : null;
    }
}
