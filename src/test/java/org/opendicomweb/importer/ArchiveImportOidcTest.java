package org.opendicomweb.importer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendicomweb.dicom.Uids;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Keycloak;
import org.opendicomweb.testing.OidcProfile;

/**
 * The import command against the server in mode {@code oidc} with a real Keycloak: client credentials of the
 * import's own client ({@code dicomweb-import}, read and write) store a folder; without credentials nothing is
 * stored.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class ArchiveImportOidcTest {
    private static final String JSON = "application/dicom+json";

    @TempDir
    Path work;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Keycloak keycloak;

    @BeforeEach
    void keycloak() {
        keycloak = Keycloak.shared();
    }

    /** Three CT images of one new study, in a folder with a subfolder; the Study Instance UID. */
    private String writeStudy(Path folder) throws Exception {
        String study = Uids.generate();
        String series = Uids.generate();
        Files.createDirectories(folder.resolve("series"));
        for (int i = 1; i <= 3; i++) {
            byte[] file = DicomFiles.ctImage()
                    .study(study, LocalDate.of(2026, 12, 7))
                    .series(series, 1)
                    .instance(Uids.generate(), i)
                    .toBytes();
            Files.write(folder.resolve(i == 3 ? "series/3.dcm" : i + ".dcm"), file);
        }
        return study;
    }

    private int importFolder(Path folder, Map<String, String> environment, String... credentials) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--url",
                "http://127.0.0.1:" + RestAssured.port + "/dicom-web",
                "--journal",
                work.resolve("journal").toString()));
        args.addAll(List.of(credentials));
        args.add(folder.toString());
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return ArchiveImport.execute(args, environment, both, both);
    }

    /** How many instances of the study the server holds (asked with a reader's token). */
    private int instancesOf(String study) {
        return given().auth()
                .oauth2(keycloak.token("reader"))
                .accept(JSON)
                .queryParam("StudyInstanceUID", study)
                .when()
                .get("/dicom-web/instances")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFolderIsImportedWithClientCredentials() throws Exception {
        Path folder = work.resolve("archive");
        String study = writeStudy(folder);
        int status = importFolder(
                folder,
                Map.of(ImportOptions.SECRET_VARIABLE, Keycloak.IMPORT_SECRET),
                "--oidc-issuer",
                keycloak.issuer(),
                "--client-id",
                Keycloak.IMPORT_CLIENT);
        assertEquals(0, status, output());
        assertEquals(3, instancesOf(study));
        assertFalse(output().contains(Keycloak.IMPORT_SECRET), output());
    }

    @Test
    void withoutCredentialsTheServerRefusesEveryFile() throws Exception {
        Path folder = work.resolve("archive");
        String study = writeStudy(folder);
        assertEquals(1, importFolder(folder, Map.of()), output());
        assertTrue(output().contains("HTTP 401 for 3 files"), output());
        assertEquals(0, instancesOf(study));
    }
}
