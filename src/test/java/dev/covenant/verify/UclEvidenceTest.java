package dev.covenant.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.Cohort;
import dev.covenant.model.Region;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UCL-UNLAWFUL stands on California members only, and names each finding it rests on by rule and
 * subject (#16): its evidence keeps the California cohorts of the findings it rests on, not every cohort
 * they reach, and two findings of one rule on one fact are told apart by their messages.
 */
class UclEvidenceTest {

    private final Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);

    @Test
    void the_ucl_finding_keeps_only_the_california_cohort_of_a_finding_that_reaches_the_whole_us() {
        ScenarioResult result = run(Path.of("fixtures/us/ucl-california-among-us-members.yaml"));
        Finding sca = only(result, "SCA-DISCLOSURE");
        Finding ucl = only(result, "UCL-UNLAWFUL");

        assertThat(cohorts(sca)).as("the finding rested on reaches all three").containsExactly("members-ca", "members-ny", "members-us");
        assertThat(cohorts(ucl)).containsExactly("members-ca");
        assertThat(ucl.regions()).containsExactly("US-CA");
        assertThat(ucl.evidence()).extracting(Evidence::kindKey)
                .as("the practice and the facts the SCA finding stands on stay").contains("practice", "platform", "recipient");
        assertThat(ucl.evidence().get(0).id()).isEqualTo("affiliate-model-training");
        assertThat(ucl.restsOn()).extracting(Finding.FindingRef::label)
                .containsExactly("SCA-DISCLOSURE on practice 'affiliate-model-training'");
        assertThat(ucl.restsOn().get(0).message()).isEqualTo(sca.message());
    }

    @Test
    void the_near_miss_without_california_members_draws_no_ucl_finding() {
        ScenarioResult result = run(Path.of("fixtures/us/ucl-no-california-members.yaml"));

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("SCA-DISCLOSURE");
    }

    @Test
    void in_every_fixture_a_ucl_finding_has_no_cohort_outside_california_and_names_what_it_rests_on_distinctly() {
        int ucls = 0;
        for (ScenarioFiles.Found file : ScenarioFiles.find(List.of(ShippedRules.FIXTURES)).files()) {
            for (Finding ucl : run(file.path()).findings().stream().filter(f -> f.ruleId().equals("UCL-UNLAWFUL")).toList()) {
                ucls++;
                // The people it reaches: member cohorts, or the requesters of a deletion request (any People).
                assertThat(ucl.evidence()).as(file.display()).filteredOn(e -> e.fact() instanceof dev.covenant.model.People)
                        .isNotEmpty().allSatisfy(e -> assertThat(((dev.covenant.model.People) e.fact()).inRegion("US-CA")).as(e.id()).isTrue());
                assertThat(ucl.regions()).as(file.display()).allSatisfy(r -> assertThat(Region.within(r, "US-CA")).isTrue());
                assertThat(ucl.restsOn()).as(file.display()).isNotEmpty()
                        .allSatisfy(r -> assertThat(r.label()).startsWith(r.ruleId() + " on ").contains("'"))
                        .extracting(r -> r.label() + ": " + r.message()).doesNotHaveDuplicates();
            }
        }
        assertThat(ucls).as("fixtures with a UCL finding").isGreaterThanOrEqualTo(5);
    }

    /**
     * A rule about one jurisdiction's people keeps everyone else out of its evidence and regions, even when the
     * cohort that dates the collection (the earliest to join) lies elsewhere: in the launch fixtures the French and
     * Irish cohorts joined first, and CCPA-PURPOSE and RETROACTIVE-DISCLOSURE once showed them as evidence.
     */
    @Test
    void in_every_fixture_a_finding_about_one_jurisdictions_members_has_no_cohort_outside_it() {
        java.util.Map<String, String> scoped = java.util.Map.of("CCPA-PURPOSE", "US-CA", "RETROACTIVE-DISCLOSURE", "US");
        int checked = 0;
        for (ScenarioFiles.Found file : ScenarioFiles.find(List.of(ShippedRules.FIXTURES)).files()) {
            for (Finding f : run(file.path()).findings()) {
                String region = scoped.get(f.ruleId());
                if (region == null) {
                    continue;
                }
                checked++;
                assertThat(f.evidence()).as(file.display() + " " + f.ruleId()).filteredOn(e -> e.fact() instanceof Cohort)
                        .allSatisfy(e -> assertThat(((Cohort) e.fact()).inRegion(region)).as(e.id()).isTrue());
                assertThat(f.regions()).as(file.display() + " " + f.ruleId()).allSatisfy(r -> assertThat(Region.within(r, region)).isTrue());
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void two_findings_of_one_rule_on_one_practice_share_a_label_and_differ_by_message() {
        ScenarioResult alleged = run(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"));
        Finding ucl = alleged.findings().stream()
                .filter(f -> f.ruleId().equals("UCL-UNLAWFUL") && f.evidence().get(0).id().equals("genai-training")
                        && f.evidence().get(0).kindKey().equals("practice"))
                .findFirst().orElseThrow();

        List<Finding.FindingRef> ccpa = ucl.restsOn().stream().filter(r -> r.ruleId().equals("CCPA-PURPOSE")).toList();
        assertThat(ccpa).hasSize(2).extracting(Finding.FindingRef::label).containsOnly("CCPA-PURPOSE on practice 'genai-training'");
        assertThat(ccpa.get(0).message()).isNotEqualTo(ccpa.get(1).message());
        assertThat(cohorts(ucl)).containsExactly("premium-us-ca");
    }

    private ScenarioResult run(Path file) {
        return evaluator.evaluate(ScenarioLoader.load(file, file.toString()).scenario());
    }

    private static Finding only(ScenarioResult result, String rule) {
        List<Finding> found = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertThat(found).as(rule).hasSize(1);
        return found.get(0);
    }

    private static List<String> cohorts(Finding f) {
        return f.evidence().stream().filter(e -> e.fact() instanceof Cohort).map(Evidence::id).toList();
    }
}
