package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Citations follow the members a finding reaches; a rule none of whose citations reaches anyone does not fire. */
class CitationScopeTest {

    private static final String SETTING = """
            scenario: %s
            as_of: 2025-01-21
            platform: {name: Example}
            members:
              - {cohort: c, tier: free, region: %s, count: 10, joined: {from: 2015-01-01}}
            settings:
              - {id: ai, introduced: 2024-08-01, default: on, enables: [train_ai_system]}
            """;

    /** A legitimate-interest practice whose objection takes an email: OBJECTION-BARRIER for EU/UK members. */
    static final String OBJECTION = """
                    scenario: objection-us-only
                    as_of: 2025-01-21
                    platform: {name: Example}
                    members:
                      - {cohort: c, tier: free, region: US, count: 10, joined: {from: 2015-01-01}}
                    documents:
                      - id: policy
                        kind: privacy-policy
                        versions:
                          - {version: "1", published: 2015-01-01, discloses: [{use: train_ai_system}]}
                    practices:
                      - id: p
                        use: train_ai_system
                        categories: [user.content.public]
                        legal_basis: legitimate-interest
                        objection: {method: email}
                        started: 2024-01-01
                    """;

    @Test
    void a_default_on_setting_for_eu_members_cites_the_gdpr_and_not_the_ftc_act() {
        // Data protection by default is PRIVACY-BY-DEFAULT's: OPT-OUT-DEFAULT has no law for EU members.
        ScenarioResult result = evaluate(SETTING.formatted("eu", "DE"));
        Finding finding = single(result, "PRIVACY-BY-DEFAULT");

        assertThat(finding.citations()).containsExactly("GDPR Art. 25(2)", "GDPR Art. 25(1)", "GDPR Art. 5(1)(c)");
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain("OPT-OUT-DEFAULT");
    }

    @Test
    void the_same_setting_for_us_uk_and_swiss_members_cites_each_law_once() {
        String yaml = SETTING.formatted("mixed", "US-CA")
                + "  # more members\n".substring(0, 0);
        yaml = yaml.replace("members:\n", """
                members:
                  - {cohort: uk, tier: free, region: UK, count: 10, joined: {from: 2015-01-01}}
                  - {cohort: ch, tier: free, region: CH, count: 10, joined: {from: 2015-01-01}}
                """);
        ScenarioResult result = evaluate(yaml);

        assertThat(single(result, "OPT-OUT-DEFAULT").citations()).containsExactly("15 U.S.C. § 45(a)(1)", "15 U.S.C. § 45(n)",
                "In re Facebook, Inc., FTC File No. 092-3184 (2012) (affirmative express consent)", "revFADP Art. 7(3)");
        // The UK members' Art. 25(2) is cited once, by the rule on data protection by default.
        assertThat(single(result, "PRIVACY-BY-DEFAULT").citations())
                .containsExactly("UK GDPR Art. 25(2)", "UK GDPR Art. 25(1)", "UK GDPR Art. 5(1)(c)");
    }

    @Test
    void a_rule_whose_every_citation_is_out_of_reach_does_not_fire() {
        String yaml = OBJECTION;
        ScenarioResult result = evaluate(yaml);

        assertThat(result.status()).isEqualTo(ScenarioResult.Status.EVALUATED);
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain("OBJECTION-BARRIER");
        // GDPR-TRANSPARENCY as well: the French members were never told the purpose, basis and recipients (no documents).
        assertThat(evaluate(yaml.replace("region: US,", "region: FR,")).findings()).extracting(Finding::ruleId)
                .containsExactly("GDPR-TRANSPARENCY", "OBJECTION-BARRIER");
    }

    @Test
    void the_ucl_borrows_only_findings_that_cite_us_or_california_law() {
        String yaml = OBJECTION.replace("  - {cohort: c, tier: free, region: US, count: 10, joined: {from: 2015-01-01}}\n",
                "  - {cohort: ca, tier: free, region: US-CA, count: 10, joined: {from: 2015-01-01}}\n"
                        + "  - {cohort: fr, tier: free, region: FR, count: 10, joined: {from: 2015-01-01}}\n");
        assertThat(yaml).isNotEqualTo(OBJECTION);
        ScenarioResult result = evaluate(yaml);

        // OBJECTION-BARRIER reaches the California cohort too, but cites only the GDPR: nothing for the UCL to borrow
        // (nor in GDPR-TRANSPARENCY, for the French members told nothing, which cites only the GDPR too).
        assertThat(single(result, "OBJECTION-BARRIER").regions()).contains("US-CA");
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("GDPR-TRANSPARENCY", "OBJECTION-BARRIER");
    }

    private static Finding single(ScenarioResult result, String id) {
        List<Finding> matching = result.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static ScenarioResult evaluate(String yaml) {
        LoadResult loaded = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "inline.yaml");
        assertThat(loaded.diagnostics()).isEmpty();
        return new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(loaded.scenario());
    }
}
