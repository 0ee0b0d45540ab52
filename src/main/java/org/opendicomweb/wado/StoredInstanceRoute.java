package org.opendicomweb.wado;

import io.quarkus.virtual.threads.VirtualThreads;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendicomweb.index.IndexUnavailableException;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.wado.InstanceNegotiation.Delivery;
import org.opendicomweb.wado.InstanceRetrieveService.Part;
import org.opendicomweb.wado.InstanceRetrieveService.Plan;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.BaseUrl;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.ErrorMapper;
import org.opendicomweb.web.SizedFileResponse;

/**
 * Retrieve Instance (PS3.18 §10.4.1.1.1) of one instance whose stored file is sent as it is, the request a viewer
 * makes most: answered ahead of the REST layer, as a sized single-part body whose file goes out as one file region.
 * Only that case: an unknown or malformed target, an Accept that needs transcoding or a ZIP, a connection without
 * file regions, or a stored file that cannot be opened is passed on to {@link WadoResource}, which answers it as
 * always, errors included. The answer is the same either way but for Content-Length in place of chunking.
 *
 * <p>Why a route of its own: when the kernel sends the file, the REST layer's per-request work (matching, media
 * types, writer lookup, the stream around the body) is a large part of what is left. And why an instance whose
 * location is known ({@link InstanceLocations#cached}) is answered on the event loop: the index query and the
 * hand-over to a virtual thread and back are most of the rest (figures in docs/architecture.md). Opening a local
 * file there is what the HTTP layer's own file sending does; a store whose opening may wait on a network is always
 * left to a virtual thread.
 */
@ApplicationScoped
public class StoredInstanceRoute {
    private static final String TEMPLATE = "/studies/{study}/series/{series}/instances/{instance}";

    private final InstanceRetrieveService instances;
    private final InstanceLocations locations;
    private final BlobStore blobs;
    private final BaseUrl baseUrl;
    private final ExecutorService virtualThreads;
    private final String restPath;

    @Inject
    StoredInstanceRoute(
            InstanceRetrieveService instances,
            InstanceLocations locations,
            BlobStore blobs,
            BaseUrl baseUrl,
            @VirtualThreads ExecutorService virtualThreads,
            @ConfigProperty(name = "quarkus.rest.path", defaultValue = "/") String restPath) {
        this.instances = instances;
        this.locations = locations;
        this.blobs = blobs;
        this.baseUrl = baseUrl;
        this.virtualThreads = virtualThreads;
        this.restPath = restPath;
    }

    void register(@Observes Router router) {
        StoredPartResponse.route(router, restPath, TEMPLATE, this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!SizedFileResponse.possible(ctx.request())) {
            ctx.next();
            return;
        }
        Context context = StoredPartResponse.metricsNamed(ctx, TEMPLATE);
        RetrieveTarget target;
        try {
            target = RetrieveTarget.of(ctx.pathParam("study"), ctx.pathParam("series"), ctx.pathParam("instance"));
        } catch (DicomwebException e) {
            ctx.next(); // the REST endpoint gives the error its status and body
            return;
        }
        StoredFile known = blobs.opensLocally() ? locations.cached(target) : null;
        if (known != null) {
            Delivery asStored = asStored(known, ctx.request().getHeader("Accept"));
            if (asStored != null) {
                if (sent(ctx, context, known, asStored)) {
                    return;
                }
                locations.forget(known.instance()); // gone or changed: the index says what it is now
            }
        }
        // The index and the file system block: off the event loop, as the REST endpoint runs.
        virtualThreads.execute(() -> {
            if (!planned(ctx, context, target)) {
                context.runOnContext(v -> ctx.next());
            }
        });
    }

    /**
     * The delivery of {@code f} when the client's first acceptable range takes it as stored, else {@code null}:
     * without reading anything, since a range that would compress it is never taken here.
     */
    private static Delivery asStored(StoredFile f, String accept) {
        InstanceNegotiation negotiation;
        try {
            negotiation = InstanceNegotiation.of(accept);
        } catch (DicomwebException e) {
            return null;
        }
        Delivery d = negotiation.zip() ? null : negotiation.deliver(f.transferSyntaxUid(), any -> true);
        return d == null || d.transcode() ? null : d;
    }

    /** Plans the retrieval and starts sending the instance as stored, or answers false with nothing sent. */
    private boolean planned(RoutingContext ctx, Context context, RetrieveTarget target) {
        Part part;
        try {
            Plan plan = instances.plan(target, ctx.request().getHeader("Accept"));
            if (plan.zip()
                    || plan.parts().size() != 1
                    || plan.parts().get(0).delivery().transcode()) {
                return false;
            }
            part = plan.parts().get(0);
        } catch (IndexUnavailableException e) {
            // Down, or too busy to answer within its timeouts (IndexTimeout): the REST endpoint would only ask the
            // index again and wait as long a second time.
            context.runOnContext(v -> ErrorMapper.sendUnavailable(ctx.response(), e.getMessage()));
            return true;
        } catch (RuntimeException e) { // DicomwebException, IndexQueryException, StorageUnavailableException ...
            return false; // the REST endpoint gives the error its status and body
        }
        return sent(ctx, context, part.file(), part.delivery());
    }

    /** Starts sending {@code f} as stored and answers true, or answers false with nothing sent. */
    private boolean sent(RoutingContext ctx, Context context, StoredFile f, Delivery delivery) {
        return StoredPartResponse.send(
                ctx,
                context,
                blobs,
                f,
                InstanceNegotiation.APPLICATION_DICOM,
                InstanceNegotiation.APPLICATION_DICOM + "; transfer-syntax="
                        + delivery.syntax().uid(),
                baseUrl.root(ctx.request()) + "/" + new RetrieveTarget(f.study(), f.series(), f.instance()).path(),
                -1,
                -1);
    }
}
