package org.opendicomweb.web.capabilities;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Capabilities Description as JSON, our extension beside the WADL of PS3.18 §8.9 (media type
 * {@value #MEDIA_TYPE}): the same resources, methods, parameters and media types, flattened to one list of
 * resources with their full paths, plus what WADL has no place for: the matching keys of each search with their
 * kinds of matching, and the configured extended query tags. Everything comes from the {@link ResourceTree} and the
 * {@link QueryKeyCatalogue}, so it cannot drift from the code and the configuration.
 */
public final class CapabilitiesJson {
    public static final String MEDIA_TYPE = "application/vnd.opendicomweb.capabilities+json";
    private static final JsonFactory FACTORY = new JsonFactory();

    private CapabilitiesJson() {}

    /**
     * @param root the service root as the client sees it, without a trailing slash
     * @param match the target resource: it and every resource below it are described
     */
    public static String write(String root, ResourceTree.Match match, QueryKeyCatalogue catalogue) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text).setPrettyPrinter(new DefaultPrettyPrinter())) {
            g.writeStartObject();
            g.writeStringField("service", "OpenDICOMweb");
            g.writeStringField(
                    "description",
                    "DICOMweb services (PS3.18) of this server, generated from its resources and configuration."
                            + " Resource paths are relative to base; see docs/conformance.md, Capabilities.");
            g.writeStringField("mediaType", MEDIA_TYPE);
            g.writeStringField("base", root + "/");
            g.writeArrayFieldStart("resources");
            for (ResourceTree.Entry e : ResourceTree.flatten(match.templatePath(), match.node())) {
                resource(g, e, catalogue);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("queryKeys");
            for (QueryKeyCatalogue.Key k : catalogue.keys()) {
                g.writeStartObject();
                g.writeStringField("key", k.key());
                g.writeStringField("tag", k.tag());
                g.writeStringField("vr", k.vr());
                g.writeStringField("level", k.level());
                strings(g, "queryLevels", k.queryLevels());
                strings(g, "matching", k.matching());
                g.writeStringField("kind", k.kind());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("extendedQueryTags");
            for (QueryKeyCatalogue.ExtendedQueryTag t : catalogue.extendedQueryTags()) {
                g.writeStartObject();
                g.writeStringField("keyword", t.keyword());
                g.writeStringField("tag", t.tag());
                g.writeStringField("vr", t.vr());
                g.writeStringField("level", t.level());
                g.writeBooleanField("indexed", t.indexed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the capabilities description", e);
        }
        return text.append('\n').toString();
    }

    private static void resource(JsonGenerator g, ResourceTree.Entry e, QueryKeyCatalogue catalogue)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        List<String> templates = new ArrayList<>();
        for (String segment : e.path().split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                templates.add(segment.substring(1, segment.length() - 1));
            }
        }
        strings(g, "templates", templates);
        strings(g, "allow", e.node().allowedMethods());
        g.writeArrayFieldStart("methods");
        for (ResourceTree.Operation o : e.node().operations()) {
            g.writeStartObject();
            g.writeStringField("method", o.httpMethod());
            g.writeStringField("id", o.id());
            g.writeStringField("title", o.title());
            if (o.section() != null) {
                g.writeStringField("standard", "PS3.18 §" + o.section());
            }
            if (o.doc() != null) {
                g.writeStringField("doc", o.doc());
            }
            strings(g, "consumes", o.consumes());
            strings(g, "produces", o.produces());
            g.writeArrayFieldStart("parameters");
            for (ResourceTree.Param p : o.params()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("style", p.style());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (o.searchLevel() != null) {
                g.writeStringField("searchLevel", o.searchLevel());
                strings(g, "queryKeys", keysAt(catalogue, o.searchLevel()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The keys matched by a search at {@code level}. */
    static List<String> keysAt(QueryKeyCatalogue catalogue, String level) {
        return catalogue.keys().stream()
                .filter(k -> k.queryLevels().contains(level))
                .map(QueryKeyCatalogue.Key::key)
                .toList();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
