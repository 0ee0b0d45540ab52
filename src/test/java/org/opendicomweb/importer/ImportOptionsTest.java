package org.opendicomweb.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportOptionsTest {
    private static final Map<String, String> NO_SECRET = Map.of();
    private static final Map<String, String> SECRET = Map.of(ImportOptions.SECRET_VARIABLE, "s3cret-from-env");

    @TempDir
    Path folder;

    private ImportOptions parse(Map<String, String> environment, String... args) {
        return ImportOptions.parse(List.of(args), environment);
    }

    private String refusal(Map<String, String> environment, String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(environment, args))
                .getMessage();
    }

    @Test
    void withoutOptionsTheImportGoesToTheLocalServerUnauthenticated() {
        ImportOptions options = parse(NO_SECRET, folder.toString());
        assertEquals(URI.create("http://localhost:8080/dicom-web"), options.root());
        assertEquals(10, options.batch());
        assertEquals(4, options.clients());
        assertEquals(Path.of(folder.getFileName() + ".import-journal"), options.journal());
        assertEquals(Optional.empty(), options.credentials());
    }

    @Test
    void aTokenIsUsedAsGiven() {
        ImportOptions options = parse(NO_SECRET, "--token", "eyJ.abc.def", folder.toString());
        assertEquals(Optional.of(new ImportOptions.Token("eyJ.abc.def")), options.credentials());
    }

    @Test
    void clientCredentialsTakeTheSecretFromTheEnvironment() {
        ImportOptions options = parse(
                SECRET,
                "--oidc-issuer",
                "https://id.example.org/realms/x",
                "--client-id",
                "importer",
                folder.toString());
        assertEquals(
                Optional.of(new ImportOptions.ClientCredentials(
                        URI.create("https://id.example.org/realms/x"),
                        "importer",
                        "s3cret-from-env",
                        Optional.empty())),
                options.credentials());
    }

    @Test
    void aSecretArgumentWinsOverTheEnvironment() {
        ImportOptions options = parse(
                SECRET,
                "--oidc-issuer",
                "https://id.example.org/realms/x",
                "--client-id",
                "importer",
                "--client-secret",
                "s3cret-from-argument",
                "--scope",
                "api://dicomweb/.default",
                folder.toString());
        ImportOptions.ClientCredentials client =
                (ImportOptions.ClientCredentials) options.credentials().orElseThrow();
        assertEquals("s3cret-from-argument", client.secret());
        assertEquals(Optional.of("api://dicomweb/.default"), client.scope());
    }

    @Test
    void clientCredentialsWithoutASecretNameTheVariable() {
        String message = refusal(
                NO_SECRET, "--oidc-issuer", "https://id.example.org", "--client-id", "importer", folder.toString());
        assertTrue(message.contains(ImportOptions.SECRET_VARIABLE), message);
    }

    @Test
    void anIssuerNeedsAClientAndAClientNeedsAnIssuer() {
        assertEquals(
                "--oidc-issuer needs --client-id",
                refusal(SECRET, "--oidc-issuer", "https://id.example.org", folder.toString()));
        assertEquals(
                "--client-id, --client-secret and --scope need --oidc-issuer",
                refusal(SECRET, "--client-id", "importer", folder.toString()));
    }

    @Test
    void aTokenAndClientCredentialsTogetherAreRefused() {
        String message = refusal(
                SECRET,
                "--token",
                "t",
                "--oidc-issuer",
                "https://id.example.org",
                "--client-id",
                "importer",
                folder.toString());
        assertTrue(message.contains("give one"), message);
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertEquals("--token needs a value", refusal(NO_SECRET, folder.toString(), "--token"));
        assertEquals("--url needs a value", refusal(NO_SECRET, "--url", "--batch", "3", folder.toString()));
    }

    @Test
    void badNumbersUrlsOptionsAndFoldersAreNamed() {
        assertEquals(
                "--batch takes a whole number of at least 1, not 0",
                refusal(NO_SECRET, "--batch", "0", folder.toString()));
        assertEquals(
                "--clients takes a whole number of at least 1, not many",
                refusal(NO_SECRET, "--clients", "many", folder.toString()));
        assertEquals(
                "--oidc-issuer takes an http or https URL, not id.example.org",
                refusal(SECRET, "--oidc-issuer", "id.example.org", "--client-id", "c", folder.toString()));
        assertEquals("unknown option --tokens", refusal(NO_SECRET, "--tokens", "t", folder.toString()));
        assertEquals("no FOLDER to import", refusal(NO_SECRET, "--batch", "3"));
        assertEquals(
                "not a folder: " + folder.resolve("missing"),
                refusal(NO_SECRET, folder.resolve("missing").toString()));
        assertTrue(refusal(NO_SECRET, folder.toString(), folder.toString()).startsWith("one FOLDER only"));
    }

    @Test
    void credentialsNeverShowTheirSecrets() {
        ImportOptions options = parse(
                NO_SECRET,
                "--oidc-issuer",
                "https://id.example.org",
                "--client-id",
                "importer",
                "--client-secret",
                "s3cret-from-argument",
                folder.toString());
        assertFalse(options.toString().contains("s3cret"), options.toString());
        assertFalse(new ImportOptions.Token("eyJ.abc.def").toString().contains("eyJ"));
    }

    @Test
    void badArgumentsExitWithStatusTwoAndTheUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ArchiveImport.execute(
                List.of("--client-secret", "s3cret-from-argument", folder.toString()),
                NO_SECRET,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status);
        assertTrue(
                printed.startsWith("ArchiveImport: --client-id, --client-secret and --scope need --oidc-issuer\n"
                        + "usage: ArchiveImport"),
                printed);
        assertFalse(printed.contains("s3cret"), printed);
    }
}
