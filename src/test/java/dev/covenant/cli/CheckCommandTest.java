package dev.covenant.cli;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code check} command through picocli, on real fixture directories and the shipped rules. */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void the_shipped_fixtures_produce_findings_and_exit_1() {
        Run run = run("check");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("fixtures/linkedin/linkedin-2024-as-alleged.yaml  linkedin-genai-2024-as-alleged (as of 2025-01-21)",
                "CRITICAL SCA-DISCLOSURE", "cites: 18 U.S.C. § 2707(c); 18 U.S.C. § 2702(a)(1)",
                "evidence: fixtures/linkedin/linkedin-2024-as-alleged.yaml:86:5  practice genai-training",
                "exposure: USD 6,000,000,000");
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .matches("\\d+ scenario\\(s\\): \\d+ evaluated, 0 invalid, 0 error\\(s\\); \\d+ finding\\(s\\).*");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void json_output_has_a_schema_version_and_every_finding_has_id_severity_citations_and_located_evidence() throws IOException {
        Run run = run("check", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schemaVersion").asText()).isEqualTo("1.0");
        assertThat(json.get("summary").get("invalid").asInt()).isZero();
        JsonNode scenarios = json.get("scenarios");
        assertThat(scenarios.size()).isGreaterThanOrEqualTo(4);
        int findings = 0;
        for (JsonNode scenario : scenarios) {
            assertThat(scenario.get("status").asText()).isEqualTo("evaluated");
            for (JsonNode finding : scenario.get("findings")) {
                findings++;
                assertThat(finding.get("ruleId").asText()).isNotBlank();
                assertThat(finding.get("severity").asText()).isIn("critical", "high", "medium", "low", "info");
                assertThat(finding.get("citations")).isNotEmpty();
                assertThat(finding.get("evidence")).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.get("file").asText()).endsWith(".yaml");
                    assertThat(e.get("line").asInt()).isPositive();
                });
            }
        }
        assertThat(findings).isEqualTo(json.get("summary").get("findings").asInt()).isPositive();
    }

    @Test
    void fail_on_raises_the_threshold_for_exit_1() throws IOException {
        Path only = Files.createDirectories(dir.resolve("f"));
        Files.copy(Path.of("fixtures/linkedin/linkedin-2024-as-stated.yaml"), only.resolve("s.yaml"));

        assertThat(run("check", only.toString()).code()).as("high findings, default --fail-on low").isEqualTo(1);
        assertThat(run("check", "--fail-on", "critical", only.toString()).code()).as("no critical finding").isZero();
    }

    @Test
    void as_of_overrides_the_scenarios_own_date() {
        Run run = run("check", "--as-of", "2024-07-01", "--format", "json", "fixtures/linkedin");

        assertThat(run.out()).contains("\"asOf\" : \"2024-07-01\"");
        assertThat(run.code()).as("nothing had started by then").isZero();
    }

    @Test
    void a_rules_directory_with_a_syntax_error_exits_2_naming_the_file_and_line() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules/us"));
        Files.writeString(rules.resolve("broken.drl"), """
                package test;

                import dev.covenant.model.Practice;

                rule "broken"
                when
                    $p : Practice( use == )
                then
                end
                """);

        Run run = run("check", "--rules", dir.resolve("rules").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).contains("us/broken.drl:7:").contains("rules did not compile");
    }

    @Test
    void a_scenario_with_an_unknown_key_exits_2_while_the_others_are_still_evaluated() throws IOException {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.copy(Path.of("src/test/resources/scenarios/invalid/unknown-key.yaml"), fixtures.resolve("bad.yaml"));
        Files.copy(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"), fixtures.resolve("good.yaml"));

        Run run = run("check", "--format", "json", fixtures.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).contains("\"status\" : \"invalid\"", "\"line\" : 8", "unknown key 'categorys'", "\"status\" : \"evaluated\"",
                "\"ruleId\" : \"SCA-DISCLOSURE\"");
        Run text = run("check", fixtures.toString());
        assertThat(text.out()).contains("bad.yaml:8:5: error: unknown key 'categorys' in practices[0]")
                .contains("2 scenario(s): 1 evaluated, 1 invalid, 0 error(s)");
    }

    @Test
    void output_goes_to_a_file_when_asked() throws IOException {
        Path report = dir.resolve("out/report.json");

        Run run = run("check", "--format", "json", "--output", report.toString(), "fixtures/linkedin");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(report.toFile()).get("schemaVersion").asText()).isEqualTo("1.0");
        try (var files = Files.list(report.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(report);
        }
    }

    @Test
    void several_formats_are_written_in_one_run() throws IOException {
        Path sarif = dir.resolve("out/report.sarif");
        Path html = dir.resolve("out/report.html");
        Path md = dir.resolve("out/report.md");
        Path junit = dir.resolve("out/report.xml");
        Path json = dir.resolve("out/report.json");

        Run run = run("check", "--format", "text,sarif=" + sarif + ",html=" + html + ",markdown=" + md + ",junit=" + junit
                + ",json=" + json, "fixtures/linkedin");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("CRITICAL SCA-DISCLOSURE");
        assertThat(new ObjectMapper().readTree(sarif.toFile()).get("version").asText()).isEqualTo("2.1.0");
        assertThat(Files.readString(html)).contains("<svg class=\"timeline\"");
        assertThat(Files.readString(md)).startsWith("## Covenant findings");
        assertThat(Files.readString(junit)).contains("<testsuite name=\"covenant check\"");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("schemaVersion").asText()).isEqualTo("1.0");
        assertThat(run("check", "--format", "json,sarif", "fixtures/linkedin").err())
                .contains("only one format can go to standard output");
        assertThat(run("check", "--format", "pdf=x.pdf").err()).contains("unknown format 'pdf' in --format");
    }

    @Test
    void waivers_and_baselines_change_the_exit_code_as_documented() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        String children = "fixtures/us/children-training.yaml";

        assertThat(run("check", children).code()).isEqualTo(1);
        Run waived = run("check", "--waivers", "src/test/resources/review/waivers.yaml", children);
        assertThat(waived.code()).isZero();
        assertThat(waived.out()).contains("[waived]", "waived until 2099-12-31 by Jane Doe", "matches no finding", "expired on 2024-12-31");
        assertThat(run("check", "--waivers", "src/test/resources/review/waivers-invalid.yaml", children).code()).isEqualTo(2);

        assertThat(run("check", "--write-baseline", baseline.toString(), children).code()).isEqualTo(1);
        assertThat(run("check", "--baseline", baseline.toString(), children).code()).as("nothing new").isZero();
        Run more = run("check", "--baseline", baseline.toString(), children, "fixtures/contract/notice-period.yaml");
        assertThat(more.code()).isEqualTo(1);
        assertThat(more.out()).contains("[new]", "1 new, 0 fixed since the baseline");
        Files.writeString(dir.resolve("not-a-report.json"), "{}");
        assertThat(run("check", "--baseline", dir.resolve("not-a-report.json").toString(), children).code()).isEqualTo(2);
    }

    @Test
    void usage_errors_exit_2_with_a_message() {
        assertThat(run("check", "--format", "xml")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("unknown format 'xml' in --format; expected one of: text, json, sarif, markdown, html, junit");
        });
        assertThat(run("check", "--fail-on", "severe").err()).contains("unknown --fail-on 'severe'");
        assertThat(run("check", "--as-of", "2025-02-30").err()).contains("--as-of '2025-02-30' is not a date");
        assertThat(run("check", "no/such/dir")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).contains("no/such/dir: error: no such file or directory");
        });
    }


}
