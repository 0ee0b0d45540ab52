package org.opendicomweb.index;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored SOP instance: its instance-level matching keys, where its bytes are ({@code blobKey} in the
 * BlobStore) and the metadata computed once at store time, so WADO-RS metadata never re-parses files.
 *
 * <p>A row is only ever written after its blob is committed; see docs/architecture.md, "Crash order".
 */
@Entity
@Table(name = "instance")
public class Instance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pk")
    private Long pk;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_fk", nullable = false)
    private Series series;

    @Column(name = "sop_iuid", nullable = false, length = 64)
    private String sopInstanceUid;

    @Column(name = "sop_class_uid", nullable = false, length = 64)
    private String sopClassUid;

    @Column(name = "instance_number")
    private Integer instanceNumber;

    @Column(name = "number_of_frames")
    private Integer numberOfFrames;

    @Column(name = "image_rows")
    private Integer rows;

    @Column(name = "image_columns")
    private Integer columns;

    @Column(name = "bits_allocated")
    private Integer bitsAllocated;

    /** SOP Instance Status (0100,0410): NS, OR, AO or AC. */
    @Column(name = "sop_instance_status", length = 16)
    private String sopInstanceStatus;

    /** Transfer syntax the bytes are stored in. */
    @Column(name = "transfer_syntax_uid", nullable = false, length = 64)
    private String transferSyntaxUid;

    @Column(name = "blob_key", nullable = false, length = 255)
    private String blobKey;

    @Column(name = "blob_size", nullable = false)
    private long blobSize;

    /** Lower-case hex SHA-256 of the stored bytes: tells an identical re-send from a conflicting one. */
    @Column(name = "blob_sha256", nullable = false, length = 64)
    private String blobSha256;

    /**
     * The instance's metadata as serialized at store time (bytea on PostgreSQL, varbinary on H2). Never
     * {@code @Lob}: on PostgreSQL that would mean large objects, not bytea. Loaded lazily.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "metadata")
    private byte[] metadata;

    @Column(name = "created", nullable = false, updatable = false)
    private Instant created = Instant.now();

    protected Instance() {}

    public Instance(Series series, String sopInstanceUid, String sopClassUid, String transferSyntaxUid) {
        this.series = series;
        this.sopInstanceUid = sopInstanceUid;
        this.sopClassUid = sopClassUid;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public Long getPk() {
        return pk;
    }

    public Series getSeries() {
        return series;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public Integer getInstanceNumber() {
        return instanceNumber;
    }

    public void setInstanceNumber(Integer instanceNumber) {
        this.instanceNumber = instanceNumber;
    }

    public Integer getNumberOfFrames() {
        return numberOfFrames;
    }

    public void setNumberOfFrames(Integer numberOfFrames) {
        this.numberOfFrames = numberOfFrames;
    }

    public Integer getRows() {
        return rows;
    }

    public void setRows(Integer rows) {
        this.rows = rows;
    }

    public Integer getColumns() {
        return columns;
    }

    public void setColumns(Integer columns) {
        this.columns = columns;
    }

    public Integer getBitsAllocated() {
        return bitsAllocated;
    }

    public void setBitsAllocated(Integer bitsAllocated) {
        this.bitsAllocated = bitsAllocated;
    }

    public String getSopInstanceStatus() {
        return sopInstanceStatus;
    }

    public void setSopInstanceStatus(String sopInstanceStatus) {
        this.sopInstanceStatus = sopInstanceStatus;
    }

    public String getTransferSyntaxUid() {
        return transferSyntaxUid;
    }

    public String getBlobKey() {
        return blobKey;
    }

    public long getBlobSize() {
        return blobSize;
    }

    public String getBlobSha256() {
        return blobSha256;
    }

    /** Records where the committed bytes are; call only after BlobStore.commit returned. */
    public void setBlob(String blobKey, long blobSize, String blobSha256) {
        this.blobKey = blobKey;
        this.blobSize = blobSize;
        this.blobSha256 = blobSha256;
    }

    public byte[] getMetadata() {
        return metadata;
    }

    public void setMetadata(byte[] metadata) {
        this.metadata = metadata;
    }

    public Instant getCreated() {
        return created;
    }
}
