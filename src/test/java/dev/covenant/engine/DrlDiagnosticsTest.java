package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.cli.Main;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile diagnostics a rule author meets, each from real DRL compiled by the real engine, at the
 * file, line and column of the fix, with the text that says what to do. The examples in
 * docs/writing-rules.md ("Diagnostics") are these.
 */
class DrlDiagnosticsTest {

    private static final String HEADER = """
            package test.rules;

            import dev.covenant.model.Practice;
            import dev.covenant.classify.Reach;
            import java.util.List;
            import function dev.covenant.engine.FindingBuilder.finding;

            """;

    @TempDir
    Path dir;

    @Test
    void a_misspelt_fact_type_is_one_error_at_the_type_with_a_suggestion_and_what_follows_from_it_folded() throws IOException {
        write("us/children.drl", HEADER + """
                rule "CHILD-DATA-TRAINING: children's data trained on"
                    @id("CHILD-DATA-TRAINING") @title("t") @severity("low") @reference("r")
                when
                    $practice : Practise( this.hasCategory("user.childrens"), this.hasUse("train_ai_system") )
                    $usCohorts : List( size > 0 ) from accumulate(
                        $r : Reach( practice == $practice, cohort.inRegion("US") ), collectList( $r ) )
                then
                    finding(kcontext).about($practice)
                        .message("Practice '%s' uses children's data for %s with legal basis %s",
                                 $practice.id(), $practice.use(), $practice.legalBasis() == null ? "unstated" : $practice.legalBasis().toString())
                        .report();
                end
                """);

        assertThat(lines(compile())).containsExactly(
                "us/children.drl:11:17: unknown fact type 'Practise' (did you mean 'Practice'?), and 6 errors that follow from it"
                        + " (the uses of $practice, which it leaves unbound)");
    }

    @Test
    void a_known_fact_type_this_file_does_not_import_is_named_with_its_import() throws IOException {
        write("a.drl", """
                package test.rules;

                rule "reach"
                when
                    $r : Reach( )
                then
                end
                """);

        assertThat(lines(compile())).containsExactly(
                "a.drl:5:10: unknown fact type 'Reach' (not imported here: add 'import dev.covenant.classify.Reach;')");
    }

    @Test
    void an_unknown_field_or_method_has_its_column_and_the_nearest_name_the_fact_class_has() throws IOException {
        write("a.drl", HEADER + """
                rule "fields"
                when
                    $p : Practice( uses == "x", this.hasCatgory("user.childrens") )
                    $s : dev.covenant.model.Setting( defaultOnn == true )
                    $r : Reach( practice == $p, cohort.inRegion("US") )
                then
                end
                """);

        assertThat(lines(compile())).containsExactly(
                "a.drl:10:20: Practice has no field 'uses' (did you mean 'use'?), in 'uses == \"x\"'",
                "a.drl:10:38: Practice has no method hasCatgory(String) (did you mean 'hasCategory'?), in 'this.hasCatgory(\"user.childrens\")'",
                "a.drl:11:38: Setting has no field 'defaultOnn' (did you mean 'defaultOn'?), in 'defaultOnn == true'");
    }

    @Test
    void drools_property_names_of_getters_are_candidates() {
        assertThat(DrlDiagnostics.properties(dev.covenant.model.Setting.class)).contains("defaultOn", "introduced", "regions");
        assertThat(DrlDiagnostics.properties(dev.covenant.model.LegalBasis.class)).contains("setting", "isSetting", "expressConsent");
    }

    @Test
    void a_missing_closing_parenthesis_is_named_at_the_end_of_the_line_that_lacks_it() throws IOException {
        write("a.drl", HEADER + """
                rule "paren"
                when
                    $p : Practice( this.hasUse("train_ai_system")
                    $q : Practice( this != $p )
                then
                end
                """);
        write("b.drl", HEADER.replace("test.rules", "test.b") + """
                rule "inner paren"
                when
                    $p : Practice( this.hasUse("train_ai_system" )
                then
                end
                """);

        assertThat(lines(compile())).containsExactly(
                "a.drl:10:50: missing ')': the '(' at line 10 column 18 is not closed; add ')' here, before '$q' on line 11",
                "b.drl:10:51: missing ')': the '(' at line 10 column 18 is not closed; add ')' here, before 'then' on line 11");
    }

    @Test
    void a_stray_token_starting_a_continuation_line_is_not_called_a_missing_parenthesis() throws IOException {
        write("a.drl", HEADER + """
                rule "stray or"
                when
                    $p : Practice( id == "a",
                                   || id == "b" )
                then
                end
                """);

        assertThat(compile()).isNotEmpty().allSatisfy(d -> assertThat(d.message()).doesNotContain("missing ')'"));
    }

    @Test
    void a_parse_error_inside_closed_parentheses_is_not_called_a_missing_parenthesis() throws IOException {
        write("a.drl", HEADER + """
                rule "broken"
                when
                    $p : Practice( use == )
                then
                end
                """);

        assertThat(compile()).singleElement().satisfies(d -> {
            assertThat(d.where().line()).isEqualTo(10);
            assertThat(d.message()).doesNotContain("missing ')'");
        });
    }

    @Test
    void a_duplicate_id_is_reported_at_the_later_definition_with_the_first_ones_place() throws IOException {
        String rule = """
                rule "%s"
                    @id("CHILD-DATA-TRAINING") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( )
                then
                    finding(kcontext).about($p).report();
                end
                """;
        write("us/children.drl", HEADER + rule.formatted("shipped"));
        write("us/new.drl", HEADER.replace("test.rules", "test.added") + "\n\n" + rule.formatted("new"));

        assertThat(lines(compile())).containsExactly("us/new.drl:10:1: duplicate rule id 'CHILD-DATA-TRAINING' in rule 'new';"
                + " already used by rule 'shipped' at " + dir.resolve("us/children.drl").toString().replace('\\', '/') + ":8:1");
    }

    @Test
    void two_rules_of_one_name_are_reported_at_the_later_with_the_first_ones_place() throws IOException {
        String rule = """
                rule "opt-out default"
                when
                    $p : Practice( )
                then
                end
                """;
        write("us/a.drl", HEADER + rule);
        write("us/b.drl", HEADER + "\n" + rule);

        assertThat(lines(compile())).singleElement().asString().startsWith("us/b.drl:9:1: duplicate rule name \"opt-out default\""
                + " in package test.rules; already used by the rule at " + dir.resolve("us/a.drl").toString().replace('\\', '/')
                + ":8:1 (a rule's name is its identity in its package: rename one)");
    }

    @Test
    void a_date_compared_with_a_string_fails_the_compile_naming_the_rule_and_the_constraint() throws IOException {
        write("dates.drl", HEADER + """
                rule "DATES: started after 2024"
                    @id("DATES") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( started > "2024-01-01" )
                then
                    finding(kcontext).about($p).report();
                end
                """);

        assertThat(lines(compile())).containsExactly("dates.drl:11:20: rule 'DATES: started after 2024':"
                + " 'started > \"2024-01-01\"' compares a LocalDate with a String, which cannot be compared;"
                + " write the date as a LocalDate, e.g. LocalDate.parse(\"2024-01-01\") with 'import java.time.LocalDate;'");

        // The fix the message gives compiles and evaluates.
        write("dates.drl", HEADER.replace("import java.util.List;", "import java.time.LocalDate;") + """
                rule "DATES: started after 2024"
                    @id("DATES") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( started > LocalDate.parse("2024-01-01") )
                then
                    finding(kcontext).about($p).report();
                end
                """);
        try (RuleBase rules = RuleBase.compile(dir)) {
            assertThat(rules.diagnostics()).isEmpty();
            var scenario = ScenarioLoader.load(Path.of("fixtures/us/children-training.yaml"), "children-training.yaml").scenario();
            assertThat(new Evaluator(rules, Limits.DEFAULT).evaluate(scenario).error()).isNull();
        }
    }

    @Test
    void a_constraint_that_fails_during_evaluation_names_its_rule_and_where_it_is() throws IOException {
        // Built straight through the KIE API, as RuleBase would before it checked constraint types: the
        // failure then comes while the engine matches, when no rule is firing.
        String drl = HEADER + """
                rule "DATES: started after 2024"
                    @id("DATES") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( started > "2024-01-01" )
                then
                    finding(kcontext).about($p).report();
                end
                """;
        write("dates.drl", drl);
        RuleSources sources = RuleSources.read(dir);
        org.kie.api.KieServices services = org.kie.api.KieServices.Factory.get();
        org.kie.api.builder.KieFileSystem files = services.newKieFileSystem();
        org.kie.api.builder.ReleaseId id = services.newReleaseId("dev.covenant.test", "blame", "1.0");
        files.generateAndWritePomXML(id);
        files.write(RuleBase.resource("dates.drl", drl), drl);
        assertThat(services.newKieBuilder(files).buildAll().getResults().getMessages(org.kie.api.builder.Message.Level.ERROR)).isEmpty();
        org.kie.api.runtime.KieContainer container = services.newKieContainer(id);
        try {
            org.kie.api.KieBase kieBase = container.getKieBase();
            RuleCatalog.of(kieBase, sources);
            var scenario = ScenarioLoader.load(Path.of("fixtures/us/children-training.yaml"), "children-training.yaml").scenario();

            GuardedSession.Outcome outcome = GuardedSession.run(kieBase, Limits.DEFAULT, null, GuardedSession.PLAIN, scenario.facts());

            assertThat(outcome.ending()).isEqualTo(GuardedSession.Ending.FAILED);
            assertThat(outcome.problem(Limits.DEFAULT)).startsWith("evaluation failed in the conditions of rule 'DATES: started after 2024' ("
                    + sources.display("dates.drl") + ":8:1, constraint 'started > \"2024-01-01\"'): CompileException:");
        } finally {
            container.dispose();
        }
    }

    @Test
    void validate_reports_the_root_cause_as_valid_json_diagnostics() throws IOException {
        write("a.drl", HEADER + """
                rule "typo"
                when
                    $p : Practise( )
                    $r : Reach( practice == $p )
                then
                end
                """);
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.copy(Path.of("fixtures/us/children-training.yaml"), scenarios.resolve("children-training.yaml"));
        StringWriter out = new StringWriter();

        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--rules", dir.toString(),
                "--format", "json", scenarios.toString());

        assertThat(code).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode diagnostics = json.findValue("diagnostics");
        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).get("file").asText()).endsWith("a.drl");
        assertThat(diagnostics.get(0).get("line").asInt()).isEqualTo(10);
        assertThat(diagnostics.get(0).get("column").asInt()).isEqualTo(10);
        assertThat(diagnostics.get(0).get("message").asText()).isEqualTo("unknown fact type 'Practise' (did you mean 'Practice'?),"
                + " and 1 error that follows from it (the uses of $p, which it leaves unbound)");
    }

    private List<Diagnostic> compile() {
        try (RuleBase rules = RuleBase.compile(dir)) {
            assertThat(rules.isUsable()).isFalse();
            return rules.diagnostics();
        }
    }

    /** Each diagnostic as {@code relative/path.drl:line:column: message}. */
    private List<String> lines(List<Diagnostic> diagnostics) {
        String root = dir.toString().replace('\\', '/') + "/";
        return diagnostics.stream().map(d -> d.where().file().replace(root, "") + ":" + d.where().line() + ":"
                + d.where().column() + ": " + d.message()).toList();
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
