package dev.covenant.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two LinkedIn scenarios differ in one fact — the categories the training used — so their findings
 * must differ exactly there: the findings about private messages, and nothing else.
 */
class FlagshipScenariosTest {

    private final Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);

    @Test
    void alleged_and_stated_differ_exactly_in_the_findings_about_private_messages() {
        Set<String> alleged = keys(run("fixtures/linkedin/linkedin-2024-as-alleged.yaml"));
        Set<String> stated = keys(run("fixtures/linkedin/linkedin-2024-as-stated.yaml"));

        Set<String> onlyAlleged = new TreeSet<>(alleged);
        onlyAlleged.removeAll(stated);
        Set<String> onlyStated = new TreeSet<>(stated);
        onlyStated.removeAll(alleged);

        assertThat(onlyStated).as("nothing LinkedIn's account adds").isEmpty();
        assertThat(onlyAlleged).extracting(k -> k.substring(0, k.indexOf(' ')))
                .containsExactlyInAnyOrder("PREMIUM-CONFIDENTIALITY", "SCA-DISCLOSURE", "UNDISCLOSED-CATEGORY", "CCPA-PURPOSE");
        assertThat(onlyAlleged).allSatisfy(k -> assertThat(k).containsAnyOf("user.content.private", "private communications"));
    }

    @Test
    void ucl_stands_in_both_and_rests_on_fewer_findings_where_fewer_laws_are_broken() {
        assertThat(uclRestsOn("fixtures/linkedin/linkedin-2024-as-alleged.yaml"))
                .containsExactly("CCPA-PURPOSE", "CCPA-PURPOSE", "RETROACTIVE-DISCLOSURE", "SCA-DISCLOSURE", "UNDISCLOSED-CATEGORY");
        assertThat(uclRestsOn("fixtures/linkedin/linkedin-2024-as-stated.yaml"))
                .containsExactly("CCPA-PURPOSE", "RETROACTIVE-DISCLOSURE");
    }

    private List<String> uclRestsOn(String file) {
        return run(file).findings().stream()
                .filter(f -> f.ruleId().equals("UCL-UNLAWFUL") && "practice".equals(f.evidence().get(0).kind()))
                .flatMap(f -> f.restsOn().stream()).map(Finding.FindingRef::ruleId).sorted().toList();
    }

    @Test
    void the_alleged_scenario_totals_sca_exposure_over_the_us_members_reached() {
        ScenarioResult alleged = run("fixtures/linkedin/linkedin-2024-as-alleged.yaml");

        assertThat(alleged.exposureTotal("USD")).isEqualTo(6_000_000_000L);
        assertThat(run("fixtures/linkedin/linkedin-2024-as-stated.yaml").exposureTotal("USD")).isZero();
    }

    @Test
    void ucl_rests_on_the_statutory_findings_that_reach_california_and_cites_the_ucl_only() {
        ScenarioResult alleged = run("fixtures/linkedin/linkedin-2024-as-alleged.yaml");

        Finding ucl = alleged.findings().stream()
                .filter(f -> f.ruleId().equals("UCL-UNLAWFUL") && f.primary().line() == 86).findFirst().orElseThrow();
        assertThat(ucl.restsOn()).extracting(Finding.FindingRef::ruleId)
                .containsExactlyInAnyOrder("SCA-DISCLOSURE", "RETROACTIVE-DISCLOSURE", "UNDISCLOSED-CATEGORY", "CCPA-PURPOSE", "CCPA-PURPOSE");
        assertThat(ucl.citations()).containsExactly("Cal. Bus. & Prof. Code § 17200 (unlawful prong)");
        assertThat(ucl.restsOn()).extracting(Finding.FindingRef::ruleId).doesNotContain("PREMIUM-CONFIDENTIALITY", "OBJECTION-BARRIER");
    }

    private ScenarioResult run(String file) {
        return evaluator.evaluate(ScenarioLoader.load(Path.of(file), file).scenario());
    }

    /**
     * A finding's identity apart from line numbers: rule id and message. UCL-UNLAWFUL is compared by
     * what it rests on, in its own test.
     */
    private static Set<String> keys(ScenarioResult result) {
        assertThat(result.status()).isEqualTo(ScenarioResult.Status.EVALUATED);
        List<Finding> findings = result.findings();
        return findings.stream().filter(f -> !f.ruleId().equals("UCL-UNLAWFUL"))
                .map(f -> f.ruleId() + " " + f.message()).collect(Collectors.toCollection(TreeSet::new));
    }
}
