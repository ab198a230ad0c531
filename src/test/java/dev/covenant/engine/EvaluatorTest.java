package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    private static final Path ALLEGED = Path.of("src/test/resources/scenarios/valid/linkedin-alleged.yaml");
    private static final String HEADER = """
            package test.rules;

            import dev.covenant.model.Practice;
            import function dev.covenant.engine.FindingBuilder.finding;

            """;

    @TempDir
    Path dir;

    @Test
    void findings_carry_metadata_dynamic_citations_evidence_and_exposure() {
        ScenarioResult result = evaluate(ShippedRules.get(), load(ALLEGED), Limits.DEFAULT);

        assertThat(result.status()).isEqualTo(ScenarioResult.Status.EVALUATED);
        Finding sca = result.findings().stream().filter(f -> f.ruleId().equals("SCA-DISCLOSURE")).findFirst().orElseThrow();
        assertThat(sca.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(sca.citations()).containsExactly("18 U.S.C. § 2707(c)", "18 U.S.C. § 2702(a)(1)");
        assertThat(sca.evidence().get(0).kind()).isEqualTo("practice");
        assertThat(sca.evidence().get(0).span().line()).isEqualTo(85);
        assertThat(sca.evidence()).extracting(e -> e.kind() + " " + e.id()).contains(
                "member cohort premium-us-ca", "member cohort premium-us-other", "recipient genai-training -> Affiliate model provider")
                .doesNotContain("member cohort free-eu");
        assertThat(sca.exposure().amount()).as("$1,000 x 6,000,000 US members reached").isEqualTo(6_000_000_000L);
        assertThat(result.exposureTotal("USD")).isEqualTo(6_000_000_000L);
    }

    @Test
    void a_rule_s_message_and_citations_from_the_facts_come_from_its_metadata() throws IOException {
        write("message.drl", HEADER + """
                import dev.covenant.classify.Audience;

                rule "practice reaching US members"
                    @id("MSG-1") @title("t") @severity("low") @reference("[US] r")
                    @message("Practice '{practice}' ({practice.use}) reaches {us.members} US members in {us.cohorts.region}")
                    @cite("{practice.categories}")
                when
                    $practice : Practice( )
                    $us : Audience( practice == $practice, region == "US" )
                then
                    finding(kcontext).about($practice).report();
                end
                """);
        // The audiences are derived by the shipped classification rules.
        for (Path drl : Files.list(ShippedRules.RULES.resolve("classify")).toList()) {
            write("classify/" + drl.getFileName(), Files.readString(drl));
        }
        try (RuleBase rules = compiled()) {
            ScenarioResult result = evaluate(rules, load(ALLEGED), Limits.DEFAULT);
            assertThat(result.error()).isNull();
            Finding finding = result.findings().stream()
                    .filter(f -> f.message().contains("genai-training")).findFirst().orElseThrow();

            assertThat(finding.message()).isEqualTo("Practice 'genai-training' (train_ai_system) reaches 6,000,000 US members in US-CA, US");
            assertThat(finding.citations()).containsExactly("r", "user.content.private", "user.content.public");
            assertThat(finding.evidence()).extracting(e -> e.role() + " " + e.kind()).startsWith("practice practice")
                    .contains("us member cohort");
        }
    }

    @Test
    void effective_dates_decide_whether_a_rule_applies_on_the_as_of_date() throws IOException {
        write("effective.drl", HEADER + """
                rule "applies from 2025"
                    @id("FROM-2025") @title("t") @severity("low") @reference("r") @effective("2025-01-01") @expires("2026-01-01")
                when
                    $p : Practice( )
                then
                    finding(kcontext).about($p).report();
                end
                """);
        try (RuleBase rules = compiled()) {
            Scenario scenario = load(ALLEGED);

            assertThat(evaluate(rules, scenario.withAsOf(LocalDate.of(2024, 12, 31)), Limits.DEFAULT).findings()).isEmpty();
            assertThat(evaluate(rules, scenario.withAsOf(LocalDate.of(2025, 1, 1)), Limits.DEFAULT).findings())
                    .extracting(Finding::ruleId).containsOnly("FROM-2025");
            assertThat(evaluate(rules, scenario.withAsOf(LocalDate.of(2026, 1, 1)), Limits.DEFAULT).findings()).isEmpty();
        }
    }

    @Test
    void a_looping_rule_is_stopped_and_named_while_other_scenarios_are_still_evaluated() throws IOException {
        write("loop.drl", HEADER + """
                rule "re-inserts forever"
                    @derive
                    salience 100
                when
                    $p : Practice( id == "loop" )
                then
                    update($p);
                end

                rule "reports practices"
                    @id("SEEN") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( )
                then
                    finding(kcontext).about($p).report();
                end
                """);
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("a-loops.yaml"), scenario("loop"));
        Files.writeString(scenarios.resolve("b-fine.yaml"), scenario("fine"));
        try (RuleBase rules = compiled()) {
            Report report = Batch.run(rules, List.of(scenarios),
                    new Batch.Options(null, 2, new Limits(1_000, Duration.ofSeconds(10))));

            assertThat(report.results()).hasSize(2);
            ScenarioResult looping = report.results().get(0);
            assertThat(looping.status()).isEqualTo(ScenarioResult.Status.ERROR);
            assertThat(looping.error()).contains("stopped after 1000 rule firings", "rule 're-inserts forever'");
            ScenarioResult fine = report.results().get(1);
            assertThat(fine.status()).isEqualTo(ScenarioResult.Status.EVALUATED);
            assertThat(fine.findings()).extracting(Finding::ruleId).containsExactly("SEEN");
            assertThat(report.exitCode(Severity.LOW)).isEqualTo(Report.EXIT_INVALID);
        }
    }

    @Test
    void a_throwing_rule_becomes_an_error_naming_the_rule() throws IOException {
        write("throws.drl", HEADER + """
                rule "throws"
                    @id("BOOM") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( )
                then
                    throw new IllegalStateException("consequence failed on " + $p.id());
                end
                """);
        // The audiences are derived by the shipped classification rules.
        for (Path drl : Files.list(ShippedRules.RULES.resolve("classify")).toList()) {
            write("classify/" + drl.getFileName(), Files.readString(drl));
        }
        try (RuleBase rules = compiled()) {
            ScenarioResult result = evaluate(rules, load(ALLEGED), Limits.DEFAULT);

            assertThat(result.status()).isEqualTo(ScenarioResult.Status.ERROR);
            assertThat(result.error()).contains("rule 'throws'", "IllegalStateException", "consequence failed on genai-training");
        }
    }

    @Test
    void a_slow_rule_is_halted_at_the_time_budget() throws IOException {
        write("slow.drl", HEADER + """
                rule "slow and looping"
                    @derive
                    salience 100
                when
                    $p : Practice( )
                then
                    try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    update($p);
                end
                """);
        try (RuleBase rules = compiled()) {
            ScenarioResult result = evaluate(rules, load(ALLEGED), new Limits(1_000_000, Duration.ofMillis(300)));

            assertThat(result.status()).isEqualTo(ScenarioResult.Status.ERROR);
            assertThat(result.error()).contains("exceeded its time budget of 300 ms", "rule 'slow and looping'");
        }
    }

    @Test
    void an_exploding_accumulate_is_stopped_soon_after_the_budget_naming_the_rule() throws IOException {
        // 3,000^3 candidate joins inside one accumulate: Phreak evaluates them in one step, which no
        // halt interrupts (hours of work if left alone).
        write("explodes.drl", HEADER + """
                function java.util.List range(int n) {
                    return java.util.stream.IntStream.range(0, n).boxed().collect(java.util.stream.Collectors.toList());
                }

                rule "explodes"
                    @id("EXPLODES") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( )
                    accumulate( $a : Integer( ) from range(3000) and $b : Integer( ) from range(3000)
                                and Integer( intValue == $a + $b + 1000000 ) from range(3000); $n : count() )
                then
                    finding(kcontext).about($p).report();
                end
                """);
        try (RuleBase rules = compiled()) {
            long start = System.nanoTime();
            ScenarioResult result = evaluate(rules, load(ALLEGED), new Limits(1_000, Duration.ofMillis(300)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.status()).isEqualTo(ScenarioResult.Status.ERROR);
            assertThat(result.error()).contains("exceeded its time budget of 300 ms", "was stopped",
                    "matching the conditions of rule 'explodes'");
            // Budget plus the stop grace; the bound is loose so a loaded machine cannot fail it.
            assertThat(took).isLessThan(Duration.ofSeconds(15));
            // The thread is left clean (the JVM interrupts a stopped thread): it compiles and evaluates again.
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            assertThat(evaluate(ShippedRules.get(), load(ALLEGED), Limits.DEFAULT).status()).isEqualTo(ScenarioResult.Status.EVALUATED);
        }
    }

    @Test
    void an_obligation_rule_that_fires_without_reporting_is_an_error() throws IOException {
        write("silent.drl", HEADER + """
                rule "forgets to report"
                    @id("SILENT") @title("t") @severity("low") @reference("r")
                when
                    $p : Practice( )
                then
                end
                """);
        try (RuleBase rules = compiled()) {
            assertThat(evaluate(rules, load(ALLEGED), Limits.DEFAULT).error())
                    .contains("rule 'forgets to report' (an obligation rule) fired but reported no finding");
        }
    }

    private static String scenario(String practice) {
        return """
                scenario: %s
                as_of: 2025-01-21
                platform: {name: Example}
                practices:
                  - {id: %s, use: train_ai_system, started: 2024-08-01}
                """.formatted(practice, practice);
    }

    private static ScenarioResult evaluate(RuleBase rules, Scenario scenario, Limits limits) {
        return new Evaluator(rules, limits).evaluate(scenario);
    }

    private static Scenario load(Path file) {
        return ScenarioLoader.load(file, file.toString()).scenario();
    }

    private RuleBase compiled() {
        RuleBase rules = RuleBase.compile(dir.resolve("rules"));
        assertThat(rules.diagnostics()).isEmpty();
        return rules;
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve("rules").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
