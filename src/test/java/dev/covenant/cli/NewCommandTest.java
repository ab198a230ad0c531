package dev.covenant.cli;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covenant new rule} and {@code covenant new scenario}, run as a user would in a copy of the shipped pack:
 * what they write must pass {@code covenant validate} and {@code covenant test} over the real engine, and the
 * near miss must not fire for the reason the scaffold says.
 */
class NewCommandTest {

    @TempDir
    Path dir;

    private Path rules;
    private Path fixtures;

    @BeforeEach
    void copyThePack() throws IOException {
        rules = dev.covenant.TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        fixtures = dev.covenant.TestFiles.copyTree(Path.of("fixtures"), dir.resolve("fixtures"));
    }

    @Test
    void a_scaffolded_rule_and_its_fixtures_pass_validate_and_test_with_the_whole_pack() throws IOException {
        Run made = newRule("PROFILE-TRAINING", "us");

        assertThat(made.code()).as(made.err()).isZero();
        Path rule = rules.resolve("us/profile-training.drl");
        Path fires = fixtures.resolve("us/profile-training.yaml");
        Path nearMiss = fixtures.resolve("us/profile-training-near-miss.yaml");
        assertThat(made.out()).contains("wrote " + rule, "wrote " + fires, "wrote " + nearMiss, "covenant validate", "covenant test");
        String drl = Files.readString(rule);
        assertThat(drl).contains("package rules.us;", "@id(\"PROFILE-TRAINING\")", "finding(kcontext).about($practice).report();");
        for (String key : List.of("title", "severity", "basis", "reference", "description", "message", "theory", "elements",
                "exceptions", "notCovered")) {
            assertThat(drl).as("@" + key + " with its TODO").containsPattern("TODO @" + key + ":[^\\n]*\\n(\\s*//[^\\n]*\\n)*\\s*@" + key + "\\(");
        }
        assertThat(drl).containsPattern("@reference\\(\"\\[US\\] TODO");
        assertThat(Files.readString(fires)).startsWith("# yaml-language-server: $schema=../../schema/scenario.schema.json\n")
                .contains("  findings: [PROFILE-TRAINING]");
        assertThat(Files.readString(nearMiss)).startsWith("# yaml-language-server: $schema=../../schema/scenario.schema.json\n")
                .contains("  absent: [PROFILE-TRAINING]");

        Run validate = run("validate", "--rules", rules.toString(), fixtures.toString());
        assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains(": valid");

        Run test = run("test", "--rules", rules.toString(), fixtures.toString());
        assertThat(test.code()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("PASS  " + ScenarioFilesDisplay.of(fires) + "  profile-training",
                "PASS  " + ScenarioFilesDisplay.of(nearMiss) + "  profile-training-near-miss").contains(" 0 failed, 0 skipped, 0 errors");
    }

    @Test
    void the_near_miss_does_not_fire_because_of_its_one_fact_and_fires_without_it() throws IOException {
        assertThat(newRule("PROFILE-TRAINING", "us").code()).isZero();
        Path nearMiss = fixtures.resolve("us/profile-training-near-miss.yaml");

        Run asWritten = run("check", "--rules", rules.toString(), "--format", "json", nearMiss.toString());
        assertThat(asWritten.out()).doesNotContain("\"PROFILE-TRAINING\"");

        // Take away what excuses it (the practice's consent) and the same rule, unchanged, fires: the stub's
        // conditions are real, not a result written into the fixture.
        Files.writeString(nearMiss, Files.readString(nearMiss).replace("legal_basis: consent", "legal_basis: legitimate-interest"));
        Run excused = run("test", "--rules", rules.toString(), nearMiss.toString());
        assertThat(excused.code()).isEqualTo(1);
        assertThat(excused.out()).contains("fired but expect.absent names it: PROFILE-TRAINING");
    }

    @Test
    void every_family_gets_its_package_and_a_passing_pair_of_fixtures() throws IOException {
        assertThat(newRule("DATED-TRAINING", "policy-dates").code()).isZero();
        assertThat(newRule("EEA-TRAINING", "eu").code()).isZero();

        assertThat(Files.readString(rules.resolve("policy-dates/dated-training.drl"))).contains("package rules.policydates;");
        assertThat(Files.readString(rules.resolve("eu/eea-training.drl"))).contains("package rules.eu;", "@reference(\"[EEA] TODO");
        Run test = run("test", "--rules", rules.toString(), fixtures.toString());
        assertThat(test.code()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("  dated-training  ", "  dated-training-near-miss  ", "  eea-training  ", "  eea-training-near-miss  ");
    }

    @Test
    void an_unknown_family_is_refused_with_the_nearest_one() {
        Run run = newRule("PROFILE-TRAINING", "uss");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("covenant: unknown family 'uss' (did you mean 'us'?); the families are the folders under")
                .contains("consent, contract, eu, orders, policy-dates, retention, statements, us");
        assertThat(rules.resolve("uss")).doesNotExist();
    }

    @Test
    void the_folders_that_hold_no_obligation_rules_are_refused_as_families() {
        Run run = newRule("PROFILE-TRAINING", "classify");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--family classify: rules/classify/ holds classification rules (@derive)");
        assertThat(rules.resolve("classify/profile-training.drl")).doesNotExist();
    }

    @Test
    void an_id_that_is_not_upper_kebab_is_refused_with_its_upper_case_form() {
        Run run = newRule("profile_training", "us");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("covenant: 'profile_training' is not a rule id: upper-case words of letters and digits joined by dashes")
                .contains("(did you mean 'PROFILE-TRAINING'?)");
        assertThat(rules.resolve("us/profile_training.drl")).doesNotExist();
        assertThat(newRule("PROFILE--TRAINING", "us").code()).isEqualTo(2);
        assertThat(newRule("-PROFILE", "us").code()).isEqualTo(2);
    }

    @Test
    void an_id_a_table_row_uses_is_named_by_its_cell_and_fixtures_elsewhere_get_their_schema_path() throws IOException {
        Run taken = newRule("CHILD-DATA-TRAINING", "eu");
        assertThat(taken.code()).isEqualTo(2);
        assertThat(taken.err()).contains("is already used by the rule at " + ScenarioFilesDisplay.of(rules.resolve("us/consent-uses.drl.csv")) + ":A9;");

        Path elsewhere = dir.resolve("elsewhere/cases");
        Run made = run("new", "rule", "PROFILE-TRAINING", "--family", "us", "--rules", rules.toString(), "--fixtures", elsewhere.toString());
        assertThat(made.code()).as(made.err()).isZero();
        String header = Files.readAllLines(elsewhere.resolve("us/profile-training.yaml")).get(0);
        Path schema = elsewhere.resolve("us").resolve(header.substring(header.indexOf("$schema=") + "$schema=".length())).normalize();
        assertThat(schema).isEqualTo(rules.getParent().resolve("schema/scenario.schema.json").toAbsolutePath().normalize());
    }

    @Test
    void an_id_the_pack_already_uses_is_refused_naming_where_that_rule_is() throws IOException {
        Path sca = rules.resolve("us/stored-communications.drl");
        List<String> lines = Files.readAllLines(sca);
        int declared = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("rule \"SCA-DISCLOSURE")).findFirst().orElseThrow());

        Run run = newRule("SCA-DISCLOSURE", "eu");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("covenant: rule id SCA-DISCLOSURE is already used by the rule at "
                + ScenarioFilesDisplay.of(sca) + ":" + declared + ":1");
        assertThat(rules.resolve("eu/sca-disclosure.drl")).doesNotExist();
        assertThat(fixtures.resolve("eu/sca-disclosure.yaml")).doesNotExist();
    }

    @Test
    void an_existing_file_is_never_overwritten_and_nothing_is_written() throws IOException {
        Path fires = Files.createDirectories(fixtures.resolve("us")).resolve("profile-training.yaml");
        Files.writeString(fires, "mine\n");

        Run run = newRule("PROFILE-TRAINING", "us");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(fires + " already exists; covenant new writes only new files, and wrote nothing");
        assertThat(fires).hasContent("mine");
        assertThat(rules.resolve("us/profile-training.drl")).doesNotExist();
        assertThat(fixtures.resolve("us/profile-training-near-miss.yaml")).doesNotExist();
    }

    @Test
    void a_skeleton_scenario_has_every_top_level_section_of_the_format_and_validates_as_written() throws IOException {
        Path scenario = dir.resolve("cases/new-case.yaml");

        Run made = run("new", "scenario", scenario.toString());

        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("wrote " + scenario, "covenant validate " + scenario);
        String text = Files.readString(scenario);
        Path schema = Path.of("schema/scenario.schema.json").toAbsolutePath();
        assertThat(text).startsWith("# yaml-language-server: $schema="
                + scenario.getParent().relativize(schema).toString().replace('\\', '/') + "\n");
        for (String section : topLevelSections()) {
            // Each section present as a key, with a comment above it saying what it holds.
            assertThat(text).as(section).containsPattern("(?m)^#[^\\n]*\\n(?:#[^\\n]*\\n)*" + section + ":");
        }
        assertThat(text).contains("scenario: new-case");

        Run validate = run("validate", scenario.toString());
        assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains("1 scenario file(s): valid");
    }

    @Test
    void a_skeleton_is_not_written_over_a_file_nor_where_covenant_would_not_read_it() throws IOException {
        Path existing = Files.writeString(dir.resolve("mine.yaml"), "mine\n");

        Run over = run("new", "scenario", existing.toString());
        Run text = run("new", "scenario", dir.resolve("case.txt").toString());

        assertThat(over.code()).isEqualTo(2);
        assertThat(over.err()).contains(existing + " already exists; covenant new writes only new files");
        assertThat(existing).hasContent("mine");
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("is not a *.yaml or *.yml file");
        assertThat(dir.resolve("case.txt")).doesNotExist();
    }

    @Test
    void new_without_what_to_write_is_a_usage_error() {
        Run run = run("new");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("covenant new rule ID --family FAMILY", "covenant new scenario [PATH]");
    }

    /** The top-level keys of docs/scenario-format.md's key table (the format's source of truth), in order. */
    private static Set<String> topLevelSections() throws IOException {
        Set<String> sections = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)").matcher(Files.readString(Path.of("docs/scenario-format.md")));
        while (row.find()) {
            sections.add(row.group(1));
        }
        assertThat(sections).contains("scenario", "as_of", "platform", "members", "practices", "expect");
        return sections;
    }

    private Run newRule(String id, String family) {
        return run("new", "rule", id, "--family", family, "--rules", rules.toString(), "--fixtures", fixtures.toString());
    }

    /** How the commands name a file (relative to the working directory when inside it, else absolute). */
    private static final class ScenarioFilesDisplay {
        static String of(Path path) {
            return dev.covenant.scenario.ScenarioFiles.display(path);
        }
    }
}
