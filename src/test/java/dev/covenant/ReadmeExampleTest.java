package dev.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.finding.Report;
import dev.covenant.finding.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Java API example, run as written (with the test waivers file). */
class ReadmeExampleTest {

    @Test
    void the_readme_example_runs() {
        int exit;
        try (Covenant covenant = Covenant.builder()
                .rules(Path.of("rules"))
                .waivers(Path.of("src/test/resources/review/waivers.yaml"))
                .build()) {
            Report report = covenant.evaluate(List.of(Path.of("fixtures")));
            report.results().forEach(r -> r.findings().forEach(f ->
                    System.out.println(r.scenarioId() + " " + f.ruleId() + " " + f.citations())));
            exit = report.exitCode(Severity.LOW);
            Covenant.Reload reload = covenant.reload();
            assertThat(reload.applied()).isTrue();
        }
        assertThat(exit).isEqualTo(1);
    }
}
