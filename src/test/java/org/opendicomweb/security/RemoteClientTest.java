package org.opendicomweb.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.NetworkNamespace;
import org.opendicomweb.testing.RemoteClientResource;
import org.opendicomweb.testing.UsesTools;

/**
 * Mode none against a client that really is elsewhere: curl in a network namespace of its own, whose requests reach
 * the server from another address over a virtual Ethernet link. It is refused, and cannot pass for a local client
 * by writing a loopback address into forwarding headers: it is no trusted proxy.
 */
@QuarkusTest
@UsesTools
@TestProfile(RemoteClientTest.ReachableFromANamespace.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class RemoteClientTest {

    public static class ReachableFromANamespace implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RemoteClientResource.class));
        }
    }

    private NetworkNamespace namespace;

    @BeforeEach
    void namespace() {
        namespace = RemoteClientResource.namespace();
    }

    /** Status and body of a GET from the namespace, optionally with one header. */
    private String[] get(String path, String... header) {
        String url = "http://" + namespace.hostAddress() + ":" + RestAssured.port + path;
        List<String> command =
                new java.util.ArrayList<>(List.of("curl", "-s", "--max-time", "20", "-w", "\n%{http_code}", url));
        if (header.length > 0) {
            command.add("-H");
            command.add(header[0]);
        }
        String out = namespace.run(command.toArray(String[]::new));
        int cut = out.lastIndexOf('\n');
        return new String[] {out.substring(cut + 1).trim(), out.substring(0, cut)};
    }

    @Test
    void aClientOnAnotherMachineIsRefusedWithHowToTurnAuthenticationOn() {
        String[] answer = get("/dicom-web/studies");
        assertEquals("403", answer[0], answer[1]);
        assertTrue(answer[1].contains("dicomweb.auth.mode=oidc"), answer[1]);
    }

    @Test
    void aClientOnAnotherMachineCannotPassForALocalOneByItsHeaders() {
        assertEquals("403", get("/dicom-web/studies", "X-Forwarded-For: 127.0.0.1")[0]);
        assertEquals("403", get("/dicom-web/studies", "X-Real-IP: 127.0.0.1")[0]);
        assertEquals("403", get("/dicom-web/studies", "Forwarded: for=127.0.0.1")[0]);
    }

    @Test
    void healthAndTheServiceRootStayOpenToIt() {
        assertEquals("200", get("/q/health/ready")[0]);
        assertEquals("200", get("/dicom-web")[0]);
    }
}
