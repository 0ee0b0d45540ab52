package org.opendicomweb.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This server process among the nodes that share the index: a random id, new at every start (two processes on one
 * host, or a process restarted with the pid of a dead one, never pass for each other), and the host name and pid
 * for the people reading who holds what.
 *
 * @param id what leases are held by
 * @param host the host name, as the audit trail names this node
 * @param pid the process id
 */
public record ClusterNode(String id, String host, long pid) {

    private static final ClusterNode THIS = new ClusterNode(
            UUID.randomUUID().toString(), hostName(), ProcessHandle.current().pid());

    /** This process. */
    public static ClusterNode current() {
        return THIS;
    }

    /** The host name and pid, e.g. {@code node-2 (pid 4711)}. */
    public String describe() {
        return host + " (pid " + pid + ")";
    }

    /** The host name of this machine; in a container, the container's (what {@code hostname} prints there). */
    public static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
