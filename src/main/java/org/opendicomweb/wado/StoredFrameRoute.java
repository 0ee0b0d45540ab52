package org.opendicomweb.wado;

import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.SizedFileResponse;

/**
 * Retrieve Frames (PS3.18 §10.4.1.1.3) of one frame, the request a viewer makes for every image it shows while a
 * user scrolls a stack, answered on the event loop when nothing needs reading: the instance's location
 * ({@link InstanceLocations#cached}) and its frame table are kept, and the frame goes out as stored in one piece
 * ({@link FrameService#storedRegion}), as a sized single-part body whose bytes are one file region. Everything
 * else (several frames, decoding or compressing, an instance not read recently, a connection without file regions,
 * any error) is left to {@link WadoResource}; the answer is the same either way but for Content-Length in place
 * of chunking.
 */
@ApplicationScoped
public class StoredFrameRoute {
    private static final String TEMPLATE = "/studies/{study}/series/{series}/instances/{instance}/frames/{frames}";

    private final FrameService frames;
    private final InstanceLocations locations;
    private final BlobStore blobs;
    private final String restPath;

    @Inject
    StoredFrameRoute(
            FrameService frames,
            InstanceLocations locations,
            BlobStore blobs,
            @ConfigProperty(name = "quarkus.rest.path", defaultValue = "/") String restPath) {
        this.frames = frames;
        this.locations = locations;
        this.blobs = blobs;
        this.restPath = restPath;
    }

    void register(@Observes Router router) {
        StoredPartResponse.route(router, restPath, TEMPLATE, this::handle);
    }

    private void handle(RoutingContext ctx) {
        int frame = singleFrame(ctx.pathParam("frames"));
        if (frame < 1 || !blobs.opensLocally() || !SizedFileResponse.possible(ctx.request())) {
            ctx.next();
            return;
        }
        RetrieveTarget target;
        try {
            target = RetrieveTarget.of(ctx.pathParam("study"), ctx.pathParam("series"), ctx.pathParam("instance"));
        } catch (DicomwebException e) {
            ctx.next(); // the REST endpoint gives the error its status and body
            return;
        }
        StoredFile known = locations.cached(target);
        FrameService.StoredRegion region = known == null
                ? null
                : frames.storedRegion(known, frame, ctx.request().getHeader("Accept"));
        if (region == null) {
            ctx.next();
            return;
        }
        Context context = StoredPartResponse.metricsNamed(ctx, TEMPLATE);
        if (!StoredPartResponse.send(
                ctx,
                context,
                blobs,
                known,
                region.mediaType(),
                region.partType(),
                null,
                region.offset(),
                region.length())) {
            locations.forget(known.instance()); // gone or changed: the index says what it is now
            ctx.next();
        }
    }

    /** The frame number of a list of one frame (digits only), else 0. */
    private static int singleFrame(String list) {
        if (list == null || list.isEmpty() || list.length() > 9) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
