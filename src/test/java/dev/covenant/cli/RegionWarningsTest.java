package dev.covenant.cli;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Region warnings are shown by check (text and JSON), validate and test, and change neither findings nor exit codes. */
class RegionWarningsTest {

    private static final Path ALLEGED = Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml");

    @TempDir
    Path dir;

    @Test
    void canada_for_california_warns_at_its_line_and_column_suggesting_us_ca_and_the_scenario_is_still_evaluated() throws IOException {
        Path canada = withCaliforniaAs("CA");
        String at = canada + ":" + position(canada, "region: CA", "CA");

        Run text = run("check", canada.toString());
        Run original = run("check", ALLEGED.toString());

        assertThat(text.out()).contains(at + ": warning: 'region' in members[0]: 'CA' is the country Canada",
                "did you mean 'US-CA' (California)?").doesNotContain("INVALID");
        assertThat(text.out().strip().lines().reduce((a, b) -> b).orElseThrow()).contains("1 evaluated, 0 invalid").endsWith("warning(s)");
        assertThat(text.code()).as("exit code as for the same scenario without a warning").isEqualTo(original.code()).isEqualTo(1);

        JsonNode json = new ObjectMapper().readTree(run("check", "--format", "json", canada.toString()).out());
        JsonNode scenario = json.get("scenarios").get(0);
        assertThat(scenario.get("status").asText()).isEqualTo("evaluated");
        assertThat(scenario.get("warnings")).anySatisfy(w -> {
            assertThat(w.get("file").asText()).isEqualTo(canada.toString());
            assertThat(at).endsWith(":" + w.get("line").asInt() + ":" + w.get("column").asInt());
            assertThat(w.get("message").asText()).contains("'US-CA'");
        });
        assertThat(json.get("summary").get("warnings").asInt()).isEqualTo(scenario.get("warnings").size());
        assertThat(scenario.get("diagnostics")).isEmpty();

        JsonNode sarif = new ObjectMapper().readTree(run("check", "--format", "sarif", canada.toString()).out());
        assertThat(sarif.get("runs").get(0).get("invocations").get(0).get("toolExecutionNotifications")).anySatisfy(n -> {
            assertThat(n.get("level").asText()).isEqualTo("warning");
            assertThat(n.get("message").get("text").asText()).contains("'CA' is the country Canada");
        });
        assertThat(run("check", "--format", "markdown", canada.toString()).out())
                .contains("**Warnings** — evaluated, but check these:", "'CA' is the country Canada");
    }

    @Test
    void a_warning_does_not_change_what_the_engine_finds() throws IOException {
        LoadResult loaded = ScenarioLoader.load(withCaliforniaAs("CA"), "ca.yaml");
        Scenario s = loaded.scenario();
        Scenario silent = new Scenario(s.id(), s.title(), s.asOf(), s.file(), s.span(), s.platform(), s.cohorts(), s.subjects(), s.promises(),
                s.documents(), s.versions(), s.disclosures(), s.captures(), s.settings(), s.practices(), s.models());
        Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);

        assertThat(loaded.warnings()).isNotEmpty();
        assertThat(evaluator.evaluate(s).findings()).isEqualTo(evaluator.evaluate(silent).findings()).isNotEmpty();
        assertThat(evaluator.evaluate(silent).warnings()).as("the pack covers Canada? no: the coverage warning remains")
                .isNotEmpty().allSatisfy(w -> assertThat(w.message()).contains("outside every citation scope"));
    }

    @Test
    void a_region_no_citation_of_the_pack_reaches_warns_naming_the_scopes() throws IOException {
        Path japan = withCaliforniaAs("JP");

        Run run = run("check", japan.toString());

        assertThat(run.out()).contains(japan + ":", ": warning: members[0] (cohort 'premium-us-ca'): region 'JP' (Japan) is outside"
                + " every citation scope of the rule pack ([CH], [EEA], [UK], [US], [US-CA], [US-IL], [US-TX])");
        assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void validate_prints_warnings_counts_them_and_exits_0_when_there_is_nothing_else() throws IOException {
        Path canada = withCaliforniaAs("CA");

        Run run = run("validate", canada.toString());

        assertThat(run.out()).contains(canada + ":" + position(canada, "region: CA", "CA") + ": warning: ");
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow()).matches(".*: valid, 2 warning\\(s\\)");
        assertThat(run.code()).isZero();

        JsonNode json = new ObjectMapper().readTree(run("validate", "--format", "json", canada.toString()).out());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("diagnostics")).isEmpty();
        assertThat(json.get("warnings")).hasSize(2);
    }

    @Test
    void validate_still_exits_2_for_an_error_and_shows_the_warnings_beside_it() throws IOException {
        Path both = dir.resolve("both.yaml");
        Files.writeString(both, Files.readString(ALLEGED).replace("region: US-CA", "region: CA").replace("region: UK", "region: Britain"));

        Run run = run("validate", both.toString());

        assertThat(run.out()).contains("error: 'region' in members[3]: unknown region 'Britain' (did you mean 'UK'?)", ": warning: ");
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow()).endsWith("1 problem(s), 1 warning(s)");
        assertThat(run.code()).isEqualTo(2);
    }

    @Test
    void covenant_test_shows_a_fixtures_warning_and_it_still_passes() throws IOException {
        Path fixture = dir.resolve("mixed.yaml");
        Files.writeString(fixture, """
                scenario: mixed
                as_of: 2025-01-21
                platform: {name: Example}
                members:
                  - {cohort: us, tier: free, region: US, count: 10, joined: {from: 2015-01-01}}
                  - {cohort: ca, tier: free, region: CA, count: 10, joined: {from: 2015-01-01}}
                expect:
                  findings: []
                """);

        Run run = run("test", fixture.toString());

        assertThat(run.out()).contains("PASS  " + fixture, fixture + ":6:38: warning: 'region' in members[1]: 'CA' is the country Canada",
                "1 passed, 0 failed, 0 skipped, 0 errors, 2 warning(s)");
        assertThat(run.code()).isZero();
    }

    private Path withCaliforniaAs(String region) throws IOException {
        Path file = dir.resolve(region.toLowerCase() + ".yaml");
        String yaml = Files.readString(ALLEGED);
        assertThat(yaml).contains("region: US-CA");
        Files.writeString(file, yaml.replace("region: US-CA", "region: " + region));
        return file;
    }

    /** {@code line:column} of {@code token} on the first line containing {@code marker}, counted from 1. */
    private static String position(Path file, String marker, String token) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf(marker);
            if (at >= 0) {
                return (i + 1) + ":" + (lines.get(i).indexOf(token, at) + 1);
            }
        }
        throw new AssertionError(marker + " not in " + file);
    }


}
