package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.cli.Main;
import dev.covenant.generate.RecordGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit killed while it writes (SIGKILL: no finally, no shutdown hook) leaves its temporary
 * outputs in --out (#15 item 19); the next audit into that directory removes a dead process's, and
 * never a live one's.
 */
class KilledAuditTest {

    private static final String SCENARIO = "fixtures/linkedin/linkedin-2024-as-alleged.yaml";

    @TempDir
    Path dir;

    @Test
    void the_next_audit_removes_the_temporary_files_of_a_killed_one_and_keeps_a_live_ones() throws Exception {
        RecordGenerator.write(dir, 11, 400_000);
        Path out = dir.resolve("out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcovenant.cache=off", "dev.covenant.cli.Main",
                "audit", "-q", "--threads", "1", "--scenario", SCENARIO, "--records", dir.resolve("uses.csv").toString(),
                "--settings-history", dir.resolve("settings-history.csv").toString(), "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // Kill it once it has written findings to a temporary file; the wait is bounded, not timed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (temporaries(out).stream().noneMatch(KilledAuditTest::nonEmpty) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<Path> left = temporaries(out);
        assertThat(left).as("the killed audit left its temporary outputs").hasSize(3);
        assertThat(Files.exists(out.resolve("findings.jsonl"))).isFalse();

        // A temporary file of a live audit (this JVM) into the same directory, named as the killed one's but for this process.
        ProcessHandle self = ProcessHandle.current();
        String name = left.get(0).getFileName().toString();
        String live = name.replaceFirst("\\.\\d+-\\d+@", "." + self.pid() + "-"
                + self.info().startInstant().orElseThrow().toEpochMilli() + "@");
        Files.writeString(out.resolve(live), "a live audit's output\n");

        Path small = Files.copy(Path.of("fixtures/records/linkedin/uses.csv"), dir.resolve("small.csv"));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), "audit", "--scenario", SCENARIO,
                "--records", small.toString(), "--out", out.toString());

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("removed 3 temporary files left in " + out + " by an audit that did not finish");
        assertThat(temporaries(out)).containsExactly(out.resolve(live));
        assertThat(out.resolve("findings.jsonl")).exists();
    }

    private static List<Path> temporaries(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).sorted().toList();
        }
    }

    private static boolean nonEmpty(Path p) {
        try {
            return p.getFileName().toString().startsWith(".findings.jsonl.") && Files.size(p) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
