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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Writes instances into the index: patient, study, series and instance rows, counters and the precomputed
 * metadata, in one transaction per batch of instances. The SQL is explicit because it is on the hot path of every store
 * and because its locking is what keeps counts exact under concurrent uploads:
 *
 * <ol>
 *   <li>rows are found or created parent first, with {@code INSERT ... ON CONFLICT DO NOTHING}: of two
 *       transactions creating the same row, the second waits for the first and then finds its row, so no
 *       duplicate rows ever exist and neither transaction is rolled back (an upload split into concurrent
 *       requests creates its study in every one of them); a deadlock or unique violation left over is retried
 *       from the start;
 *   <li>the study row is locked ({@code FOR UPDATE}) before anything below it changes, so counters and the
 *       ModalitiesInStudy / SOPClassesInStudy lists are updated by one writer at a time per study.
 * </ol>
 */
@ApplicationScoped
public class InstanceIndex {
    private static final Logger LOG = Logger.getLogger(InstanceIndex.class);
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
        Map<String, StoredInstance> found = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select i.sop_iuid, i.pk, st.study_iuid, se.series_iuid, i.blob_key, i.blob_size, i.blob_sha256
                          from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk
                         where i.sop_iuid in (""" + marks(sopInstanceUids.size()) + ")")) {
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
     * statements a small instance costs; a study that is new is inserted with its final counters, together with
     * its series, and needs no lookups or updates at all. All or nothing: on any exception the caller can index them one by one to
     * find out which one failed.
     */
    public void insertAll(List<NewInstance> instances)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        Map<String, Map<String, List<NewInstance>>> byStudy = new TreeMap<>();
        for (NewInstance n : instances) {
            byStudy.computeIfAbsent(n.keys().studyInstanceUid(), k -> new TreeMap<>())
                    .computeIfAbsent(n.keys().seriesInstanceUid(), k -> new ArrayList<>()).add(n);
        }
        List<Long> newPatients = new ArrayList<>();
        try {
            Indexed indexed = createPatients(instances, newPatients);
            inTransaction(c -> {
                rejectIndexed(c, instances);
                for (Map.Entry<String, Map<String, List<NewInstance>>> study : byStudy.entrySet()) {
                    if (indexed.studies().contains(study.getKey()) || !insertNewStudy(c, study.getValue(), indexed.patients())) {
                        for (List<NewInstance> series : study.getValue().values()) {
                            insertInstances(c, lockHierarchy(c, series.get(0).keys(), indexed.patients()), series);
                        }
                    }
                }
                return null;
            });
        } catch (SQLException | SeriesInOtherStudyException | AlreadyIndexedException | RuntimeException e) {
            dropUnusedPatients(newPatients);
            throw e;
        }
    }

    /**
     * What {@link #createPatients} found indexed before the batch's transaction: the batch's patients by Patient ID
     * and issuer, and which of its studies exist. The studies are a hint: one created meanwhile by a concurrent
     * writer makes the new-study insert find it taken.
     */
    private record Indexed(Map<List<String>, Long> patients, Set<String> studies) {}

    /**
     * Creates the patients of the batch's new studies that are not indexed yet, each in a short transaction of
     * its own, before the batch's transaction. A patient row created inside that transaction would be locked
     * until its commit, and every concurrent batch with another study of the same patient would wait for all of
     * it (measured: an eighth of the request time of an upload of small studies). Returns the batch's patients that are
     * indexed now, by Patient ID and issuer, and adds those it created to {@code created}, which the caller
     * drops if the batch then fails.
     */
    private Indexed createPatients(List<NewInstance> instances, List<Long> created) throws SQLException {
        // Each insert commits at once and holds no lock for long: no order is needed to keep batches from deadlocking.
        Map<List<String>, InstanceKeys> wanted = new LinkedHashMap<>();
        for (NewInstance n : instances) {
            InstanceKeys k = n.keys();
            if (k.patientId() != null) {
                wanted.putIfAbsent(List.of(k.patientId(), issuerOf(k)), k);
            }
        }
        Map<List<String>, Long> patients = new HashMap<>();
        Set<String> indexedStudies = new HashSet<>();
        try (Connection c = database.dataSource().getConnection()) {
            List<String> studies = instances.stream().map(n -> n.keys().studyInstanceUid()).distinct().toList();
            try (PreparedStatement ps = c.prepareStatement("select study_iuid from study where study_iuid in ("
                    + marks(studies.size()) + ")")) {
                bind(ps, studies.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        indexedStudies.add(rs.getString(1));
                    }
                }
            }
            if (wanted.isEmpty()) {
                return new Indexed(patients, indexedStudies);
            }
            List<String> ids = wanted.keySet().stream().map(key -> key.get(0)).distinct().toList();
            try (PreparedStatement ps = c.prepareStatement("select patient_id, issuer_of_patient_id, pk from patient"
                    + " where patient_id in (" + marks(ids.size()) + ")")) {
                bind(ps, ids.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        patients.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            // A study indexed already keeps the patient it has, even when this instance names another one.
            for (Map.Entry<List<String>, InstanceKeys> e : wanted.entrySet()) {
                InstanceKeys k = e.getValue();
                if (!patients.containsKey(e.getKey()) && !indexedStudies.contains(k.studyInstanceUid())) {
                    Long pk = insertPatient(c, k, Instant.now());
                    if (pk != null) {
                        created.add(pk);
                        patients.put(e.getKey(), pk);
                    }
                }
            }
        }
        return new Indexed(patients, indexedStudies);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * Deletes patient rows that no study points at. A concurrent batch that has just taken one of them for its
     * new study keeps it: the foreign key refuses the delete, which then changes nothing.
     */
    private void dropUnusedPatients(List<Long> patientPks) {
        if (patientPks.isEmpty()) {
            return;
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        delete from patient where pk = ? and not exists (select 1 from study where patient_fk = ?)""")) {
            for (long pk : patientPks) {
                ps.setLong(1, pk);
                ps.setLong(2, pk);
                try {
                    ps.executeUpdate();
                } catch (SQLException taken) {
                    // Now a patient of a concurrently created study.
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Could not remove the patient rows %s left without a study: %s", patientPks, e.getMessage());
        }
    }

    /** Throws when any of these SOP Instance UIDs is indexed already: another store was first. */
    private static void rejectIndexed(Connection c, List<NewInstance> instances) throws SQLException, AlreadyIndexedException {
        try (PreparedStatement ps = c.prepareStatement("select sop_iuid from instance where sop_iuid in ("
                + marks(instances.size()) + ")")) {
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
            Hierarchy h = lockHierarchy(c, keys, Map.of());
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

    /**
     * The rows an instance belongs to, with what the study and series rows held when they were locked, so that the
     * update after the instance rows needs no second read. {@code newSeries}: this transaction created the series.
     */
    private record Hierarchy(long studyPk, long seriesPk, boolean newSeries, String studyModalities, String sopClasses,
                             String demographicsSha, String seriesModalities) {}

    /**
     * Finds or creates study and series, locks the study row. The patient is looked up or created only for a new
     * study: an existing study keeps its patient, and no patient row is made that no study points at.
     */
    private Hierarchy lockHierarchy(Connection c, InstanceKeys k, Map<List<String>, Long> patients)
            throws SQLException, SeriesInOtherStudyException {
        Instant now = Instant.now();
        StudyRow study = lockStudy(c, k.studyInstanceUid());
        if (study == null) {
            long patientPk = patientOf(c, k, patients, now);
            Long created = insertUnlessPresent(c, """
                    insert into study (patient_fk, study_iuid, study_date, study_date_stored, study_time,
                                       timezone_offset, accession_number, study_id, referring_physician_name,
                                       referring_physician_name_norm, study_description, study_datetime_utc,
                                       created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    patientPk, k.studyInstanceUid(), date(k.studyDate()), unparsedDate(k.studyDate()), k.studyTime(),
                    k.timezoneOffsetFromUtc(), k.accessionNumber(), k.studyId(), k.referringPhysicianName(),
                    k.referringPhysicianNameNormalised(), k.studyDescription(), k.studyDateTimeUtc(), ts(now), ts(now));
            if (created == null && k.patientId() == null) {
                // The concurrent writer's study has a patient row of its own; this one would belong to no study.
                deletePatient(c, patientPk);
            }
            // A row this transaction created is its own until the commit (no other writer sees it, and another's
            // insert of it waits); one a concurrent writer created is locked like any other.
            study = created != null ? new StudyRow(created, null, null, null, true) : lockStudy(c, k.studyInstanceUid());
            if (study == null) {
                throw new SQLException("study " + k.studyInstanceUid() + " vanished while it was being created", "40001");
            }
        }
        // A study created here has no series yet; one of its series indexed elsewhere makes the insert below find it.
        SeriesRow series = study.createdHere() ? null : findSeries(c, k);
        boolean newSeries = false;
        if (series == null) {
            // Counted in the study's num_series by the update that follows the instance rows.
            Long pk = insertUnlessPresent(c, """
                    insert into series (study_fk, series_iuid, modality, series_number, series_description,
                                        pps_start_date, pps_start_date_stored, pps_start_time, pps_datetime_utc,
                                        created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    study.pk(), k.seriesInstanceUid(), k.modality(), k.seriesNumber(), k.seriesDescription(),
                    date(k.ppsStartDate()), unparsedDate(k.ppsStartDate()), k.ppsStartTime(), k.ppsDateTimeUtc(), ts(now), ts(now));
            // Taken meanwhile: only a writer of another study could (this one's are held off by its lock), which
            // findSeries reports as the series reused across studies.
            series = pk != null ? new SeriesRow(pk, null) : findSeries(c, k);
            if (series == null) {
                throw new SQLException("series " + k.seriesInstanceUid() + " vanished while it was being created", "40001");
            }
            newSeries = pk != null;
        }
        return new Hierarchy(study.pk(), series.pk(), newSeries, study.modalities(), study.sopClasses(),
                study.demographicsSha(), series.modalities());
    }

    /**
     * Creates a study the batch brings that was not indexed, with all its series and instances, inserting the
     * study and series rows with their final counters and lists so that none is updated afterwards: three
     * statements fewer per new study than indexing it series by series. Returns false, having changed nothing,
     * when a concurrent writer created the study first; the caller then indexes it like an existing one.
     */
    private static boolean insertNewStudy(Connection c, Map<String, List<NewInstance>> seriesOfStudy,
            Map<List<String>, Long> patients) throws SQLException, SeriesInOtherStudyException {
        List<NewInstance> all = seriesOfStudy.values().stream().flatMap(List::stream).toList();
        InstanceKeys k = all.get(0).keys();
        String modalities = null;
        String sopClasses = null;
        // Demographic variants as insertInstances counts them: the first instance's is the study's reference
        // (counted 0), every other variant counts its instances.
        String reference = Demographics.digest(k);
        Map<String, NewInstance> firstOfVariant = new LinkedHashMap<>();
        Map<String, Integer> variantCounts = new HashMap<>();
        for (NewInstance n : all) {
            modalities = MultiValuedKey.add(modalities, n.keys().modality());
            sopClasses = MultiValuedKey.add(sopClasses, n.keys().sopClassUid());
            String variant = Demographics.digest(n.keys());
            firstOfVariant.putIfAbsent(variant, n);
            variantCounts.merge(variant, variant.equals(reference) ? 0 : 1, Integer::sum);
        }
        Instant now = Instant.now();
        long patientPk = patientOf(c, k, patients, now);
        Long studyPk = insertUnlessPresent(c, """
                insert into study (patient_fk, study_iuid, study_date, study_date_stored, study_time,
                                   timezone_offset, accession_number, study_id, referring_physician_name,
                                   referring_physician_name_norm, study_description, study_datetime_utc,
                                   num_series, num_instances, version, modalities_in_study, sop_classes_in_study,
                                   demographics_sha, num_demographic_variants, created, updated)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)""",
                patientPk, k.studyInstanceUid(), date(k.studyDate()), unparsedDate(k.studyDate()), k.studyTime(),
                k.timezoneOffsetFromUtc(), k.accessionNumber(), k.studyId(), k.referringPhysicianName(),
                k.referringPhysicianNameNormalised(), k.studyDescription(), k.studyDateTimeUtc(),
                seriesOfStudy.size(), all.size(), modalities, sopClasses, reference, firstOfVariant.size(),
                ts(now), ts(now));
        if (studyPk == null) {
            if (k.patientId() == null) {
                deletePatient(c, patientPk); // the concurrent writer's study has a patient row of its own
            }
            return false;
        }
        for (List<NewInstance> series : seriesOfStudy.values()) {
            InstanceKeys s = series.get(0).keys();
            String seriesModalities = null;
            for (NewInstance n : series) {
                seriesModalities = MultiValuedKey.add(seriesModalities, n.keys().modality());
            }
            Long seriesPk = insertUnlessPresent(c, """
                    insert into series (study_fk, series_iuid, modality, series_number, series_description,
                                        pps_start_date, pps_start_date_stored, pps_start_time, pps_datetime_utc,
                                        num_instances, modalities, num_modalities, version, created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
                    studyPk, s.seriesInstanceUid(), s.modality(), s.seriesNumber(), s.seriesDescription(),
                    date(s.ppsStartDate()), unparsedDate(s.ppsStartDate()), s.ppsStartTime(), s.ppsDateTimeUtc(), series.size(), seriesModalities,
                    MultiValuedKey.count(seriesModalities), ts(now), ts(now));
            if (seriesPk == null) {
                // Only under another study: nobody else can add a series to a study this transaction holds.
                findSeries(c, s);
                throw new SQLException("series " + s.seriesInstanceUid() + " was taken while it was being created", "40001");
            }
            long[] instancePks = insertInstanceRows(c, seriesPk, series);
            addKeyTables(c, studyPk, seriesPk, series, instancePks);
        }
        for (Map.Entry<String, NewInstance> v : firstOfVariant.entrySet()) {
            insertVariant(c, studyPk, v.getKey(), v.getValue().keys(), variantCounts.get(v.getKey()));
        }
        return true;
    }

    private static void addKeyTables(Connection c, long studyPk, long seriesPk, List<NewInstance> instances,
            long[] instancePks) throws SQLException {
        for (int i = 0; i < instances.size(); i++) {
            NewInstance n = instances.get(i);
            KeyTables.addItems(c, studyPk, seriesPk, n.keys());
            KeyTables.addExtended(c, studyPk, seriesPk, instancePks[i], n.keys().extendedValues());
        }
    }

    private static void deletePatient(Connection c, long patientPk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from patient where pk = ?")) {
            ps.setLong(1, patientPk);
            ps.executeUpdate();
        }
    }

    /** What lockHierarchy reads of a study row, under its lock; {@code createdHere}: by this transaction. */
    private record StudyRow(long pk, String modalities, String sopClasses, String demographicsSha, boolean createdHere) {}

    private static StudyRow lockStudy(Connection c, String studyUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select pk, modalities_in_study, sop_classes_in_study, demographics_sha from study
                 where study_iuid = ? for update""")) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new StudyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), false) : null;
            }
        }
    }

    private record SeriesRow(long pk, String modalities) {}

    /** The series of an instance if indexed, which must be under the instance's study. */
    private static SeriesRow findSeries(Connection c, InstanceKeys k) throws SQLException, SeriesInOtherStudyException {
        try (PreparedStatement ps = c.prepareStatement("""
                select se.pk, st.study_iuid, se.modalities from series se join study st on st.pk = se.study_fk
                 where se.series_iuid = ?""")) {
            ps.setString(1, k.seriesInstanceUid());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!rs.getString(2).equals(k.studyInstanceUid())) {
                    throw new SeriesInOtherStudyException(k.seriesInstanceUid(), rs.getString(2));
                }
                return new SeriesRow(rs.getLong(1), rs.getString(3));
            }
        }
    }

    private static final String PATIENT_BY_ID = "select pk from patient where patient_id = ? and issuer_of_patient_id = ?";

    /**
     * The patient row for a new study, normally one of {@code patients} that {@link #createPatients} found or
     * created. Without a Patient ID nothing says two studies are one patient's: each such study gets its own row.
     */
    private static long patientOf(Connection c, InstanceKeys k, Map<List<String>, Long> patients, Instant now)
            throws SQLException {
        Long pk = k.patientId() == null ? null : patients.get(List.of(k.patientId(), issuerOf(k)));
        if (pk == null && k.patientId() != null) {
            pk = findPk(c, PATIENT_BY_ID, k.patientId(), issuerOf(k));
        }
        if (pk == null) {
            pk = insertPatient(c, k, now);
        }
        if (pk == null) {
            pk = findPk(c, PATIENT_BY_ID, k.patientId(), issuerOf(k)); // created by a concurrent writer, now committed
        }
        if (pk == null) {
            throw new SQLException("patient " + k.patientId() + " vanished while it was being created", "40001");
        }
        return pk;
    }

    /** Inserts the instance's patient; null when a concurrent writer inserted it first. */
    private static Long insertPatient(Connection c, InstanceKeys k, Instant now) throws SQLException {
        return insertUnlessPresent(c, """
                insert into patient (patient_id, issuer_of_patient_id, patient_name, patient_name_norm,
                                     patient_birth_date, patient_birth_date_stored, patient_sex, created, updated)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                k.patientId(), issuerOf(k), k.patientName(), k.patientNameNormalised(), date(k.patientBirthDate()),
                unparsedDate(k.patientBirthDate()), k.patientSex(), ts(now), ts(now));
    }

    private static String issuerOf(InstanceKeys k) {
        return k.issuerOfPatientId() == null ? "" : k.issuerOfPatientId();
    }

    /**
     * Inserts the rows of instances of one series (under the locked study of {@code h}), then updates the series and
     * study once for all of them: counters, versions, modality and SOP class lists, demographic variants.
     */
    private void insertInstances(Connection c, Hierarchy h, List<NewInstance> instances) throws SQLException {
        long seriesPk = h.seriesPk();
        long[] instancePks = insertInstanceRows(c, seriesPk, instances);
        addKeyTables(c, h.studyPk(), seriesPk, instances, instancePks);
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

    /** The instance rows of one series in one batch (one round trip), returning their pks in order. */
    private static long[] insertInstanceRows(Connection c, long seriesPk, List<NewInstance> instances)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into instance (series_fk, sop_iuid, sop_class_uid, instance_number, number_of_frames,
                                      image_rows, image_columns, bits_allocated, sop_instance_status,
                                      transfer_syntax_uid, blob_key, blob_size, blob_sha256, metadata, created)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"pk"})) {
            OffsetDateTime now = ts(Instant.now());
            for (NewInstance n : instances) {
                InstanceKeys k = n.keys();
                Blob blob = n.blob();
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
                ps.setBytes(i++, n.metadata());
                ps.setObject(i, now);
                ps.addBatch();
            }
            ps.executeBatch();
            long[] pks = new long[instances.size()];
            try (ResultSet rs = ps.getGeneratedKeys()) {
                for (int i = 0; i < pks.length; i++) {
                    if (!rs.next()) {
                        throw new SQLException("the database returned " + i + " keys for " + pks.length + " instance rows");
                    }
                    pks[i] = rs.getLong(1);
                }
            }
            return pks;
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
                T result;
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    if (!isRetryable(e)) {
                        throw e;
                    }
                    last = e;
                    continue;
                } catch (RuntimeException | SeriesInOtherStudyException | AlreadyIndexedException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                database.afterCommit(c);
                return result;
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

    /**
     * Inserts a row unless its unique key is taken, and returns its pk, or null when it was taken. A concurrent
     * writer's row, not yet committed, makes the insert wait for that writer's commit; so the row is then there to
     * be found, instead of a unique violation that would roll back (and repeat) this whole transaction.
     */
    private static Long insertUnlessPresent(Connection c, String insert, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert + " on conflict do nothing", new String[] {"pk"})) {
            bind(ps, params);
            if (ps.executeUpdate() == 0) {
                return null;
            }
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
    /** A DA value to match on (YYYYMMDD), or null. */
    private static String date(String value) {
        return value != null && value.length() == 8 && value.chars().allMatch(Character::isDigit) ? value : null;
    }

    /** A DA value that is not one to match on, kept as stored so that QIDO still returns it; else null. */
    private static String unparsedDate(String value) {
        return value == null || value.isEmpty() || date(value) != null ? null : value;
    }
}
