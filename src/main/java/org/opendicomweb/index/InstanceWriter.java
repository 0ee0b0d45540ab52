package org.opendicomweb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.opendicomweb.index.InstanceIndex.AlreadyIndexedException;
import org.opendicomweb.index.InstanceIndex.Blob;
import org.opendicomweb.index.InstanceIndex.NewInstance;
import org.opendicomweb.index.InstanceIndex.SeriesInOtherStudyException;

/**
 * Writes new instances into the index: patient, study, series and instance rows, counters and the precomputed
 * metadata, in one transaction per batch of instances. The SQL is explicit because it is on the hot path of every
 * store and because its locking is what keeps counts exact under concurrent uploads:
 *
 * <ol>
 *   <li>rows are found or created parent first ({@link StudyHierarchy}): no duplicate rows ever exist and neither
 *       of two concurrent transactions is rolled back (an upload split into concurrent requests creates its study
 *       in every one of them); a deadlock or unique violation left over is retried from the start;
 *   <li>the study row is locked ({@code FOR UPDATE}) before anything below it changes, so counters and the
 *       ModalitiesInStudy / SOPClassesInStudy lists are updated by one writer at a time per study.
 * </ol>
 */
final class InstanceWriter {
    private static final Logger LOG = Logger.getLogger(InstanceWriter.class);

    private final Sql sql;

    InstanceWriter(Sql sql) {
        this.sql = sql;
    }

    /**
     * Indexes several new instances in one transaction (one commit to wait for instead of one each). Studies
     * are locked in UID order, so two batches never wait on each other in a cycle. The instances of one series
     * share their hierarchy lookups and one update of the series and study counters, which is most of the
     * statements a small instance costs; a study that is new is inserted with its final counters, together with
     * its series, and needs no lookups or updates at all. All or nothing: on any exception the caller can index them one by one to
     * find out which one failed.
     */
    void insertAll(List<NewInstance> instances)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        Map<String, Map<String, List<NewInstance>>> byStudy = new TreeMap<>();
        for (NewInstance n : instances) {
            byStudy.computeIfAbsent(n.keys().studyInstanceUid(), k -> new TreeMap<>())
                    .computeIfAbsent(n.keys().seriesInstanceUid(), k -> new ArrayList<>())
                    .add(n);
        }
        List<Long> newPatients = new ArrayList<>();
        try {
            Indexed indexed = createPatients(instances, newPatients);
            InstanceIndex.inTransaction(sql, c -> {
                rejectIndexed(c, instances);
                for (Map.Entry<String, Map<String, List<NewInstance>>> study : byStudy.entrySet()) {
                    if (indexed.studies().contains(study.getKey())
                            || !insertNewStudy(c, study.getValue(), indexed.patients())) {
                        for (List<NewInstance> series : study.getValue().values()) {
                            insertInstances(
                                    c, StudyHierarchy.lock(c, series.get(0).keys(), indexed.patients()), series);
                        }
                    }
                }
                Rejections.Applied rejections = Rejections.apply(c, instances);
                List<ChangeFeed.Change> changes = new ArrayList<>(instances.size());
                for (NewInstance n : instances) {
                    if (!rejections.hiddenOnArrival().contains(n.keys().sopInstanceUid())) {
                        changes.add(stored(n));
                    }
                }
                changes.addAll(rejections.deleted());
                ChangeFeed.append(c, changes);
                return null;
            });
        } catch (SQLException | SeriesInOtherStudyException | AlreadyIndexedException | RuntimeException e) {
            dropUnusedPatients(newPatients);
            throw e;
        }
    }

    static ChangeFeed.Change stored(NewInstance n) {
        InstanceKeys k = n.keys();
        return new ChangeFeed.Change(
                k.studyInstanceUid(), k.seriesInstanceUid(), k.sopInstanceUid(), ChangeFeed.Kind.STORED);
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
     * it. Returns the batch's patients that are
     * indexed now, by Patient ID and issuer, and adds those it created to {@code created}, which the caller
     * drops if the batch then fails.
     */
    private Indexed createPatients(List<NewInstance> instances, List<Long> created) throws SQLException {
        // Each insert commits at once and holds no lock for long: no order is needed to keep batches from deadlocking.
        Map<List<String>, InstanceKeys> wanted = new LinkedHashMap<>();
        for (NewInstance n : instances) {
            InstanceKeys k = n.keys();
            if (k.patientId() != null) {
                wanted.putIfAbsent(List.of(k.patientId(), StudyHierarchy.issuerOf(k)), k);
            }
        }
        Map<List<String>, Long> patients = new HashMap<>();
        Set<String> indexedStudies = new HashSet<>();
        sql.withConnection(c -> {
            List<String> studies = instances.stream()
                    .map(n -> n.keys().studyInstanceUid())
                    .distinct()
                    .toList();
            try (PreparedStatement ps = c.prepareStatement(
                    "select study_iuid from study where study_iuid in (" + Sql.marks(studies.size()) + ")")) {
                Sql.bind(ps, studies.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        indexedStudies.add(rs.getString(1));
                    }
                }
            }
            if (wanted.isEmpty()) {
                return null;
            }
            List<String> ids =
                    wanted.keySet().stream().map(key -> key.get(0)).distinct().toList();
            try (PreparedStatement ps = c.prepareStatement("select patient_id, issuer_of_patient_id, pk from patient"
                    + " where patient_id in (" + Sql.marks(ids.size()) + ")")) {
                Sql.bind(ps, ids.toArray());
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
                    Long pk = StudyHierarchy.insertPatient(c, k, Instant.now());
                    if (pk != null) {
                        created.add(pk);
                        patients.put(e.getKey(), pk);
                    }
                }
            }
            return null;
        });
        return new Indexed(patients, indexedStudies);
    }

    /**
     * Deletes patient rows that no study points at. A concurrent batch that has just taken one of them for its
     * new study holds its row ({@link StudyHierarchy#holdPatient}) until it commits: the lock taken here waits for
     * that, and the study is then seen.
     */
    private void dropUnusedPatients(List<Long> patientPks) {
        if (patientPks.isEmpty()) {
            return;
        }
        try {
            sql.inTransaction(c -> {
                for (long pk : patientPks) {
                    InstanceDeletion.deletePatientWithoutStudy(c, pk);
                }
                return null;
            });
        } catch (SQLException e) {
            LOG.warnf("Could not remove the patient rows %s left without a study: %s", patientPks, e.getMessage());
        }
    }

    /** Throws when any of these SOP Instance UIDs is indexed already: another store was first. */
    private static void rejectIndexed(Connection c, List<NewInstance> instances)
            throws SQLException, AlreadyIndexedException {
        try (PreparedStatement ps = c.prepareStatement(
                "select sop_iuid from instance where sop_iuid in (" + Sql.marks(instances.size()) + ")")) {
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
     * Creates a study the batch brings that was not indexed, with all its series and instances, inserting the
     * study and series rows with their final counters and lists so that none is updated afterwards: three
     * statements fewer per new study than indexing it series by series. Returns false, having changed nothing,
     * when a concurrent writer created the study first; the caller then indexes it like an existing one.
     */
    private static boolean insertNewStudy(
            Connection c, Map<String, List<NewInstance>> seriesOfStudy, Map<List<String>, Long> patients)
            throws SQLException, SeriesInOtherStudyException {
        List<NewInstance> all =
                seriesOfStudy.values().stream().flatMap(List::stream).toList();
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
        long patientPk = StudyHierarchy.patientOf(c, k, patients, now);
        Long studyPk = StudyHierarchy.insertUnlessPresent(
                c,
                """
                insert into study (patient_fk, study_iuid, study_date, study_date_stored, study_time,
                                   timezone_offset, accession_number, study_id, referring_physician_name,
                                   referring_physician_name_norm, study_description, study_datetime_utc,
                                   patient_name_norm, num_series, num_instances, version, modalities_in_study,
                                   sop_classes_in_study, demographics_sha, num_demographic_variants, created, updated)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s, ?, ?, 1, ?, ?, ?, ?, ?, ?)""".formatted(StudyHierarchy.PATIENT_NAME_OF_PK),
                StudyHierarchy.studyValues(
                        patientPk,
                        k,
                        seriesOfStudy.size(),
                        all.size(),
                        modalities,
                        sopClasses,
                        reference,
                        firstOfVariant.size(),
                        Sql.timestamp(now),
                        Sql.timestamp(now)));
        if (studyPk == null) {
            if (k.patientId() == null) {
                StudyHierarchy.deletePatient(
                        c, patientPk); // the concurrent writer's study has a patient row of its own
            }
            return false;
        }
        for (List<NewInstance> series : seriesOfStudy.values()) {
            InstanceKeys s = series.get(0).keys();
            String seriesModalities = null;
            for (NewInstance n : series) {
                seriesModalities = MultiValuedKey.add(seriesModalities, n.keys().modality());
            }
            Long seriesPk = StudyHierarchy.insertUnlessPresent(
                    c,
                    """
                    insert into series (study_fk, series_iuid, modality, series_number, series_description,
                                        pps_start_date, pps_start_date_stored, pps_start_time, pps_datetime_utc,
                                        num_instances, modalities, num_modalities, version, created, updated)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
                    studyPk,
                    s.seriesInstanceUid(),
                    s.modality(),
                    s.seriesNumber(),
                    s.seriesDescription(),
                    StudyHierarchy.date(s.ppsStartDate()),
                    StudyHierarchy.unparsedDate(s.ppsStartDate()),
                    s.ppsStartTime(),
                    s.ppsDateTimeUtc(),
                    series.size(),
                    seriesModalities,
                    MultiValuedKey.count(seriesModalities),
                    Sql.timestamp(now),
                    Sql.timestamp(now));
            if (seriesPk == null) {
                // Only under another study: nobody else can add a series to a study this transaction holds.
                StudyHierarchy.findSeries(c, s);
                throw new SQLException(
                        "series " + s.seriesInstanceUid() + " was taken while it was being created", "40001");
            }
            long[] instancePks = insertInstanceRows(c, seriesPk, series);
            addKeyTables(c, studyPk, seriesPk, series, instancePks);
        }
        for (Map.Entry<String, NewInstance> v : firstOfVariant.entrySet()) {
            IntegrityRecords.insertVariant(c, studyPk, v.getKey(), v.getValue().keys(), variantCounts.get(v.getKey()));
        }
        return true;
    }

    private static void addKeyTables(
            Connection c, long studyPk, long seriesPk, List<NewInstance> instances, long[] instancePks)
            throws SQLException {
        for (int i = 0; i < instances.size(); i++) {
            NewInstance n = instances.get(i);
            KeyTables.addItems(c, studyPk, seriesPk, n.keys());
            KeyTables.addExtended(c, studyPk, seriesPk, instancePks[i], n.keys());
        }
        ReferenceRows.insert(
                c,
                instancePks,
                instances.stream().map(n -> n.keys().references()).toList());
    }

    /**
     * Inserts the rows of instances of one series (under the locked study of {@code h}), then updates the series and
     * study once for all of them: counters, versions, modality and SOP class lists, demographic variants.
     */
    void insertInstances(Connection c, StudyHierarchy.Locked h, List<NewInstance> instances) throws SQLException {
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
                IntegrityRecords.insertVariant(c, studyPk, variant, k, 0);
                demographicsSha = variant;
                newVariants++;
            } else if (!demographicsSha.equals(variant)) {
                newVariants += IntegrityRecords.countVariant(c, studyPk, variant, k);
            }
        }
        OffsetDateTime now = Sql.timestamp(Instant.now());
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
                                      sop_authorization_datetime, sop_authorization_comment,
                                      transfer_syntax_uid, blob_key, blob_size, blob_crc32c, metadata, created)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"pk"})) {
            OffsetDateTime now = Sql.timestamp(Instant.now());
            for (NewInstance n : instances) {
                InstanceKeys k = n.keys();
                Blob blob = n.blob();
                int i = 1;
                ps.setLong(i++, seriesPk);
                ps.setString(i++, k.sopInstanceUid());
                ps.setString(i++, k.sopClassUid());
                Sql.setInt(ps, i++, k.instanceNumber());
                Sql.setInt(ps, i++, k.numberOfFrames());
                Sql.setInt(ps, i++, k.rows());
                Sql.setInt(ps, i++, k.columns());
                Sql.setInt(ps, i++, k.bitsAllocated());
                ps.setString(i++, k.sopInstanceStatus());
                ps.setString(i++, k.sopAuthorizationDateTime());
                ps.setString(i++, k.sopAuthorizationComment());
                ps.setString(i++, blob.transferSyntaxUid());
                ps.setString(i++, blob.key());
                ps.setLong(i++, blob.size());
                ps.setLong(i++, blob.crc32c());
                ps.setBytes(i++, n.metadata());
                ps.setObject(i, now);
                ps.addBatch();
            }
            ps.executeBatch();
            long[] pks = new long[instances.size()];
            try (ResultSet rs = ps.getGeneratedKeys()) {
                for (int i = 0; i < pks.length; i++) {
                    if (!rs.next()) {
                        throw new SQLException(
                                "the database returned " + i + " keys for " + pks.length + " instance rows");
                    }
                    pks[i] = rs.getLong(1);
                }
            }
            return pks;
        }
    }
}
