package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.opendicomweb.index.RejectionNote;

/**
 * The one place where this node forgets what it keeps to serve stored instances fast (their locations, their
 * files' frame tables, the compressed metadata of their studies) once they are deleted, rejected or replaced:
 * at once for what this node changed, and through the change feed for what any node changed.
 */
@ApplicationScoped
public class KeptCopies {
    private final InstanceLocations locations;
    private final FrameService frames;
    private final MetadataGzipCache metadata;

    /** An instance whose kept copies are outdated; {@code seriesUid} may be null where it is not known. */
    public record Outdated(String studyUid, String seriesUid, String sopUid) {}

    @Inject
    KeptCopies(InstanceLocations locations, FrameService frames, MetadataGzipCache metadata) {
        this.locations = locations;
        this.frames = frames;
        this.metadata = metadata;
    }

    public void forget(Collection<Outdated> instances) {
        if (instances.isEmpty()) {
            return;
        }
        Set<String> sops = new HashSet<>();
        Set<String> studies = new HashSet<>();
        for (Outdated o : instances) {
            if (o.seriesUid() == null) {
                locations.forget(o.sopUid());
            } else {
                locations.forget(o.studyUid(), o.seriesUid(), o.sopUid());
            }
            sops.add(o.sopUid());
            studies.add(o.studyUid());
        }
        frames.forgetInstances(sops);
        metadata.forgetStudies(studies);
    }

    /** A rejection note stored on this node: its instances are not served from here again. */
    void rejected(@Observes RejectionNote note) {
        forget(note.references().stream()
                .map(r -> new Outdated(r.studyUid(), r.seriesUid(), r.sopUid()))
                .toList());
    }
}
