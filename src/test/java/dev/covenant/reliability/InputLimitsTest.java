package dev.covenant.reliability;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.cli.Run;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input has a size limit checked before it is read, and a report from another format version is refused. */
class InputLimitsTest {

    @TempDir
    Path dir;

    @Test
    void an_oversized_waivers_file_is_a_diagnostic_not_an_out_of_memory_exit_1() throws Exception {
        Path waivers = sparse(dir.resolve("waivers.yaml"), 3L * 1024 * 1024 * 1024);

        Run result = run("check", "--waivers", waivers.toString(), "fixtures/us/children-training.yaml");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out() + result.err()).contains("waivers file is 3221225472 bytes; waivers files are limited to 4194304 bytes");
    }

    @Test
    void an_oversized_baseline_is_refused_before_it_is_read() throws Exception {
        Path baseline = sparse(dir.resolve("baseline.json"), 300L * 1024 * 1024);

        Run result = run("check", "--baseline", baseline.toString(), "fixtures/us/children-training.yaml");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out() + result.err()).contains("baselines are limited to 268435456 bytes");
    }

    @Test
    void a_baseline_of_an_unknown_schema_version_is_refused() throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "{\"schemaVersion\": \"9.0\", \"scenarios\": []}");

        Run result = run("check", "--baseline", baseline.toString(), "fixtures/us/children-training.yaml");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out() + result.err()).contains("schemaVersion 9.0 is not one this version reads (1.x)");
    }

    @Test
    void a_member_count_beyond_the_worlds_population_is_invalid_input_not_a_wrapped_exposure() throws Exception {
        Path scenario = Files.writeString(dir.resolve("huge.yaml"), Files.readString(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"))
                .replaceFirst("count: [0-9_,]+", "count: 18446744073709550"));

        Run result = run("check", scenario.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).contains("INVALID (not evaluated)",
                "'count' in members[0]: 18,446,744,073,709,550 is more people than live on Earth (at most 10,000,000,000)")
                .doesNotContain("USD 1,199,998,384");
    }

    @Test
    void exposure_arithmetic_is_exact() {
        dev.covenant.finding.ExposureFormula formula = dev.covenant.finding.ExposureFormula.parse("1000 USD per US member reached", null)
                .orElseThrow();
        assertThat(formula.times(dev.covenant.model.Cohort.MAX_MEMBERS).amount()).isEqualTo(10_000_000_000_000L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> formula.times(Long.MAX_VALUE / 10))
                .isInstanceOf(ArithmeticException.class);
    }

    /** A file of {@code size} bytes that takes no disk space. */
    private static Path sparse(Path file, long size) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

}
