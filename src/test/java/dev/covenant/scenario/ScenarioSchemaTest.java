package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.covenant.ShippedRules;
import dev.covenant.model.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** schema/scenario.schema.json and the loader agree: on every shipped fixture, and on invalid documents. */
class ScenarioSchemaTest {

    private static final Path SCHEMA = Path.of("schema/scenario.schema.json");
    private static final Schema VALIDATOR = load();

    @TestFactory
    Stream<DynamicTest> every_shipped_fixture_is_valid_for_the_schema_and_the_loader() {
        return ScenarioFiles.find(List.of(ShippedRules.FIXTURES)).files().stream().map(file -> DynamicTest.dynamicTest(file.display(), () -> {
            byte[] bytes = Files.readAllBytes(file.path());
            assertThat(schemaErrors(bytes, file.display())).isEmpty();
            assertThat(ScenarioLoader.parse(bytes, file.display()).diagnostics()).isEmpty();
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("# yaml-language-server: $schema=../../schema/scenario.schema.json");
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalid_documents_are_rejected_by_both() {
        String valid = """
                scenario: s
                as_of: 2025-01-21
                platform: {name: Example}
                members:
                  - {cohort: c, tier: free, region: NO, count: 10, joined: {from: 2015-01-01}}
                settings:
                  - {id: ai, introduced: 2024-08-01, default: on, enables: [train_ai_system]}
                practices:
                  - {id: p, use: train_ai_system, categories: [user.content.private], legal_basis: "setting:ai", started: 2024-08-01}
                """;
        assertThat(schemaErrors(valid.getBytes(), "valid.yaml")).isEmpty();
        assertThat(ScenarioLoader.parse(valid.getBytes(), "valid.yaml").diagnostics()).isEmpty();
        return Stream.of(
                new String[] {"unknown top-level key", valid + "extra: 1\n"},
                new String[] {"missing as_of", valid.replace("as_of: 2025-01-21\n", "")},
                new String[] {"misspelt practice key", valid.replace("categories: [user", "categorys: [user")},
                new String[] {"unknown data category", valid.replace("user.content.private", "user.content.privat")},
                new String[] {"unknown data use", valid.replace("use: train_ai_system, categories", "use: train_ai, categories")},
                new String[] {"bad date shape", valid.replace("as_of: 2025-01-21", "as_of: 21/01/2025")},
                new String[] {"count not a number", valid.replace("count: 10", "count: ten")},
                new String[] {"bad relationship", valid.replace("started: 2024-08-01}", "started: 2024-08-01, recipients: [{name: x, relationship: partner}]}")},
                new String[] {"bad legal basis", valid.replace("\"setting:ai\"", "maybe")},
                new String[] {"bad region", valid.replace("region: NO", "region: north")},
                new String[] {"bad default", valid.replace("default: on", "default: sometimes")},
                new String[] {"missing platform name", valid.replace("platform: {name: Example}", "platform: {}")}
        ).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            byte[] bytes = c[1].getBytes();
            assertThat(schemaErrors(bytes, "case.yaml")).as("schema").isNotEmpty();
            assertThat(ScenarioLoader.parse(bytes, "case.yaml").diagnostics()).as("loader").isNotEmpty();
        }));
    }

    @Test
    void the_schema_lists_exactly_the_taxonomy_keys_the_loader_accepts() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(SCHEMA.toFile()).get("$defs");

        assertThat(strings(defs.get("category").get("enum"))).isEqualTo(new TreeSet<>(Taxonomy.categories()));
        assertThat(strings(defs.get("use").get("enum"))).isEqualTo(new TreeSet<>(Taxonomy.uses()));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<Error> schemaErrors(byte[] yaml, String name) {
        YamlJson.Result converted = YamlJson.convert(yaml, name);
        assertThat(converted.diagnostics()).isEmpty();
        return VALIDATOR.validate(converted.json().toString(), InputFormat.JSON);
    }

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
