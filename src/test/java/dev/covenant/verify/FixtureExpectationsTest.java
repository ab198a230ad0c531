package dev.covenant.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped fixture produces exactly the findings its {@code expect:} block names. */
class FixtureExpectationsTest {

    @TestFactory
    Stream<DynamicTest> every_fixture_meets_its_expectations() {
        ScenarioFiles.Listing listing = ScenarioFiles.find(List.of(ShippedRules.FIXTURES));
        assertThat(listing.diagnostics()).isEmpty();
        assertThat(listing.files()).isNotEmpty();
        Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);
        return listing.files().stream().map(file -> DynamicTest.dynamicTest(file.display(), () -> {
            LoadResult loaded = ScenarioLoader.load(file.path(), file.display());
            assertThat(loaded.diagnostics()).as("fixtures/ holds only valid scenarios").isEmpty();
            assertThat(loaded.expect()).as("%s has no expect: block", file.display()).isNotNull();
            ScenarioResult result = evaluator.evaluate(loaded.scenario());
            ExpectationCheck check = ExpectationCheck.of(result, loaded.expect());
            assertThat(check.differences()).as("differences from expect:").isEmpty();
        }));
    }

    @Test
    void every_obligation_rule_fires_in_some_fixture_and_is_a_near_miss_in_another() {
        Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);
        java.util.Set<String> fired = new java.util.TreeSet<>();
        java.util.Set<String> nearMissed = new java.util.TreeSet<>();
        for (ScenarioFiles.Found file : ScenarioFiles.find(List.of(ShippedRules.FIXTURES)).files()) {
            LoadResult loaded = ScenarioLoader.load(file.path(), file.display());
            ExpectationCheck check = ExpectationCheck.of(evaluator.evaluate(loaded.scenario()), loaded.expect());
            fired.addAll(check.fired());
            loaded.expect().absent().stream().filter(id -> !check.fired().contains(id)).forEach(nearMissed::add);
        }
        List<String> ids = ShippedRules.get().catalog().obligations().stream().map(r -> r.id()).toList();
        assertThat(fired).as("rules with a firing fixture").containsAll(ids);
        assertThat(nearMissed).as("rules with a near-miss fixture").containsAll(ids);
    }
}
