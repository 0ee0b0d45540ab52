package org.opendicomweb.importer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The import command's arguments. Anything wrong with them is an {@link IllegalArgumentException} whose message says
 * what, for the command to print with {@link #USAGE} before it exits with status 2.
 */
record ImportOptions(URI root, int batch, int clients, Path journal, Path folder, Optional<Credentials> credentials) {

    /** Where the client secret comes from: the environment, since command lines are visible to every local user. */
    static final String SECRET_VARIABLE = "DICOMWEB_CLIENT_SECRET";

    static final String USAGE = """
            usage: ArchiveImport [--url ROOT] [--batch N] [--clients N] [--journal FILE]
                                 [--token TOKEN | --oidc-issuer URL --client-id ID [--scope SCOPE]] FOLDER
              --url ROOT          the server's DICOMweb root (default http://localhost:8080/dicom-web)
              --batch N           files per STOW-RS request (default 10)
              --clients N         requests at a time (default 4)
              --journal FILE      the files done so far, for resuming (default FOLDER's name + .import-journal)
              --token TOKEN       an OAuth 2.0 bearer token, sent as it is
              --oidc-issuer URL   an OpenID Connect issuer to get tokens from with the client credentials grant,
                                  renewed before they expire
              --client-id ID      the client to get tokens as; its secret from the environment variable
                                  DICOMWEB_CLIENT_SECRET (--client-secret SECRET works too, but shows in ps)
              --scope SCOPE       the scope to ask for, where the issuer wants one (Entra ID: api://APP/.default)""";

    /** How the import authenticates to the server (RFC 6750 bearer tokens). */
    sealed interface Credentials permits Token, ClientCredentials {}

    /** A token used as it is. */
    record Token(String value) implements Credentials {
        @Override
        public String toString() {
            return "Token[withheld]";
        }
    }

    /** A confidential client of the issuer: tokens by the client credentials grant (RFC 6749 §4.4). */
    record ClientCredentials(URI issuer, String clientId, String secret, Optional<String> scope)
            implements Credentials {
        @Override
        public String toString() {
            return "ClientCredentials[issuer=" + issuer + ", clientId=" + clientId + ", secret withheld, scope="
                    + scope.orElse("") + "]";
        }
    }

    /** Parses the arguments; {@code environment} is where {@value #SECRET_VARIABLE} is looked up. */
    static ImportOptions parse(List<String> args, Map<String, String> environment) {
        URI root = URI.create("http://localhost:8080/dicom-web");
        int batch = 10;
        int clients = 4;
        Path journal = null;
        Path folder = null;
        String token = null;
        URI issuer = null;
        String clientId = null;
        String secret = null;
        String scope = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (folder != null) {
                    throw new IllegalArgumentException("one FOLDER only, not " + folder + " and " + arg);
                }
                folder = Path.of(arg);
                continue;
            }
            String value = value(args, i++);
            switch (arg) {
                case "--url" -> root = httpUrl(arg, value);
                case "--batch" -> batch = atLeastOne(arg, value);
                case "--clients" -> clients = atLeastOne(arg, value);
                case "--journal" -> journal = Path.of(value);
                case "--token" -> token = value;
                case "--oidc-issuer" -> issuer = httpUrl(arg, value);
                case "--client-id" -> clientId = value;
                case "--client-secret" -> secret = value;
                case "--scope" -> scope = value;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (folder == null) {
            throw new IllegalArgumentException("no FOLDER to import");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        if (journal == null) {
            journal = Path.of(folder.toAbsolutePath().normalize().getFileName() + ".import-journal");
        }
        return new ImportOptions(
                root,
                batch,
                clients,
                journal,
                folder,
                credentials(token, issuer, clientId, secret, scope, environment));
    }

    private static Optional<Credentials> credentials(
            String token, URI issuer, String clientId, String secret, String scope, Map<String, String> environment) {
        boolean clientOptions = issuer != null || clientId != null || secret != null || scope != null;
        if (token != null) {
            if (clientOptions) {
                throw new IllegalArgumentException(
                        "--token, or --oidc-issuer with --client-id: two ways to authenticate, give one");
            }
            return Optional.of(new Token(token));
        }
        if (!clientOptions) {
            return Optional.empty();
        }
        if (issuer == null) {
            throw new IllegalArgumentException("--client-id, --client-secret and --scope need --oidc-issuer");
        }
        if (clientId == null) {
            throw new IllegalArgumentException("--oidc-issuer needs --client-id");
        }
        if (secret == null) {
            secret = environment.get(SECRET_VARIABLE);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(
                    "the secret of client " + clientId + " goes into the environment variable " + SECRET_VARIABLE);
        }
        return Optional.of(new ClientCredentials(issuer, clientId, secret, Optional.ofNullable(scope)));
    }

    /** The value after option {@code i}; a value is never empty and never another option. */
    private static String value(List<String> args, int i) {
        if (i + 1 >= args.size() || args.get(i + 1).isEmpty() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(args.get(i) + " needs a value");
        }
        return args.get(i + 1);
    }

    private static int atLeastOne(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a whole number of at least 1, not " + value);
    }

    private static URI httpUrl(String option, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes an http or https URL, not " + value);
    }
}
