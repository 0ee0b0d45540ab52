package org.opendicomweb.qido;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** QIDO-RS requests and result reading shared by the QIDO tests. */
final class QidoSearch {
    static final String JSON = "application/dicom+json";

    private QidoSearch() {}

    /** GET with query parameters given as name, value pairs. */
    static Response get(String path, String... params) {
        RequestSpecification request = given().accept(JSON);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get("/dicom-web" + path);
    }

    /** GET, expecting 200 with DICOM JSON; the results. */
    static List<Map<String, Object>> search(String path, String... params) {
        Response response = get(path, params);
        response.then().statusCode(200).contentType(JSON);
        return response.jsonPath().getList("$");
    }

    /** The first value of {@code tag} of each result, each present and distinct. */
    static Set<String> uids(List<Map<String, Object>> results, String tag) {
        Set<String> uids = new LinkedHashSet<>();
        for (Map<String, Object> r : results) {
            Object v = first(r, tag);
            assertNotNull(v, tag + " missing in " + r);
            assertTrue(uids.add((String) v), "duplicate " + v);
        }
        return uids;
    }

    @SuppressWarnings("unchecked")
    static Object first(Map<String, Object> result, String tag) {
        List<Object> values = values(result, tag);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Map<String, Object> result, String tag) {
        Map<String, Object> attribute = (Map<String, Object>) result.get(tag);
        return attribute == null ? null : (List<Object>) attribute.get("Value");
    }

    /** The items of a sequence attribute of a result; null when the attribute is absent. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> result, String tag) {
        Map<String, Object> attribute = (Map<String, Object>) result.get(tag);
        if (attribute == null) {
            return null;
        }
        Object value = attribute.get("Value");
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
