package org.opendicomweb.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.testing.LocalServer;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;

/**
 * deploy/nginx.conf run outside Compose. nginx resolves upstream host names when it reads its configuration, and
 * the node names (node1, node2) exist only on Compose's network, so the copy it runs differs from the file in three
 * ways only: each upstream server's host:port becomes a loopback port given by the test, the listener moves from
 * 8080 to a free loopback port, and the temporary folders move into the test's folder (the packaged defaults under
 * /var/lib/nginx need root). Every other directive is the file's own.
 */
final class ComposeNginx extends LocalServer {
    private static final Tool NGINX = new Tool(
            "nginx", "nginx-light", () -> Files.isExecutable(Path.of("/usr/sbin/nginx")) || Tool.onPath("nginx"));

    private final List<Integer> nodePorts;

    private ComposeNginx(List<Integer> nodePorts) {
        super("compose-nginx");
        this.nodePorts = nodePorts;
    }

    /** Runs nginx with the file's configuration in front of these loopback ports, one per upstream server. */
    static ComposeNginx start(List<Integer> nodePorts) {
        RequiredTools.require(NGINX);
        ComposeNginx nginx = new ComposeNginx(nodePorts);
        nginx.launch();
        return nginx;
    }

    /** {@code nginx -t} on the copy for this port: its exit status and output. */
    static Result test(List<Integer> nodePorts) throws IOException, InterruptedException {
        RequiredTools.require(NGINX);
        ComposeNginx nginx = new ComposeNginx(nodePorts);
        try {
            List<String> command = new ArrayList<>(nginx.command(1));
            command.add("-t");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), output);
        } finally {
            nginx.close();
        }
    }

    record Result(int exitStatus, String output) {}

    @Override
    protected List<String> prepare(int port) throws IOException {
        return command(port);
    }

    private List<String> command(int port) throws IOException {
        String text = NginxConf.read(DeployFiles.NGINX_CONF).text();
        List<NginxConf.Server> servers = NginxConf.read(DeployFiles.NGINX_CONF).upstreamServers();
        if (servers.size() != nodePorts.size()) {
            throw new IllegalArgumentException(servers.size() + " upstream servers, " + nodePorts.size() + " ports");
        }
        for (int i = 0; i < servers.size(); i++) {
            NginxConf.Server s = servers.get(i);
            text = replaceOnce(text, "server " + s.host() + ":" + s.port(), "server 127.0.0.1:" + nodePorts.get(i));
        }
        text = replaceOnce(text, "listen " + DeployFiles.SERVER_PORT + ";", "listen 127.0.0.1:" + port + ";");
        String d = dir.toString();
        text = replaceOnce(text, "http {", """
                http {
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;""".formatted(d));
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        // One foreground process without workers, its pid file in the folder; -e: the packaged default error log
        // under /var/log may not be writable before the configuration's own error_log is read.
        return List.of(
                binary,
                "-p",
                d + "/",
                "-e",
                d + "/error.log",
                "-c",
                file.toString(),
                "-g",
                "daemon off; master_process off; pid " + d + "/nginx.pid;");
    }

    @Override
    protected boolean ready(int port) {
        return listening(port);
    }

    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        if (at < 0 || text.indexOf(what, at + 1) >= 0) {
            throw new IllegalStateException("nginx.conf should contain '" + what + "' exactly once");
        }
        return text.substring(0, at) + with + text.substring(at + what.length());
    }
}
