package org.opendicomweb.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the one operator-facing switch {@code dicomweb.database} (env {@code DICOMWEB_DATABASE}) into the
 * Quarkus settings it implies.
 *
 * <p>The database kind of a Quarkus datasource is fixed at build time, so the jar carries two named
 * datasources ({@code h2}, {@code postgresql}), each with its Flyway instance. Which one is used is decided
 * at run time by their {@code active} flags; this factory sets them, and routes
 * {@code dicomweb.db.url/user/password} to the selected datasource, so operators never need the
 * {@code quarkus.datasource.<name>.*} names.
 *
 * <p>Its ordinal (275) sits above application.properties (250) and below environment variables (300) and
 * system properties (400): an explicit {@code QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL} still wins.
 */
public final class DatabaseSelectionConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String selected = valueOf(context, "dicomweb.database");
        String kind = selected == null ? "h2" : selected.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("h2") && !kind.equals("postgresql")) {
            throw new IllegalArgumentException(
                    "dicomweb.database (DICOMWEB_DATABASE) must be 'h2' or 'postgresql', not '" + selected + "'");
        }
        Map<String, String> properties = new HashMap<>();
        for (String unit : List.of("h2", "postgresql")) {
            String active = Boolean.toString(unit.equals(kind));
            properties.put("quarkus.datasource." + unit + ".active", active);
            properties.put("quarkus.flyway." + unit + ".active", active);
        }
        properties.put("quarkus.datasource.h2.jdbc.url", embeddedH2Url(valueOf(context, "dicomweb.storage.path")));
        route(context, "dicomweb.db.url", "quarkus.datasource." + kind + ".jdbc.url", properties);
        route(context, "dicomweb.db.user", "quarkus.datasource." + kind + ".username", properties);
        route(context, "dicomweb.db.password", "quarkus.datasource." + kind + ".password", properties);
        return List.of(new PropertiesConfigSource(properties, "dicomweb database selection", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /**
     * The embedded index lives below the storage root, so one folder holds everything a default install
     * owns. H2 refuses relative paths without "./", hence the absolute path. PostgreSQL mode and lower-case
     * identifiers keep the SQL that others write identical on both databases; DB_CLOSE_ON_EXIT=FALSE leaves
     * closing to the connection pool at shutdown.
     */
    static String embeddedH2Url(String storagePath) {
        Path folder = Path.of(storagePath == null || storagePath.isBlank() ? "./data" : storagePath)
                .toAbsolutePath()
                .normalize()
                .resolve("index");
        return "jdbc:h2:file:" + folder.resolve("dicomweb").toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static void route(ConfigSourceContext context, String from, String to, Map<String, String> properties) {
        String value = valueOf(context, from);
        if (value != null && !value.isBlank()) {
            properties.put(to, value);
        }
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
