package dev.covenant.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retention rules count only the people the law they cite governs, and a rule on children's data gives one
 * finding per practice, however many cohorts of children it reaches: what a fixture's {@code expect} block cannot
 * state (it names rules, not how many findings or whom they count).
 */
class RetentionScopeTest {

    @Test
    void data_kept_too_long_in_france_and_texas_count_the_french_members_alone() throws IOException {
        Finding finding = single(evaluate("limit-exceeded-eu-and-texas"), "RETENTION-EXCEEDED");

        assertThat(finding.citations()).containsExactly("GDPR Art. 5(1)(e)", "GDPR Art. 17(1)(a)");
        assertThat(finding.message()).contains("the data of 50 people in EEA or UK");
        assertThat(cohorts(finding)).containsExactly("helpdesk-fr");
    }

    @Test
    void data_kept_too_long_in_california_and_new_york_count_the_californians_alone() throws IOException {
        Finding finding = single(evaluate("limit-exceeded-california-and-new-york"), "RETENTION-EXCEEDED");

        assertThat(finding.citations()).containsExactly("Cal. Civ. Code § 1798.100(a)(3)");
        assertThat(finding.message()).contains("the data of 3,000 people in US-CA");
        assertThat(cohorts(finding)).containsExactly("notes-ca", "notes-ca-teens");
    }

    @Test
    void members_no_cited_law_governs_give_no_finding() throws IOException {
        assertThat(evaluate("limit-exceeded-texas-clean").findings()).extracting(Finding::ruleId)
                .doesNotContain("RETENTION-EXCEEDED");
    }

    @Test
    void two_cohorts_of_children_give_one_finding_for_the_practice() throws IOException {
        Finding finding = single(evaluate("child-data-kept-two-cohorts"), "CHILD-DATA-RETENTION");

        assertThat(finding.message()).contains("the data of 24,000 children");
        assertThat(cohorts(finding)).containsExactly("pupils-us", "pupils-ca");
    }

    private static List<String> cohorts(Finding finding) {
        return finding.evidence().stream().filter(e -> e.fact() instanceof dev.covenant.model.Cohort).map(Evidence::id).toList();
    }

    private static Finding single(ScenarioResult result, String id) {
        List<Finding> matching = result.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static ScenarioResult evaluate(String fixture) throws IOException {
        Path file = ShippedRules.FIXTURES.resolve("retention").resolve(fixture + ".yaml");
        LoadResult loaded = ScenarioLoader.parse(Files.readAllBytes(file), file.toString());
        assertThat(loaded.scenario()).isNotNull();
        return new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(loaded.scenario());
    }
}
