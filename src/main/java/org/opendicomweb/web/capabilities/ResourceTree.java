package org.opendicomweb.web.capabilities;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The resources this server answers, as a tree of path segments with the operations at each node, read from the
 * JAX-RS annotations of the resource classes: the Capabilities Description and the {@code Allow} header are
 * derived from it, so they cannot drift from what the code does.
 */
public final class ResourceTree {

    /** HTTP methods in the order they are listed. */
    private static final List<String> METHOD_ORDER =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** A request parameter of an operation: a query parameter or a header. */
    public record Param(String name, String style) {}

    /**
     * One HTTP method on one resource, and the Java method that answers it: what else is declared on that method or
     * its class (who may call it, how it is audited) is read from there by those who need it.
     */
    public record Operation(
            String httpMethod,
            String id,
            String title,
            String section,
            String searchLevel,
            String doc,
            List<Param> params,
            List<String> consumes,
            List<String> produces,
            Class<?> resourceClass,
            Method javaMethod) {

        /** An annotation of the Java method, or else of its resource class; null when neither has it. */
        public <A extends Annotation> A declared(Class<A> annotation) {
            return annotation(javaMethod, resourceClass, annotation);
        }
    }

    /** A path segment: a literal ("studies") or a template ("{study}"); a greedy template takes the rest of the path. */
    public static final class Node {
        private final String segment;
        private final String templateName;
        private final boolean greedy;
        private final TreeMap<String, Node> children = new TreeMap<>(
                Comparator.comparing((String s) -> s.startsWith("{")).thenComparing(Comparator.naturalOrder()));
        private final List<Operation> operations = new ArrayList<>();

        private Node(String segment, String templateName, boolean greedy) {
            this.segment = segment;
            this.templateName = templateName;
            this.greedy = greedy;
        }

        /** The segment as WADL writes it: the literal, or {@code {name}} for a template. */
        public String segment() {
            return templateName == null ? segment : "{" + templateName + "}";
        }

        /** The template parameter's name, or null for a literal segment. */
        public String templateName() {
            return templateName;
        }

        public Collection<Node> children() {
            return children.values();
        }

        public List<Operation> operations() {
            return operations;
        }

        /**
         * The methods a client may use here, as for an {@code Allow} header: HEAD wherever GET is (the framework
         * answers it), and OPTIONS everywhere.
         */
        public List<String> allowedMethods() {
            Set<String> methods = new HashSet<>();
            operations.forEach(o -> methods.add(o.httpMethod()));
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            return methods.stream()
                    .sorted(Comparator.comparingInt(ResourceTree::methodRank))
                    .toList();
        }
    }

    /**
     * A node found for a request path, the path of that node relative to the root with its templates kept, and the
     * value each template took in the path (by template name).
     */
    public record Match(Node node, String templatePath, Map<String, String> values) {

        /** The operation of this node for an HTTP method (HEAD is answered as GET), or null. */
        public Operation operation(String httpMethod) {
            String method = "HEAD".equals(httpMethod) ? "GET" : httpMethod;
            for (Operation o : node.operations) {
                if (o.httpMethod().equals(method)) {
                    return o;
                }
            }
            return null;
        }
    }

    private final Node root = new Node("", null, false);

    private ResourceTree() {}

    /** The tree of the given resource classes (classes annotated with {@code @Path}). */
    public static ResourceTree of(Collection<Class<?>> resourceClasses) {
        ResourceTree tree = new ResourceTree();
        Set<String> ids = new HashSet<>();
        List<Class<?>> sorted = new ArrayList<>(resourceClasses);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : sorted) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            Method[] methods = type.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method method : methods) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null || method.isSynthetic()) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = classPath.value() + "/" + (methodPath == null ? "" : methodPath.value());
                tree.insert(segments(template)).operations.add(operation(type, method, httpMethod, ids));
            }
        }
        tree.sortOperations(tree.root);
        return tree;
    }

    public Node root() {
        return root;
    }

    /** A node with its path relative to the root ("studies/{study}/series"). */
    public record Entry(String path, Node node) {}

    /** {@code node} and every node below it that has operations, with their paths, depth first. */
    public static List<Entry> flatten(String path, Node node) {
        List<Entry> out = new ArrayList<>();
        flatten(path, node, out);
        return out;
    }

    private static void flatten(String path, Node node, List<Entry> out) {
        if (!node.operations.isEmpty()) {
            out.add(new Entry(path, node));
        }
        for (Node child : node.children()) {
            flatten(path.isEmpty() ? child.segment() : path + "/" + child.segment(), child, out);
        }
    }

    /** The node answering a path relative to the root ("studies/1.2.3/series"), or null when none does. */
    public Match find(String relativePath) {
        List<String> parts = new ArrayList<>();
        for (String s : relativePath.split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        List<String> template = new ArrayList<>();
        Node node = find(root, parts, 0, template);
        if (node == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                boolean last = i == template.size() - 1;
                values.put(name, last ? String.join("/", parts.subList(i, parts.size())) : parts.get(i));
            }
        }
        return new Match(node, String.join("/", template), Map.copyOf(values));
    }

    private static Node find(Node node, List<String> parts, int at, List<String> template) {
        if (at == parts.size()) {
            return node;
        }
        Node literal = node.children.get(parts.get(at));
        if (literal != null && literal.templateName == null) {
            template.add(literal.segment());
            Node found = find(literal, parts, at + 1, template);
            if (found != null) {
                return found;
            }
            template.removeLast();
        }
        for (Node child : node.children.values()) {
            if (child.templateName == null) {
                continue;
            }
            template.add(child.segment());
            Node found = child.greedy ? child : find(child, parts, at + 1, template);
            if (found != null) {
                return found;
            }
            template.removeLast();
        }
        return null;
    }

    private Node insert(List<String> segments) {
        Node node = root;
        for (String segment : segments) {
            String name = null;
            boolean greedy = false;
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String inner = segment.substring(1, segment.length() - 1);
                int colon = inner.indexOf(':');
                name = (colon < 0 ? inner : inner.substring(0, colon)).strip();
                greedy = colon >= 0
                        && Pattern.compile(inner.substring(colon + 1).strip())
                                .matcher("a/b")
                                .matches();
            }
            String key = name == null ? segment : "{" + name + "}";
            String templateName = name;
            boolean isGreedy = greedy;
            node = node.children.computeIfAbsent(key, k -> new Node(segment, templateName, isGreedy));
        }
        return node;
    }

    /** Splits a JAX-RS path template at slashes outside of template braces. */
    private static List<String> segments(String template) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == '/' && depth == 0) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static Operation operation(Class<?> type, Method method, String httpMethod, Set<String> ids) {
        Transaction transaction = method.getAnnotation(Transaction.class);
        Representations representations = annotation(method, type, Representations.class);
        List<Param> params = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            HeaderParam header = p.getAnnotation(HeaderParam.class);
            if (query != null) {
                params.add(new Param(query.value(), "query"));
            } else if (header != null) {
                params.add(new Param(header.value(), "header"));
            }
        }
        Set<String> consumes = new LinkedHashSet<>();
        Set<String> produces = new LinkedHashSet<>();
        String doc = null;
        if (representations != null) {
            for (String q : representations.query()) {
                params.add(new Param(q, "query"));
            }
            consumes.addAll(List.of(representations.consumes()));
            produces.addAll(List.of(representations.produces()));
            doc = representations.doc().isEmpty() ? null : representations.doc();
        }
        String title = transaction != null ? transaction.value() : type.getSimpleName() + "." + method.getName();
        String section = transaction != null ? transaction.section() : null;
        String searchLevel =
                transaction == null || transaction.searchLevel().isEmpty() ? null : transaction.searchLevel();
        Consumes declaredConsumes = annotation(method, type, Consumes.class);
        Produces declaredProduces = annotation(method, type, Produces.class);
        if (declaredConsumes != null) {
            consumes.addAll(List.of(declaredConsumes.value()));
        }
        if (declaredProduces != null) {
            produces.addAll(List.of(declaredProduces.value()));
        }
        String id = uniqueId(title, ids);
        return new Operation(
                httpMethod,
                id,
                title,
                section,
                searchLevel,
                doc,
                List.copyOf(params),
                List.copyOf(consumes),
                List.copyOf(produces),
                type,
                method);
    }

    private static <A extends Annotation> A annotation(Method method, Class<?> type, Class<A> annotation) {
        A onMethod = method.getAnnotation(annotation);
        return onMethod != null ? onMethod : type.getAnnotation(annotation);
    }

    /** An XML ID (WADL method ids are xs:ID): the title in camel case, numbered when taken. */
    private static String uniqueId(String title, Set<String> ids) {
        StringBuilder id = new StringBuilder();
        boolean upper = true;
        for (char c : title.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
            id.insert(0, 'M');
        }
        String candidate = id.toString();
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "_" + n;
        }
        return candidate;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private void sortOperations(Node node) {
        node.operations.sort(Comparator.comparingInt((Operation o) -> methodRank(o.httpMethod())));
        node.children.values().forEach(this::sortOperations);
    }

    private static int methodRank(String method) {
        int rank = METHOD_ORDER.indexOf(method);
        return rank < 0 ? METHOD_ORDER.size() : rank;
    }
}
