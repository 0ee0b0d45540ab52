package org.opendicomweb.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Compose file as Compose reads it before interpolation: YAML with its anchors and merge keys ({@code <<: *node})
 * resolved, which SnakeYAML does and Jackson's YAML reader does not, then as a JSON tree for the schema.
 */
record ComposeFile(JsonNode tree) {
    static ComposeFile read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComposeFile parse(String yaml) {
        try (Reader reader = new StringReader(yaml)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ComposeFile parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new SafeConstructor(options)).load(reader);
        return new ComposeFile(new ObjectMapper().valueToTree(document));
    }

    JsonNode service(String name) {
        JsonNode service = tree.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("no service " + name + " in compose.yaml");
        }
        return service;
    }

    /** The services built from the server's Dockerfile: the server nodes. */
    List<String> serverNodes() {
        List<String> nodes = new ArrayList<>();
        tree.path("services").properties().forEach(e -> {
            if (e.getValue().path("build").path("dockerfile").asText().equals("deploy/Dockerfile")) {
                nodes.add(e.getKey());
            }
        });
        return nodes;
    }

    /** A service's environment as a map (Compose allows a map or a list of NAME=value). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }
}
