package org.opendicomweb.support;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Test-only: the Vert.x routes of the running server, for tests that check every route against a rule. */
@ApplicationScoped
public class RouterRoutes {
    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    /**
     * "METHOD path" of each route that has a path and is limited to methods, e.g. {@code GET
     * /dicom-web/studies/:study}.
     */
    public List<String> methodsAndPaths() {
        return router.getRoutes().stream()
                .filter(r -> r.getPath() != null && r.methods() != null)
                .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath()))
                .toList();
    }

    /** The paths of the routes that have one (filters and catch-alls have none), e.g. /dicom-web/studies/:study. */
    public List<String> paths() {
        return router.getRoutes().stream()
                .map(Route::getPath)
                .filter(p -> p != null)
                .toList();
    }
}
