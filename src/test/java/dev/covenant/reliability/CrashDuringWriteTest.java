package dev.covenant.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.generate.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments while covenant writes a report: the output file is always either the
 * previous report or a complete new one, never a truncated file.
 */
class CrashDuringWriteTest {

    private static final int SCENARIOS = 1500;

    @TempDir
    Path dir;

    @Test
    void a_killed_run_leaves_the_previous_report_or_a_complete_one() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("scenarios"));
        ScenarioGenerator generator = new ScenarioGenerator(3);
        for (int i = 0; i < SCENARIOS; i++) {
            Files.writeString(inputs.resolve(String.format("s-%05d.yaml", i)), generator.scenario(i));
        }
        Path report = dir.resolve("report.json");
        String previous = "{\"schemaVersion\":\"1.0\",\"previous\":true}\n";
        Files.writeString(report, previous);
        SplittableRandom random = new SplittableRandom(11);

        for (int attempt = 0; attempt < 3; attempt++) {
            Process run = covenant("check", "--format", "json=" + report, inputs.toString());
            Thread.sleep(1500 + random.nextInt(5000));
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertPreviousOrComplete(report, previous);
        }
        Process complete = covenant("check", "--format", "json=" + report, inputs.toString());
        assertThat(complete.waitFor(300, TimeUnit.SECONDS)).isTrue();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("summary").get("scenarios").asInt()).isEqualTo(SCENARIOS);
    }

    private static void assertPreviousOrComplete(Path report, String previous) throws Exception {
        String text = Files.readString(report);
        if (text.equals(previous)) {
            return;
        }
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("summary").get("scenarios").asInt()).as("a complete report").isEqualTo(SCENARIOS);
    }

    /** The CLI in its own JVM, on this test's class path (the jar is built after the tests). */
    private static Process covenant(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcovenant.cache=off", "dev.covenant.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
