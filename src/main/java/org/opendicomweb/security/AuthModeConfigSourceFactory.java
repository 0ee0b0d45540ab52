package org.opendicomweb.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code dicomweb.auth.mode} into the Quarkus settings it implies: in mode {@code none} the OpenID Connect
 * extension is switched off, so that it neither asks for an issuer nor looks at Authorization headers. In mode
 * {@code oidc} the issuer and the rest are quarkus-oidc's own properties, set by the operator.
 *
 * <p>Same ordinal as the database selection: above application.properties, below the environment.
 */
public final class AuthModeConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue("dicomweb.auth.mode");
        AuthMode mode = AuthMode.parse(value == null ? null : value.getValue());
        Map<String, String> properties = Map.of("quarkus.oidc.tenant-enabled", Boolean.toString(mode == AuthMode.OIDC));
        return List.of(new PropertiesConfigSource(properties, "dicomweb authentication mode", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
