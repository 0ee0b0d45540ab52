package org.opendicomweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.support.RouterRoutes;
import org.opendicomweb.web.capabilities.CapabilitiesJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Retrieve Capabilities (PS3.18 §8.9): OPTIONS answers with a WADL description and Allow; CORS preflights do not. */
@SuppressWarnings("unchecked")
@QuarkusTest
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class CapabilitiesTest {
    private static final String WADL_NS = "http://wadl.dev.java.net/2009/02";
    private static final String STUDY = "1.2.826.0.1.3680043.8.498.1";
    private static final String SERIES = "1.2.826.0.1.3680043.8.498.2";

    private static String root() {
        return "http://localhost:" + RestAssured.port + "/dicom-web";
    }

    @Test
    void serviceRootDescribesEveryResourceMethodOfTheCode() throws Exception {
        Response r = given().when().options("/dicom-web");
        r.then()
                .statusCode(200)
                .contentType(containsString("application/vnd.sun.wadl+xml"))
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        Document wadl = parse(r.asByteArray());
        Element application = wadl.getDocumentElement();
        assertEquals("application", application.getLocalName());
        assertEquals(WADL_NS, application.getNamespaceURI());
        Element resources = child(application, "resources");
        assertEquals(root() + "/", resources.getAttribute("base"));
        List<Element> top = children(resources, "resource");
        assertEquals(1, top.size(), "one resource element: the target resource");
        assertEquals("/", top.get(0).getAttribute("path"));

        Set<String> described = new TreeSet<>();
        collect(top.get(0), "", described);
        // Read independently from the JAX-RS annotations of every resource class compiled into the application.
        Set<String> declared = new TreeSet<>();
        for (Class<?> type : resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http != null) {
                    Path mp = m.getAnnotation(Path.class);
                    String path =
                            normalise(type.getAnnotation(Path.class).value() + "/" + (mp == null ? "" : mp.value()));
                    declared.add(http + " " + path);
                }
            }
        }
        assertTrue(
                declared.containsAll(List.of(
                        "POST studies",
                        "GET studies/{study}/series/{series}/instances/{instance}" + "/bulkdata/{path}",
                        "GET studies/{study}/rendered",
                        "GET studies/{study}/series/{series}/instances/{instance}/references",
                        "GET studies/{study}/series/{series}/instances/{instance}/referenced-by",
                        "GET wado",
                        "GET integrity",
                        "POST admin/reindex",
                        "GET admin/scrub",
                        "POST admin/scrub",
                        "GET admin/statistics")),
                "resource methods found: " + declared);
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(described);
        assertTrue(missing.isEmpty(), "not described: " + missing + "\ndescribed: " + described);
    }

    @Inject
    RouterRoutes routes;

    /**
     * The JSON form (our extension) lists every route the server answers below the service root: the methods of
     * the JAX-RS resource classes, found by scanning the compiled classes, and the Vert.x routes registered on the
     * router (the event-loop shortcuts of WADO-RS), read from the running router.
     */
    @Test
    void theJsonFormListsEveryRouteTheServerAnswers() throws Exception {
        Response r = given().accept(CapabilitiesJson.MEDIA_TYPE).when().get("/dicom-web");
        r.then()
                .statusCode(200)
                .contentType(containsString(CapabilitiesJson.MEDIA_TYPE))
                .body("base", equalTo(root() + "/"));
        Set<String> described = new TreeSet<>();
        List<Map<String, Object>> resources = r.jsonPath().getList("resources");
        for (Map<String, Object> resource : resources) {
            for (Map<String, Object> method : (List<Map<String, Object>>) resource.get("methods")) {
                described.add(method.get("method") + " " + resource.get("path"));
            }
        }
        Set<String> answered = new TreeSet<>();
        for (Class<?> type : resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http != null) {
                    Path mp = m.getAnnotation(Path.class);
                    answered.add(http + " "
                            + normalise(type.getAnnotation(Path.class).value() + "/" + (mp == null ? "" : mp.value())));
                }
            }
        }
        int jaxRs = answered.size();
        List<String> vertx = new ArrayList<>();
        for (String route : routes.methodsAndPaths()) {
            int space = route.indexOf(' ');
            String path = route.substring(space + 1);
            if (path.startsWith("/dicom-web/")) {
                vertx.add(route);
                answered.add(route.substring(0, space) + " "
                        + normalise(path.substring("/dicom-web/".length()).replaceAll(":([A-Za-z]+)", "{$1}")));
            }
        }
        assertTrue(jaxRs >= 30, "resource methods found: " + answered);
        assertTrue(
                vertx.contains("GET /dicom-web/studies/:study/series/:series/instances/:instance"),
                "Vert.x routes found: " + routes.methodsAndPaths());
        Set<String> missing = new TreeSet<>(answered);
        missing.removeAll(described);
        assertTrue(missing.isEmpty(), "not described: " + missing + "\ndescribed: " + described);
        Set<String> invented = new TreeSet<>(described);
        invented.removeAll(answered);
        assertTrue(invented.isEmpty(), "described but not answered: " + invented);

        given().accept(CapabilitiesJson.MEDIA_TYPE)
                .when()
                .options("/dicom-web/studies/" + STUDY + "/series/" + SERIES)
                .then()
                .statusCode(200)
                .contentType(containsString(CapabilitiesJson.MEDIA_TYPE))
                .header("Allow", equalTo("GET, HEAD, DELETE, OPTIONS"))
                .body("resources[0].path", equalTo("studies/{study}/series/{series}"))
                .body("resources[0].templates", equalTo(List.of("study", "series")))
                .body("resources.path", org.hamcrest.Matchers.hasItem("studies/{study}/series/{series}/metadata"));
        given().accept("application/json")
                .when()
                .get("/dicom-web")
                .then()
                .statusCode(200)
                .body("service", equalTo("OpenDICOMweb"))
                .body("resources", nullValue());
    }

    @Test
    void theJsonFormListsTheQueryKeysOfEachSearchWithTheirMatchingAndTheExtendedQueryTags() {
        Response r = given().accept(CapabilitiesJson.MEDIA_TYPE).when().options("/dicom-web");
        r.then().statusCode(200);
        Map<String, Map<String, Object>> keys = new java.util.HashMap<>();
        for (Map<String, Object> k : r.jsonPath().<Map<String, Object>>getList("queryKeys")) {
            keys.put((String) k.get("key"), k);
        }
        assertEquals(
                List.of("single-value", "value-list", "wildcard", "fuzzy", "universal"),
                keys.get("PatientName").get("matching"));
        assertEquals(
                List.of("single-value", "range", "universal"),
                keys.get("StudyDate").get("matching"));
        assertEquals(
                List.of("single-value", "uid-list", "universal"),
                keys.get("StudyInstanceUID").get("matching"));
        assertEquals(
                List.of("study", "series", "instance"), keys.get("StudyDate").get("queryLevels"));
        assertEquals(List.of("instance"), keys.get("SOPClassUID").get("queryLevels"));
        assertTrue(((List<?>) keys.get("RequestAttributesSequence.RequestedProcedureID")
                        .get("matching"))
                .contains("sequence"));
        // the test profile's extended query tags (application.properties)
        assertEquals("extended", keys.get("InstitutionName").get("kind"));
        assertEquals(
                List.of("single-value", "value-list", "universal"),
                keys.get("SliceThickness").get("matching"));
        assertEquals(
                "extended-sequence-item",
                keys.get("ProcedureCodeSequence.{attribute}").get("kind"));
        List<Map<String, Object>> tags = r.jsonPath().getList("extendedQueryTags");
        assertTrue(
                tags.stream()
                        .anyMatch(t -> "ProcedureCodeSequence".equals(t.get("keyword"))
                                && "study".equals(t.get("level"))
                                && "SQ".equals(t.get("vr"))),
                tags.toString());

        List<String> studyKeys = r.jsonPath()
                .getList("resources.find { it.path == 'studies' }.methods" + ".find { it.method == 'GET' }.queryKeys");
        assertTrue(
                studyKeys.containsAll(List.of("PatientName", "InstitutionName", "ProcedureCodeSequence.{attribute}")));
        assertTrue(!studyKeys.contains("SOPClassUID"), "an instance key is not a study search's key");
        List<String> instanceKeys = r.jsonPath()
                .getList(
                        "resources.find { it.path == 'instances' }.methods" + ".find { it.method == 'GET' }.queryKeys");
        assertTrue(
                instanceKeys.containsAll(List.of("PatientName", "SOPClassUID", "ConceptNameCodeSequence.{attribute}")));
    }

    @Test
    void theWadlListsTheQueryKeysOfEachSearch() throws Exception {
        Document wadl = parse(given().when()
                .options("/dicom-web")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        List<String> params = paramNames(child(method(wadl, "SearchForStudies"), "request"));
        assertTrue(params.containsAll(List.of("PatientName", "StudyDate", "InstitutionName")), params.toString());
    }

    @Test
    void transactionsAreNamedWithTheirRepresentations() throws Exception {
        Document wadl = parse(given().when()
                .options("/dicom-web")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        Element search = method(wadl, "SearchForStudies");
        assertEquals("GET", search.getAttribute("name"));
        assertEquals("Search for Studies", child(search, "doc").getAttribute("title"));
        assertTrue(mediaTypes(child(search, "response")).contains("application/dicom+json"));
        assertTrue(paramNames(child(search, "request")).containsAll(List.of("limit", "offset", "includefield")));
        Element store = method(wadl, "StoreInstances");
        assertEquals("POST", store.getAttribute("name"));
        assertTrue(mediaTypes(child(store, "request")).contains("multipart/related; type=\"application/dicom\""));
        Element frames = method(wadl, "RetrieveFrames");
        assertTrue(
                mediaTypes(child(frames, "response")).contains("multipart/related; type=\"application/octet-stream\""));
    }

    @Test
    void aResourceBelowTheRootIsDescribedWithItsChildrenAndAllowedMethods() throws Exception {
        Response r = given().when().options("/dicom-web/studies/" + STUDY + "/series/" + SERIES);
        r.then().statusCode(200).header("Allow", equalTo("GET, HEAD, DELETE, OPTIONS"));
        Document wadl = parse(r.asByteArray());
        Element target = children(child(wadl.getDocumentElement(), "resources"), "resource")
                .get(0);
        assertEquals("studies/{study}/series/{series}", target.getAttribute("path"));
        Set<String> described = new TreeSet<>();
        collect(target, "", described);
        assertTrue(described.contains("GET "), described.toString());
        assertTrue(described.contains("GET metadata"), described.toString());
        assertTrue(described.contains("GET instances/{instance}/frames/{frames}"), described.toString());
        assertTrue(described.contains("GET instances/{instance}/references"), described.toString());
        assertTrue(described.contains("GET instances/{instance}/referenced-by"), described.toString());
        assertTrue(described.contains("DELETE "), described.toString());
        assertTrue(described.contains("DELETE instances/{instance}"), described.toString());
        assertTrue(described.stream().noneMatch(d -> d.startsWith("POST")), described.toString());

        given().when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200)
                .header("Allow", equalTo("GET, HEAD, POST, OPTIONS"));
        given().when()
                .options("/dicom-web/studies/" + STUDY)
                .then()
                .statusCode(200)
                .header("Allow", equalTo("GET, HEAD, POST, DELETE, OPTIONS"));
        given().when()
                .options("/dicom-web/studies/" + STUDY + "/series/" + SERIES
                        + "/instances/1.2.3/bulkdata/00420011/1/7FE00010")
                .then()
                .statusCode(200)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void theBaseFollowsForwardedHeadersFromATrustedProxy() throws Exception {
        Document wadl = parse(given().header("X-Forwarded-For", "127.0.0.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "pacs.example.org")
                .header("X-Forwarded-Prefix", "/imaging")
                .when()
                .options("/dicom-web/series")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertEquals(
                "https://pacs.example.org/imaging/dicom-web/",
                child(wadl.getDocumentElement(), "resources").getAttribute("base"));
    }

    @Test
    void anUnknownResourceIs404AndAnUnsupportedRepresentation406() {
        given().when()
                .options("/dicom-web/no/such/resource")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("message", containsString("no/such/resource"));
        given().accept("application/json")
                .when()
                .options("/dicom-web")
                .then()
                .statusCode(406)
                .body("message", containsString("application/vnd.sun.wadl+xml"));
        given().accept("application/xml")
                .when()
                .options("/dicom-web")
                .then()
                .statusCode(200)
                .contentType(containsString("application/xml"));
    }

    @Test
    void aCorsPreflightIsStillAnsweredAsAPreflight() {
        given().header("Origin", "http://viewer.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .when()
                .options("/dicom-web/studies")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://viewer.example"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Allow", nullValue())
                .body(emptyString());
    }

    @Test
    void aCrossOriginCapabilitiesRequestGetsTheDescriptionAndCorsHeaders() {
        given().header("Origin", "http://viewer.example")
                .when()
                .options("/dicom-web")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://viewer.example"))
                .header("Allow", equalTo("GET, HEAD, OPTIONS"))
                .body(containsString("<application"));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** "METHOD path" for every method below a resource element, paths relative to it. */
    private static void collect(Element resource, String prefix, Set<String> out) {
        for (Element method : children(resource, "method")) {
            out.add(method.getAttribute("name") + " " + prefix);
        }
        for (Element child : children(resource, "resource")) {
            String path = child.getAttribute("path");
            collect(child, prefix.isEmpty() ? path : prefix + "/" + path, out);
        }
    }

    /**
     * Every class annotated with {@code @Path} under the application's own package, found by walking the compiled
     * classes on the class path rather than through CDI (as the server finds them), so a new resource is covered
     * without naming it here.
     */
    private static List<Class<?>> resourceClasses() throws Exception {
        ClassLoader loader = ServiceResource.class.getClassLoader();
        String pkg = "org.opendicomweb";
        List<Class<?>> found = new ArrayList<>();
        for (URL root : Collections.list(loader.getResources(pkg.replace('.', '/')))) {
            if (!"file".equals(root.getProtocol())) {
                continue;
            }
            java.nio.file.Path dir = java.nio.file.Path.of(root.toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
                for (java.nio.file.Path f :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String relative = dir.relativize(f).toString();
                    String name = pkg + "."
                            + relative.substring(0, relative.length() - ".class".length())
                                    .replace('/', '.');
                    Class<?> type = Class.forName(name, false, loader);
                    if (type.isAnnotationPresent(Path.class)) {
                        found.add(type);
                    }
                }
            }
        }
        return found;
    }

    private static String normalise(String template) {
        List<String> segments = new ArrayList<>();
        for (String s : template.split("/")) {
            if (!s.isEmpty()) {
                segments.add(
                        s.startsWith("{") && s.contains(":")
                                ? s.substring(0, s.indexOf(':')).strip() + "}"
                                : s);
            }
        }
        return String.join("/", segments);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Element method(Document wadl, String id) {
        var methods = wadl.getElementsByTagNameNS(WADL_NS, "method");
        for (int i = 0; i < methods.getLength(); i++) {
            Element m = (Element) methods.item(i);
            if (id.equals(m.getAttribute("id"))) {
                return m;
            }
        }
        throw new AssertionError("no method with id " + id);
    }

    private static List<String> mediaTypes(Element parent) {
        return children(parent, "representation").stream()
                .map(e -> e.getAttribute("mediaType"))
                .toList();
    }

    private static List<String> paramNames(Element parent) {
        return children(parent, "param").stream()
                .map(e -> e.getAttribute("name"))
                .toList();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one " + name + " in " + parent.getLocalName());
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WADL_NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
