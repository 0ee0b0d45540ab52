package org.opendicomweb.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/nginx.conf as text, and the servers of its upstream block (host:port). */
record NginxConf(String text) {
    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+\\S+\\s*\\{([^}]*)}");
    private static final Pattern SERVER = Pattern.compile("(?m)^\\s*server\\s+([^\\s;:]+):(\\d+)");

    record Server(String host, int port) {}

    static NginxConf read(Path file) {
        try {
            return new NginxConf(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Server> upstreamServers() {
        Matcher upstream = UPSTREAM.matcher(text);
        if (!upstream.find()) {
            throw new AssertionError("nginx.conf has no upstream block");
        }
        List<Server> servers = new ArrayList<>();
        Matcher m = SERVER.matcher(upstream.group(1));
        while (m.find()) {
            servers.add(new Server(m.group(1), Integer.parseInt(m.group(2))));
        }
        return servers;
    }
}
