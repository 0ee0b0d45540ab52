package org.opendicomweb.web;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the validation of request targets from the HTTP layer to {@link RequestTargetFilter}.
 *
 * <p>Quarkus' root request handler answers an empty 400, before any route or filter can act, to every target that
 * {@link java.net.URI} refuses: {@code ?PatientName=Doe^Peter} as curl and browsers send it among them. Its only
 * switch is the JVM system property {@code vertx.disableURIValidation}, read once when that handler's class is
 * initialized; Quarkus has no configuration property for it and no hook before that handler. Configuration is
 * built before the HTTP layer's classes are initialized, whether the server runs from the jar, in dev mode or
 * under the tests, so this is where the property is set. The factory contributes no configuration. A value given
 * on the command line is left as it is.
 */
public final class UriValidationHandOver implements ConfigSourceFactory {
    static final String PROPERTY = "vertx.disableURIValidation";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
        return List.of();
    }
}
