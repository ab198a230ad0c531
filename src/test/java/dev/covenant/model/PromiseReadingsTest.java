package dev.covenant.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A promise has one reading: the scenario rules' (does this practice break it, for this cohort?) is
 * the record rules' (would a data item of this practice, for a member of this cohort, be flagged?)
 * quantified over the practice's categories. Checked on every shipped fixture's promises.
 */
class PromiseReadingsTest {

    @Test
    void scenario_and_record_readings_agree_on_every_shipped_promise_practice_and_cohort() {
        int contract = 0;
        int statement = 0;
        for (Scenario scenario : shippedScenarios()) {
            for (Promise promise : scenario.promises()) {
                var day = promise.period().from();
                for (Practice practice : scenario.practices()) {
                    for (Cohort cohort : scenario.cohorts()) {
                        boolean scenarioForbids = promise.forbids(practice) && cohort.tierCoveredBy(promise);
                        boolean recordForbids = practice.categories().stream()
                                .anyMatch(c -> promise.forbidsUse(cohort.tier(), practice.use(), c, day));
                        assertThat(scenarioForbids).as("%s forbids %s for %s", promise.id(), practice.id(), cohort.id())
                                .isEqualTo(recordForbids);

                        boolean scenarioExcludes = promise.excludesUseOf(practice) && cohort.excludedBy(promise);
                        boolean recordExcludes = promise.excludesUse(cohort.region(), practice.use(), day);
                        assertThat(scenarioExcludes).as("%s excludes %s for %s", promise.id(), practice.id(), cohort.id())
                                .isEqualTo(recordExcludes);

                        contract += recordForbids ? 1 : 0;
                        statement += recordExcludes ? 1 : 0;
                    }
                    assertThat(promise.forbiddenCategoriesOf(practice)).as("%s on %s", promise.id(), practice.id())
                            .allSatisfy(c -> assertThat(practice.categories()).contains(c));
                }
            }
        }
        assertThat(contract).as("contract promises that forbid something somewhere").isPositive();
        assertThat(statement).as("statements that exclude someone somewhere").isPositive();
    }

    @Test
    void a_promise_out_of_force_on_the_use_date_forbids_nothing_at_record_level() {
        Scenario alleged = ScenarioLoader.load(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"), "alleged.yaml").scenario();
        Promise premium = alleged.promises().stream().filter(p -> p.promiseKind() == PromiseKind.CONTRACT).findFirst().orElseThrow();
        Practice practice = alleged.practices().stream().filter(premium::forbids).findFirst().orElseThrow();
        String category = premium.forbiddenCategoriesOf(practice).get(0);
        String tier = premium.tiers().isEmpty() ? "any" : premium.tiers().get(0);

        assertThat(premium.forbidsUse(tier, practice.use(), category, premium.period().from())).isTrue();
        assertThat(premium.forbidsUse(tier, practice.use(), category, premium.period().from().minusDays(1))).isFalse();
    }

    private static List<Scenario> shippedScenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (ScenarioFiles.Found found : ScenarioFiles.find(List.of(Path.of("fixtures"))).files()) {
            var loaded = ScenarioLoader.load(found.path(), found.display());
            assertThat(loaded.isValid()).as(found.display()).isTrue();
            scenarios.add(loaded.scenario());
        }
        assertThat(scenarios).hasSizeGreaterThan(20);
        return scenarios;
    }
}
