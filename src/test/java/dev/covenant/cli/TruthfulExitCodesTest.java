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

/**
 * Every command tells the truth in its exit code: a run that checked nothing, a rule that does not
 * exist, a scenario hiding behind another's id, an output that could not be written — none exits 0
 * or says "internal error".
 */
class TruthfulExitCodesTest {

    @TempDir
    Path dir;

    @Test
    void explain_of_a_rule_the_pack_does_not_have_exits_2_with_a_suggestion() {
        Run run = run("explain", "fixtures/us/children-training.yaml", "--rule", "SCA-DISCLOSUR");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--rule SCA-DISCLOSUR: no such rule in the pack (did you mean 'SCA-DISCLOSURE'?)");
        assertThat(run.out()).isEmpty();
        assertThat(run("explain", "fixtures/us/children-training.yaml", "--rule", "SCA-DISCLOSURE").code()).isZero();
    }

    @Test
    void check_test_and_validate_on_a_directory_without_scenarios_exit_2() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "not a scenario");

        for (String command : new String[] {"check", "test", "validate"}) {
            Run run = run(command, empty.toString());
            assertThat(run.code()).as(command).isEqualTo(2);
            assertThat(run.out() + run.err()).as(command).contains(empty + ": error: no scenario files (*.yaml, *.yml) under this directory");
        }
        Run mixed = run("check", "fixtures/us", empty.toString());
        assertThat(mixed.code()).as("one empty root among good ones is still said").isEqualTo(2);
        assertThat(mixed.out()).contains("children-training", "no scenario files");
    }

    @Test
    void test_with_every_fixture_filtered_out_exits_2() {
        Run run = run("test", "--run", "no-fixture-is-called-this", "fixtures/us");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("no fixture's scenario id or path matches --run 'no-fixture-is-called-this' (13 fixture(s) found)");
        assertThat(run("test", "--run", "children-training$", "fixtures/us").code()).isZero();
    }

    @Test
    void a_misspelt_subcommand_gets_a_suggestion() {
        Run run = run("chek");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'chek'", "Did you mean: check");
    }

    @Test
    void a_baseline_compares_only_the_scenarios_evaluated_in_this_run() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        assertThat(run("check", "--write-baseline", baseline.toString(), "fixtures").code()).isEqualTo(1);

        Run subset = run("check", "--format", "json", "--baseline", baseline.toString(), "fixtures/us");
        JsonNode report = new ObjectMapper().readTree(subset.out());
        assertThat(report.get("summary").get("fixed").asInt()).as("nothing left out of the run was fixed").isZero();
        assertThat(subset.code()).as("nothing new").isZero();

        // A scenario evaluated in this run that no longer produces a baseline finding: that one is fixed.
        Path us = Files.createDirectories(dir.resolve("us"));
        Files.copy(Path.of("fixtures/us/children-training-parental-consent.yaml"), us.resolve("a.yaml"));
        Files.writeString(us.resolve("b.yaml"), Files.readString(Path.of("fixtures/us/children-training.yaml"))
                .replace("train_ai_system", "essential.service"));
        Run changed = run("check", "--format", "json", "--baseline", baseline.toString(), us.toString());
        JsonNode fixed = new ObjectMapper().readTree(changed.out()).get("review").get("fixed");
        assertThat(fixed).isNotEmpty().allSatisfy(f -> assertThat(f.get("scenario").asText()).isEqualTo("children-training"));
    }

    @Test
    void two_files_with_one_scenario_id_are_invalid_input_naming_both() throws IOException {
        Path copies = Files.createDirectories(dir.resolve("copies"));
        Files.copy(Path.of("fixtures/us/children-training.yaml"), copies.resolve("a.yaml"));
        Files.writeString(copies.resolve("b.yaml"), Files.readString(Path.of("fixtures/us/children-training.yaml"))
                .replace("name: ", "name: Other "));
        String first = copies.resolve("a.yaml").toString();
        String second = copies.resolve("b.yaml").toString();

        Run check = run("check", copies.toString());
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.out()).contains(second + "  INVALID (not evaluated)",
                second + ":4:11: error: scenario id 'children-training' is already the id of " + first);
        assertThat(run("check", "--format", "json", copies.toString()).out()).contains("\"invalid\" : 1");

        Run test = run("test", copies.toString());
        assertThat(test.code()).isEqualTo(2);
        assertThat(test.out()).contains("is already the id of " + first);

        Run validate = run("validate", copies.toString());
        assertThat(validate.code()).isEqualTo(2);
        assertThat(validate.out()).contains(second + ":4:11: error: scenario id 'children-training' is already the id of " + first);
    }

    @Test
    void an_output_that_cannot_be_written_is_a_clear_error_and_exit_2() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        Run underFile = run("check", "-o", file.resolve("out.json").toString(), "--format", "json", "fixtures/us");
        assertThat(underFile.code()).isEqualTo(2);
        assertThat(underFile.err()).startsWith("covenant: cannot write " + file.resolve("out.json") + ": ")
                .contains("not a directory").doesNotContain("internal error", "Exception");

        Run sarif = run("check", "--format", "text,sarif=" + file.resolve("x.sarif"), "fixtures/us");
        assertThat(sarif.code()).isEqualTo(2);
        assertThat(sarif.err()).contains("covenant: cannot write " + file.resolve("x.sarif")).doesNotContain("internal error");

        Run tests = run("test", "-o", file.resolve("t.txt").toString(), "fixtures/us");
        assertThat(tests.code()).isEqualTo(2);
        assertThat(tests.err()).contains("covenant: cannot write " + file.resolve("t.txt")).doesNotContain("internal error");
    }

    @Test
    void markdown_evidence_links_take_a_link_base() throws IOException {
        Run linked = run("check", "--format", "markdown", "--link-base", "https://git.example.com/acme/privacy/blob/abc123",
                "fixtures/us/children-training.yaml");
        assertThat(linked.out()).contains("(https://git.example.com/acme/privacy/blob/abc123/fixtures/us/children-training.yaml#L30)");

        Run plain = run("check", "--format", "markdown", "fixtures/us/children-training.yaml");
        assertThat(plain.out()).contains("(fixtures/us/children-training.yaml#L30)");

        Run bad = run("check", "--format", "markdown", "--link-base", "javascript:alert(1)", "fixtures/us");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--link-base 'javascript:alert(1)' is not an absolute http(s) URL");
    }


}
