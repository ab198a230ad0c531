package dev.covenant.reliability;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.covenant.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.covenant.cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an output goes is the user's choice and stays as it was: a device is written through (never
 * replaced by a file), a symbolic link keeps pointing where it did, a directory is refused, and a
 * write that fails (a full disk) is exit 2 with a message, never "findings".
 */
class OutputTargetsTest {

    @TempDir
    Path dir;

    @Test
    void a_device_node_is_written_through_not_replaced() throws Exception {
        Path device = dir.resolve("null");
        Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").redirectErrorStream(true).start();
        assumeTrue(mknod.waitFor(10, TimeUnit.SECONDS) && mknod.exitValue() == 0, "mknod needs root (CI runs as root)");

        Run run = run("check", "--format", "json", "-o", device.toString(), "fixtures/us");
        assertThat(run.code()).isEqualTo(1);
        assertThat(Files.isRegularFile(device)).as("still a device, not a file").isFalse();
        assertThat(Files.exists(device)).isTrue();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary file left").containsExactly("null");
        }
    }

    @Test
    void a_symbolic_link_keeps_pointing_at_the_file_it_names_which_gets_the_report() throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("reports")).resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), Path.of("reports/real.json"));
        Path dangling = Files.createSymbolicLink(dir.resolve("next.sarif"), Path.of("reports/next.sarif"));

        assertThat(run("check", "--format", "json=" + link + ",sarif=" + dangling, "fixtures/us").code()).isEqualTo(1);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"schemaVersion\"");
        assertThat(Files.isSymbolicLink(dangling)).as("a dangling link is filled, not replaced").isTrue();
        assertThat(Files.readString(dir.resolve("reports/next.sarif"))).contains("\"version\" : \"2.1.0\"");
    }

    @Test
    void a_directory_as_output_is_refused_plainly() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Run run = run("check", "--format", "json", "-o", out.toString(), "fixtures/us");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("covenant: cannot write " + out + ": it is a directory\n");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void a_full_disk_on_standard_output_is_exit_2_with_a_message() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "/dev/full is a Linux device");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dcovenant.cache=off", Main.class.getName(), "check", "--format", "json",
                "fixtures/us");
        Process process = new ProcessBuilder(command).redirectOutput(full.toFile()).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("not 1 (findings): nobody saw them").isEqualTo(2);
        assertThat(err).contains("covenant: cannot write standard output");
    }

    @Test
    void a_fifo_named_like_a_scenario_is_refused_not_read_forever() throws Exception {
        Path fifo = dir.resolve("x.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is POSIX");

        for (String command : List.of("check", "validate", "test")) {
            Run run = run(command, fifo.toString());
            assertThat(run.code()).as(command).isEqualTo(2);
            assertThat(run.out() + run.err()).as(command).contains(fifo + ": error: not a regular file (a pipe or a device); not read");
        }
    }

    @Test
    void time_budgets_out_of_range_are_usage_errors() {
        for (String budget : List.of("4e15", "1e-9", "0.0001", "86401")) {
            Run run = run("check", "--time-budget", budget, "fixtures/us");
            assertThat(run.code()).as(budget).isEqualTo(2);
            assertThat(run.err()).as(budget).contains("--time-budget").contains("is out of range: from 0.001 to 86400.0 seconds")
                    .doesNotContain("internal error");
        }
        assertThat(run("check", "--time-budget", "0.5", "fixtures/us").code()).isEqualTo(1);
    }

}
