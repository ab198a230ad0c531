package dev.covenant.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.scenario.WaiverLoader;
import dev.covenant.source.Diagnostic;

/**
 * Coverage-guided fuzzing (Jazzer) of what reads a scenario file, and of what a valid one does in
 * the real engine. In the normal test run each method replays its committed corpus, in
 * {@code src/test/resources/dev/covenant/reliability/ScenarioFileFuzzTestInputs/<method>/} (seeded
 * with shipped fixtures, plus every input fuzzing found interesting); with {@code JAZZER_FUZZ=1} one
 * method is fuzzed (docs/reliability.md has the command). Unlike {@link LoaderFuzzTest}'s blind
 * mutations, the fuzzer steers by the branches the loader takes, so it reaches the binder's checks.
 */
class ScenarioFileFuzzTest {

    private static final String NAME = "fuzz.yaml";

    /**
     * Any bytes as a scenario file: a scenario or located diagnostics, never an exception; and a
     * scenario evaluates through the shipped pack to findings — not to a failing rule.
     */
    @FuzzTest(maxDuration = "3m")
    void scenarioFile(byte[] input) {
        LoadResult result = ScenarioLoader.parse(input, NAME);
        if (!result.isValid()) {
            assertThat(result.diagnostics()).as("an invalid scenario says why").isNotEmpty();
            result.diagnostics().forEach(ScenarioFileFuzzTest::located);
            return;
        }
        result.warnings().forEach(ScenarioFileFuzzTest::located);
        ScenarioResult evaluated = new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(result.scenario());
        // A time budget overrun is the engine's guard working (a loaded machine, an instrumented run);
        // a rule that throws or loops on a valid scenario is a bug in the pack or the loader's checks.
        if (evaluated.status() == ScenarioResult.Status.ERROR) {
            assertThat(evaluated.error()).as("evaluation error").startsWith("evaluation exceeded its time budget");
        } else {
            assertThat(evaluated.status()).isEqualTo(ScenarioResult.Status.EVALUATED);
        }
    }

    /** Any bytes as a waivers file: waivers or located diagnostics, never an exception. */
    @FuzzTest(maxDuration = "3m")
    void waiversFile(byte[] input) {
        WaiverLoader.Result result = WaiverLoader.parse(input, "waivers.yaml");
        result.diagnostics().forEach(d -> {
            located(d);
            assertThat(d.where().file()).isEqualTo("waivers.yaml");
        });
        if (!result.diagnostics().isEmpty()) {
            assertThat(result.waivers()).as("an invalid waivers file applies no waiver").isEmpty();
        }
    }

    static void located(Diagnostic d) {
        assertThat(d.where().file()).isIn(NAME, "waivers.yaml");
        assertThat(d.where().line()).as("line of %s", d).isGreaterThanOrEqualTo(0);
        assertThat(d.where().column()).as("column of %s", d).isGreaterThanOrEqualTo(0);
        assertThat(d.message()).as("message of %s", d).isNotBlank().doesNotContain("\tat ", "Exception");
    }
}
