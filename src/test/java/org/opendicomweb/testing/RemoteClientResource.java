package org.opendicomweb.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Puts the server under test where a client of another machine can reach it: on this side of a
 * {@link NetworkNamespace}, whose name and addresses it leaves in system properties for the test (which runs in
 * another class loader). Where namespaces cannot be made, the server stays on loopback and the test, asking
 * {@link RequiredTools} for {@link NetworkNamespace#TOOL}, is skipped or fails.
 */
public class RemoteClientResource implements QuarkusTestResourceLifecycleManager {
    static final String NAME = "odw.netns.name";
    static final String HOST = "odw.netns.host";
    static final String CLIENT = "odw.netns.client";

    private NetworkNamespace namespace;

    @Override
    public Map<String, String> start() {
        try {
            namespace = NetworkNamespace.create();
        } catch (RuntimeException e) {
            return Map.of();
        }
        System.setProperty(NAME, namespace.name());
        System.setProperty(HOST, namespace.hostAddress());
        System.setProperty(CLIENT, namespace.clientAddress());
        return Map.of("quarkus.http.host", namespace.hostAddress());
    }

    @Override
    public void stop() {
        if (namespace != null) {
            namespace.close();
        }
    }

    /** The namespace the resource made, for the test; fails the test's assumption where none could be made. */
    public static NetworkNamespace namespace() {
        RequiredTools.require(NetworkNamespace.TOOL);
        String name = System.getProperty(NAME);
        if (name == null) {
            throw new IllegalStateException("no network namespace was made for the server under test");
        }
        return NetworkNamespace.of(name, System.getProperty(HOST), System.getProperty(CLIENT));
    }
}
