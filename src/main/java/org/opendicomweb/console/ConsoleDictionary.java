package org.opendicomweb.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.opendicomweb.dicom.ElementDictionary;

/**
 * {@code GET /ui/dictionary.tsv}: the standard data dictionary (PS3.6) that the codec itself reads, for the
 * console's attribute view, which shows each tag's keyword. Serving the codec's own table, rather than a copy made
 * for the browser, means the two cannot drift apart and nothing has to be regenerated. It holds no patient data,
 * so it is public like the console's other files; it changes only with the server, so browsers may keep it a day.
 */
@ApplicationScoped
public class ConsoleDictionary {
    static final String PATH = ConsoleRoutes.PREFIX + "/dictionary.tsv";
    /** The table {@link ElementDictionary} loads: tag or mask, VR, VM, retired, keyword (one element a line). */
    private static final String TABLE = "elements.tsv";

    void register(@Observes Router router) {
        // Read once as the routes are set up, not on the event loop of a request: it is 200 KB from the jar.
        Buffer table = table();
        router.route(HttpMethod.GET, PATH)
                .handler(ctx -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/tab-separated-values; charset=utf-8")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                        .end(table));
    }

    private static Buffer table() {
        try (InputStream in = ElementDictionary.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("The data dictionary " + TABLE + " is missing from the codec");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
