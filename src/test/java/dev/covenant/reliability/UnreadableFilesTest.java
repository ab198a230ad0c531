package dev.covenant.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and directories the process may not read. Tests run as root here, and root reads everything,
 * so the CLI runs in a child JVM without the capabilities that let root bypass file permissions
 * ({@code setpriv --bounding-set -dac_override,-dac_read_search}); as another user, plainly.
 */
class UnreadableFilesTest {

    @TempDir
    Path dir;

    @AfterEach
    void restorePermissions() throws Exception {
        // Let JUnit delete the tree.
        for (Path p : List.of(dir.resolve("unreadable.yaml"), dir.resolve("locked"), dir.resolve("records/locked"))) {
            if (Files.exists(p)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void an_unreadable_file_or_directory_is_a_diagnostic_and_the_rest_are_evaluated() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/bin/setpriv")), "as root this test needs setpriv (util-linux)");
        Files.copy(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"), dir.resolve("readable.yaml"));
        Files.writeString(dir.resolve("unreadable.yaml"), "scenario: secret\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(dir.resolve("unreadable.yaml"), PosixFilePermissions.fromString("---------"));
        Files.createDirectories(dir.resolve("locked"));
        Files.copy(Path.of("fixtures/linkedin/linkedin-2024-as-stated.yaml"), dir.resolve("locked/hidden.yaml"));
        Files.setPosixFilePermissions(dir.resolve("locked"), PosixFilePermissions.fromString("---------"));

        List<String> command = cliWithoutRootBypass(root, "check", "--format", "json", dir.toString());
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(out);
        String text = report.toString();
        assertThat(text).contains("unreadable.yaml", "permission denied", "locked");
        JsonNode summary = report.get("summary");
        assertThat(summary.get("evaluated").asInt()).as("the readable scenario is still evaluated").isEqualTo(1);
        assertThat(summary.get("scenarios").asInt()).isEqualTo(summary.get("evaluated").asInt()
                + summary.get("invalid").asInt() + summary.get("errors").asInt());
    }

    @Test
    void an_unreadable_directory_under_audit_records_is_a_diagnostic_not_an_internal_error() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/bin/setpriv")), "as root this test needs setpriv (util-linux)");
        Path records = Files.createDirectories(dir.resolve("records"));
        Files.copy(Path.of("fixtures/records/linkedin/uses.csv"), records.resolve("uses.csv"));
        Files.createDirectories(records.resolve("locked"));
        Files.copy(Path.of("fixtures/records/linkedin/uses.csv"), records.resolve("locked/more.csv"));
        Files.setPosixFilePermissions(records.resolve("locked"), PosixFilePermissions.fromString("---------"));

        List<String> command = cliWithoutRootBypass(root, "audit", "-q", "--scenario", "fixtures/linkedin/linkedin-2024-as-alleged.yaml",
                "--records", records.toString(), "--out", dir.resolve("out").toString());
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).contains(records.resolve("locked") + ": error: cannot read directory: permission denied")
                .doesNotContain("internal error");
    }

    /** The CLI in a child JVM; as root, without the capabilities that let root read what it may not. */
    private static List<String> cliWithoutRootBypass(boolean root, String... args) {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcovenant.cache=off", "dev.covenant.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
