package org.opendicomweb.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: every manifest reads strictly into the Kubernetes model (no unknown field), and the manifests
 * agree with each other, with the image (port, user, storage path) and with the settings the server knows. No
 * cluster is needed, nor any schema download.
 */
class KubernetesManifestsTest {
    /** PostgreSQL's default max_connections (100) less its reserved superuser connections and some for others. */
    private static final int DATABASE_CONNECTIONS_FOR_SERVER = 90;

    private static Map<Class<?>, HasMetadata> manifests;
    private static RuntimeException unreadable;
    private final Deployment deployment = get(Deployment.class);
    private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    private final Container container = pod.getContainers().getFirst();
    private final ConfigMap configMap = get(ConfigMap.class);
    private final Secret secret = get(Secret.class);

    @Test
    void everyManifestReadsStrictlyIntoTheKubernetesModel() {
        assertEquals(manifestFiles().size(), manifests().size());
    }

    @Test
    void strictReadingRefusesAMisspeltField() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                              port: 8080
                """;
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> KubernetesManifests.read(manifest));
        assertTrue(e.getMessage().contains("readinesProbe"), e.getMessage());
        assertNotNull(KubernetesManifests.read(manifest.replace("readinesProbe", "readinessProbe")));
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = KubernetesManifests.tree(DeployFiles.KUBERNETES.resolve("kustomization.yaml"));
        assertEquals("Kustomization", kustomization.path("kind").asText());
        Set<String> listed = new HashSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        assertEquals(
                manifestFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()), listed);
    }

    @Test
    void probesCheckTheServersHealthEndpointsOnItsPort() {
        assertHttpGet(container.getReadinessProbe(), "/q/health/ready");
        assertHttpGet(container.getLivenessProbe(), "/q/health/live");
        assertHttpGet(container.getStartupProbe(), "/q/health/live");
    }

    @Test
    void serviceSendsToTheContainersPort() {
        Service service = get(Service.class);
        ServicePort port = service.getSpec().getPorts().getFirst();
        assertEquals(DeployFiles.SERVER_PORT, containerPort(port.getTargetPort()));
        assertEquals(podLabels(), service.getSpec().getSelector());
    }

    @Test
    void containerListensOnThePortTheImageExposes() {
        ContainerPort port = container.getPorts().getFirst();
        assertEquals(DeployFiles.SERVER_PORT, port.getContainerPort());
        assertEquals(
                List.of(String.valueOf(port.getContainerPort())),
                Dockerfile.read(DeployFiles.DOCKERFILE).runtime().arguments("EXPOSE"));
    }

    @Test
    void everyReferencedConfigMapAndSecretKeyExists() {
        List<EnvFromSource> envFrom = container.getEnvFrom();
        assertEquals(1, envFrom.size());
        assertEquals(
                configMap.getMetadata().getName(),
                envFrom.getFirst().getConfigMapRef().getName());
        for (EnvVar env : container.getEnv()) {
            SecretKeySelector ref = env.getValueFrom().getSecretKeyRef();
            assertNotNull(ref, env.getName() + " comes from the Secret");
            assertEquals(secret.getMetadata().getName(), ref.getName());
            assertTrue(secretKeys().contains(ref.getKey()), "the Secret has the key " + ref.getKey());
        }
    }

    @Test
    void everyVariableIsASettingTheServerKnows() {
        KnownSettings known = KnownSettings.ofProject();
        List<String> variables = new ArrayList<>(configMap.getData().keySet());
        variables.addAll(secretKeys());
        container.getEnv().forEach(e -> variables.add(e.getName()));
        List<String> unknown =
                variables.stream().filter(v -> !known.knows(v)).distinct().toList();
        assertEquals(List.of(), unknown, "variables that docs/configuration.md does not name");
    }

    @Test
    void secretHoldsPlaceholdersOnly() {
        assertTrue(secret.getData() == null || secret.getData().isEmpty(), "placeholders are in stringData");
        secret.getStringData()
                .forEach((key, value) -> assertTrue(value.startsWith("PLACEHOLDER"), key + " is a placeholder"));
    }

    @Test
    void nodesAuthenticateWithOidcAndAuditToStandardOutput() {
        Map<String, String> settings = configMap.getData();
        assertEquals("oidc", settings.get("DICOMWEB_AUTH_MODE"));
        assertFalse(settings.getOrDefault("QUARKUS_OIDC_AUTH_SERVER_URL", "").isBlank());
        assertEquals("stdout", settings.get("DICOMWEB_AUDIT_DESTINATION"));
        assertEquals("postgresql", settings.get("DICOMWEB_DATABASE"));
        assertEquals("s3", settings.get("DICOMWEB_STORAGE_TYPE"));
        assertFalse(settings.getOrDefault("DICOMWEB_STORAGE_S3_BUCKET", "").isBlank());
    }

    @Test
    void everyPodsPoolFitsTheDatabaseAtMostReplicas() {
        HorizontalPodAutoscaler hpa = get(HorizontalPodAutoscaler.class);
        int pool = Integer.parseInt(configMap.getData().get("QUARKUS_DATASOURCE_POSTGRESQL_JDBC_MAX_SIZE"));
        assertTrue(
                hpa.getSpec().getMaxReplicas() * pool <= DATABASE_CONNECTIONS_FOR_SERVER,
                hpa.getSpec().getMaxReplicas() + " pods x " + pool + " connections");
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "two pods at least: one survives a disruption");
        assertEquals(
                deployment.getMetadata().getName(),
                hpa.getSpec().getScaleTargetRef().getName());
        assertEquals(deployment.getKind(), hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(
                deployment.getApiVersion(), hpa.getSpec().getScaleTargetRef().getApiVersion());
        // Utilization is relative to the request: without one the autoscaler cannot compute it.
        assertNotNull(container.getResources().getRequests().get("cpu"));
    }

    @Test
    void disruptionBudgetAndServiceSelectThePods() {
        PodDisruptionBudget pdb = get(PodDisruptionBudget.class);
        assertEquals(podLabels(), pdb.getSpec().getSelector().getMatchLabels());
        assertEquals(podLabels(), deployment.getSpec().getSelector().getMatchLabels());
        int minAvailable = pdb.getSpec().getMinAvailable().getIntVal();
        assertTrue(minAvailable < get(HorizontalPodAutoscaler.class).getSpec().getMinReplicas());
    }

    @Test
    void podRunsAsTheImagesNonRootUserWithItsStorageRootWritable() {
        Dockerfile.Stage runtime = Dockerfile.read(DeployFiles.DOCKERFILE).runtime();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(
                Long.valueOf(runtime.arguments("USER").getLast()),
                pod.getSecurityContext().getRunAsUser());
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
        Set<String> mounted = new HashSet<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            mounted.add(mount.getMountPath());
        }
        // With a read-only root, the storage root (uploads in progress) and the JVM's temporary folder need volumes.
        assertTrue(mounted.contains(runtime.environment().get("DICOMWEB_STORAGE_PATH")), mounted.toString());
        assertTrue(mounted.contains("/tmp"), mounted.toString());
        assertNotNull(container.getResources().getLimits().get("memory"));
    }

    private void assertHttpGet(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertEquals(path, get.getPath());
        assertEquals(DeployFiles.SERVER_PORT, containerPort(get.getPort()));
    }

    /** A port given by number or by the container port's name, as a number. */
    private int containerPort(IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    private Map<String, String> podLabels() {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private Set<String> secretKeys() {
        Set<String> keys = new HashSet<>();
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        return keys;
    }

    private <T extends HasMetadata> T get(Class<T> kind) {
        HasMetadata manifest = manifests().get(kind);
        assertNotNull(manifest, "a " + kind.getSimpleName() + " in " + DeployFiles.KUBERNETES);
        return kind.cast(manifest);
    }

    /**
     * Read once for all tests; a file that cannot be read fails every test with its own message (a static
     * initializer would leave all but the first with NoClassDefFoundError).
     */
    private static synchronized Map<Class<?>, HasMetadata> manifests() {
        if (manifests == null && unreadable == null) {
            try {
                manifests = readAll();
            } catch (RuntimeException | AssertionError e) {
                unreadable = new IllegalStateException(e.getMessage(), e);
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return manifests;
    }

    private static Map<Class<?>, HasMetadata> readAll() {
        Map<Class<?>, HasMetadata> all = new HashMap<>();
        for (Path file : manifestFiles()) {
            HasMetadata manifest = KubernetesManifests.read(file);
            assertEquals(null, all.put(manifest.getClass(), manifest), "one " + manifest.getKind());
        }
        return all;
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(DeployFiles.KUBERNETES)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
