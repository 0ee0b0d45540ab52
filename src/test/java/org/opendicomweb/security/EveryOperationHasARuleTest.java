package org.opendicomweb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.support.RouterRoutes;
import org.opendicomweb.web.capabilities.Capabilities;
import org.opendicomweb.web.capabilities.ResourceTree;

/**
 * The access rules cover the whole API: every operation of the resource tree (which the capabilities description
 * is made of) declares who may call it, and every Vert.x route below the API root answers a path of that tree, so
 * that the rule the filter finds for its path is the rule of the operation it serves.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class EveryOperationHasARuleTest {

    @Inject
    Capabilities capabilities;

    @Inject
    RouterRoutes routes;

    @Inject
    RouteRules rules;

    @Test
    void everyOperationDeclaresItsAccess() {
        List<String> undeclared = new ArrayList<>();
        List<ResourceTree.Operation> operations = operations(capabilities.tree().root(), new ArrayList<>());
        assertTrue(operations.size() > 20, "the tree lists the API: " + operations.size());
        for (ResourceTree.Operation operation : operations) {
            if (operation.declared(Access.class) == null) {
                undeclared.add(operation.resourceClass().getSimpleName() + "."
                        + operation.javaMethod().getName());
            }
        }
        assertEquals(List.of(), undeclared, "operations without @Access");
    }

    @Test
    void everyVertxRouteOfTheApiAnswersAPathOfTheTree() {
        List<String> api =
                routes.paths().stream().filter(p -> p.startsWith("/dicom-web/")).toList();
        assertTrue(api.size() >= 2, "the event-loop WADO-RS routes are registered: " + routes.paths());
        for (String path : api) {
            String sample = path.substring("/dicom-web".length()).replaceAll(":[A-Za-z]+", "1.2.3");
            ResourceTree.Match match = capabilities.tree().find(sample);
            assertNotNull(match, "no operation of the tree answers " + path);
            assertNotNull(match.operation("GET"), "no GET operation of the tree answers " + path);
        }
    }

    @Test
    void everyFhirRouteNeedsTheReadRoleButTheCapabilityStatement() {
        List<String> fhir =
                routes.paths().stream().filter(p -> p.startsWith("/fhir")).toList();
        assertTrue(fhir.size() >= 3, "the FHIR routes are registered: " + routes.paths());
        for (String path : fhir) {
            String sample = path.replace("/*", "/Patient").replaceAll(":[A-Za-z]+", "1.2.3");
            Permission needed = rules.ruleFor("GET", sample).permission();
            Permission expected = sample.equals("/fhir/metadata")
                    ? Permission.PUBLIC
                    : sample.startsWith("/fhir/ImagingStudy") ? Permission.READ : Permission.AUTHENTICATED;
            assertEquals(expected, needed, path);
            assertEquals(Permission.AUTHENTICATED, rules.ruleFor("POST", sample).permission(), path);
        }
    }

    private static List<ResourceTree.Operation> operations(ResourceTree.Node node, List<ResourceTree.Operation> into) {
        into.addAll(node.operations());
        node.children().forEach(child -> operations(child, into));
        return into;
    }
}
