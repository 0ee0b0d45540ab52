package org.opendicomweb.wado;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.jboss.logging.Logger;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.SizedFileResponse;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * A multipart/related answer of one part whose body is one region of a stored file, for the routes that answer
 * ahead of the REST layer ({@link StoredInstanceRoute}, {@link StoredFrameRoute}): the part head and closing
 * delimiter are made here, the region goes out as a file region ({@link SizedFileResponse}).
 */
final class StoredPartResponse {
    private static final Logger LOG = Logger.getLogger(StoredPartResponse.class);

    /**
     * The HTTP metrics name a request by the template its handler puts in this context local, as the REST layer
     * does; the same name as the REST endpoint's keeps one series of figures for the transaction.
     */
    private static final String METRICS_TEMPLATE_KEY = "UrlPathTemplate";

    private StoredPartResponse() {}

    /**
     * Routes GET requests of {@code template} (as the REST endpoint writes it, below {@code restPath}) to
     * {@code handler} ahead of the REST layer, which gets whatever the handler passes on with {@code next()}.
     */
    static void route(Router router, String restPath, String template, Handler<RoutingContext> handler) {
        String root = restPath.endsWith("/") ? restPath.substring(0, restPath.length() - 1) : restPath;
        router.get(root + template.replace('{', ':').replace("}", ""))
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(handler);
    }

    /** Names the request in the HTTP metrics by {@code template}, as the REST endpoint would. */
    static Context metricsNamed(RoutingContext ctx, String template) {
        Context context = ctx.vertx().getOrCreateContext();
        context.putLocal(METRICS_TEMPLATE_KEY, template);
        return context;
    }

    /**
     * Starts sending {@code length} bytes of {@code f} from {@code offset} ({@code -1}: the whole file) as the one
     * part, of {@code partType} (and {@code location} when not null), of a body of {@code mediaType}; true once
     * started, false with nothing sent when the file cannot be opened as a file or is not the size indexed.
     */
    static boolean send(
            RoutingContext ctx,
            Context context,
            BlobStore blobs,
            StoredFile f,
            String mediaType,
            String partType,
            String location,
            long offset,
            long length) {
        ReadableBlob blob = null;
        try {
            blob = blobs.open(f.blobKey());
            FileChannel file = blob.fileChannel().orElse(null);
            if (file == null || blob.size() != f.blobSize() || offset + length > blob.size()) {
                blob.close();
                return false;
            }
            String boundary = MultipartWriter.newBoundary();
            ByteArrayOutputStream framing = new ByteArrayOutputStream(512);
            MultipartWriter multipart = new MultipartWriter(framing, boundary);
            multipart.startPart(partType, location);
            byte[] head = framing.toByteArray();
            framing.reset();
            multipart.finish();
            SizedFileResponse.send(
                    context,
                    ctx.request(),
                    MultipartWriter.contentType(mediaType, boundary),
                    head,
                    file,
                    Math.max(0, offset),
                    offset < 0 ? blob.size() : length,
                    framing.toByteArray(),
                    blob,
                    "instance " + f.instance() + " of series " + f.series() + " of study " + f.study());
            return true; // the blob is closed once it was sent
        } catch (IOException | RuntimeException e) {
            closeQuietly(blob);
            LOG.debugf("Instance %s passed to the REST endpoint: %s", f.instance(), e.getMessage());
            return false;
        }
    }

    private static void closeQuietly(ReadableBlob blob) {
        if (blob != null) {
            try {
                blob.close();
            } catch (IOException e) {
                LOG.debugf("Closing a stored file failed: %s", e.getMessage());
            }
        }
    }
}
