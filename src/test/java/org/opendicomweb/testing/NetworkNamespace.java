package org.opendicomweb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A client on another machine, as far as the server can tell: a Linux network namespace of its own, joined to this
 * one by a pair of virtual Ethernet devices with addresses of the benchmarking range (RFC 2544, 198.18.0.0/15,
 * never routed). The server listens on the address of this side; a program run in the namespace reaches it from the
 * other address, not from loopback. Needs root and iproute2 ({@link #TOOL}).
 */
public final class NetworkNamespace implements AutoCloseable {
    /** Whether namespaces can be made here: root, and the ip command. */
    public static final Tool TOOL =
            new Tool("network namespaces (iproute2, run as root)", "iproute2 curl", NetworkNamespace::possible);

    private final String name;
    private final String hostAddress;
    private final String clientAddress;

    private NetworkNamespace(String name, String hostAddress, String clientAddress) {
        this.name = name;
        this.hostAddress = hostAddress;
        this.clientAddress = clientAddress;
    }

    /** A namespace made elsewhere (by a test resource, in another class loader), by its name and addresses. */
    public static NetworkNamespace of(String name, String hostAddress, String clientAddress) {
        return new NetworkNamespace(name, hostAddress, clientAddress);
    }

    /** The namespace's name. */
    public String name() {
        return name;
    }

    /** Creates a namespace with its link to this one up. */
    public static NetworkNamespace create() {
        int subnet = ThreadLocalRandom.current().nextInt(64) * 4;
        int third = ThreadLocalRandom.current().nextInt(256);
        String name = "odw-" + ProcessHandle.current().pid();
        String host = "veth-" + ProcessHandle.current().pid() % 100000;
        String prefix = "198.18." + third + ".";
        NetworkNamespace ns = new NetworkNamespace(name, prefix + (subnet + 1), prefix + (subnet + 2));
        try {
            ip("netns", "add", name);
            ip("link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", name);
            ip("addr", "add", ns.hostAddress + "/30", "dev", host);
            ip("link", "set", host, "up");
            ip("-n", name, "addr", "add", ns.clientAddress + "/30", "dev", "eth0");
            ip("-n", name, "link", "set", "eth0", "up");
            ip("-n", name, "link", "set", "lo", "up");
            return ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /** The address of this side, where the server listens. */
    public String hostAddress() {
        return hostAddress;
    }

    /** The address the server sees the client's requests come from. */
    public String clientAddress() {
        return clientAddress;
    }

    /** Runs a command in the namespace and returns what it printed (standard output), failing if it failed. */
    public String run(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return exec(full);
    }

    @Override
    public void close() {
        try {
            ip("netns", "del", name); // the veth pair goes with it
        } catch (RuntimeException ignored) {
            // not created, or already gone
        }
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        exec(command);
    }

    private static String exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean possible() {
        String probe = "odw-probe-" + ProcessHandle.current().pid();
        try {
            ip("netns", "add", probe);
            ip("netns", "del", probe);
            return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
        } catch (RuntimeException | IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
