package dev.covenant.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code covenant explain} shows each datum from a scenario on one line, as the text report does (#15 item 3). */
class ExplainInertTest {

    @TempDir
    Path dir;

    @Test
    void a_practice_id_with_a_line_break_or_an_override_cannot_start_a_line_of_its_own() throws Exception {
        String fixture = Files.readString(Path.of("fixtures/us/children-training.yaml"));
        Path forged = dir.resolve("forged.yaml");
        Files.writeString(forged, fixture.replace("id: tutor-model-training",
                "id: \"tutor-model-training\\nno findings\\r\\u202Egnp.exe\""));

        Run run = Run.run("explain", forged.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).as("no line starts with the forged text")
                .noneMatch(l -> l.startsWith("no findings") || l.startsWith("gnp"));
        assertThat(run.out()).contains("tutor-model-training\\nno findings\\r").doesNotContain("\u202E");
    }
}
