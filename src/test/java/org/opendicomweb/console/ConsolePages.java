package org.opendicomweb.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's locations that the browser tests visit, in one place: the accessibility checks run over each of them,
 * and {@link #viewModules()} tells which view modules the console's route table ({@code ROUTES} in app.js) names, so
 * that a test can fail when a view is reached by none of them. A location may name the stored study's UIDs as
 * {@code {study}}, {@code {series}} and {@code {instance}}.
 */
final class ConsolePages {
    static final Path UI = Path.of("src/main/resources/META-INF/resources/ui");

    /**
     * Every page of the console, as a person reaches it. The shell's own page (a location it has no view for) shows
     * the header and the notice line without any view.
     */
    static final List<String> ALL = List.of(
            "#/no-such-page",
            "#/",
            "#/studies?PatientName=Console*",
            "#/studies/{study}",
            "#/studies/{study}/series/{series}/instances/{instance}",
            "#/upload",
            "#/operations");

    private static final Pattern MODULE = Pattern.compile("module:\\s*'\\./([\\w-]+\\.js)'");

    private ConsolePages() {}

    /** The locations with the UIDs of a stored instance in place of their placeholders. */
    static List<String> of(String study, String series, String instance) {
        return ALL.stream()
                .map(p ->
                        p.replace("{study}", study).replace("{series}", series).replace("{instance}", instance))
                .toList();
    }

    /** The view modules that app.js's route table names ("./studies.js", …). */
    static Set<String> routeModules() throws IOException {
        Matcher m = MODULE.matcher(Files.readString(UI.resolve("app.js"), StandardCharsets.UTF_8));
        Set<String> modules = new TreeSet<>();
        while (m.find()) {
            modules.add("./" + m.group(1));
        }
        return modules;
    }

    /** Those of {@link #routeModules()} that exist among the console's files: the views a person can reach. */
    static Set<String> viewModules() throws IOException {
        Set<String> modules = routeModules();
        modules.removeIf(m -> !Files.isRegularFile(UI.resolve(m.substring(2))));
        return modules;
    }
}
