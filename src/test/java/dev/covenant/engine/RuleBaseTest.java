package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {

    private static final String HEADER = """
            package test.rules;

            import dev.covenant.model.Practice;
            import function dev.covenant.engine.FindingBuilder.finding;

            """;

    @TempDir
    Path dir;

    @Test
    void the_shipped_pack_compiles_with_a_catalog_of_its_obligations() {
        RuleBase rules = ShippedRules.get();

        assertThat(rules.diagnostics()).isEmpty();
        assertThat(rules.catalog().obligations()).extracting(dev.covenant.finding.RuleDescriptor::id)
                .contains("OPT-OUT-DEFAULT", "RETROACTIVE-DISCLOSURE", "SCA-DISCLOSURE");
        assertThat(rules.catalog().obligations()).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank();
            assertThat(r.severity()).isNotNull();
            assertThat(r.citations()).isNotEmpty().allSatisfy(c -> assertThat(c.text()).isNotBlank());
            assertThat(r.declared().line()).isPositive();
        });
    }

    @Test
    void the_shipped_pack_also_builds_under_the_executable_model() throws IOException {
        org.kie.api.KieServices services = org.kie.api.KieServices.Factory.get();
        org.kie.api.builder.KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(services.newReleaseId("dev.covenant.test", "exec-model", "1.0"));
        RuleSources.read(ShippedRules.RULES).files().forEach((path, text) -> files.write("src/main/resources/" + RuleSources.drlName(path), text));

        org.kie.api.builder.KieBuilder builder = services.newKieBuilder(files)
                .buildAll(org.drools.model.codegen.ExecutableModelProject.class);

        assertThat(builder.getResults().getMessages(org.kie.api.builder.Message.Level.ERROR)).isEmpty();
    }

    @Test
    void a_syntax_error_is_reported_at_its_file_and_line_without_parser_noise() throws IOException {
        copyShippedRules();
        write("us/broken.drl", HEADER + """
                rule "broken"
                when
                    $p : Practice( use == )
                then
                end
                """);

        List<Diagnostic> diagnostics = compile();

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.where().file()).endsWith("us/broken.drl");
            assertThat(d.where().line()).isEqualTo(8);
            assertThat(d.where().column()).isEqualTo(27);
            assertThat(d.message()).doesNotContain("null Package").doesNotContain("\n");
        });
    }

    @Test
    void an_unknown_fact_field_is_reported_at_its_line_and_column() throws IOException {
        write("a.drl", HEADER + """
                rule "unknown field"
                    @id("X-1") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( purpose == "x" )
                then
                end
                """);

        assertThat(compile()).singleElement().satisfies(d -> {
            assertThat(d.where().location()).endsWith("a.drl:9:20");
            assertThat(d.message()).contains("purpose");
        });
    }

    @Test
    void errors_in_several_files_are_all_reported() throws IOException {
        write("a.drl", HEADER + "rule \"a\" when $p : Practice( use == ) then end\n");
        write("sub/b.drl", HEADER.replace("test.rules", "test.other") + "rule \"b\" when $p : Practice( nosuch == 1 ) then end\n");

        assertThat(compile()).extracting(d -> d.where().file().replaceAll(".*/", "") + ":" + d.where().line())
                .containsExactly("a.drl:6", "b.drl:6");
    }

    @Test
    void missing_and_invalid_metadata_name_the_rule_and_its_line() throws IOException {
        write("meta.drl", HEADER + """
                rule "no metadata"
                when
                    $p : Practice( )
                then
                end

                rule "bad severity"
                    @id("X-2") @title("t") @severity("severe") @reference("a;;b") @effective("2025-02-30")
                when
                    $p : Practice( )
                then
                end
                """);

        assertThat(compile()).extracting(d -> d.where().line() + " " + d.message()).containsExactly(
                "6 rule 'no metadata' lacks @id, @title, @severity, @reference; obligation rules need @id, @title, @severity and @reference (rules that only derive facts are marked @derive)",
                "12 rule 'bad severity' has @effective \"2025-02-30\", which is not a date (YYYY-MM-DD)".replace(" has @effective", ": @effective").replace(", which is not", " is not"),
                "12 rule 'bad severity': @reference has an empty citation; separate citations with ';'",
                "12 rule 'bad severity': unknown @severity \"severe\"; expected one of: critical | high | medium | low | info");
    }

    @Test
    void a_message_placeholder_that_fits_no_binding_is_named_at_its_line_and_column_with_a_suggestion() throws IOException {
        write("message.drl", HEADER + """
                rule "a message with typos"
                    @id("MSG-2") @title("t") @severity("low") @reference("r")
                    @message("Practice '{practise}' uses {practice.uses}")
                when
                    $practice : Practice( )
                then
                    finding(kcontext).about($practice).report();
                end
                """);

        assertThat(compile()).extracting(d -> d.where().line() + ":" + d.where().column() + " " + d.message()).containsExactly(
                "8:25 rule 'a message with typos': @message '{practise}' names no binding of the rule: '$practise' is not bound"
                        + " in its when (did you mean 'practice'?) (bound: $practice)",
                "8:42 rule 'a message with typos': @message '{practice.uses}': Practice has no accessor 'uses' (did you mean 'use'?)");
    }

    @Test
    void a_placeholder_after_escaped_quotes_is_named_at_its_own_column() throws IOException {
        write("quotes.drl", HEADER + """
                rule "quoted"
                    @id("MSG-3") @title("t") @severity("low") @reference("r")
                    @message("say \\"hi\\" to {practise}")
                when
                    $practice : Practice( )
                then
                    finding(kcontext).about($practice).report();
                end
                """);

        assertThat(compile()).extracting(d -> d.where().line() + ":" + d.where().column()).containsExactly("8:29");
    }

    @Test
    void a_rule_on_findings_that_would_run_before_the_rules_that_report_them_is_refused() throws IOException {
        write("chained.drl", HEADER + """
                import dev.covenant.finding.Violations;

                rule "early"
                    @id("EARLY") @title("t") @severity("low") @reference("r") @message("{violations.ruleIds}")
                when
                    $violations : Violations( )
                then
                    finding(kcontext).about($violations.subject()).report();
                end

                rule "direct"
                    @id("DIRECT") @title("t") @severity("low") @reference("r") @message("{practice}")
                when
                    $practice : Practice( )
                then
                    finding(kcontext).about($practice).report();
                end
                """);

        assertThat(compile()).extracting(Diagnostic::message).containsExactly(
                "rule 'early' matches findings but has salience 0, not below the rules that report them (0); declare"
                        + " 'salience -100' so it rests on all of them at once");
    }

    @Test
    void a_misspelt_region_category_or_use_in_a_condition_is_named_at_its_value() throws IOException {
        write("literals.drl", HEADER + """
                import dev.covenant.classify.Audience;

                rule "literals"
                    @id("LIT-1") @title("t") @severity("low") @reference("r") @message("{practice}")
                when
                    $practice : Practice( this.hasCategory("user.childrns"), this.hasUse("train_ai_sytem") )
                    $us : Audience( practice == $practice, region == "US_CA" )
                then
                    finding(kcontext).about($practice).report();
                end
                """);

        assertThat(compile()).extracting(d -> d.where().line() + ":" + d.where().column() + " " + d.message()).containsExactlyInAnyOrder(
                "11:44 'user.childrns' is not a Fides data category (did you mean 'user.childrens'?); the condition would never match",
                "11:74 'train_ai_sytem' is not a Fides data use (did you mean 'train_ai_system'?); the condition would never match",
                "12:54 'US_CA' is not a region (ISO 3166 country, US-xx state, EU, EEA or UK, or \"anywhere\" for an audience)"
                        + " (did you mean 'US-CA'?); the condition would never match");
    }

    @Test
    void a_rule_without_end_is_named_at_the_line_where_its_end_belongs() throws IOException {
        String a = """
                rule "a"
                when
                    $p : Practice( )
                then

                """;
        String b = """
                rule "b"
                when
                    $p : Practice( )
                then
                end
                """;
        write("middle.drl", HEADER + a + b);
        assertThat(compile()).extracting(d -> d.where().line() + ":" + d.where().column() + " " + d.message())
                .containsExactly("10:1 rule \"a\" (line 6) has no 'end': add it here, before rule \"b\" on line 11");

        Files.delete(dir.resolve("middle.drl"));
        write("last.drl", HEADER + b + a);
        assertThat(compile()).extracting(d -> d.where().line() + ":" + d.where().column() + " " + d.message())
                .containsExactly("15:1 rule \"a\" (line 11) has no 'end': add it here, at the end of the file");
    }

    @Test
    void a_duplicate_rule_id_names_both_rules() throws IOException {
        String rule = """
                rule "%s"
                    @id("DUP") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( )
                then
                    finding(kcontext).report();
                end
                """;
        write("a.drl", HEADER + rule.formatted("first"));
        write("b.drl", HEADER.replace("test.rules", "test.b") + rule.formatted("second"));

        assertThat(compile()).singleElement().satisfies(d -> {
            assertThat(d.where().location()).endsWith("b.drl:6:1");
            assertThat(d.message()).contains("duplicate rule id 'DUP'", "rule 'second'", "a.drl:6:1");
        });
    }

    @Test
    void classification_rules_must_run_before_obligation_rules() throws IOException {
        write("a.drl", HEADER + """
                rule "derives without salience"
                    @derive
                when
                    $p : Practice( )
                then
                end

                rule "an obligation"
                    @id("X-1") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( )
                then
                    finding(kcontext).report();
                end
                """);

        assertThat(compile()).singleElement().satisfies(d ->
                assertThat(d.message()).contains("(@derive) has salience 0", "declare 'salience 100'"));
    }

    @Test
    void update_recompiles_only_what_changed_and_leaves_the_base_intact_when_an_edit_breaks() throws IOException {
        copyShippedRules();
        Path rule = dir.resolve("us/consent-uses.drl.csv");
        String good = Files.readString(rule);
        RuleBase base = RuleBase.compile(dir);
        assertThat(base.isUsable()).isTrue();

        Files.writeString(rule, good.replace(",critical,", ",high,"));
        RuleBase edited = base.update();
        assertThat(edited.isUsable()).isTrue();
        assertThat(edited.kieBase()).as("updated in place").isSameAs(base.kieBase());
        assertThat(severityOf(edited, "CHILD-DATA-TRAINING")).isEqualTo("high");
        assertThat(edited.update()).as("nothing changed").isSameAs(edited);

        Files.writeString(rule, good.replace("!this.restsOn(\"\"$param\"\")", "!this.restsOn(\"\"$param\"\""));
        RuleBase broken = edited.update();
        assertThat(broken.isUsable()).isFalse();
        assertThat(broken.diagnostics()).extracting(d -> d.where().file()).allSatisfy(f -> assertThat(f).endsWith("us/consent-uses.drl.csv"));
        assertThat(severityOf(edited, "CHILD-DATA-TRAINING")).as("the last good base is untouched").isEqualTo("high");

        Files.writeString(rule, good);
        RuleBase fixed = edited.update();
        assertThat(fixed.isUsable()).isTrue();
        assertThat(severityOf(fixed, "CHILD-DATA-TRAINING")).isEqualTo("critical");
        fixed.close();
        edited.close();
    }

    private static String severityOf(RuleBase rules, String id) {
        return rules.catalog().obligations().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().severity().key();
    }

    @Test
    void an_empty_or_missing_rules_directory_is_a_diagnostic() {
        assertThat(RuleBase.compile(dir).diagnostics()).extracting(Diagnostic::message).containsExactly("no *.drl rule files found");
        assertThat(RuleBase.compile(dir.resolve("nope")).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("cannot read rules directory: no such directory");
    }

    private List<Diagnostic> compile() {
        try (RuleBase rules = RuleBase.compile(dir)) {
            assertThat(rules.isUsable()).isFalse();
            return rules.diagnostics();
        }
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void copyShippedRules() throws IOException {
        dev.covenant.TestFiles.copyTree(ShippedRules.RULES, dir);
    }
}
