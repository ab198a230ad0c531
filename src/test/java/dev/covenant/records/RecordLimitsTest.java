package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.covenant.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record rules run under the same guards as scenario rules: a rule that explodes or loops on a
 * chunk of records ends {@code covenant audit} with exit 2 and a diagnostic naming the rule and the
 * chunk's lines, within the time budget plus the stop grace, instead of hanging the audit.
 */
class RecordLimitsTest {

    private static final String SCENARIO = "fixtures/linkedin/linkedin-2024-as-alleged.yaml";
    private static final String USES = "fixtures/records/linkedin/uses.csv";
    private static final String HEADER = """
            package rules.records;

            import dev.covenant.records.UseRecord;
            import function dev.covenant.records.RecordFinding.flag;

            """;

    @TempDir
    Path dir;

    @Test
    void an_exploding_record_rule_ends_the_audit_with_exit_2_naming_the_rule_soon_after_the_budget() throws IOException {
        // 3,000^3 candidate joins inside one accumulate, for the first record: Phreak evaluates them
        // in one step, which no halt interrupts (hours of work if left alone).
        Path rules = rules("explodes.drl", HEADER + """
                function java.util.List range(int n) {
                    return java.util.stream.IntStream.range(0, n).boxed().collect(java.util.stream.Collectors.toList());
                }

                rule "REC-EXPLODES"
                    @id("REC-EXPLODES") @title("t") @severity("low") @reference("r")
                when
                    $record : UseRecord( )
                    accumulate( $a : Integer( ) from range(3000) and $b : Integer( ) from range(3000)
                                and Integer( intValue == $a + $b + 1000000 ) from range(3000); $n : count() )
                then
                    flag(kcontext, $record);
                end
                """);
        Path out = dir.resolve("out");

        long start = System.nanoTime();
        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> audit(rules, out, "--time-budget", "0.5"),
                "the audit hung on an exploding record rule");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(USES + ":2:", "record rules on lines 2-36",
                "exceeded its time budget of 500 ms and did not yield to the halt, so it was stopped",
                "matching the conditions of rule 'REC-EXPLODES'");
        assertThat(out.resolve("summary.json")).as("a partial audit is not committed").doesNotExist();
        // Compiling the pack, then the budget (0.5 s) and the stop grace (1 s); loose, for a loaded machine.
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void a_record_rule_that_loops_stops_at_the_firing_limit_naming_the_rule() throws IOException {
        Path rules = rules("loops.drl", HEADER + """
                rule "REC-LOOPS"
                    @id("REC-LOOPS") @title("t") @severity("low") @reference("r")
                when
                    $record : UseRecord( )
                then
                    update($record);
                end
                """);

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> audit(rules, dir.resolve("out"), "--max-firings", "100"));

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(USES + ":2:", "record rules on lines 2-36: evaluation stopped after 100 rule firings",
                "rule 'REC-LOOPS' fired 101 times");
    }

    @Test
    void a_throwing_record_rule_is_a_diagnostic_naming_the_rule_not_an_internal_error() throws IOException {
        Path rules = rules("throws.drl", HEADER + """
                rule "REC-THROWS"
                    @id("REC-THROWS") @title("t") @severity("low") @reference("r")
                when
                    $record : UseRecord( )
                then
                    throw new IllegalStateException("cannot judge " + $record.recordId());
                end
                """);

        Run run = audit(rules, dir.resolve("out"));

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(USES + ":2:", "evaluation failed in rule 'REC-THROWS'", "IllegalStateException: cannot judge")
                .doesNotContain("internal error");
    }

    private Path rules(String file, String drl) throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("records"));
        Files.writeString(rules.resolve("records").resolve(file), drl);
        return rules;
    }

    private static Run audit(Path rules, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "-q", "--threads", "2", "--scenario", SCENARIO, "--records", USES,
                "--rules", rules.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args.toArray(String[]::new));
        return new Run(code, o.toString(), e.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
