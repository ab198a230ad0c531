package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** schema/waivers.schema.json, which editors use for waiver files, and the waiver loader agree. */
class WaiverSchemaTest {

    private static final Path SCHEMA = Path.of("schema/waivers.schema.json");

    private static final String VALID = """
            # yaml-language-server: $schema=schema/waivers.schema.json
            waivers:
              - rule: CHILD-DATA-TRAINING
                scenario: "children-*"
                justification: "Parental-consent flow ships 2026-12-15; tracked in LEGAL-482"
                approver: "Jane Doe, Deputy General Counsel"
                created: 2026-11-01
                expires: 2026-12-31
            """;

    @TempDir
    Path dir;

    @Test
    void the_readme_example_and_the_test_waivers_are_valid_for_both() throws IOException {
        assertThat(schemaErrors(VALID)).isEmpty();
        assertThat(loaderProblems(VALID)).isEmpty();
        String shipped = Files.readString(Path.of("src/test/resources/review/waivers.yaml"));
        assertThat(schemaErrors(shipped)).isEmpty();
        assertThat(loaderProblems(shipped)).isEmpty();
        assertThat(Files.readString(SCHEMA)).contains("\"$id\": \"https://covenant.dev/schema/waivers.schema.json\"");
    }

    @TestFactory
    Stream<DynamicTest> invalid_waivers_are_rejected_by_both() {
        return Stream.of(
                new String[] {"no justification", VALID.replace("    justification: \"Parental-consent flow ships 2026-12-15; tracked in LEGAL-482\"\n", "")},
                new String[] {"a misspelt key", VALID.replace("approver:", "aprover:")},
                new String[] {"a date that does not exist", VALID.replace("expires: 2026-12-31", "expires: 2026-02-30")},
                new String[] {"a blank approver", VALID.replace("approver: \"Jane Doe, Deputy General Counsel\"", "approver: \" \"")},
                new String[] {"an unknown top-level key", VALID + "extra: 1\n"},
                new String[] {"no waivers list", "other: []\n"})
                .map(c -> DynamicTest.dynamicTest(c[0], () -> {
                    assertThat(c[1]).isNotEqualTo(VALID);
                    assertThat(schemaErrors(c[1])).as("schema").isNotEmpty();
                    assertThat(loaderProblems(c[1])).as("loader").isNotEmpty();
                }));
    }

    private List<Error> schemaErrors(String yaml) throws IOException {
        YamlJson.Result converted = YamlJson.convert(yaml.getBytes(StandardCharsets.UTF_8), "waivers.yaml");
        assertThat(converted.diagnostics()).isEmpty();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
        return schema.validate(converted.json().toString(), InputFormat.JSON);
    }

    private List<?> loaderProblems(String yaml) throws IOException {
        Path file = dir.resolve("waivers-" + Integer.toHexString(yaml.hashCode()) + ".yaml");
        Files.writeString(file, yaml);
        return WaiverLoader.load(file).diagnostics();
    }
}
