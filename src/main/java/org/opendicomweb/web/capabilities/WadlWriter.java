package org.opendicomweb.web.capabilities;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Capabilities Description as a WADL document (PS3.18 Annex H): one {@code application} with one
 * {@code resources} element whose base is the service root, holding the target resource with all its methods
 * and, nested, all its child resources. Indented: operators read it.
 */
public final class WadlWriter {
    public static final String NAMESPACE = "http://wadl.dev.java.net/2009/02";

    private final XMLStreamWriter xml;
    private final QueryKeyCatalogue catalogue;
    private int depth;
    private boolean hadChild;

    private WadlWriter(XMLStreamWriter xml, QueryKeyCatalogue catalogue) {
        this.xml = xml;
        this.catalogue = catalogue;
    }

    /**
     * @param root the service root as the client sees it, without a trailing slash
     * @param match the target resource and its path relative to the root ("" for the root itself)
     * @param catalogue the matching keys, listed as query parameters of each search
     */
    public static String write(String root, ResourceTree.Match match, QueryKeyCatalogue catalogue) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            WadlWriter w = new WadlWriter(xml, catalogue);
            xml.writeStartDocument("UTF-8", "1.0");
            w.start("application");
            xml.writeDefaultNamespace(NAMESPACE);
            w.doc(
                    "OpenDICOMweb",
                    "DICOMweb services (PS3.18) of this server, generated from its resources."
                            + " Resource paths are relative to the base of 'resources'.");
            w.start("resources");
            xml.writeAttribute("base", root + "/");
            w.resource(
                    match.templatePath().isEmpty() ? "/" : match.templatePath(),
                    match.node(),
                    templateNames(match.templatePath()));
            w.end();
            w.end();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the capabilities description", e);
        }
        return text.toString();
    }

    private void resource(String path, ResourceTree.Node node, List<String> templates) throws XMLStreamException {
        start("resource");
        xml.writeAttribute("path", path);
        for (String name : templates) {
            empty("param");
            xml.writeAttribute("name", name);
            xml.writeAttribute("style", "template");
            xml.writeAttribute("required", "true");
        }
        for (ResourceTree.Operation operation : node.operations()) {
            method(operation);
        }
        for (ResourceTree.Node child : node.children()) {
            resource(child.segment(), child, child.templateName() == null ? List.of() : List.of(child.templateName()));
        }
        end();
    }

    private void method(ResourceTree.Operation operation) throws XMLStreamException {
        start("method");
        xml.writeAttribute("name", operation.httpMethod());
        xml.writeAttribute("id", operation.id());
        String reference = operation.section() == null ? null : "PS3.18 §" + operation.section() + ".";
        String text = operation.doc() == null
                ? reference
                : reference == null ? operation.doc() : reference + " " + operation.doc();
        doc(operation.title(), text);
        List<QueryKeyCatalogue.Key> keys = operation.searchLevel() == null
                ? List.of()
                : catalogue.keys().stream()
                        .filter(k -> k.queryLevels().contains(operation.searchLevel()))
                        .toList();
        if (!operation.params().isEmpty() || !operation.consumes().isEmpty() || !keys.isEmpty()) {
            start("request");
            for (ResourceTree.Param param : operation.params()) {
                empty("param");
                xml.writeAttribute("name", param.name());
                xml.writeAttribute("style", param.style());
            }
            for (QueryKeyCatalogue.Key key : keys) {
                start("param");
                xml.writeAttribute("name", key.key());
                xml.writeAttribute("style", "query");
                doc(
                        key.key(),
                        key.vr() + ", " + key.level() + " level; matching: " + String.join(", ", key.matching()));
                end();
            }
            for (String type : operation.consumes()) {
                representation(type);
            }
            end();
        }
        start("response");
        for (String type : operation.produces()) {
            representation(type);
        }
        end();
        end();
    }

    private void representation(String mediaType) throws XMLStreamException {
        empty("representation");
        xml.writeAttribute("mediaType", mediaType);
    }

    private void doc(String title, String text) throws XMLStreamException {
        newLine();
        xml.writeStartElement("doc");
        xml.writeAttribute("title", title);
        if (text != null) {
            xml.writeCharacters(text);
        }
        xml.writeEndElement();
        hadChild = true;
    }

    private void start(String name) throws XMLStreamException {
        newLine();
        xml.writeStartElement(name);
        depth++;
        hadChild = false;
    }

    private void empty(String name) throws XMLStreamException {
        newLine();
        xml.writeEmptyElement(name);
        hadChild = true;
    }

    private void end() throws XMLStreamException {
        depth--;
        if (hadChild) {
            newLine();
        }
        xml.writeEndElement();
        hadChild = true;
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** The template parameters of a path such as "studies/{study}/series" (declared on the target resource). */
    private static List<String> templateNames(String templatePath) {
        return Arrays.stream(templatePath.split("/"))
                .filter(s -> s.startsWith("{") && s.endsWith("}"))
                .map(s -> s.substring(1, s.length() - 1))
                .toList();
    }
}
