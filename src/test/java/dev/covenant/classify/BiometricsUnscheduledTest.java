package dev.covenant.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.Period;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Illinois rules read through the shipped pack on the biometric fixtures: 15(a) counts only the days no compliant
 * schedule was public, states no per-person exposure, and 15(b)'s exposure names the people, not members, with 14/20
 * numbered for the conduct.
 */
class BiometricsUnscheduledTest {

    private static List<Finding> findings(String fixture) {
        Path file = Path.of("fixtures/biometric", fixture);
        ScenarioResult result = new Evaluator(ShippedRules.get(), Limits.DEFAULT)
                .evaluate(ScenarioLoader.load(file, file.toString()).scenario());
        assertThat(result.status()).isEqualTo(ScenarioResult.Status.EVALUATED);
        return result.findings();
    }

    private static Optional<Finding> rule(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.ruleId().equals(id)).findFirst();
    }

    @Test
    void a_schedule_published_on_the_act_s_first_day_meets_15a_for_a_practice_that_began_before() {
        assertThat(rule(findings("illinois-schedule-on-act-day.yaml"), "BIOMETRIC-ILLINOIS-SCHEDULE")).isEmpty();
    }

    @Test
    void a_late_schedule_ends_the_conduct_the_day_before_it_was_published() {
        Finding late = rule(findings("illinois-schedule-published-late.yaml"), "BIOMETRIC-ILLINOIS-SCHEDULE").orElseThrow();

        assertThat(late.conduct()).isEqualTo(new Period(LocalDate.of(2022, 3, 1), LocalDate.of(2023, 5, 31)));
        assertThat(late.citations()).as("conduct before P.A. 103-0769: 14/20 as then numbered")
                .containsExactly("740 ILCS 14/15(a)", "740 ILCS 14/20");
        assertThat(late.exposure()).as("15(a) is owed to the public: no per-person figure").isNull();
    }

    @Test
    void a_later_version_without_the_schedule_withdraws_it() {
        Finding withdrawn = rule(findings("illinois-schedule-withdrawn.yaml"), "BIOMETRIC-ILLINOIS-SCHEDULE").orElseThrow();

        assertThat(withdrawn.conduct()).isEqualTo(new Period(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 6, 30)));
        assertThat(withdrawn.message()).contains("from 2024-09-01 to 2025-06-30", "biometric-policy 2022-03 published 2022-02-15");
    }

    @Test
    void no_schedule_at_all_counts_every_day_of_the_practice() {
        Finding none = rule(findings("illinois-no-schedule.yaml"), "BIOMETRIC-ILLINOIS-SCHEDULE").orElseThrow();

        assertThat(none.conduct()).isEqualTo(new Period(LocalDate.of(2022, 3, 1), LocalDate.of(2025, 6, 30)));
        assertThat(none.message()).contains("no compliant schedule stood on any day of it");
    }

    @Test
    void the_15b_exposure_counts_people_and_numbers_14_20_for_the_conduct() {
        Finding release = rule(findings("illinois-no-release.yaml"), "BIOMETRIC-ILLINOIS").orElseThrow();

        assertThat(release.exposure().basis()).startsWith("740 ILCS 14/20(1) (14/20(a)(1) from 2024-08-02")
                .endsWith("US-IL people reached").doesNotContain("members reached");
    }
}
