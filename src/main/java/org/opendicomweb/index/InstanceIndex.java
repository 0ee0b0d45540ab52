package org.opendicomweb.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What STOW asks of the index: look up stored instances ({@link InstanceLookup}), write new ones
 * ({@link InstanceWriter}), replace one ({@link InstanceReplacement}), record a refused series for the integrity
 * report ({@link IntegrityRecords}); and the records and refusals those speak in.
 */
@ApplicationScoped
public class InstanceIndex {
    private final InstanceLookup lookup;
    private final InstanceWriter writer;
    private final InstanceReplacement replacement;
    private final IntegrityRecords integrity;

    @Inject
    InstanceIndex(Sql sql) {
        this.lookup = new InstanceLookup(sql);
        this.writer = new InstanceWriter(sql);
        this.replacement = new InstanceReplacement(sql, writer);
        this.integrity = new IntegrityRecords(sql);
    }

    /**
     * A stored instance as the index knows it: where its bytes are, their size and CRC-32C; {@code crc32c} is null
     * for an instance stored before the index kept it (then {@code sha256} is its SHA-256, until the scrub fills it).
     */
    public record StoredInstance(
            long pk,
            String studyInstanceUid,
            String seriesInstanceUid,
            String blobKey,
            long blobSize,
            Long crc32c,
            String sha256) {}

    /** The blob of a new or replacing instance: its key, size, the CRC-32C of its bytes and its transfer syntax. */
    public record Blob(String key, long size, long crc32c, String transferSyntaxUid) {}

    /** Thrown when the series of an instance is already indexed under another study. */
    public static final class SeriesInOtherStudyException extends Refusal {
        private final String seriesUid;
        private final String storedStudyUid;

        public SeriesInOtherStudyException(String seriesUid, String storedStudyUid) {
            this(
                    "SeriesInstanceUID " + seriesUid + " already belongs to study " + storedStudyUid,
                    seriesUid,
                    storedStudyUid);
        }

        private SeriesInOtherStudyException(String message, String seriesUid, String storedStudyUid) {
            super(message);
            this.seriesUid = seriesUid;
            this.storedStudyUid = storedStudyUid;
        }

        /** A replacement that would move a stored instance to another series: no study is known to conflict. */
        static SeriesInOtherStudyException movingInstance(String seriesUid) {
            return new SeriesInOtherStudyException(
                    "SeriesInstanceUID " + seriesUid + " differs from the series of the stored instance",
                    seriesUid,
                    null);
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
    public static final class AlreadyIndexedException extends Refusal {
        public AlreadyIndexedException(String sopUid) {
            super("SOPInstanceUID " + sopUid + " is already indexed");
        }
    }

    /** Why the index refuses an instance: what it holds already. Each refusal reaches callers as its own type. */
    public abstract static sealed class Refusal extends Exception
            permits SeriesInOtherStudyException, AlreadyIndexedException {
        Refusal(String message) {
            super(message);
        }
    }

    /**
     * One instance to index: its keys, its committed blob and its metadata document; {@code rejection} when it is a
     * rejection note, whose rejections are recorded in the same transaction.
     */
    public record NewInstance(InstanceKeys keys, Blob blob, byte[] metadata, RejectionNote rejection) {
        public NewInstance(InstanceKeys keys, Blob blob, byte[] metadata) {
            this(keys, blob, metadata, null);
        }
    }

    public Optional<StoredInstance> find(String sopInstanceUid) throws SQLException {
        return Optional.ofNullable(findAll(List.of(sopInstanceUid)).get(sopInstanceUid));
    }

    /** The stored instances among these SOP Instance UIDs, by UID: one query for a whole STOW batch. */
    public Map<String, StoredInstance> findAll(List<String> sopInstanceUids) throws SQLException {
        return lookup.findAll(sopInstanceUids);
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

    /** {@link #insert} of a rejection note, whose rejections are recorded in the same transaction. */
    public void insert(NewInstance instance) throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        insertAll(List.of(instance));
    }

    /**
     * The patients (Patient ID and issuer, the issuer '' when absent) of the stored instances among these SOP
     * Instance UIDs; an instance stored without a Patient ID maps to a null ID.
     */
    public Map<String, List<String>> patientsOf(List<String> sopInstanceUids) throws SQLException {
        return lookup.patientsOf(sopInstanceUids);
    }

    /**
     * Indexes several new instances in one transaction (one commit to wait for instead of one each). All or
     * nothing: on any exception the caller can index them one by one to find out which one failed.
     */
    public void insertAll(List<NewInstance> instances)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        writer.insertAll(instances);
    }

    /**
     * Points an indexed instance at a new blob (the duplicate policy "replace"); returns the replaced blob's key,
     * which the caller deletes once this has committed.
     */
    public String replace(InstanceKeys keys, Blob blob, byte[] metadata)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        return replacement.replace(keys, blob, metadata);
    }

    /**
     * Records an instance refused because its series is indexed under another study (0xC40A), for the integrity
     * report.
     */
    public void recordSeriesConflict(
            SeriesInOtherStudyException conflict, String refusedStudyUid, String sopInstanceUid) throws SQLException {
        integrity.recordSeriesConflict(conflict, refusedStudyUid, sopInstanceUid);
    }

    /** {@link Sql#inTransaction} for work that may refuse an instance, each refusal thrown as its own type. */
    static <T> T inTransaction(Sql sql, Sql.Work<T, Refusal> work)
            throws SQLException, SeriesInOtherStudyException, AlreadyIndexedException {
        try {
            return sql.inTransaction(work);
        } catch (Refusal r) {
            switch (r) {
                case SeriesInOtherStudyException s -> throw s;
                case AlreadyIndexedException a -> throw a;
            }
        }
    }
}
