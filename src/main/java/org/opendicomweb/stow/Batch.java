package org.opendicomweb.stow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.opendicomweb.index.InstanceIndex;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.index.RejectionNote;
import org.opendicomweb.storage.StagedBlob;

/**
 * Parts that passed every check, staged and waiting to be committed together: their files share one folder
 * sync and their index rows one transaction, which is most of the cost of storing a small instance.
 */
final class Batch extends ArrayList<Batch.Pending> {
    private static final int MAX_INSTANCES = 16;
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    private long bytes;

    /** A valid part whose staged bytes wait in a batch; {@code position} is its place in the outcomes. */
    record Pending(
            int position,
            ReceivedInstance received,
            StagedBlob staged,
            InstanceKeys keys,
            byte[] metadata,
            String key,
            RejectionNote rejection) {
        /** Set by the {@link DuplicatePolicy}: it replaces a stored instance with other bytes. */
        boolean replaces() {
            return received.existing != null;
        }

        InstanceIndex.NewInstance indexed() {
            return new InstanceIndex.NewInstance(keys, blob(), metadata, rejection);
        }

        InstanceIndex.Blob blob() {
            return new InstanceIndex.Blob(key, received.size, received.crc32c, received.syntax.uid());
        }
    }

    @Override
    public boolean add(Pending p) {
        bytes += p.received().size;
        return super.add(p);
    }

    boolean isFull() {
        return size() >= MAX_INSTANCES || bytes >= MAX_BYTES;
    }

    @Override
    public void clear() {
        super.clear();
        bytes = 0;
    }

    /** Gives each part its outcome where {@code judge} has one, and takes those parts out of the batch. */
    void settle(List<PartOutcome> outcomes, Function<Pending, PartOutcome> judge) {
        for (Iterator<Pending> it = iterator(); it.hasNext(); ) {
            Pending p = it.next();
            PartOutcome outcome = judge.apply(p);
            if (outcome != null) {
                outcomes.set(p.position(), outcome);
                p.staged().close(); // discards the staged bytes
                it.remove();
            }
        }
    }
}
