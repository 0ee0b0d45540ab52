package org.opendicomweb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * nginx (Debian package {@code nginx-light}, or any nginx) as a reverse proxy in front of the server under test: one
 * foreground process without workers ({@code daemon off; master_process off}), its pid file, logs and temporary
 * files in a temporary folder, listening on a free loopback port. Not installed is a missing tool
 * ({@link RequiredTools}).
 */
public final class Nginx extends LocalServer {
    private final Path binary;
    private final String httpBlock;
    private final String serverBlock;

    private Nginx(String httpBlock, String serverBlock) {
        super("nginx");
        this.httpBlock = httpBlock;
        this.serverBlock = serverBlock;
        try {
            binary = executable("nginx", "nginx-light", "/usr/sbin/nginx", "/usr/bin/nginx");
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    /**
     * Starts nginx with one {@code server} whose directives (locations and so on) are given; {@code listen} is
     * added. The text may use {@code $server_port} and the like: it is nginx configuration.
     */
    public static Nginx start(String serverDirectives) {
        return start("", serverDirectives);
    }

    /**
     * Starts nginx with these directives in its {@code http} block ({@code upstream}, {@code log_format}) and one
     * {@code server} as {@link #start(String)} does. Relative paths (a log file) name files in its folder.
     */
    public static Nginx start(String httpDirectives, String serverDirectives) {
        Nginx nginx = new Nginx(httpDirectives, serverDirectives);
        nginx.launch();
        return nginx;
    }

    @Override
    protected List<String> prepare(int port) throws IOException {
        String d = dir.toString();
        String config = """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %4$s
                    server {
                        listen 127.0.0.1:%2$d;
                %3$s
                    }
                }
                """.formatted(d, port, serverBlock.indent(8), httpBlock.indent(4));
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        // -e: the default error log under /var/log may not be writable; -p: relative paths stay in the folder.
        return List.of(binary.toString(), "-p", d + "/", "-e", d + "/error.log", "-c", file.toString());
    }

    @Override
    protected boolean ready(int port) {
        return listening(port);
    }

    /** A file nginx wrote in its folder (a log named by a relative path), empty while there is none. */
    public String file(String name) {
        try {
            Path file = dir.resolve(name);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + name + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** The error log (for failure messages): nginx logs there, not on the console. */
    public String errorLog() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(error log unreadable: " + e.getMessage() + ")";
        }
    }
}
