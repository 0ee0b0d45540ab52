package org.opendicomweb.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendicomweb.testing.UsesTools;

/**
 * deploy/compose.yaml is a valid Compose file (the Compose specification's JSON schema, from npm) and its services
 * agree with each other, with nginx.conf and with the settings the server knows. No container engine is needed.
 * In the integration tier because the schema is installed by the build's pre-integration-test step.
 */
@UsesTools
class ComposeFileTest {
    private static final ComposeFile COMPOSE = ComposeFile.read(DeployFiles.COMPOSE);
    /** A duration as Compose (Go's time.ParseDuration) reads it: 10s, 1m30s, 500ms. */
    private static final Pattern GO_DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|ms|s|m|h))+");

    @Test
    void composeFileIsValidAgainstTheComposeSpecification() {
        assertEquals(List.of(), ComposeSchema.load().problems(COMPOSE.tree()));
    }

    @Test
    void schemaRefusesAMisspeltServiceKey() {
        ComposeFile typo = ComposeFile.parse("""
                services:
                  web:
                    image: nginx
                    helthcheck:
                      test: ["CMD", "true"]
                """);
        List<String> problems = ComposeSchema.load().problems(typo.tree());
        assertTrue(problems.stream().anyMatch(p -> p.contains("helthcheck")), problems.toString());
    }

    @Test
    void twoServerNodesBuiltFromTheDockerfileUseOnlyKnownSettings() {
        List<String> nodes = COMPOSE.serverNodes();
        assertTrue(nodes.size() >= 2, "several nodes: " + nodes);
        KnownSettings known = KnownSettings.ofProject();
        for (String node : nodes) {
            Map<String, String> env = ComposeFile.environment(COMPOSE.service(node));
            List<String> unknown =
                    env.keySet().stream().filter(v -> !known.knows(v)).toList();
            assertEquals(List.of(), unknown, node + ": variables that docs/configuration.md does not name");
            assertEquals("postgresql", env.get("DICOMWEB_DATABASE"));
            assertEquals("s3", env.get("DICOMWEB_STORAGE_TYPE"));
            assertEquals("stdout", env.get("DICOMWEB_AUDIT_DESTINATION"));
        }
    }

    @Test
    void nodesReachTheDatabaseAndBucketTheFileDefines() {
        JsonNode postgres = COMPOSE.service("postgres");
        Map<String, String> db = ComposeFile.environment(postgres);
        Map<String, String> minio = ComposeFile.environment(COMPOSE.service("minio"));
        String bucketCommand =
                COMPOSE.service("create-bucket").path("entrypoint").toString();
        for (String node : COMPOSE.serverNodes()) {
            Map<String, String> env = ComposeFile.environment(COMPOSE.service(node));
            URI url = URI.create(env.get("DICOMWEB_DB_URL").substring("jdbc:".length()));
            assertEquals("postgres", url.getHost());
            assertEquals("/" + db.get("POSTGRES_DB"), url.getPath());
            assertEquals(db.get("POSTGRES_USER"), env.get("DICOMWEB_DB_USER"));
            assertEquals(db.get("POSTGRES_PASSWORD"), env.get("DICOMWEB_DB_PASSWORD"));
            assertEquals(
                    "minio", URI.create(env.get("DICOMWEB_STORAGE_S3_ENDPOINT")).getHost());
            assertEquals("true", env.get("DICOMWEB_STORAGE_S3_PATH_STYLE"), "MinIO needs path-style addressing");
            assertTrue(
                    bucketCommand.contains("mb --ignore-existing local/" + env.get("DICOMWEB_STORAGE_S3_BUCKET")),
                    bucketCommand);
            assertEquals(minio.get("MINIO_ROOT_USER"), env.get("AWS_ACCESS_KEY_ID"));
            assertEquals(minio.get("MINIO_ROOT_PASSWORD"), env.get("AWS_SECRET_ACCESS_KEY"));
        }
    }

    @Test
    void everyDependencyWaitsForAConditionItsTargetCanMeet() {
        Set<String> services = COMPOSE.tree().path("services").properties().stream()
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        COMPOSE.tree()
                .path("services")
                .properties()
                .forEach(service -> service.getValue()
                        .path("depends_on")
                        .properties()
                        .forEach(dependency -> {
                            String target = dependency.getKey();
                            String condition =
                                    dependency.getValue().path("condition").asText();
                            String what = service.getKey() + " -> " + target;
                            assertTrue(services.contains(target), what);
                            switch (condition) {
                                case "service_healthy" ->
                                    assertFalse(
                                            COMPOSE.service(target)
                                                    .path("healthcheck")
                                                    .isMissingNode(),
                                            what);
                                case "service_completed_successfully" ->
                                    assertEquals(
                                            "no",
                                            COMPOSE.service(target)
                                                    .path("restart")
                                                    .asText(),
                                            what);
                                default -> throw new AssertionError(what + ": a condition, not " + condition);
                            }
                        }));
        for (String node : COMPOSE.serverNodes()) {
            Set<String> needs = COMPOSE.service(node).path("depends_on").properties().stream()
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("postgres", "create-bucket"), needs, node);
        }
    }

    @Test
    void healthCheckTimesAreDurationsComposeReads() {
        // The schema marks them "format": "duration", which 2019-09 treats as an annotation: checked here.
        COMPOSE.tree().path("services").properties().forEach(service -> {
            JsonNode check = service.getValue().path("healthcheck");
            for (String field : List.of("interval", "timeout", "start_period")) {
                if (check.has(field)) {
                    String value = check.get(field).asText();
                    assertTrue(GO_DURATION.matcher(value).matches(), service.getKey() + " " + field + ": " + value);
                }
            }
        });
    }

    @Test
    void nodesAreHealthyOnlyWhenReady() {
        for (String node : COMPOSE.serverNodes()) {
            String test = COMPOSE.service(node).path("healthcheck").path("test").toString();
            assertTrue(test.contains("\"http://127.0.0.1:" + DeployFiles.SERVER_PORT + "/q/health/ready\""), test);
        }
    }

    @Test
    void nginxBalancesOverEveryNodeAndIsTheOnlyTrustedProxy() {
        List<NginxConf.Server> upstream = NginxConf.read(DeployFiles.NGINX_CONF).upstreamServers();
        assertEquals(
                COMPOSE.serverNodes().stream()
                        .map(n -> new NginxConf.Server(n, DeployFiles.SERVER_PORT))
                        .toList(),
                upstream);
        JsonNode nginx = COMPOSE.service("nginx");
        assertTrue(
                nginx.path("volumes").toString().contains("\"./nginx.conf:/etc/nginx/nginx.conf:ro\""),
                nginx.path("volumes").toString());
        String address =
                nginx.path("networks").path("dicomweb").path("ipv4_address").asText();
        assertFalse(address.isEmpty(), "nginx has a fixed address");
        for (String node : COMPOSE.serverNodes()) {
            assertEquals(
                    address,
                    ComposeFile.environment(COMPOSE.service(node)).get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"),
                    node);
        }
        // Published on the host's loopback only: the nodes serve anonymous remote clients (a local trial).
        assertTrue(
                nginx.path("ports").toString().contains("\"127.0.0.1:"),
                nginx.path("ports").toString());
    }
}
