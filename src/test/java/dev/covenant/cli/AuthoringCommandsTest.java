package dev.covenant.cli;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** test, validate, explain and rules, run through picocli on real fixtures and the shipped rules. */
class AuthoringCommandsTest {

    private static final Path CHILDREN = Path.of("fixtures/us/children-training.yaml");

    @TempDir
    Path dir;

    @Test
    void test_passes_on_the_shipped_fixtures_with_full_coverage() {
        Run run = run("test", "--coverage", "--coverage-min", "100");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("PASS  fixtures/linkedin/linkedin-2024-as-alleged.yaml  linkedin-genai-2024-as-alleged")
                .contains("44 of 44 rules fully covered (100.0%)")
                .containsPattern("\\d+ passed, 0 failed, 0 skipped, 0 errors");
    }

    @Test
    void a_failing_fixture_spells_out_missing_and_unexpected_rules_with_evidence_and_exits_1() throws IOException {
        Path fixture = copy(CHILDREN, "fail.yaml", "  findings: [CHILD-DATA-TRAINING]", "  findings: [SCA-DISCLOSURE]",
                "  absent: [RETROACTIVE-DISCLOSURE,", "  absent: [CHILD-DATA-TRAINING, RETROACTIVE-DISCLOSURE,");

        Run run = run("test", fixture.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  " + display(fixture) + "  children-training",
                "missing: SCA-DISCLOSURE — expected to fire (" + display(fixture) + ":38:14), did not",
                "fired but expect.absent names it: CHILD-DATA-TRAINING — Practice 'tutor-model-training'",
                "evidence: " + display(fixture) + ":30:5  practice tutor-model-training",
                "0 passed, 1 failed, 0 skipped, 0 errors");
    }

    @Test
    void junit_output_is_xml_a_ci_server_reads_with_one_testcase_per_fixture() throws Exception {
        Path fixture = copy(CHILDREN, "fail.yaml", "  findings: [CHILD-DATA-TRAINING]", "  findings: []");
        copy(Path.of("fixtures/us/children-training-parental-consent.yaml"), "pass.yaml");

        Run run = run("test", "--format", "junit", dir.toString());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(run.out())));
        var suite = xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttributes().getNamedItem("tests").getNodeValue()).isEqualTo("2");
        assertThat(suite.getAttributes().getNamedItem("failures").getNodeValue()).isEqualTo("1");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).contains("unexpected: CHILD-DATA-TRAINING");
        assertThat(run.code()).isEqualTo(1);
        assertThat(fixture).exists();
    }

    @Test
    void run_selects_fixtures_by_scenario_id_and_json_lists_them() throws IOException {
        Run run = run("test", "--run", "^children-training$", "--format", "json", "--coverage");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("fixtures")).hasSize(1);
        assertThat(json.get("fixtures").get(0).get("status").asText()).isEqualTo("pass");
        assertThat(json.get("fixtures").get(0).get("fired").get(0).asText()).isEqualTo("CHILD-DATA-TRAINING");
        assertThat(json.get("coverage").get("rules").asInt()).isEqualTo(44);
        assertThat(run.code()).isZero();
    }

    @Test
    void coverage_below_the_minimum_exits_1() {
        Run run = run("test", "--coverage-min", "50", "fixtures/us");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("rule coverage 15.9% is below --coverage-min 50.0%");
    }

    @Test
    void an_invalid_fixture_or_an_unknown_rule_id_in_expect_is_an_error_and_exits_2() throws IOException {
        Path fixture = copy(CHILDREN, "typo.yaml", "  findings: [CHILD-DATA-TRAINING]", "  findings: [CHILD-DATA-TRAINNG]");

        Run test = run("test", fixture.toString());
        Run validate = run("validate", fixture.toString());

        assertThat(test.code()).isEqualTo(2);
        assertThat(test.out()).contains("ERROR " + display(fixture));
        assertThat(validate.code()).isEqualTo(2);
        assertThat(validate.out()).contains(display(fixture) + ":38:14: error: expect: names rule CHILD-DATA-TRAINNG, which is not in"
                + " the rule pack (did you mean 'CHILD-DATA-TRAINING'?)");
    }

    @Test
    void validate_reports_rule_and_scenario_problems_together_without_evaluating() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), """
                package t;
                import dev.covenant.model.Practice;
                rule "no metadata"
                when
                    $p : Practice( )
                then
                end
                """);
        Path bad = Path.of("src/test/resources/scenarios/invalid/unknown-key.yaml");

        Run run = run("validate", "--rules", rules.toString(), "--format", "json", bad.toString());

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("diagnostics")).extracting(d -> d.get("file").asText().replaceAll(".*/", "") + ":" + d.get("line").asInt())
                .containsExactlyInAnyOrder("a.drl:3", "unknown-key.yaml:8");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run("validate").out()).contains("valid");
    }

    @Test
    void explain_shows_the_chain_from_ucl_to_the_statutory_findings_to_their_facts() {
        Run run = run("explain", "fixtures/linkedin/linkedin-2024-as-alleged.yaml", "--rule", "UCL-UNLAWFUL");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("UCL-UNLAWFUL  Unlawful business practice (California UCL)",
                "rule \"UCL-UNLAWFUL: statutory findings that reach California members are unlawful business practices\" (rules/us/california.drl:",
                "finding SCA-DISCLOSURE: Practice 'genai-training' gives private communications",
                "by rule \"SCA-DISCLOSURE: contents of communications divulged beyond the provider without consent\"",
                "Reach(genai-training, premium-us-ca) derived by \"a practice reaches a member cohort\" (rules/classify/practices.drl:",
                "$cohort = member cohort premium-us-ca (fixtures/linkedin/linkedin-2024-as-alleged.yaml:15:5)");
    }

    @Test
    void explain_says_why_a_rule_did_not_fire() {
        Run missing = run("explain", "fixtures/linkedin/linkedin-2024-as-stated.yaml", "--rule", "SCA-DISCLOSURE");
        Run early = run("explain", "fixtures/in-force/ccpa-before-operative.yaml", "--rule", "CCPA-PURPOSE");

        assertThat(missing.out()).contains("SCA-DISCLOSURE  Contents of communications divulged to others without lawful consent  did not fire",
                "its conditions found no match", "$practice : Practice — 2 in the session", "none of these may match:");
        assertThat(early.out()).contains("its conditions matched, but none of its citations governs the conduct it matched:",
                "conduct: members in US-CA; 2013-01-01 to 2019-06-30; basis unstated; use marketing.advertising",
                "Cal. Civ. Code § 1798.100(b) (US-CA members; conduct from 2020-01-01 to 2023-06-30)");
    }

    @Test
    void rules_lists_the_catalog_as_text_and_json() throws IOException {
        assertThat(run("rules").out()).contains("SCA-DISCLOSURE", "18 U.S.C. § 2707(c) (US members)", "rules/us/stored-communications.drl:");
        JsonNode json = new ObjectMapper().readTree(run("rules", "--format", "json").out());
        assertThat(json.get("rules")).hasSize(44);
        assertThat(json.get("rules").get(0).get("firingFixtures")).isNotEmpty();
    }

    private Path copy(Path source, String name, String... replacements) throws IOException {
        String text = Files.readString(source);
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path target = dir.resolve(name);
        Files.writeString(target, text);
        return target;
    }

    private static String display(Path path) {
        return dev.covenant.scenario.ScenarioFiles.display(path);
    }


}
