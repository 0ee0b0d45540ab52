package org.opendicomweb.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.security.audit.AuditKind;
import org.opendicomweb.web.capabilities.Capabilities;
import org.opendicomweb.web.capabilities.ResourceTree;

/**
 * What a request needs, from its method and path: the {@link Access} of the API operation it calls, read from the
 * same resource tree that the capabilities description is made of, so the two cannot disagree. Outside the API:
 * health is public (orchestrators probe it without credentials), the other operations endpoints follow
 * {@code dicomweb.auth.operations-endpoints}, the routes that declare themselves ({@link RoutesOutsideTheApi}: the
 * FHIR endpoints) follow their declaration, and everything else (static files) is public.
 */
@ApplicationScoped
public class RouteRules {

    /**
     * What one request needs.
     *
     * @param permission who may call it
     * @param audit how a call is audited
     * @param values the UIDs (and other template values) the path names, by template name
     */
    public record Rule(Permission permission, AuditKind audit, Map<String, String> values) {
        static Rule of(Permission permission) {
            return new Rule(permission, AuditKind.NONE, Map.of());
        }
    }

    private static final Rule PUBLIC = Rule.of(Permission.PUBLIC);
    /** An operation without a declared rule is a mistake that a test finds; until then only administrators pass. */
    private static final Rule UNDECLARED = Rule.of(Permission.ADMIN);

    private final Capabilities capabilities;
    private final String rootPath;
    private final String apiPath;
    private final String operationsPath;
    private final Rule operations;
    private final List<RoutesOutsideTheApi> outside;

    @Inject
    RouteRules(
            Capabilities capabilities,
            DicomwebConfig config,
            Instance<RoutesOutsideTheApi> outside,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath,
            @ConfigProperty(name = "quarkus.rest.path", defaultValue = "/") String restPath,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
                    String nonApplicationPath) {
        this.capabilities = capabilities;
        this.outside = outside.stream().toList();
        this.rootPath = trimmed(rootPath);
        this.apiPath = trimmed(restPath);
        this.operationsPath = nonApplicationPath.startsWith("/")
                ? trimmed(nonApplicationPath)
                : trimmed(this.rootPath + "/" + nonApplicationPath);
        this.operations = switch (config.auth().operationsEndpoints().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "admin" -> Rule.of(Permission.ADMIN);
            default ->
                throw new IllegalArgumentException(
                        "dicomweb.auth.operations-endpoints must be 'admin' or 'public', not '"
                                + config.auth().operationsEndpoints() + "'");
        };
    }

    /** The rule for a request; {@code path} is the request's normalized path, HTTP root path included. */
    public Rule ruleFor(String method, String path) {
        if (under(path, operationsPath)) {
            return under(path, operationsPath + "/health") ? PUBLIC : operations;
        }
        String local = under(path, rootPath) ? path.substring(rootPath.length()) : path;
        // Before the API's own paths: with the API mounted at the root, they would take these in too.
        for (RoutesOutsideTheApi routes : outside) {
            if (under(local, routes.prefix())) {
                return routes.ruleFor(method, local.substring(routes.prefix().length()));
            }
        }
        if (!under(local, apiPath)) {
            return PUBLIC;
        }
        return apiRule(method, local.substring(apiPath.length()));
    }

    private Rule apiRule(String method, String relativePath) {
        ResourceTree.Match match = capabilities.tree().find(relativePath);
        if (match == null) {
            return Rule.of(Permission.AUTHENTICATED);
        }
        if ("OPTIONS".equals(method)) {
            return PUBLIC; // the capabilities description (PS3.18 §8.9)
        }
        ResourceTree.Operation operation = match.operation(method);
        if (operation == null) {
            return Rule.of(Permission.AUTHENTICATED);
        }
        Access access = operation.declared(Access.class);
        if (access == null) {
            return UNDECLARED;
        }
        return new Rule(access.value(), access.audit(), match.values());
    }

    private static boolean under(String path, String prefix) {
        return prefix.isEmpty()
                || path.equals(prefix)
                || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
    }

    /** A path prefix without its trailing slash: "/" is the empty prefix. */
    private static String trimmed(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
