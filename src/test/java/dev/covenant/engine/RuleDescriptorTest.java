package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.finding.Exposure;
import dev.covenant.finding.Finding;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule's metadata is read once, into its descriptor, and findings take id, severity, citations and exposure from it. */
class RuleDescriptorTest {

    private static final String RULE = """
            package test.rules;

            import dev.covenant.model.Cohort;
            import dev.covenant.model.Practice;
            import java.util.List;
            import function dev.covenant.engine.FindingBuilder.finding;

            rule "reports practices with the cohorts"
                @id("PER-MEMBER") @title("t") @severity("high") @basis("statute")
                @reference("[EEA] EU text; [US] US text")
                @exposure(%s)
                @exposureBasis("Art. 1: 10 EUR per person")
            when
                $p : Practice( )
                $cohorts : List( size > 0 ) from collect( Cohort( ) )
            then
                finding(kcontext).about($p).report();
            end
            """;

    private static final String SCENARIO = """
            scenario: two-regions
            as_of: 2025-01-21
            platform: {name: Example}
            members:
              - {cohort: eu, tier: free, region: DE, count: 1200, joined: {from: 2015-01-01}}
              - {cohort: us, tier: free, region: US, count: 5, joined: {from: 2015-01-01}}
            practices:
              - {id: p, use: train_ai_system, started: 2024-08-01}
            """;

    @TempDir
    Path dir;

    @Test
    void a_findings_exposure_is_its_rules_formula_over_the_members_it_reaches_within_the_named_region() throws IOException {
        Finding finding = single(evaluate(pack("\"10 EUR per EEA member reached\"")));

        assertThat(finding.exposure()).isEqualTo(new Exposure(12_000, "EUR", "Art. 1: 10 EUR per person × 1,200 EEA members reached"));
        assertThat(finding.citations()).containsExactly("EU text", "US text");
    }

    @Test
    void without_a_region_every_member_reached_counts_and_without_a_basis_the_amount_heads_it() throws IOException {
        Path rules = pack("\"10 EUR per member reached\"");
        Files.writeString(rules.resolve("r.drl"), Files.readString(rules.resolve("r.drl")).replace("@exposureBasis(\"Art. 1: 10 EUR per person\")", ""));

        assertThat(single(evaluate(rules)).exposure()).isEqualTo(new Exposure(12_050, "EUR", "10 EUR × 1,205 members reached"));
    }

    @Test
    void an_exposure_that_is_not_a_formula_is_a_diagnostic_at_the_rule() throws IOException {
        try (RuleBase rules = RuleBase.compile(pack("\"1000 USD times members\""))) {
            assertThat(rules.isUsable()).isFalse();
            assertThat(rules.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.where().line()).isEqualTo(8);
                assertThat(d.message()).contains("@exposure \"1000 USD times members\" must read like");
            });
        }
    }

    @Test
    void every_shipped_finding_carries_the_descriptor_the_catalog_lists() {
        Map<String, RuleDescriptor> catalog = ShippedRules.get().catalog().obligations().stream()
                .collect(Collectors.toMap(RuleDescriptor::id, Function.identity()));
        LoadResult loaded = ScenarioLoader.load(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"), "alleged.yaml");
        List<Finding> findings = new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(loaded.scenario()).findings();

        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            RuleDescriptor rule = catalog.get(f.ruleId());
            assertThat(f.title()).isEqualTo(rule.title());
            assertThat(f.severity()).isEqualTo(rule.severity());
            assertThat(f.basis()).isEqualTo(rule.basis());
            // The rule's own citations that govern the conduct come first; the consequence's own follow.
            assertThat(rule.citations().stream().map(dev.covenant.finding.Citation::text).toList()).contains(f.citations().get(0));
            assertThat(f.exposure() != null).isEqualTo(rule.exposure() != null);
        });
        assertThat(catalog.get("SCA-DISCLOSURE").exposure()).hasToString("1000 USD per US member reached");
    }

    private Path pack(String exposure) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("r.drl"), RULE.formatted(exposure));
        return rules;
    }

    private static ScenarioResult evaluate(Path rulesDir) {
        LoadResult loaded = ScenarioLoader.parse(SCENARIO.getBytes(StandardCharsets.UTF_8), "inline.yaml");
        assertThat(loaded.diagnostics()).isEmpty();
        try (RuleBase rules = RuleBase.compile(rulesDir)) {
            assertThat(rules.diagnostics()).isEmpty();
            return new Evaluator(rules, Limits.DEFAULT).evaluate(loaded.scenario());
        }
    }

    private static Finding single(ScenarioResult result) {
        assertThat(result.error()).isNull();
        assertThat(result.findings()).hasSize(1);
        return result.findings().get(0);
    }
}
