package org.opendicomweb.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every file of pydicom's test data as installed by Debian's python3-pydicom (test files and character-set
 * files), stored through STOW-RS one file per request, so that each file gets its own outcome.
 */
public final class PydicomCorpus {
    public static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final List<String> FOLDERS = List.of("test_files", "charset_files");
    private static final String BOUNDARY = "corpus-file-boundary";

    /** What STOW-RS answered for one file: the study it went into, or the status and failure reasons. */
    public record Outcome(int status, String study, List<Integer> failureReasons) {
        public boolean stored() {
            return status == 200;
        }
    }

    private PydicomCorpus() {}

    /** Stores every file in name order; the outcome of each, by its path below {@link #DATA}. */
    public static Map<String, Outcome> storeEveryFile() throws IOException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Path file : files()) {
            outcomes.put(DATA.relativize(file).toString(), store(file));
        }
        return outcomes;
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> walk = Files.walk(DATA.resolve(folder))) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static Outcome store(Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        Response response = given().contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                .accept("application/dicom+json")
                .body(body.toByteArray())
                .when()
                .post("/dicom-web/studies");
        JsonPath json = response.jsonPath();
        String url = json.getString("'00081199'.Value[0].'00081190'.Value[0]");
        String study = url == null ? null : url.replaceFirst(".*/studies/([^/]+)/series/.*", "$1");
        List<Integer> reasons = json.getList("'00081198'.Value.'00081197'.Value[0]", Integer.class);
        return new Outcome(response.statusCode(), study, reasons == null ? List.of() : reasons);
    }
}
