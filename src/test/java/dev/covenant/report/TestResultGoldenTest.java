package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import dev.covenant.verify.report.TestFormats;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every registered {@code covenant test} result format: a fixture run over a one-rule
 * pack of its own (so no edit to the shipped pack churns them) with a fixture that passes, one that fails,
 * one that is invalid and one with nothing expected, timings zeroed. A missing golden fails, as for the
 * report formats ({@link GoldenFiles}); {@code -Dgolden.update=true} rewrites them.
 */
class TestResultGoldenTest {

    private static final Path INPUT = Path.of("src/test/resources/golden/test-input");
    private static final GoldenFiles GOLDEN = GoldenFiles.under(Path.of("src/test/resources/golden"));

    static List<String> formats() {
        return List.copyOf(TestFormats.names());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void every_registered_test_result_format_matches_its_golden_file(String format) throws IOException {
        RuleBase rules = RuleBase.compile(INPUT.resolve("rules"));
        assertThat(rules.isUsable()).as(rules.diagnostics().toString()).isTrue();
        FixtureRun timed = FixtureRun.of(new Evaluator(rules, Limits.DEFAULT), List.of(INPUT.resolve("fixtures")));
        FixtureRun run = new FixtureRun(timed.outcomes().stream().map(o -> new FixtureRun.Outcome(o.file(), o.scenarioId(), o.expect(),
                o.result(), o.check(), o.status(), o.problems(), 0)).toList(), timed.diagnostics(), 0);
        assertThat(run.outcomes()).extracting(FixtureRun.Outcome::status).as("the run shows every status")
                .containsExactlyInAnyOrder(FixtureRun.Status.PASS, FixtureRun.Status.FAIL, FixtureRun.Status.ERROR, FixtureRun.Status.SKIP);
        Coverage coverage = run.coverage(rules.catalog());

        StringWriter out = new StringWriter();
        TestFormats.renderer(format).orElseThrow().render(run, coverage, out);

        GOLDEN.compare(GOLDEN.golden("test-" + format, "fixtures"), out.toString());
    }
}
