package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.covenant.ShippedRules;
import dev.covenant.engine.Batch;
import dev.covenant.finding.Report;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SARIF output validates against the official SARIF 2.1.0 schema, with stable fingerprints. */
class SarifSchemaTest {

    private static final Path SCHEMA = Path.of("src/test/resources/schemas/sarif-schema-2.1.0.json");

    @Test
    void sarif_for_the_shipped_fixtures_and_for_invalid_input_validates_against_the_official_schema() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Files.readString(SCHEMA));
        for (List<Path> inputs : List.of(List.of(ShippedRules.FIXTURES),
                List.of(Path.of("src/test/resources/scenarios/invalid"), Path.of("src/test/resources/scenarios/hostile")))) {
            String sarif = render(Batch.run(ShippedRules.get(), inputs, Batch.Options.defaults()));
            assertThat(schema.validate(sarif, InputFormat.JSON)).as("schema errors for %s", inputs).isEmpty();
        }
    }

    @Test
    void sarif_for_every_synthetic_report_validates_against_the_official_schema() throws Exception {
        // These hold what the fixtures may not: waivers (suppressions), baseline states, restsOn, rule diagnostics.
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Files.readString(SCHEMA));
        for (var entry : RendererGoldenTest.synthetic().entrySet()) {
            assertThat(schema.validate(render(entry.getValue()), InputFormat.JSON)).as("schema errors for %s", entry.getKey()).isEmpty();
        }
    }

    @Test
    void results_point_at_primary_evidence_with_rule_metadata_and_stable_fingerprints() throws Exception {
        Report report = Batch.run(ShippedRules.get(), List.of(Path.of("fixtures/linkedin")), Batch.Options.defaults());
        JsonNode run = new ObjectMapper().readTree(render(report)).get("runs").get(0);

        assertThat(run.get("tool").get("driver").get("rules")).hasSize(44);
        JsonNode sca = null;
        for (JsonNode result : run.get("results")) {
            if (result.get("ruleId").asText().equals("SCA-DISCLOSURE")) {
                sca = result;
            }
        }
        assertThat(sca).isNotNull();
        assertThat(sca.get("level").asText()).isEqualTo("error");
        JsonNode location = sca.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("fixtures/linkedin/linkedin-2024-as-alleged.yaml");
        assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("SRCROOT");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(86);
        assertThat(sca.get("relatedLocations")).isNotEmpty();
        assertThat(sca.get("properties").get("exposure").get("amount").asLong()).isEqualTo(6_000_000_000L);
        String fingerprint = sca.get("partialFingerprints").get("covenantFinding/v1").asText();

        Report again = Batch.run(ShippedRules.get(), List.of(Path.of("fixtures/linkedin")), Batch.Options.defaults());
        assertThat(render(again)).contains(fingerprint);
        java.util.Set<String> prints = new java.util.HashSet<>();
        run.get("results").forEach(r -> prints.add(r.get("partialFingerprints").get("covenantFinding/v1").asText()));
        assertThat(prints).as("fingerprints are distinct").hasSize(run.get("results").size());
    }

    @Test
    void a_scenario_outside_the_working_directory_gets_a_file_uri_with_an_empty_authority(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path outside = Files.copy(Path.of("fixtures/us/children-training.yaml"), dir.resolve("children training.yaml"));
        Report report = Batch.run(ShippedRules.get(), List.of(outside), Batch.Options.defaults());
        JsonNode result = new ObjectMapper().readTree(render(report)).get("runs").get(0).get("results").get(0);
        JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");

        String uri = artifact.get("uri").asText();
        assertThat(uri).isEqualTo("file://" + outside.toAbsolutePath().toString().replace(" ", "%20"));
        assertThat(java.nio.file.Path.of(java.net.URI.create(uri))).isEqualTo(outside.toAbsolutePath());
        assertThat(artifact.has("uriBaseId")).as("an absolute URI needs no base").isFalse();
    }

    private static String render(Report report) throws java.io.IOException {
        StringWriter out = new StringWriter();
        new SarifRenderer().render(report, out);
        return out.toString();
    }
}
