package dev.covenant.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Batch;
import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixtures tree full of bad files: each becomes a diagnostic, the good scenario is still evaluated,
 * and the summary accounts for every file found.
 */
class HostileBatchTest {

    @TempDir
    Path dir;

    @Test
    void every_bad_file_is_a_diagnostic_and_nothing_is_lost() throws Exception {
        Files.copy(Path.of("fixtures/us/children-training.yaml"), dir.resolve("a-good.yaml"));
        Files.write(dir.resolve("b-binary.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, (byte) 0xff});
        Files.writeString(dir.resolve("c-empty.yaml"), "");
        Files.writeString(dir.resolve("d-big.yaml"), "title: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n");
        Files.writeString(dir.resolve("e-many-documents.yaml"), "scenario: a\n---\nscenario: b\n---\nscenario: c\n");
        Files.writeString(dir.resolve("f-deep.yaml"), "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: "
                + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(9)).append("]\n");
        }
        Files.writeString(dir.resolve("g-alias-bomb.yaml"), bomb.toString());
        Files.writeString(dir.resolve("h-tags.yaml"), "scenario: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://127.0.0.1/\"]]\n");
        Files.write(dir.resolve("i-latin1.yaml"), "scenario: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path nested = Files.createDirectories(dir.resolve("j-nested"));
        Files.createSymbolicLink(nested.resolve("loop"), dir);

        Report report = Batch.run(ShippedRules.get(), List.of(dir), Batch.Options.defaults());

        assertThat(report.results()).hasSize(9);
        Report.Summary summary = report.summary();
        assertThat(summary.scenarios()).isEqualTo(summary.evaluated() + summary.invalid() + summary.errors());
        assertThat(report.results().get(0).status()).isEqualTo(ScenarioResult.Status.EVALUATED);
        assertThat(report.results().get(0).findings()).isNotEmpty();
        assertThat(report.results().subList(1, 9)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ScenarioResult.Status.INVALID);
            assertThat(r.diagnostics()).isNotEmpty();
        });
        assertThat(report.inputDiagnostics()).extracting(d -> d.message()).contains("symbolic link loop; not followed");
        assertThat(report.exitCode(dev.covenant.finding.Severity.LOW)).isEqualTo(Report.EXIT_INVALID);
    }
}
