package org.opendicomweb.stow;

import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.index.InstanceIndex.StoredInstance;

/** What receiving a part gave: the dataset so far, the staged copy's size and CRC-32C, and the fault that stopped it. */
final class ReceivedInstance {
    final Attributes fileMeta;
    final Attributes dataset;
    final TransferSyntax syntax;
    final boolean encodingDiffersFromMeta;
    final long size;
    final long crc32c;
    final String fault;
    final FailureReason faultReason;
    /** The stored instance with the same SOP Instance UID and other bytes, when the duplicate policy replaces it. */
    StoredInstance existing;
    /** Where in the request the instance was, when not simply its own part. */
    String source;

    ReceivedInstance(
            Attributes fileMeta,
            Attributes dataset,
            TransferSyntax syntax,
            boolean encodingDiffersFromMeta,
            long size,
            long crc32c,
            String fault,
            FailureReason faultReason) {
        this.fileMeta = fileMeta;
        this.dataset = dataset;
        this.syntax = syntax;
        this.encodingDiffersFromMeta = encodingDiffersFromMeta;
        this.size = size;
        this.crc32c = crc32c;
        this.fault = fault;
        this.faultReason = faultReason;
    }

    /** The instance refused, named by the UIDs read so far and by where it was in the request. */
    PartOutcome refused(FailureReason reason, String detail) {
        return PartOutcome.refused(dataset, reason, detail).from(source);
    }
}
