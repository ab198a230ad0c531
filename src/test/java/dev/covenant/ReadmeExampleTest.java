package dev.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.finding.Report;
import dev.covenant.finding.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Java API example, run as written (with the test waivers file); ReadmeExamplesTest
 * checks that every line of the README's example is here, in order.
 */
class ReadmeExampleTest {

    @Test
    void the_readme_example_runs() {
        assertThat(readmeExample()).isEqualTo(1);
    }

    private static int readmeExample() {
        try (Covenant covenant = Covenant.builder()
                .rules(Path.of("rules"))                 // or .classpathRules(): the pack shipped in the jar
                .waivers(Path.of("src/test/resources/review/waivers.yaml"))        // optional
                .build()) {
            Report report = covenant.evaluate(List.of(Path.of("fixtures")));
            report.results().forEach(r -> r.findings().forEach(f ->
                    System.out.println(r.scenarioId() + " " + f.ruleId() + " " + f.citations())));
            int exit = report.exitCode(Severity.LOW);   // 0, 1 or 2, as the CLI
            Covenant.Reload reload = covenant.reload(); // after editing rules: swapped in atomically, or diagnostics
            assertThat(reload.applied()).isTrue();
            return exit;
        }
    }
}
